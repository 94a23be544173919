// Jira provider: Cloud (/rest/api/3/search/jql, nextPageToken, Basic email:token) and
// Data Center (/rest/api/2/search, startAt/maxResults/total, Bearer PAT).
import { adfToText, textToAdf } from './adf';
import { HttpClient, HttpOptions, TrackerError } from './http';
import { ListOptions, SavedQuery, Ticket, TicketDetails, TicketQuery, TicketTracker, Transition } from './model';

export interface JiraConfig {
  readonly url: string;
  readonly deployment: 'cloud' | 'dataCenter';
  readonly email?: string; // Cloud only
  readonly token: string;
  readonly project?: string;
  readonly http?: Partial<HttpOptions>;
}

interface JiraFields {
  summary?: string;
  status?: { id: string; name: string; statusCategory?: { key?: string } };
  priority?: { name?: string } | null;
  assignee?: { displayName?: string } | null;
  duedate?: string | null;
  created?: string;
  updated?: string;
  resolutiondate?: string | null;
  description?: unknown;
  comment?: { comments?: { author?: { displayName?: string }; created: string; body: unknown }[] };
}
interface JiraIssue { id: string; key: string; fields: JiraFields }

const FIELDS = 'summary,status,priority,assignee,duedate,created,updated,resolutiondate';
const PAGE = 100;

export class JiraProvider implements TicketTracker {
  readonly kind = 'jira' as const;
  private readonly http: HttpClient;
  private readonly api: string;

  constructor(private readonly config: JiraConfig) {
    const auth = config.deployment === 'cloud' ? `Basic ${Buffer.from(`${config.email ?? ''}:${config.token}`).toString('base64')}` : `Bearer ${config.token}`;
    this.http = new HttpClient({ baseUrl: config.url, headers: { Authorization: auth }, trackerName: 'Jira', ...config.http });
    this.api = config.deployment === 'cloud' ? '/rest/api/3' : '/rest/api/2';
  }

  jql(query: TicketQuery, updatedSince?: string): string {
    let jql: string;
    const project = this.config.project ? `project = "${this.config.project.replace(/"/g, '')}" AND ` : '';
    switch (query.kind) {
      case 'mine':
        jql = `${project}assignee = currentUser() AND statusCategory != Done`;
        break;
      case 'saved':
        jql = `filter = ${Number(query.id)}`;
        break;
      case 'raw':
        jql = query.text;
        break;
    }
    if (updatedSince) {
      const d = new Date(updatedSince);
      const pad = (n: number) => String(n).padStart(2, '0');
      // JQL dates have minute precision, in the user's zone; a little overlap is harmless for polling.
      jql = `(${jql}) AND updated >= "${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}"`;
    }
    return jql + ' ORDER BY duedate ASC, priority DESC';
  }

  async list(query: TicketQuery, options: ListOptions = {}): Promise<Ticket[]> {
    const jql = this.jql(query, options.updatedSince);
    const out: Ticket[] = [];
    const full = () => options.maxResults !== undefined && out.length >= options.maxResults;
    if (this.config.deployment === 'cloud') {
      let token: string | undefined;
      const seen = new Set<string>();
      do {
        const q = `jql=${encodeURIComponent(jql)}&maxResults=${PAGE}&fields=${FIELDS}` + (token ? `&nextPageToken=${encodeURIComponent(token)}` : '');
        const page = await this.http.request<{ issues: JiraIssue[]; nextPageToken?: string; isLast?: boolean }>('GET', `/rest/api/3/search/jql?${q}`, undefined, options.signal);
        if (!page || !Array.isArray(page.issues)) throw new TrackerError('badResponse', 'Jira answered without an issue list.');
        out.push(...page.issues.map(toTicket));
        token = page.isLast ? undefined : page.nextPageToken;
        if (token && seen.has(token)) break; // a repeating token would loop forever
        if (token) seen.add(token);
      } while (token && !full());
    } else {
      for (let startAt = 0; !full(); ) {
        const q = `jql=${encodeURIComponent(jql)}&startAt=${startAt}&maxResults=${PAGE}&fields=${FIELDS}`;
        const page = await this.http.request<{ issues: JiraIssue[]; startAt: number; total: number }>('GET', `/rest/api/2/search?${q}`, undefined, options.signal);
        if (!page || !Array.isArray(page.issues)) throw new TrackerError('badResponse', 'Jira answered without an issue list.');
        out.push(...page.issues.map(toTicket));
        startAt += page.issues.length;
        if (page.issues.length === 0 || startAt >= page.total) break;
      }
    }
    return options.maxResults !== undefined ? out.slice(0, options.maxResults) : out;
  }

  async savedQueries(signal?: AbortSignal): Promise<SavedQuery[]> {
    const r = await this.http.request<{ id: string; name: string }[]>('GET', `${this.api}/filter/favourite`, undefined, signal);
    return (r ?? []).map((f) => ({ id: String(f.id), name: f.name }));
  }

  async details(id: string, signal?: AbortSignal): Promise<TicketDetails> {
    const i = await this.http.request<JiraIssue>('GET', `${this.api}/issue/${encodeURIComponent(id)}?fields=${FIELDS},description,comment`, undefined, signal);
    if (!i?.fields) throw new TrackerError('badResponse', 'Jira answered without the issue.');
    const comments = (i.fields.comment?.comments ?? []).map((c) => ({ author: c.author?.displayName ?? '', created: c.created, text: adfToText(c.body) }));
    return { ...toTicket(i), firstResponse: comments[0]?.created, description: adfToText(i.fields.description), comments };
  }

  async addComment(id: string, text: string): Promise<void> {
    const body = this.config.deployment === 'cloud' ? { body: textToAdf(text) } : { body: text };
    await this.http.request('POST', `${this.api}/issue/${encodeURIComponent(id)}/comment`, body);
  }

  async transitions(id: string): Promise<Transition[]> {
    const r = await this.http.request<{ transitions: { id: string; name: string; to: { id: string; name: string; statusCategory?: { key?: string } } }[] }>('GET', `${this.api}/issue/${encodeURIComponent(id)}/transitions`);
    return (r?.transitions ?? []).map((t) => ({ id: t.id, name: t.name, to: { id: t.to.id, name: t.to.name, closed: t.to.statusCategory?.key === 'done' } }));
  }

  async changeStatus(id: string, transitionId: string): Promise<void> {
    await this.http.request('POST', `${this.api}/issue/${encodeURIComponent(id)}/transitions`, { transition: { id: transitionId } });
  }

  async assignToMe(id: string): Promise<void> {
    const me = await this.http.request<{ accountId?: string; name?: string }>('GET', `${this.api}/myself`);
    const body = this.config.deployment === 'cloud' ? { accountId: me?.accountId } : { name: me?.name };
    await this.http.request('PUT', `${this.api}/issue/${encodeURIComponent(id)}/assignee`, body);
  }

  browserUrl(key: string): string {
    return `${this.config.url.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
  }
}

function toTicket(i: JiraIssue): Ticket {
  const f = i.fields ?? {};
  return {
    key: i.key,
    id: i.key,
    title: f.summary ?? '',
    status: { id: f.status?.id ?? '', name: f.status?.name ?? '', closed: f.status?.statusCategory?.key === 'done' },
    priority: f.priority?.name ?? '',
    assignee: f.assignee?.displayName ?? undefined,
    due: f.duedate ?? undefined,
    created: f.created ?? '',
    updated: f.updated ?? '',
    resolved: f.resolutiondate ?? undefined,
  };
}

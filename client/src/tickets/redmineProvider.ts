// Redmine REST provider: X-Redmine-API-Key, offset/limit/total_count paging, journals and allowed statuses.
import { HttpClient, HttpOptions, TrackerError } from './http';
import { ListOptions, SavedQuery, Ticket, TicketDetails, TicketQuery, TicketTracker, Transition } from './model';

export interface RedmineConfig {
  readonly url: string;
  readonly apiKey: string;
  readonly project?: string;
  readonly inProgressStatus?: string; // name, for Start work
  readonly http?: Partial<HttpOptions>;
}

interface RmRef { id: number; name: string; is_closed?: boolean }
interface RmIssue {
  id: number;
  subject: string;
  description?: string;
  status: RmRef;
  priority: RmRef;
  assigned_to?: RmRef;
  due_date?: string | null;
  created_on: string;
  updated_on: string;
  closed_on?: string | null;
  journals?: { user: RmRef; notes?: string; created_on: string }[];
  allowed_statuses?: RmRef[];
}

const PAGE = 100; // Redmine's maximum limit

export class RedmineProvider implements TicketTracker {
  readonly kind = 'redmine' as const;
  private readonly http: HttpClient;
  private meId?: number;

  constructor(private readonly config: RedmineConfig) {
    this.http = new HttpClient({ baseUrl: config.url, headers: { 'X-Redmine-API-Key': config.apiKey }, trackerName: 'Redmine', ...config.http });
  }

  private filter(query: TicketQuery): string {
    const project = this.config.project ? `&project_id=${encodeURIComponent(this.config.project)}` : '';
    switch (query.kind) {
      case 'mine':
        return `assigned_to_id=me&status_id=open${project}`;
      case 'saved':
        return `query_id=${encodeURIComponent(query.id)}${project}`;
      case 'raw':
        return query.text.replace(/^[?&]/, '');
    }
  }

  async list(query: TicketQuery, options: ListOptions = {}): Promise<Ticket[]> {
    let filter = this.filter(query);
    if (options.updatedSince) filter += `&updated_on=${encodeURIComponent('>=' + options.updatedSince.replace(/\.\d+Z$/, 'Z'))}`;
    const out: Ticket[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.http.request<{ issues: RmIssue[]; total_count: number }>('GET', `/issues.json?${filter}&sort=due_date&offset=${offset}&limit=${PAGE}`, undefined, options.signal);
      if (!page || !Array.isArray(page.issues)) throw new TrackerError('badResponse', 'Redmine answered without an issue list.');
      out.push(...page.issues.map(toTicket));
      if (page.issues.length === 0 || offset + page.issues.length >= page.total_count) break;
      if (options.maxResults !== undefined && out.length >= options.maxResults) break;
    }
    return options.maxResults !== undefined ? out.slice(0, options.maxResults) : out;
  }

  async savedQueries(signal?: AbortSignal): Promise<SavedQuery[]> {
    const r = await this.http.request<{ queries: { id: number; name: string }[] }>('GET', '/queries.json?limit=100', undefined, signal);
    return (r?.queries ?? []).map((q) => ({ id: String(q.id), name: q.name }));
  }

  async details(id: string, signal?: AbortSignal): Promise<TicketDetails> {
    const r = await this.http.request<{ issue: RmIssue }>('GET', `/issues/${encodeURIComponent(id)}.json?include=journals,allowed_statuses`, undefined, signal);
    if (!r?.issue) throw new TrackerError('badResponse', 'Redmine answered without the issue.');
    const i = r.issue;
    const comments = (i.journals ?? []).filter((j) => j.notes).map((j) => ({ author: j.user?.name ?? '', created: j.created_on, text: j.notes ?? '' }));
    return { ...toTicket(i), firstResponse: comments[0]?.created, description: i.description ?? '', comments };
  }

  async addComment(id: string, text: string): Promise<void> {
    await this.http.request('PUT', `/issues/${encodeURIComponent(id)}.json`, { issue: { notes: text } });
  }

  async transitions(id: string): Promise<Transition[]> {
    const r = await this.http.request<{ issue: RmIssue }>('GET', `/issues/${encodeURIComponent(id)}.json?include=allowed_statuses`);
    return (r?.issue.allowed_statuses ?? [])
      .filter((s) => s.id !== r?.issue.status.id)
      .map((s) => ({ id: String(s.id), name: s.name, to: { id: String(s.id), name: s.name, closed: s.is_closed } }));
  }

  async changeStatus(id: string, transitionId: string): Promise<void> {
    await this.http.request('PUT', `/issues/${encodeURIComponent(id)}.json`, { issue: { status_id: Number(transitionId) } });
  }

  async assignToMe(id: string): Promise<void> {
    if (this.meId === undefined) {
      const me = await this.http.request<{ user: { id: number } }>('GET', '/users/current.json');
      if (!me?.user) throw new TrackerError('badResponse', 'Redmine did not say who the current user is.');
      this.meId = me.user.id;
    }
    await this.http.request('PUT', `/issues/${encodeURIComponent(id)}.json`, { issue: { assigned_to_id: this.meId } });
  }

  browserUrl(key: string): string {
    return `${this.config.url.replace(/\/+$/, '')}/issues/${key.replace(/^#/, '')}`;
  }
}

function toTicket(i: RmIssue): Ticket {
  return {
    key: `#${i.id}`,
    id: String(i.id),
    title: i.subject,
    status: { id: String(i.status.id), name: i.status.name, closed: i.status.is_closed },
    priority: i.priority?.name ?? '',
    assignee: i.assigned_to?.name,
    due: i.due_date ?? undefined,
    created: i.created_on,
    updated: i.updated_on,
    resolved: i.closed_on ?? undefined,
  };
}

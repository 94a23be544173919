// Contract tests: a local HTTP server replays Jira's documented response shapes.
import assert from 'node:assert/strict';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { JiraProvider } from '../../../client/src/tickets/jiraProvider';
import { TrackerError } from '../../../client/src/tickets/http';

type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
const seen: { url: URL; auth?: string; method?: string; body?: string }[] = [];

function issue(n: number) {
  return { id: String(10000 + n), key: `ETA-${n}`, fields: { summary: `Võlgniku arest ${n}`, status: { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } }, priority: { name: 'High' }, duedate: '2026-12-01', created: '2026-11-20T08:00:00.000+0200', updated: '2026-11-21T08:00:00.000+0200' } };
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};

describe('Jira provider', () => {
before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push({ url, auth: req.headers.authorization, method: req.method, body });
      handler(req, url, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen.length = 0));

const noWait = { delay: async () => undefined };
const cloud = (token = 'cloud-secret-token') => new JiraProvider({ url: base, deployment: 'cloud', email: 'mari@taitur.ee', token, http: noWait });
const dc = (token = 'dc-secret-pat') => new JiraProvider({ url: base, deployment: 'dataCenter', token, http: noWait });

describe('Jira contract', () => {
  it('Cloud: pages with nextPageToken over /rest/api/3/search/jql with Basic auth', async () => {
    handler = (_req, url, res) => {
      assert.equal(url.pathname, '/rest/api/3/search/jql');
      const page = Number(url.searchParams.get('nextPageToken')?.replace('p', '') ?? 0);
      const issues = Array.from({ length: page < 2 ? 100 : 30 }, (_, i) => issue(page * 100 + i + 1));
      json(res, 200, page < 2 ? { issues, nextPageToken: `p${page + 1}`, isLast: false } : { issues, isLast: true });
    };
    const list = await cloud().list({ kind: 'mine' });
    assert.equal(list.length, 230);
    assert.equal(list[229].key, 'ETA-230');
    assert.equal(list[0].title, 'Võlgniku arest 1');
    assert.equal(seen.length, 3);
    assert.equal(seen[0].auth, `Basic ${Buffer.from('mari@taitur.ee:cloud-secret-token').toString('base64')}`);
    assert.match(seen[0].url.searchParams.get('jql') ?? '', /assignee = currentUser\(\) AND statusCategory != Done/);
  });

  it('Data Center: pages with startAt/maxResults/total over /rest/api/2/search with a Bearer PAT', async () => {
    handler = (_req, url, res) => {
      assert.equal(url.pathname, '/rest/api/2/search');
      const startAt = Number(url.searchParams.get('startAt'));
      const n = Math.min(50, 120 - startAt); // server caps maxResults at 50
      json(res, 200, { startAt, maxResults: 50, total: 120, issues: Array.from({ length: n }, (_, i) => issue(startAt + i + 1)) });
    };
    const list = await dc().list({ kind: 'raw', text: 'project = ETA' });
    assert.equal(list.length, 120);
    assert.deepEqual(seen.map((s) => s.url.searchParams.get('startAt')), ['0', '50', '100']);
    assert.equal(seen[0].auth, 'Bearer dc-secret-pat');
  });

  it('honours 429 Retry-After with bounded retries', async () => {
    let calls = 0;
    const waits: number[] = [];
    handler = (_req, _url, res) => (++calls <= 2 ? json(res, 429, { errorMessages: ['Rate limit'] }, { 'Retry-After': '7' }) : json(res, 200, { issues: [issue(1)], isLast: true }));
    const p = new JiraProvider({ url: base, deployment: 'cloud', email: 'a@b.ee', token: 't', http: { delay: async (ms) => void waits.push(ms) } });
    assert.equal((await p.list({ kind: 'mine' })).length, 1);
    assert.deepEqual(waits, [7000, 7000]);
    calls = -10; // always 429 now
    await assert.rejects(p.list({ kind: 'mine' }), (e: unknown) => e instanceof TrackerError && e.kind === 'rateLimited');
  });

  it('410 of the retired search endpoint says to switch to Cloud search', async () => {
    handler = (_req, _url, res) => json(res, 410, { errorMessages: ['The requested API has been removed.'] });
    await assert.rejects(dc().list({ kind: 'mine' }), (e: unknown) => e instanceof TrackerError && e.kind === 'gone' && /cloud/.test(e.message) && /search\/jql/.test(e.message));
  });

  it('401 asks to re-enter the token and never shows it', async () => {
    handler = (_req, _url, res) => json(res, 401, { errorMessages: ['Unauthorized'] });
    await assert.rejects(cloud('super-secret-123').list({ kind: 'mine' }), (e: unknown) => {
      assert.ok(e instanceof TrackerError && e.kind === 'unauthorized');
      assert.match(e.message, /enter the token again/);
      assert.ok(!e.message.includes('super-secret-123'));
      return true;
    });
  });

  it('details convert ADF description and comments; transitions and comment posting', async () => {
    handler = (req, url, res) => {
      if (url.pathname.endsWith('/transitions') && req.method === 'GET') return json(res, 200, { transitions: [{ id: '31', name: 'Done', to: { id: '5', name: 'Done', statusCategory: { key: 'done' } } }] });
      if (req.method === 'POST') return json(res, url.pathname.endsWith('/comment') ? 201 : 204, url.pathname.endsWith('/comment') ? { id: '1' } : undefined);
      const i = issue(7);
      json(res, 200, { ...i, fields: { ...i.fields, description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tabel [Arest] õäöüšž' }] }] }, comment: { comments: [{ author: { displayName: 'Jüri' }, created: '2026-11-20T09:00:00.000+0200', body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vaatan üle' }] }] } }] } } });
    };
    const p = cloud();
    const d = await p.details('ETA-7');
    assert.equal(d.description, 'Tabel [Arest] õäöüšž');
    assert.deepEqual(d.comments, [{ author: 'Jüri', created: '2026-11-20T09:00:00.000+0200', text: 'Vaatan üle' }]);
    assert.deepEqual((await p.transitions('ETA-7')).map((t) => [t.id, t.to.closed]), [['31', true]]);
    await p.addComment('ETA-7', 'Parandatud');
    await p.changeStatus('ETA-7', '31');
    const posts = seen.filter((s) => s.method === 'POST');
    assert.equal(JSON.parse(posts[0].body ?? '').body.type, 'doc');
    assert.deepEqual(JSON.parse(posts[1].body ?? ''), { transition: { id: '31' } });
    assert.equal(p.browserUrl('ETA-7'), `${base}/browse/ETA-7`);
  });

  it('garbage and an unreachable server give clear errors, not crashes', async () => {
    handler = (_req, _url, res) => {
      res.writeHead(200);
      res.end('<html>login</html>');
    };
    await assert.rejects(cloud().list({ kind: 'mine' }), (e: unknown) => e instanceof TrackerError && e.kind === 'badResponse');
    const gone = new JiraProvider({ url: 'http://127.0.0.1:1', deployment: 'cloud', email: 'a', token: 'tok-xyz', http: noWait });
    await assert.rejects(gone.list({ kind: 'mine' }), (e: unknown) => e instanceof TrackerError && e.kind === 'unreachable' && !e.message.includes('tok-xyz'));
  });
});
});

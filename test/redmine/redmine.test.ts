// Runs against a real Redmine started from Debian's packages (test/harness/redmine.ts).
import assert from 'node:assert/strict';
import { RedmineServer, startRedmine } from '../harness/redmine';
import { RedmineProvider } from '../../client/src/tickets/redmineProvider';
import { TicketCache } from '../../client/src/tickets/ticketCache';
import { TrackerError } from '../../client/src/tickets/http';
import { maskTicket } from '../../client/src/tickets/masking';

const CODE = '38001085718'; // fake but valid isikukood
let server: RedmineServer;

before(async function () {
  this.timeout(120000);
  server = await startRedmine({ issues: 125, personalCodes: [CODE] });
  console.log(`      Redmine up in ${server.timings.totalMs} ms (seed ${server.timings.seedMs} ms) at ${server.url}`);
});

after(async function () {
  this.timeout(30000);
  await server?.stop();
});

describe('RedmineProvider against a real Redmine', () => {
  const provider = () => new RedmineProvider({ url: server.url, apiKey: server.apiKey, http: { timeoutMs: 10000 } });

  it('lists assigned-to-me open issues past the 100 page limit', async () => {
    const tickets = await provider().list({ kind: 'mine' });
    assert.equal(tickets.length, 120); // 125 seeded, every 25th unassigned
    assert.equal(new Set(tickets.map((t) => t.key)).size, 120);
    assert.ok(tickets.every((t) => t.status.closed === false && t.assignee === 'Redmine Admin'));
    assert.ok(tickets.some((t) => /Võlgniku aadress/.test(t.title)));
    const dues = tickets.map((t) => t.due ?? '');
    assert.deepEqual(dues, [...dues].sort());
  });

  it('masks personal codes in listed titles', async () => {
    const tickets = await provider().list({ kind: 'mine' });
    const withCode = tickets.filter((t) => t.title.includes(CODE));
    assert.ok(withCode.length > 0);
    assert.ok(withCode.every((t) => !maskTicket(t, false).title.includes(CODE) && maskTicket(t, false).title.includes('3**********')));
  });

  it('adds a comment and reads it back in the journals', async () => {
    const p = provider();
    const [first] = await p.list({ kind: 'mine' }, { maxResults: 1 });
    await p.addComment(first.id, 'Kontrollisin tabelit [dbo].[Arest]: õäöüšž korras.');
    const d = await p.details(first.id);
    assert.equal(d.comments.at(-1)?.text, 'Kontrollisin tabelit [dbo].[Arest]: õäöüšž korras.');
    assert.match(d.description, /Menetlus/);
    assert.ok(d.firstResponse);
  });

  it('changes status through the allowed statuses', async () => {
    const p = provider();
    const [first] = await p.list({ kind: 'mine' }, { maxResults: 1 });
    const transitions = await p.transitions(first.id);
    const inProgress = transitions.find((t) => t.name === 'In Progress');
    assert.ok(inProgress, `transitions: ${transitions.map((t) => t.name).join(', ')}`);
    await p.changeStatus(first.id, inProgress.id);
    assert.equal((await p.details(first.id)).status.name, 'In Progress');
  });

  it('polls only issues updated since a time', async () => {
    const p = provider();
    const since = new Date(Date.now() - 60000).toISOString();
    const [first] = await p.list({ kind: 'mine' }, { maxResults: 1 });
    await p.addComment(first.id, 'Uuendus pollimiseks');
    const changed = await p.list({ kind: 'mine' }, { updatedSince: since });
    assert.ok(changed.length >= 1 && changed.length < 10, `got ${changed.length}`);
    assert.ok(changed.some((t) => t.id === first.id));
  });

  it('a bad key gives 401 and a clear message without the key', async () => {
    const bad = 'deadbeef'.repeat(5);
    await assert.rejects(new RedmineProvider({ url: server.url, apiKey: bad }).list({ kind: 'mine' }), (e: unknown) => {
      assert.ok(e instanceof TrackerError);
      assert.equal(e.kind, 'unauthorized');
      assert.match(e.message, /enter the token again/);
      assert.ok(!e.message.includes(bad));
      return true;
    });
  });

  it('keeps the cached result with its time when the server is stopped', async function () {
    this.timeout(60000);
    const cache = new TicketCache(new RedmineProvider({ url: server.url, apiKey: server.apiKey, http: { timeoutMs: 3000 } }), { kind: 'mine' });
    const fresh = await cache.refresh();
    assert.equal(fresh.stale, false);
    await server.stop();
    const stale = await cache.refresh();
    assert.equal(stale.stale, true);
    assert.equal(stale.error?.kind, 'unreachable');
    assert.equal(stale.tickets.length, fresh.tickets.length);
    assert.equal(stale.fetchedAt, fresh.fetchedAt);
  });
});

// The live link over the TDS test server: polling reloads only on change, a dropped connection keeps
// the schema, reports once and reconnects with backoff. The scheduler is driven by hand: no timers.
import * as assert from 'node:assert/strict';
import { LiveSchemaSource } from '../../server/src/schema/live/liveSchemaSource';
import { CATALOG_QUERY, CHANGE_QUERY } from '../../server/src/schema/live/catalogQuery';
import { LiveLink, reconnectDelayMs, type LinkStatus, type Scheduler } from '../../server/src/schema/live/liveLink';
import type { TdsReply, TdsTestServer } from './server/server';
import { catalogReplies, changeStampReply } from './fixtures/catalog';
import { PASSWORD, profileFor, startServer } from './helpers';

/** A scheduler that records waits and runs them when the test says so. */
function manualScheduler() {
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Scheduler = (run, ms) => {
    const entry = { run, ms, cancelled: false };
    pending.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  };
  const live = () => pending.filter((p) => !p.cancelled);
  return {
    schedule,
    live,
    /** Runs the one pending wait; returns its delay. */
    fire(): number {
      const waiting = live();
      assert.equal(waiting.length, 1, 'exactly one wait is scheduled');
      waiting[0].cancelled = true;
      waiting[0].run();
      return waiting[0].ms;
    },
  };
}

describe('live link: polling and reconnect over TDS', () => {
  let server: TdsTestServer;
  let source: LiveSchemaSource | undefined;
  let link: LiveLink | undefined;
  afterEach(async () => {
    link?.close();
    await source?.dispose();
    source = undefined;
    await server?.stop();
  });

  it('computes backoff 5 s, 10 s, 20 s ... capped at 5 min', () => {
    assert.deepEqual([1, 2, 3, 4, 7, 8, 50].map((n) => reconnectDelayMs(n)), [5000, 10000, 20000, 40000, 300000, 300000, 300000]);
    assert.equal(reconnectDelayMs(0), 5000);
  });

  it('reads once, polls every interval, reloads only when sys.objects changed', async () => {
    let checksum = 777;
    server = await startServer({ handler: (r) => (r.sql === CHANGE_QUERY ? changeStampReply(5, checksum) : catalogReplies()) });
    source = new LiveSchemaSource({ profile: profileFor(server.port), password: PASSWORD });
    const clock = manualScheduler();
    const reloads: number[] = [];
    const statuses: LinkStatus[] = [];
    link = new LiveLink({ source, pollIntervalMs: 60_000, schedule: clock.schedule, onReload: (r) => reloads.push(r.schema.size), onStatus: (s) => statuses.push(s) });
    const first = await link.open();
    assert.equal(first.schema.size, 5);
    assert.deepEqual(server.statements, [CHANGE_QUERY, CATALOG_QUERY]);
    assert.equal(clock.fire(), 60_000);
    await waitUntil(() => clock.live().length === 1);
    assert.deepEqual(server.statements, [CHANGE_QUERY, CATALOG_QUERY, CHANGE_QUERY], 'unchanged: no catalog read');
    checksum = -4242;
    clock.fire();
    await waitUntil(() => reloads.length === 2);
    assert.deepEqual(server.statements.slice(3), [CHANGE_QUERY, CATALOG_QUERY]);
    assert.deepEqual(statuses, [], 'no status change while healthy');
  });

  it('keeps the schema on a dropped connection, reports once, reconnects with backoff', async () => {
    let down = false;
    let checksum = 1;
    const handler = (r: { sql: string }): TdsReply[] => {
      if (down) return [{ kind: 'drop' }];
      return r.sql === CHANGE_QUERY ? changeStampReply(5, checksum) : catalogReplies();
    };
    server = await startServer({ handler });
    source = new LiveSchemaSource({ profile: profileFor(server.port), password: PASSWORD, connectionTimeoutMs: 2000 });
    const clock = manualScheduler();
    const reloads: number[] = [];
    const statuses: LinkStatus[] = [];
    link = new LiveLink({ source, pollIntervalMs: 30_000, schedule: clock.schedule, onReload: (r) => reloads.push(r.schema.size), onStatus: (s) => statuses.push(s) });
    await link.open();
    down = true;
    assert.equal(clock.fire(), 30_000);
    await waitUntil(() => link!.failedAttempts === 1 && clock.live().length === 1);
    assert.deepEqual(statuses, ['reconnecting']);
    assert.equal(clock.fire(), 5000);
    await waitUntil(() => link!.failedAttempts === 2 && clock.live().length === 1);
    assert.equal(clock.fire(), 10_000);
    await waitUntil(() => link!.failedAttempts === 3 && clock.live().length === 1);
    assert.deepEqual(statuses, ['reconnecting'], 'reported once, not per attempt');
    assert.deepEqual(reloads, [5], 'the schema read before the drop is not replaced');
    down = false;
    checksum = 2; // changed while we were away
    assert.equal(clock.fire(), 20_000);
    await waitUntil(() => statuses.length === 2);
    assert.deepEqual(statuses, ['reconnecting', 'online']);
    assert.deepEqual(reloads, [5, 5]);
    assert.equal(clock.live()[0]?.ms, 30_000, 'back to the poll interval');
    assert.ok(server.logins.length >= 2, 'a new connection was opened');
  });

  it('starting from the cache: the first good refresh reports online; close stops everything', async () => {
    server = await startServer({ handler: (r) => (r.sql === CHANGE_QUERY ? changeStampReply(5, 9) : catalogReplies()) });
    source = new LiveSchemaSource({ profile: profileFor(server.port), password: PASSWORD });
    const clock = manualScheduler();
    const statuses: LinkStatus[] = [];
    link = new LiveLink({ source, pollIntervalMs: 0, initialStatus: 'reconnecting', schedule: clock.schedule, onReload: () => undefined, onStatus: (s) => statuses.push(s) });
    assert.equal(await link.refresh(true), true);
    assert.deepEqual(statuses, ['online']);
    assert.equal(clock.live().length, 0, 'poll interval 0: no polling');
    link.close();
    assert.equal(await link.refresh(true), false);
    assert.deepEqual(statuses, ['online', 'closed']);
    assert.equal(server.statements.filter((s) => s === CATALOG_QUERY).length, 1);
  });
});

async function waitUntil(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(cond(), 'condition reached');
}

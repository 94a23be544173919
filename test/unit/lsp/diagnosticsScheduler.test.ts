import { strict as assert } from 'node:assert';
import { adaptiveDelay, DiagnosticsScheduler } from '../../../server/src/lsp/diagnosticsScheduler';

describe('diagnostics scheduler', () => {
  it('keeps the short debounce while changes come closer together than a check takes', () => {
    assert.equal(adaptiveDelay(5, undefined, 10), 5);
    assert.equal(adaptiveDelay(5, 30, 10), 5); // a 1,000-line script
    assert.equal(adaptiveDelay(5, 12, 3), 5);
    assert.equal(adaptiveDelay(5, 1, 4), 5); // a tiny script: never below the base debounce window
  });

  it('checks at once (leading edge) when the previous change came longer ago than the last check took', () => {
    assert.equal(adaptiveDelay(5, 12, 25), 0); // one keystroke after another on 1,000 lines
    assert.equal(adaptiveDelay(5, 300, 1000), 0); // slow check, but the user paused
    assert.equal(adaptiveDelay(5, 1, 5), 0);
  });

  it('waits longer during a burst of typing in a document whose check is slow', () => {
    assert.equal(adaptiveDelay(5, 300, 50), 150);
    assert.equal(adaptiveDelay(5, 2000, 50), 250);
  });

  it('runs only the newest of several quick changes; a superseded run learns it is stale', async () => {
    const runs: { uri: string; current: () => boolean }[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const s = new DiagnosticsScheduler(0, async (uri, current) => { runs.push({ uri, current }); await gate; });
    s.schedule('file:///a.sql');
    s.schedule('file:///a.sql');
    s.schedule('file:///a.sql');
    while (runs.length === 0) await new Promise((r) => setImmediate(r));
    assert.equal(runs.length, 1);
    assert.equal(runs[0].current(), true);
    s.schedule('file:///a.sql');
    assert.equal(runs[0].current(), false);
    release();
    while (runs.length < 2) await new Promise((r) => setImmediate(r));
    assert.equal(runs[1].current(), true);
  });
});

import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { LogEntry, LogFormat } from '../../../client/src/logs/model';
import { SearchMessages } from '../../../client/src/logs/searchProtocol';
import { scanFileForPii } from '../../../client/src/logs/piiScan';
import { searchLogs } from '../../../client/src/logs/search';
import { SearchSession } from '../../../client/src/logs/searchSession';
import { SearchWorkerClient } from '../../../client/src/logs/searchWorkerClient';
import { rgAvailable } from '../../../client/src/logs/rgEngine';
import { writeRolled } from './generateLogs';

const entry = (i: number): LogEntry => ({ file: 'etaitur-20261124.json', line: i, message: `Toiming ${i} salvestatud`, properties: { UserId: i % 60 }, raw: `{"@mt":"Toiming ${i}"}` });

function session(batches: number[], post: (m: SearchMessages.FromWorker) => void, state: { closed: boolean }, failAt?: number): SearchSession {
  let n = 0;
  async function* gen(signal: AbortSignal): AsyncGenerator<LogEntry[]> {
    try {
      for (const [k, size] of batches.entries()) {
        if (signal.aborted) return;
        if (k === failAt) throw new Error('rg katkes');
        yield Array.from({ length: size }, () => entry(++n));
      }
    } finally { state.closed = true; }
  }
  // A clock that never advances: batches are cut by size only, deterministic.
  return new SearchSession(1, gen, post, { batchSize: 5, now: () => 0 });
}

describe('logs: search session (worker side)', () => {
  it('posts batches up to the limit, pauses, and continues with the rest on "more"', async () => {
    const got: SearchMessages.FromWorker[] = [];
    const s = session([3, 4, 9, 2], (m) => got.push(m), { closed: false });
    await s.pull(10);
    assert.deepEqual(got.map((m) => m.type === 'batch' ? m.entries.length : m.type), [7, 3, 'paused']);
    assert.deepEqual(got[2], { type: 'paused', id: 1, count: 10 });
    got.length = 0;
    await s.pull(10);
    assert.deepEqual(got.map((m) => m.type === 'batch' ? m.entries.map((e) => e.line) : m), [[11, 12, 13, 14, 15, 16], [17, 18], { type: 'done', id: 1, count: 18, cancelled: false }]);
    assert.ok(s.done);
  });

  it('cancel stops the search and closes it; errors are reported', async () => {
    const got: SearchMessages.FromWorker[] = [];
    const state = { closed: false };
    const s = session([50, 50], (m) => got.push(m), state);
    await s.pull(10);
    s.cancel();
    assert.deepEqual(got[got.length - 1], { type: 'done', id: 1, count: 10, cancelled: true });
    await new Promise((r) => setImmediate(r));
    assert.ok(state.closed, 'the generator was closed');
    const errs: SearchMessages.FromWorker[] = [];
    await session([2, 2], (m) => errs.push(m), { closed: false }, 1).pull(100);
    assert.deepEqual(errs[errs.length - 1], { type: 'error', id: 1, message: 'rg katkes' });
  });
});

describe('logs: search in a worker thread', function () {
  this.timeout(60000);
  let dir: string;
  let workerFile: string;
  let files: { file: string; format: LogFormat }[];
  let client: SearchWorkerClient | undefined;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-worker-'));
    workerFile = path.join(dir, 'searchWorker.js');
    await build({ entryPoints: [path.resolve(__dirname, '../../../client/src/logs/searchWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
    files = (await writeRolled(path.join(dir, 'clef'), 'clef', 2, 3000)).map((file) => ({ file, format: { kind: 'clef' } }));
  });
  afterEach(async () => { await client?.dispose(); client = undefined; });
  after(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('streams batches, pauses at the limit, loads more, and counts equal a direct search', async () => {
    client = new SearchWorkerClient(workerFile);
    const rgPath = (await rgAvailable('rg')) ? 'rg' : undefined;
    const got: LogEntry[] = [];
    const run = client.search({ files, query: { text: 'ArestService' }, rgPath, limit: 100 }, (es) => got.push(...es));
    assert.deepEqual(await run.firstPage, { kind: 'paused', count: 100 });
    assert.equal(got.length, 100);
    let end = await run.more(100_000, (es) => got.push(...es));
    assert.equal(end.kind, 'done');
    let direct = 0;
    for await (const _ of searchLogs(files, { text: 'ArestService' })) direct++;
    assert.equal(got.length, direct);
    assert.equal(new Set(got.map((e) => `${e.file}:${e.line}`)).size, direct, 'no entry twice');
    // A new search after the last one ended; then cancel while it is paused.
    const second = client.search({ files, query: { text: 'Klassifikaator' }, rgPath, limit: 5 }, () => undefined);
    assert.equal((await second.firstPage).kind, 'paused');
    second.cancel();
    end = await second.more(5, () => undefined);
    assert.equal(end.kind, 'done');
  });

  it('runs the data-protection scan with progress per file; same findings as in-process', async () => {
    client = new SearchWorkerClient(workerFile);
    const piiFiles = await writeRolled(path.join(dir, 'pii'), 'clef', 2, 1000, 5, 40);
    const seen: number[] = [];
    const end = await client.scanPersonalData(piiFiles, 0.5, undefined, (_f, done) => seen.push(done)).done;
    assert.equal(end.kind, 'done');
    assert.deepEqual(seen, [1, 2]);
    const direct = (await Promise.all(piiFiles.map((f) => scanFileForPii(f, 0.5)))).flat();
    assert.ok(direct.length > 0);
    if (end.kind === 'done') assert.deepEqual(end.findings, direct);
  });

  it('bad input is an error message, not a crash; the worker survives', async () => {
    client = new SearchWorkerClient(workerFile);
    const bad = client.search({ files: [{ file: path.join(dir, 'puudub.json'), format: { kind: 'clef' } }], query: { text: 'x' }, limit: 10 }, () => undefined);
    const end = await bad.firstPage;
    assert.equal(end.kind, 'error');
    const ok = client.search({ files, query: { text: 'Pangapäring' }, limit: 3 }, () => undefined);
    assert.deepEqual(await ok.firstPage, { kind: 'paused', count: 3 });
  });
});

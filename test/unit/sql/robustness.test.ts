import * as assert from 'assert';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { parseScript } from '../../../server/src/sql/parser';
import type { Job, JobResult } from './robustness.worker';

/** Runs a job in a worker; the watchdog terminates it if it never answers (a hang). */
function runJob(job: Job, watchdogMs: number): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'robustness.worker.ts'), { workerData: job, execArgv: ['--require', 'tsx/cjs'] });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`watchdog: parser did not finish ${job.mode} within ${watchdogMs} ms (hang?)`));
    }, watchdogMs);
    worker.once('message', (m: JobResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('robustness', function () {
  this.timeout(120000);

  it('parses every prefix of four corpus files and every 7th prefix of the rest without throwing', async () => {
    const r = await runJob({ mode: 'prefixes', fullFiles: 4, step: 7 }, 90000);
    assert.deepStrictEqual(r.failures, []);
    assert.ok(r.parsed > 5000, `only ${r.parsed} prefixes parsed`);
  });

  it('parses 3000 seeded random mutations without throwing or hanging', async () => {
    const r = await runJob({ mode: 'mutations', count: 3000, seed: 20240521 }, 90000);
    assert.deepStrictEqual(r.failures, []);
    assert.strictEqual(r.parsed, 3000);
  });

  it('survives pathological inputs', () => {
    const inputs = ['(((((((((((', ')))))', "'", '[', '/*', 'BEGIN '.repeat(500), 'END '.repeat(500), 'SELECT '.repeat(300), 'CASE WHEN '.repeat(200), '\u0000\u00a0\ufeff', 'GO\nGO\nGO 5', '@', '@@', 'N', "N'", '$', '0x', '1e', ':::', 'IF IF IF', 'ELSE ELSE'];
    for (const s of inputs) assert.doesNotThrow(() => parseScript(s), s.slice(0, 20));
  });

  it('reports very deep nesting as an error instead of overflowing the stack', () => {
    for (const s of ['SELECT ' + '('.repeat(20000) + '1', 'SELECT ' + '-'.repeat(20000) + '1', 'IF 1=1 '.repeat(5000) + 'PRINT 1', 'SELECT * FROM ' + '('.repeat(5000) + 'SELECT 1', 'SELECT ' + 'NOT '.repeat(20000) + '1']) {
      const script = parseScript(s);
      assert.ok(JSON.stringify(script).includes('"Error"'), s.slice(0, 20));
    }
  });
});

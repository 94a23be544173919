// The command-line checker with --classifiers: codes in fix scripts against the .klass files.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/run';
import { parseArgs } from '../../../server/src/cli/args';

const ROOT = path.join(__dirname, '../../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');
const KLASS = path.join(ROOT, 'test/fixtures/classifiers/menetluse-staatus.klass');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

describe('cli --classifiers', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'etaitur-klass-cli-'));
    mkdirSync(path.join(dir, 'klassifikaatorid', 'alam'), { recursive: true });
    copyFileSync(KLASS, path.join(dir, 'klassifikaatorid', 'alam', 'menetluse-staatus.klass'));
    script = path.join(dir, 'parandus.sql');
    writeFileSync(script, "SET XACT_ABORT ON;\nBEGIN TRAN;\nUPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 12;\nIF @@ROWCOUNT <> 1 ROLLBACK; ELSE COMMIT;\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parses the repeatable option', () => {
    assert.deepEqual(parseArgs(['--classifiers', 'a', '--classifiers=b', 'x.sql']).classifiers, ['a', 'b']);
    assert.deepEqual(parseArgs(['x.sql']).classifiers, []);
  });

  it('reports an unknown code when given a folder of classifier files (searched recursively)', async () => {
    const r = await run(['--schema', SCHEMA, '--classifiers', path.join(dir, 'klassifikaatorid'), '--format', 'json', script]);
    assert.equal(r.code, 1, r.err);
    const items = JSON.parse(r.out) as { code: string; line: number; message: string }[];
    const hit = items.filter((i) => i.code === 'unknown-classifier-code');
    assert.equal(hit.length, 1);
    assert.equal(hit[0].line, 3);
    assert.match(hit[0].message, /'LÕPETATUD' is not a code of classifier MENETLUSE_STAATUS/);
  });

  it('is silent about codes without --classifiers, and a missing path loads nothing', async () => {
    for (const extra of [[], ['--classifiers', path.join(dir, 'puudub')]]) {
      const r = await run(['--schema', SCHEMA, ...extra, '--format', 'json', script]);
      assert.equal(r.code, 0, r.out + r.err);
    }
  });
});

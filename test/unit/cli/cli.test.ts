import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../../server/src/cli/run';

const ROOT = path.join(__dirname, '../../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

describe('cli', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'etaitur-cli-'));
    mkdirSync(path.join(dir, 'parandused', 'node_modules'), { recursive: true });
    writeFileSync(path.join(dir, 'parandused', 'vigane.sql'), "BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD'\nCOMMIT\n");
    writeFileSync(path.join(dir, 'parandused', 'korras.sql'), "SET XACT_ABORT ON;\nBEGIN TRAN;\nUPDATE dbo.Menetlus SET Staatus = N'LOPET' WHERE MenetlusId = 12;\nIF @@ROWCOUNT <> 1 ROLLBACK; ELSE COMMIT;\n");
    writeFileSync(path.join(dir, 'parandused', 'node_modules', 'x.sql'), 'DELETE FROM dbo.Menetlus');
    writeFileSync(path.join(dir, 'ainult-hoiatus.sql'), "-- etaitur-disable-next-line no-rowcount-guard\nSELECT * FROM dbo.Menetlus WHERE LoppKuupaev = NULL\n");
  });

  it('json: 1-based findings with the documented shape; exit 1 with errors; skips node_modules', async () => {
    const r = await run(['--schema', SCHEMA, '--format', 'json', path.join(dir, 'parandused')]);
    assert.equal(r.code, 1);
    const items = JSON.parse(r.out);
    assert.ok(Array.isArray(items) && items.length > 0);
    for (const i of items) {
      assert.deepEqual(Object.keys(i).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
      assert.ok(i.line >= 1 && i.column >= 1);
      assert.ok(!i.file.includes('node_modules'));
    }
    const u = items.find((i: { code: string }) => i.code === 'update-without-where');
    assert.equal(u.line, 2);
    assert.equal(u.column, 1);
    assert.ok(!items.some((i: { file: string }) => i.file.endsWith('korras.sql')));
  });

  it('reads scripts saved as UTF-16 with a BOM (SSMS default), UTF-8 with a BOM and windows-1257 alike', async () => {
    const sql = "BEGIN TRAN;\r\nUPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD';\r\nCOMMIT;\r\n";
    const enc = path.join(dir, 'kodeeringud');
    mkdirSync(enc, { recursive: true });
    writeFileSync(path.join(enc, 'utf16.sql'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sql, 'utf16le')]));
    writeFileSync(path.join(enc, 'utf8bom.sql'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sql, 'utf8')]));
    writeFileSync(path.join(enc, 'win1257.sql'), Buffer.from(sql.replace('Õ', '\u00d5'), 'latin1')); // Õ is 0xD5 in windows-1257 too
    const r = await run(['--schema', SCHEMA, '--format', 'json', enc]);
    const items = JSON.parse(r.out) as { file: string; code: string; line: number; column: number }[];
    for (const f of ['utf16.sql', 'utf8bom.sql', 'win1257.sql']) {
      const mine = items.filter((i) => i.file.endsWith(f));
      assert.deepEqual(mine.map((i) => `${i.code}@${i.line}:${i.column}`), ['missing-xact-abort@1:1', 'update-without-where@2:1', 'no-rowcount-guard@3:1'], f);
    }
  });

  it('exit 0 when only warnings; text format', async () => {
    const r = await run(['--schema', SCHEMA, path.join(dir, 'ainult-hoiatus.sql')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /ainult-hoiatus\.sql:2:\d+ warning equals-null /);
  });

  it('sarif: version, driver rules, results with locations', async () => {
    const r = await run(['--format', 'sarif', path.join(dir, 'parandused')]);
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'update-without-where'));
    assert.ok(run0.tool.driver.rules.every((x: { shortDescription: { text: string } }) => x.shortDescription.text.length > 0));
    assert.ok(run0.results.length > 0);
    for (const res of run0.results) {
      assert.ok(res.ruleId && ['error', 'warning', 'note'].includes(res.level) && res.message.text);
      const reg = res.locations[0].physicalLocation.region;
      assert.ok(reg.startLine >= 1 && reg.startColumn >= 1);
      assert.ok(res.locations[0].physicalLocation.artifactLocation.uri);
    }
  });

  it('--lang et gives Estonian messages', async () => {
    const r = await run(['--lang', 'et', '--format', 'json', path.join(dir, 'parandused', 'vigane.sql')]);
    assert.ok(JSON.parse(r.out).some((i: { message: string }) => /WHERE-d/.test(i.message)));
  });

  it('exit 2 with a one-line reason for bad usage and unreadable input', async () => {
    for (const argv of [[], ['--format', 'xml', 'a.sql'], ['--bogus', 'a.sql'], [path.join(dir, 'puudub.sql')], ['--schema', path.join(dir, 'puudub.json'), dir]]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1);
    }
  });

  it('reads etaitur.json found above the file, and rejects a bad one with exit 2', async () => {
    const proj = path.join(dir, 'proj');
    mkdirSync(path.join(proj, 'sql'), { recursive: true });
    writeFileSync(path.join(proj, 'etaitur.json'), JSON.stringify({ rules: { 'update-without-where': 'off', 'no-rowcount-guard': 'off', 'missing-xact-abort': 'off' } }));
    writeFileSync(path.join(proj, 'sql', 'a.sql'), "BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'A'\nCOMMIT\n");
    const r = await run(['--format', 'json', path.join(proj, 'sql')]);
    assert.deepEqual(JSON.parse(r.out), []);
    assert.equal(r.code, 0);
    writeFileSync(path.join(proj, 'bad.json'), '{"rules": {"update-without-where": "loud"}}');
    const bad = await run(['--config', path.join(proj, 'bad.json'), path.join(proj, 'sql')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /must be/);
  });

  it('the built dist/cli.js runs (when built)', function () {
    const cli = path.join(ROOT, 'dist/cli.js');
    if (!existsSync(cli)) this.skip();
    const r = spawnSync(process.execPath, [cli, '--format', 'json', path.join(dir, 'parandused', 'vigane.sql')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.ok(JSON.parse(r.stdout).length > 0);
  });

  it('npm run check started elsewhere takes paths from where npm was started (INIT_CWD)', function () {
    if (!existsSync(path.join(ROOT, 'dist/cli.js'))) this.skip();
    this.timeout(20000);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['--prefix', ROOT, 'run', '--silent', 'check', '--', '--format', 'json', '--schema', SCHEMA, path.join('parandused', 'vigane.sql')];
    const r = spawnSync(npm, args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const items = JSON.parse(r.stdout) as { file: string; code: string }[];
    assert.ok(items.some((i) => i.code === 'update-without-where'));
    assert.ok(items.every((i) => i.file === path.join('parandused', 'vigane.sql')), 'paths stay as the user gave them');
  });
});

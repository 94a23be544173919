// The bundled CLI (dist/cli.js, from `npm run build`) with --connection against the TDS test server.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CATALOG_QUERY } from '../../server/src/schema/live/catalogQuery';
import { TdsTestServer } from './server/server';
import { catalogReplies } from './fixtures/catalog';
import { PASSWORD, startServer } from './helpers';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

const FIX_SCRIPT = `-- Parandus: menetluse staatus
BEGIN TRANSACTION;
UPDATE [dbo].[Menetlus]
SET Staatus = N'LÕPETATUD'
WHERE Numbr = N'123/2024-Ž';
COMMIT;
GO
`;

interface Run { code: number | null; stdout: string; stderr: string }

/** Spawns the CLI asynchronously (the TDS server lives in this process, so no spawnSync). */
function runCli(args: string[], password: string | undefined, cwd: string): Promise<Run> {
  const env = { ...process.env };
  delete env.ETAITUR_DB_PASSWORD;
  if (password !== undefined) env.ETAITUR_DB_PASSWORD = password;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI --connection over TDS', function () {
  this.timeout(20000);
  let server: TdsTestServer | undefined;
  let dir: string;
  let script: string;

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`));
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-cli-'));
    script = path.join(dir, 'parandus.sql');
    await fs.writeFile(script, FIX_SCRIPT, 'utf8');
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await fs.rm(dir, { recursive: true, force: true });
  });

  const profile = (port: number) => ({
    name: 'arendus', server: '127.0.0.1', port, database: 'eTaitur',
    authentication: { kind: 'sql', user: 'workbench' }, encrypt: false, trustServerCertificate: true,
  });

  async function writeConnections(port: number): Promise<string> {
    const file = path.join(dir, 'connections.json');
    await fs.writeFile(file, JSON.stringify({ connections: [profile(port)] }), 'utf8');
    return file;
  }

  function assertUnknownColumn(r: Run) {
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; code: string; message: string }[];
    const f = findings.find((x) => x.code === 'unknown-column');
    assert.ok(f, r.stdout);
    assert.equal(f.line, 5);
    assert.match(f.message, /Numbr/);
    assert.equal(path.resolve(dir, f.file), script);
  }

  it('checks a fix script against the live catalog from a connections file', async () => {
    server = await startServer({ handler: (r) => (r.sql === CATALOG_QUERY ? catalogReplies() : [{ kind: 'error', message: 'unexpected', number: 50000 }]) });
    const file = await writeConnections(server.port);
    const r = await runCli(['--connection', 'arendus', '--connections', file, '--format', 'json', script], PASSWORD, dir);
    assertUnknownColumn(r);
    assert.deepEqual(server.statements, [CATALOG_QUERY]);
    assert.equal(server.logins[0].readOnlyIntent, true);
    assert.equal(server.logins[0].password, PASSWORD);
  });

  it('takes the profiles from the connections array of etaitur.json by default', async () => {
    server = await startServer({ handler: () => catalogReplies() });
    await fs.writeFile(path.join(dir, 'etaitur.json'), JSON.stringify({ connections: [profile(server.port)] }), 'utf8');
    const r = await runCli(['--connection=arendus', '--format=json', 'parandus.sql'], PASSWORD, dir);
    assertUnknownColumn(r);
    assert.equal(server.statements.length, 1);
  });

  it('a wrong password exits 2 with the login message on one line, without the password', async () => {
    const wrong = 'Vale-Parool-ä9';
    server = await startServer({ checkLogin: (l) => (l.password === PASSWORD ? undefined : `Login failed for user '${l.user}'. Reason: Password did not match ${l.password}`) });
    const file = await writeConnections(server.port);
    const r = await runCli(['--connection', 'arendus', '--connections', file, '--format', 'json', script], wrong, dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^etaitur-check: connection "arendus": Login to 127\.0\.0\.1\/eTaitur failed for user 'workbench'\. Re-enter the password\.\n$/);
    assert.ok(!r.stderr.includes(wrong));
    assert.equal(server.logins[0].password, wrong);
    assert.equal(server.statements.length, 0);
  });

  it('without ETAITUR_DB_PASSWORD exits 2 before connecting', async () => {
    server = await startServer({ handler: () => catalogReplies() });
    const file = await writeConnections(server.port);
    const r = await runCli(['--connection', 'arendus', '--connections', file, script], undefined, dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ETAITUR_DB_PASSWORD/);
    assert.equal(server.logins.length, 0);
  });

  it('rejects --schema with --connection, an unknown profile and a profile holding a password', async () => {
    const both = await runCli(['--schema', 'skeem.json', '--connection', 'arendus', script], PASSWORD, dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either --schema or --connection/);
    const file = await writeConnections(1433);
    const unknown = await runCli(['--connection', 'toodang', '--connections', file, script], PASSWORD, dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No connection profile named "toodang" \(known: arendus\)/);
    await fs.writeFile(file, JSON.stringify([{ ...profile(1433), password: 'x' }]), 'utf8');
    const withPassword = await runCli(['--connection', 'arendus', '--connections', file, script], PASSWORD, dir);
    assert.equal(withPassword.code, 2);
    assert.match(withPassword.stderr, /"password" must not be stored/);
  });

  it('mentions --connection and ETAITUR_DB_PASSWORD in --help', async () => {
    const r = await runCli(['--help'], undefined, dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--connection NAME/);
    assert.match(r.stdout, /ETAITUR_DB_PASSWORD/);
  });
});

// Starts a real Redmine (Debian packages, SQLite, Puma) on a free 127.0.0.1 port, seeded for tests,
// and stops it again. Needs root (runs Redmine as www-data). Reusable by any test suite. Every start works on
// its own copy of the package's pristine database (DATABASE_URL), so concurrent runs do not disturb each other.
import { ChildProcess, spawn } from 'node:child_process';
import { access, chmod, chown, copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';

const REDMINE_DIR = '/usr/share/redmine';
export const REDMINE_DB = '/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default';
const PRISTINE = '/var/tmp/etaitur-redmine-pristine.sqlite3';

export interface RedmineServer {
  readonly url: string;
  readonly apiKey: string;
  readonly projectId: number;
  readonly timings: { readonly seedMs: number; readonly firstResponseMs: number; readonly totalMs: number };
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly issues?: number;
  readonly personalCodes?: readonly string[];
  readonly timeoutMs?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function asRedmine(cmd: string[], extraEnv: Record<string, string> = {}, detached = false): ChildProcess {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', RAILS_ENV: 'production', LANG: 'C.UTF-8', ...extraEnv };
  const asRoot = process.getuid?.() === 0;
  const argv = asRoot ? ['setpriv', '--reuid=www-data', '--regid=www-data', '--init-groups', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...cmd] : cmd;
  return spawn(argv[0], argv.slice(1), { cwd: REDMINE_DIR, env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
}

function collect(p: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  p.stdout?.on('data', (d) => (out += d));
  p.stderr?.on('data', (d) => (err += d));
  return new Promise((resolve) => p.on('close', (code) => resolve({ code, out, err })));
}

/** Keeps a copy of the package's freshly created database (taken before any test wrote to it). */
async function ensurePristineCopy(): Promise<void> {
  try {
    await access(PRISTINE);
  } catch {
    await copyFile(REDMINE_DB, PRISTINE);
  }
}

/** A private, writable copy of the pristine database in a fresh folder (SQLite writes its journal beside it). */
async function privateDbCopy(): Promise<{ file: string; dir: string }> {
  await ensurePristineCopy();
  const dir = await mkdtemp(join(tmpdir(), 'etaitur-redmine-'));
  const file = join(dir, 'redmine.sqlite3');
  await copyFile(PRISTINE, file);
  if (process.getuid?.() === 0) {
    const { uid, gid } = await wwwData();
    await chown(dir, uid, gid);
    await chown(file, uid, gid);
  }
  return { file, dir };
}

async function wwwData(): Promise<{ uid: number; gid: number }> {
  const p = spawn('id', ['-u', 'www-data']);
  const q = spawn('id', ['-g', 'www-data']);
  const [u, g] = await Promise.all([collect(p), collect(q)]);
  return { uid: Number(u.out.trim()), gid: Number(g.out.trim()) };
}

/** Restores the package's database from the pristine copy (older runs wrote to it directly). */
export async function restorePristineDb(): Promise<void> {
  await ensurePristineCopy();
  await copyFile(PRISTINE, REDMINE_DB);
  // Same owner and mode as the package leaves it: root:www-data 0660 (www-data writes it).
  const dir = await stat(dirname(REDMINE_DB));
  await chown(REDMINE_DB, 0, dir.gid).catch(() => undefined);
  await chmod(REDMINE_DB, 0o660);
}

async function waitForHttp(url: string, deadline: number, proc: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`puma exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.body?.cancel();
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150)); // polling interval, not a wait for a result
  }
  throw new Error(`Redmine did not answer at ${url} in time`);
}

export async function startRedmine(options: StartOptions = {}): Promise<RedmineServer> {
  const t0 = Date.now();
  const deadline = t0 + (options.timeoutMs ?? 90000);
  const db = await privateDbCopy();
  const dbEnv = { DATABASE_URL: `sqlite3:${db.file}` };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Seeding (rails runner) and puma's boot run side by side; Redmine re-reads settings per request.
  const seedProc = asRedmine(['bin/rails', 'runner', `${__dirname}/redmine-seed.rb`], {
    SEED_COUNT: String(options.issues ?? 125),
    SEED_CODES: (options.personalCodes ?? []).join(','),
    ...dbEnv,
  });
  const seeded = collect(seedProc);
  const puma = asRedmine(['puma', '-e', 'production', '-b', `tcp://127.0.0.1:${port}`, '-t', '2:8', 'config.ru'], dbEnv, true);
  const pumaLog = collect(puma);
  const stop = async () => {
    if (puma.exitCode === null && puma.pid) {
      try {
        process.kill(-puma.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const done = await Promise.race([pumaLog.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref())]);
      if (!done) {
        try {
          process.kill(-puma.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    await rm(db.dir, { recursive: true, force: true });
  };
  try {
    const s = await seeded;
    const seedMs = Date.now() - t0;
    const key = /KEY=(\w+)/.exec(s.out)?.[1];
    const projectId = Number(/PROJECT=(\d+)/.exec(s.out)?.[1]);
    if (s.code !== 0 || !key) throw new Error(`Redmine seeding failed (${s.code}): ${s.err.slice(-2000)}`);
    await waitForHttp(`${url}/issues.json?key=${key}&limit=1`, deadline, puma);
    const firstResponseMs = Date.now() - t0;
    return { url, apiKey: key, projectId, timings: { seedMs, firstResponseMs, totalMs: Date.now() - t0 }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

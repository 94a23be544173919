// Starting and stopping code-server (a real VS Code workbench + Node extension host) for tests, demo and screenshots.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Installs (once, cached) and returns the code-server entry script. */
export function installCodeServer() {
  execFileSync('bash', [path.join(root, 'test/harness/install-system-deps.sh')], { stdio: 'inherit' });
  return execFileSync('bash', [path.join(root, 'test/harness/install-code-server.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString().trim();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A workbench URL that loads `extensionPath` as a development extension (and runs tests when testsPath is set). */
export function workbenchUrl(port, folder, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Starts code-server on a free port with temporary HOME, user-data and extensions folders.
 * Resolves once it listens. `stop()` kills its whole process group and removes the temp folders.
 */
export async function startCodeServer(entry, { extensionsDir, settings, port: fixedPort, quiet = true } = {}) {
  const tmp = await mkdtemp(path.join(tmpdir(), 'etaitur-cs-'));
  const home = path.join(tmp, 'home');
  const userData = path.join(tmp, 'user-data');
  const extDir = extensionsDir ?? path.join(tmp, 'extensions');
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(path.join(userData, 'User'), { recursive: true });
  await mkdir(home, { recursive: true });
  await writeFile(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'workbench.tips.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      ...settings,
    }),
  );
  const port = fixedPort ?? (await freePort());
  const child = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData,
      '--extensions-dir', extDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
    { env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') },
      detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const onData = (d) => {
    log += d;
    if (!quiet) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  };
  await new Promise((resolve, reject) => {
    const check = () => {
      if (/HTTP server listening on/.test(log)) {
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${log}`)));
    setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${log}`)), 60_000).unref();
  });
  return { port, child, home, userData, extensionsDir: extDir, stop, log: () => log };
}

/** Installs a .vsix into an extensions folder with code-server's CLI. */
export function installVsix(entry, vsix, extensionsDir, home) {
  execFileSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Debian's Chromium through playwright-core with a fresh profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(tmpdir(), 'etaitur-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 860 },
  });
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  };
  return { context, close };
}

/**
 * Opens the workbench with extensionTestsPath set and resolves with the test run's exit code,
 * which the workbench reports through window.codeAutomationExit.
 */
export async function runTestsInWorkbench(context, url, timeoutMs = 180_000) {
  const page = context.pages()[0] ?? (await context.newPage());
  let done;
  const exit = new Promise((resolve) => (done = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => done(Number(code)));
  page.on('console', (m) => void printTestOutput(m));
  if (process.env.ETAITUR_TIMESTAMPS) console.log(`[${(performance.now() / 1000).toFixed(1)}] goto`);
  await page.goto(url);
  if (process.env.ETAITUR_TIMESTAMPS) console.log(`[${(performance.now() / 1000).toFixed(1)}] loaded`);
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const code = await Promise.race([exit, timer]);
  if (process.env.ETAITUR_TIMESTAMPS) console.log(`[${(performance.now() / 1000).toFixed(1)}] exit ${code}`);
  if (code === 'timeout') {
    process.stderr.write(`test run did not finish within ${timeoutMs / 1000} s\n`);
    return 1;
  }
  return code;
}

/** Prints mocha's output forwarded from the extension host to the page console, without the CSS styling arguments. */
async function printTestOutput(m) {
  const text = m.text();
  if (!/✔|✓|passing|failing|pending|^\S*\s*\d+\) |Error|assert|vsix:/i.test(text) || /open-vsx|ENOTFOUND|workbench\.js/.test(text)) return;
  const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '')));
  const { format } = await import('node:util');
  const kept = args.filter((a) => !(typeof a === 'string' && (/^%c/.test(a) || /^(color|font|background)[-:]/.test(a))));
  const t = process.env.ETAITUR_TIMESTAMPS ? `[${(performance.now() / 1000).toFixed(1)}] ` : '';
  process.stdout.write(t + format(...kept).replace(/%c/g, '') + '\n');
}

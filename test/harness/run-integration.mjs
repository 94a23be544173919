// Runs the integration tests in a real VS Code extension host (code-server + headless Chromium):
//  1. the main suite on the demo workspace with the extension loaded from source (dist/),
//  2. the packaged .vsix installed into a clean code-server, checked to activate.
// Exits with the tests' code; always kills the servers it started. `--no-vsix` skips step 2.
// A real Redmine (test/harness/redmine.ts) starts once, beside the build, for the ticket tests; the extension
// host inherits ETAITUR_TEST_REDMINE ({url, apiKey, personalCode} as JSON) or ETAITUR_TEST_REDMINE_SKIP (why not).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';
import { buildIntegrationTests } from './buildTests.mjs';
import { installCodeServer, installVsix, launchChromium, root, runTestsInWorkbench, startCodeServer, workbenchUrl } from './codeServer.mjs';

const demo = path.join(root, 'test/fixtures/demo-workspace');
const cleanups = [];
const cleanup = async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void cleanup().then(() => process.exit(130)));

async function suite(label, entry, opts, ext, tests) {
  const t0 = Date.now();
  const server = await startCodeServer(entry, opts);
  cleanups.push(server.stop);
  const browser = await launchChromium();
  cleanups.push(browser.close);
  console.log(`\n== ${label} (code-server on 127.0.0.1:${server.port})`);
  const code = await runTestsInWorkbench(browser.context, workbenchUrl(server.port, demo, ext, tests));
  await browser.close();
  await server.stop();
  if (code !== 0) process.stderr.write(server.log().split('\n').slice(-40).join('\n') + '\n');
  console.log(`== ${label}: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

const REDMINE_CODE = '38001085718'; // fake but valid isikukood seeded into some titles

/** Starts Redmine when this machine can (root, Debian's redmine package); resolves with why not otherwise. */
async function startRedmineForTests() {
  if (process.getuid?.() !== 0) return { skip: 'not running as root (Redmine runs as www-data)' };
  if (!existsSync('/usr/share/redmine/config.ru')) {
    return { skip: "Debian's redmine package is not installed (test/harness/install-system-deps.sh installs it)" };
  }
  const { startRedmine } = tsxRequire('./redmine.ts', import.meta.url);
  const server = await startRedmine({ issues: 30, personalCodes: [REDMINE_CODE] });
  console.log(`Redmine for the ticket tests: ${server.url}, up in ${(server.timings.totalMs / 1000).toFixed(1)} s`);
  return { server };
}

let exitCode = 1;
try {
  const t0 = Date.now();
  const redmine = startRedmineForTests();
  redmine.catch(() => {}); // a failed start is reported where it is awaited, below
  cleanups.push(async () => {
    const r = await redmine.catch(() => ({}));
    await r.server?.stop();
  });
  // Asynchronously, so that Redmine boots meanwhile.
  await new Promise((resolve, reject) => spawn(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' })
    .on('error', reject).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`esbuild.config.mjs exited with ${code}`)))));
  const { testsPath, probePath } = await buildIntegrationTests();
  const entry = installCodeServer();
  const r = await redmine;
  if (r.server) process.env.ETAITUR_TEST_REDMINE = JSON.stringify({ url: r.server.url, apiKey: r.server.apiKey, personalCode: REDMINE_CODE });
  else {
    process.env.ETAITUR_TEST_REDMINE_SKIP = r.skip;
    console.log(`the ticket tests against Redmine will be skipped: ${r.skip}`);
  }
  console.log(`build + install check${r.server ? ' + Redmine' : ''}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  exitCode = await suite('extension host tests', entry, {}, root, testsPath);
  await r.server?.stop(); // only the main suite uses it (stopping twice is harmless)
  if (!process.argv.includes('--no-vsix')) {
    const t1 = Date.now();
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    const vsix = path.join(root, 'dist/etaitur-workbench.vsix');
    const extDir = await mkdtemp(path.join(tmpdir(), 'etaitur-vsix-ext-'));
    cleanups.push(() => rm(extDir, { recursive: true, force: true }));
    installVsix(entry, vsix, extDir, extDir);
    console.log(`package + install .vsix: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const code = await suite('.vsix in a clean code-server', entry, { extensionsDir: extDir }, probePath, path.join(probePath, 'test'));
    if (exitCode === 0) exitCode = code;
  }
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);

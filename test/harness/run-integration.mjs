// Runs the integration tests in a real VS Code extension host (code-server + headless Chromium):
//  1. the main suite on the demo workspace with the extension loaded from source (dist/),
//  2. the packaged .vsix installed into a clean code-server, checked to activate.
// Exits with the tests' code; always kills the servers it started. `--no-vsix` skips step 2.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

let exitCode = 1;
try {
  const t0 = Date.now();
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  const { testsPath, probePath } = await buildIntegrationTests();
  const entry = installCodeServer();
  console.log(`build + install check: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  exitCode = await suite('extension host tests', entry, {}, root, testsPath);
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

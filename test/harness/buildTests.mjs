// Bundles the integration tests for the extension host: out/test (main suite) and out/vsix-probe (packaging check).
import * as esbuild from 'esbuild';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './codeServer.mjs';

export async function buildIntegrationTests() {
  const dir = path.join(root, 'test/integration');
  const tests = (await readdir(dir)).filter((f) => f.endsWith('.test.ts'));
  const common = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning',
    external: ['vscode', 'mocha'], absWorkingDir: root,
  };
  const entryPoints = Object.fromEntries([['index', 'test/integration/index.ts'], ...tests.map((t) => [t.replace(/\.ts$/, ''), `test/integration/${t}`])]);
  await esbuild.build({ ...common, entryPoints, outdir: path.join(root, 'out/test') });
  const probe = path.join(root, 'out/vsix-probe');
  await mkdir(path.join(probe, 'test'), { recursive: true });
  await esbuild.build({ ...common, entryPoints: { index: 'test/integration/vsix/index.ts' }, outdir: path.join(probe, 'test') });
  // A do-nothing development extension: only there so the workbench accepts extensionTestsPath.
  await writeFile(path.join(probe, 'package.json'), JSON.stringify({
    name: 'etaitur-vsix-probe', publisher: 'etaitur', version: '0.0.0', engines: { vscode: '^1.95.0' },
  }));
  return { testsPath: path.join(root, 'out/test'), probePath: probe };
}

// The same integration tests through @vscode/test-electron's runTests. Here the executable is the
// code-server shim; on a machine with desktop VS Code set VSCODE_EXECUTABLE to its binary.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './buildTests.mjs';
import { root } from './codeServer.mjs';

const { testsPath } = await buildIntegrationTests();
const code = await runTests({
  vscodeExecutablePath: process.env.VSCODE_EXECUTABLE ?? path.join(root, 'test/harness/vscode-shim.mjs'),
  extensionDevelopmentPath: root,
  extensionTestsPath: testsPath,
  launchArgs: [path.join(root, 'test/fixtures/demo-workspace')],
}).then(() => 0, (e) => (console.error(String(e)), 1));
process.exit(code);

#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// runTests starts it with --extensionDevelopmentPath=... --extensionTestsPath=... [workspace] and reads the
// exit code. This runs the same tests in code-server + headless Chromium instead of desktop VS Code.
// Elsewhere, pass a real desktop VS Code as vscodeExecutablePath and the same runTests code works unchanged.
import path from 'node:path';
import { installCodeServer, launchChromium, root, runTestsInWorkbench, startCodeServer, workbenchUrl } from './codeServer.mjs';

const arg = (name) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? path.resolve(a.slice(name.length + 3)) : undefined;
};
const ext = arg('extensionDevelopmentPath');
const tests = arg('extensionTestsPath');
const folder = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? path.join(root, 'test/fixtures/demo-workspace');
if (!ext || !tests) {
  console.error('usage: vscode-shim.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=DIR [folder]');
  process.exit(2);
}
const entry = installCodeServer();
const server = await startCodeServer(entry, {});
const browser = await launchChromium();
let code = 1;
try {
  code = await runTestsInWorkbench(browser.context, workbenchUrl(server.port, path.resolve(folder), ext, tests));
} finally {
  await browser.close();
  await server.stop();
}
process.exit(code);

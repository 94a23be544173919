// Runs inside a clean code-server where only the packaged .vsix is installed: it must activate from there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('etaitur.etaitur-workbench');
  assert.ok(ext, 'the installed .vsix is known to the extension host');
  assert.ok(!ext.extensionPath.includes('/test/'), `loaded from the extensions folder: ${ext.extensionPath}`);
  const api = (await ext.activate()) as { ctx?: unknown };
  assert.equal(ext.isActive, true);
  assert.ok(api.ctx, 'activate() returned the workbench API');
  const cmds = await vscode.commands.getCommands(true);
  assert.ok(cmds.includes('etaitur.schema.reload'));
  console.log(`vsix: ${ext.id} ${ext.packageJSON.version} activated from ${ext.extensionPath}`);
}

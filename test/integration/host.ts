// What every extension-host test needs: the extension's id, its activated API, and paths in the demo workspace.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkbenchApi } from '../../client/src/extension';

export const EXTENSION_ID = 'etaitur.etaitur-workbench';

export async function api(): Promise<WorkbenchApi> {
  const ext = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  return ext.activate();
}

export function demoFile(...parts: string[]): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the demo workspace is open');
  return path.join(f.uri.fsPath, ...parts);
}

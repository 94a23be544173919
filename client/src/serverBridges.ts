// Client ends of the server's custom messages: the read-only `etaitur-schema:` DDL documents
// (go to definition on a snapshot or live schema) and the workspace-wide check command.
import * as vscode from 'vscode';
import { CheckWorkspaceRequest, SchemaDocumentRequest } from '../../server/src/shared/customMessages';
import type { Ctx } from './ctx';

class SchemaDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: Ctx) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const client = this.ctx.client;
    if (!client) return vscode.l10n.t('-- The language server is not running.');
    const result = await client.sendRequest<SchemaDocumentRequest.Result>(SchemaDocumentRequest.method, { uri: uri.toString() } satisfies SchemaDocumentRequest.Params, token);
    return result.text;
  }
}

async function checkWorkspace(ctx: Ctx): Promise<void> {
  const client = ctx.client;
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The e-Täitur language server is not running: see the e-Täitur output.'));
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking every .sql file in the workspace'), cancellable: true },
    (_p, token) => client.sendRequest<CheckWorkspaceRequest.Result>(CheckWorkspaceRequest.method, {} satisfies CheckWorkspaceRequest.Params, token),
  );
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0} files checked in {1} ms: {2} findings, {3} errors.', result.files, result.durationMs, result.findings, result.errors),
  );
  void vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function registerServerBridges(ctx: Ctx): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(SchemaDocumentRequest.scheme, new SchemaDocumentProvider(ctx)),
    vscode.commands.registerCommand('etaitur.checkWorkspace', () => checkWorkspace(ctx)),
  ];
}

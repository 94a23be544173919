// Classifier (.klass) commands: deploy SQL for the active classifier file, opened as a new untitled SQL document.
import * as vscode from 'vscode';
import { ClassifierDeploySqlRequest } from '../../../server/src/shared/customMessages';
import type { Ctx } from '../ctx';

const LANGUAGE_ID = 'etaitur-classifier';

async function generateDeploySql(ctx: Ctx, uri?: vscode.Uri): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a classifier (.klass) file first.'));
    return;
  }
  const client = ctx.client;
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The e-Täitur language server is not running: see the e-Täitur output.'));
    return;
  }
  const result = await client.sendRequest<ClassifierDeploySqlRequest.Result>(
    ClassifierDeploySqlRequest.method, { uri: doc.uri.toString() } satisfies ClassifierDeploySqlRequest.Params);
  if (result.sql === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot generate deploy SQL: {0}', result.error ?? ''));
    return;
  }
  // Always a new untitled document: the generated script is reviewed before anyone saves or runs it.
  const sqlDoc = await vscode.workspace.openTextDocument({ language: 'sql', content: result.sql });
  await vscode.window.showTextDocument(sqlDoc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export function registerClassifiers(ctx: Ctx): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('etaitur.classifier.generateDeploySql', (uri?: unknown) =>
      generateDeploySql(ctx, uri instanceof vscode.Uri ? uri : undefined)),
  ];
}

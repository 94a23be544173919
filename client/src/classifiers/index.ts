// Classifier (.klass) commands: deploy SQL for the active classifier file (opened as a new untitled SQL
// document), drift against the table's rows, import from a table, and the Classifiers view.
import * as vscode from 'vscode';
import { checkClassifierDrift } from './driftCommand';
import { importClassifier } from './importCommand';
import { ClassifierTreeProvider } from './classifierTree';
import { PasswordStore } from '../live/passwords';
import { VIEW_IDS } from '../ctx';
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

const asUri = (u: unknown): vscode.Uri | undefined =>
  u instanceof vscode.Uri ? u : typeof u === 'string' && u ? vscode.Uri.parse(u) : undefined;

export function registerClassifiers(ctx: Ctx): vscode.Disposable[] {
  const passwords = new PasswordStore(ctx.extension.secrets);
  const tree = new ClassifierTreeProvider();
  ctx.treeProviders.set(VIEW_IDS.classifiers, tree as vscode.TreeDataProvider<unknown>);
  return [
    tree,
    vscode.window.createTreeView(VIEW_IDS.classifiers, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('etaitur.classifier.generateDeploySql', (uri?: unknown) => generateDeploySql(ctx, asUri(uri))),
    vscode.commands.registerCommand('etaitur.classifier.checkDrift', (uri?: unknown, snapshot?: unknown) =>
      checkClassifierDrift(ctx, passwords, asUri(uri), snapshot instanceof vscode.Uri || typeof snapshot === 'string' ? snapshot : undefined)),
    vscode.commands.registerCommand('etaitur.classifier.import', (options?: unknown) => importClassifier(ctx, passwords, options)),
    vscode.commands.registerCommand('etaitur.classifiers.refresh', () => tree.refresh()),
  ];
}

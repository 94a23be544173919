// "Check classifier drift": the classifier table's rows, read live (one SELECT) or from a data snapshot JSON
// file, are sent to the language server, which shows the drift on the .klass file with quick fixes.
import * as vscode from 'vscode';
import { ClassifierDriftRequest } from '../../../server/src/shared/customMessages';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { parseDataSnapshot, SnapshotError, type ClassifierDataSnapshot } from '../../../server/src/classifier/drift';
import { ClassifierReadError, readClassifierRows } from '../../../server/src/classifier/readRows';
import { pickProfile } from '../live/profiles';
import type { PasswordStore } from '../live/passwords';
import type { Ctx } from '../ctx';
import { inUiLang } from '../uiLanguage';

export const CLASSIFIER_LANGUAGE_ID = 'etaitur-classifier';

async function readSnapshotFile(uri: vscode.Uri): Promise<ClassifierDataSnapshot> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  return parseDataSnapshot(new TextDecoder('utf-8').decode(bytes));
}

async function rowsFromLive(doc: vscode.TextDocument, passwords: PasswordStore): Promise<{ snapshot: ClassifierDataSnapshot; source: string } | undefined> {
  const profile = await pickProfile(vscode.l10n.t('Read the classifier table from which database?'));
  if (!profile) return undefined;
  const password = await passwords.get(profile);
  if (password === undefined) return undefined;
  const snapshot = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the classifier table from {0}…', profile.name) },
    () => readClassifierRows(profile, password, parseClassifier(doc.getText()), { requestTimeoutMs: 30_000, connectionTimeoutMs: 15_000 }));
  return { snapshot, source: profile.name };
}

/**
 * `snapshot` (a Uri or path of a data snapshot JSON file) skips the questions: tests and tasks drive it that way.
 * `'clear'` removes the drift diagnostics.
 */
export async function checkClassifierDrift(ctx: Ctx, passwords: PasswordStore, target?: vscode.Uri | string, snapshot?: vscode.Uri | string): Promise<ClassifierDriftRequest.Result | undefined> {
  const targetUri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
  const doc = targetUri ? await vscode.workspace.openTextDocument(targetUri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== CLASSIFIER_LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a classifier (.klass) file first.'));
    return undefined;
  }
  const client = ctx.client;
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The e-Täitur language server is not running: see the e-Täitur output.'));
    return undefined;
  }
  const send = (rows: Record<string, unknown>[] | null, source?: string) => client.sendRequest<ClassifierDriftRequest.Result>(
    ClassifierDriftRequest.method, { uri: doc.uri.toString(), rows, source } satisfies ClassifierDriftRequest.Params);
  try {
    let data: { snapshot: ClassifierDataSnapshot; source: string } | undefined;
    if (snapshot === 'clear') return await send(null);
    if (snapshot !== undefined) {
      const uri = typeof snapshot === 'string' ? vscode.Uri.file(snapshot) : snapshot;
      data = { snapshot: await readSnapshotFile(uri), source: uri.path.replace(/^.*\//, '') };
    } else {
      const live = vscode.l10n.t('From a database (connection profile)');
      const file = vscode.l10n.t('From a data snapshot file (JSON)');
      const clear = vscode.l10n.t('Clear the drift diagnostics');
      const choice = await vscode.window.showQuickPick([live, file, clear], { title: vscode.l10n.t('Compare the classifier file with its table') });
      if (choice === clear) return await send(null);
      if (choice === live) data = await rowsFromLive(doc, passwords);
      else if (choice === file) {
        const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, title: vscode.l10n.t('Data snapshot of the classifier table') });
        if (picked?.[0]) data = { snapshot: await readSnapshotFile(picked[0]), source: picked[0].path.replace(/^.*\//, '') };
      }
    }
    if (!data) return undefined;
    const result = await send(data.snapshot.rows, data.source);
    if (result.error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot check classifier drift: {0}', result.error));
    } else if (result.missingInFile + result.missingInDatabase + result.differs === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No drift: the table holds what the classifier file says.'));
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('Classifier drift: {0} codes only in the database, {1} only in the file, {2} values differ. See the Problems view for quick fixes.',
        result.missingInFile, result.missingInDatabase, result.differs));
    }
    return result;
  } catch (e) {
    const reason = e instanceof ClassifierReadError ? inUiLang(e.info.message) : e instanceof SnapshotError ? e.message : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot check classifier drift: {0}', reason));
    return undefined;
  }
}

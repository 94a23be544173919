// "Dry run" of the active fix script: plan (refuse / rewrite), pick a profile, confirm production
// by typing the database name, run with progress and cancel, open the report beside the script.
import * as vscode from 'vscode';
import { planDryRun } from '../../../server/src/live/dryRun/rewrite';
import { runDryRun } from '../../../server/src/live/dryRun/runner';
import { connectTedious } from '../../../server/src/live/dryRun/connection';
import { renderDryRunMarkdown } from '../../../server/src/live/dryRun/report';
import { describeLiveError } from '../../../server/src/live/errors';
import { pickProfile } from './profiles';
import type { PasswordStore } from './passwords';
import { offerFix } from './liveCommands';
import { uiLang } from '../uiLanguage';
import type { DryRunReport } from '../../../server/src/live/dryRun/report';
import type { KeyLookup } from '../../../server/src/live/dryRun/preview';
import type { Schema } from '../../../server/src/schema/model';

export interface DryRunDeps {
  passwords: PasswordStore;
  log: vscode.LogOutputChannel;
  requestTimeoutMs: number;
  /** Rows shown before/after per UPDATE/DELETE; 0: no previews. */
  previewRows: number;
  /** The schema in use (live or DDL), for primary keys of previewed tables. */
  schema: () => Schema | undefined;
}

function keyLookup(schema: Schema | undefined): KeyLookup | undefined {
  if (!schema) return undefined;
  return (schemaName, name) => schema.findTable(name, schemaName)?.primaryKey?.columns;
}

async function confirmProduction(database: string): Promise<boolean> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Production database: dry run'),
    prompt: vscode.l10n.t('Type the database name {0} to confirm. The script runs inside a transaction that is always rolled back.', database),
    ignoreFocusOut: true,
  });
  return typed === database;
}

/** Runs the dry run and opens its report beside the script; resolves to the report (undefined if nothing ran). */
export async function dryRunActiveScript(deps: DryRunDeps, uri?: vscode.Uri, reenter = false): Promise<DryRunReport | undefined> {
  const { passwords, log } = deps;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || (doc.languageId !== 'sql' && !doc.fileName.toLowerCase().endsWith('.sql'))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a SQL fix script to dry-run it.'));
    return undefined;
  }
  const profile = await pickProfile(vscode.l10n.t('Dry run against which database?'));
  if (!profile) return undefined;
  const plan = planDryRun(doc.getText(), { database: profile.database, ...(deps.previewRows > 0 ? { preview: { keys: keyLookup(deps.schema()) } } : {}) });
  if (plan.refused.length) {
    const list = plan.refused.map((r) => vscode.l10n.t('line {0}: {1} ({2})', r.line, r.what, uiLang() === 'et' ? r.reasonEt : r.reason)).join('\n');
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry run refused: these statements cannot run inside a transaction:\n{0}', list), { modal: true });
    return undefined;
  }
  // Asked before the progress notification opens; the runner still refuses to send anything without it.
  const confirmed = profile.production ? await confirmProduction(profile.database) : true;
  if (!confirmed) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Dry run not started: the database name was not typed. Nothing was sent.'));
    return undefined;
  }
  const password = await passwords.get(profile, reenter);
  if (password === undefined) return undefined;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Dry run on {0}', profile.database), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await runDryRun({
          plan,
          profile,
          connect: () => connectTedious({ profile, password, requestTimeoutMs: deps.requestTimeoutMs }),
          confirm: async (database) => confirmed && database === profile.database,
          signal: abort.signal,
          previewRows: deps.previewRows,
        });
      } finally {
        sub.dispose();
      }
    },
  );
  log.info(`dry run on ${profile.server}/${profile.database}: ${report.status}, rolled back: ${report.rolledBack}`);
  if (report.status === 'connectionFailed' && report.failure) {
    const info = describeLiveError(Object.assign(new Error(report.failure), { code: report.failureCode }), { server: profile.server, database: profile.database, user: profile.authentication.user, password });
    // Not awaited: the command ends now; a new dry run starts only if the user picks the action.
    offerFix(info, () => dryRunActiveScript(deps, doc.uri, info.action === 'reenterPassword'));
    if (info.action === 'reenterPassword') return report;
  }
  // An untitled document: the report never overwrites a file.
  const reportDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderDryRunMarkdown(report, uiLang()) });
  await vscode.window.showTextDocument(reportDoc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return report;
}

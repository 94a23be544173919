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

async function confirmProduction(database: string): Promise<boolean> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Production database: dry run'),
    prompt: vscode.l10n.t('Type the database name {0} to confirm. The script runs inside a transaction that is always rolled back.', database),
    ignoreFocusOut: true,
  });
  return typed === database;
}

export async function dryRunActiveScript(passwords: PasswordStore, log: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || (doc.languageId !== 'sql' && !doc.fileName.toLowerCase().endsWith('.sql'))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a SQL fix script to dry-run it.'));
    return;
  }
  const profile = await pickProfile(vscode.l10n.t('Dry run against which database?'));
  if (!profile) return;
  const plan = planDryRun(doc.getText(), { database: profile.database });
  if (plan.refused.length) {
    const list = plan.refused.map((r) => vscode.l10n.t('line {0}: {1} ({2})', r.line, r.what, r.reason)).join('\n');
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry run refused: these statements cannot run inside a transaction:\n{0}', list), { modal: true });
    return;
  }
  const password = await passwords.get(profile);
  if (password === undefined) return;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Dry run on {0}', profile.database), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await runDryRun({
          plan,
          profile,
          connect: () => connectTedious({ profile, password }),
          confirm: confirmProduction,
          signal: abort.signal,
        });
      } finally {
        sub.dispose();
      }
    },
  );
  log.info(`dry run on ${profile.server}/${profile.database}: ${report.status}, rolled back: ${report.rolledBack}`);
  if (report.status === 'connectionFailed' && report.failure) {
    const info = describeLiveError(new Error(report.failure), { server: profile.server, database: profile.database, user: profile.authentication.user, password });
    if (info.action === 'reenterPassword') {
      const again = vscode.l10n.t('Re-enter password');
      if ((await vscode.window.showErrorMessage(info.message.en, again)) === again) await passwords.get(profile, true);
      return;
    }
  }
  // An untitled document: the report never overwrites a file.
  const reportDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderDryRunMarkdown(report) });
  await vscode.window.showTextDocument(reportDoc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

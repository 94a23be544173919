// The live SQL Server feature: connect/disconnect/refresh, export snapshot, the cached schema at
// start, and the dry run (command and CodeLens).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { PasswordStore } from './passwords';
import { LiveCommands } from './liveCommands';
import { LiveSession } from './liveSession';
import { readLiveSettings } from './liveSettings';
import { dryRunActiveScript } from './dryRunCommand';
import { DryRunCodeLensProvider } from './dryRunCodeLens';
import { pickProfile } from './profiles';

export function registerLive(ctx: Ctx): vscode.Disposable[] {
  const passwords = new PasswordStore(ctx.extension.secrets);
  let settings = readLiveSettings();
  const session = new LiveSession(ctx, () => settings);
  const commands = new LiveCommands(session, passwords, ctx.log);
  // In the background: activation never waits for a database.
  void commands.restore().catch((e: unknown) => ctx.log.warn(`live schema restore failed: ${String(e)}`));
  return [
    session,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('etaitur.live') || e.affectsConfiguration('etaitur.dryRun')) settings = readLiveSettings();
    }),
    vscode.commands.registerCommand('etaitur.live.connect', () => commands.connect()),
    vscode.commands.registerCommand('etaitur.live.disconnect', () => commands.disconnect()),
    vscode.commands.registerCommand('etaitur.live.refresh', () => commands.refresh()),
    vscode.commands.registerCommand('etaitur.live.exportSnapshot', () => commands.exportSnapshot()),
    vscode.commands.registerCommand('etaitur.live.forgetPassword', async () => {
      const p = await pickProfile(vscode.l10n.t('Forget the password of which profile?'));
      if (p) await passwords.forget(p);
    }),
    vscode.commands.registerCommand('etaitur.dryRun', (uri?: vscode.Uri) =>
      dryRunActiveScript({ passwords, log: ctx.log, requestTimeoutMs: settings.requestTimeoutMs, previewRows: settings.previewRows, schema: () => (ctx.schema.current.kind === 'loaded' ? ctx.schema.current.result.schema : undefined) }, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.languages.registerCodeLensProvider({ language: 'sql' }, new DryRunCodeLensProvider()),
  ];
}

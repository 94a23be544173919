// The live SQL Server feature: connect/disconnect, export snapshot, dry run (command and CodeLens).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { PasswordStore } from './passwords';
import { LiveConnection } from './liveCommands';
import { dryRunActiveScript } from './dryRunCommand';
import { DryRunCodeLensProvider } from './dryRunCodeLens';
import { pickProfile } from './profiles';

export function registerLive(ctx: Ctx): vscode.Disposable[] {
  const passwords = new PasswordStore(ctx.extension.secrets);
  const live = new LiveConnection(passwords, ctx.extension.globalStorageUri, ctx.log);
  return [
    live,
    vscode.commands.registerCommand('etaitur.live.connect', () => live.connect()),
    vscode.commands.registerCommand('etaitur.live.disconnect', () => live.disconnect()),
    vscode.commands.registerCommand('etaitur.live.exportSnapshot', () => live.exportSnapshot()),
    vscode.commands.registerCommand('etaitur.live.forgetPassword', async () => {
      const p = await pickProfile(vscode.l10n.t('Forget the password of which profile?'));
      if (p) await passwords.forget(p);
    }),
    vscode.commands.registerCommand('etaitur.dryRun', (uri?: vscode.Uri) => dryRunActiveScript(passwords, ctx.log, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.languages.registerCodeLensProvider({ language: 'sql' }, new DryRunCodeLensProvider()),
  ];
}

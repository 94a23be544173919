// Commands of the live connection: connect, disconnect, refresh, export snapshot, and the start from
// the cache. Error messages never block a command: their actions are offered without awaiting, and
// "Re-enter password" starts a new attempt only when the user chooses it.
import * as vscode from 'vscode';
import { LiveSchemaError } from '../../../server/src/schema/live/liveSchemaSource';
import type { LiveError } from '../../../server/src/live/errors';
import type { ConnectionProfile } from '../../../server/src/live/profile';
import { pickProfile, readProfiles } from './profiles';
import type { PasswordStore } from './passwords';
import type { LiveSession } from './liveSession';
import { inUiLang } from '../uiLanguage';

/** Shows a live error with its fixing action; resolves at once, the action runs if chosen. */
export function offerFix(info: LiveError | undefined, retry: () => unknown): void {
  const again = vscode.l10n.t('Re-enter password');
  const settings = vscode.l10n.t('Open settings');
  const tryAgain = vscode.l10n.t('Try again');
  const actions = info?.action === 'reenterPassword' ? [again] : info?.action === 'openSettings' ? [settings] : info?.action === 'retry' ? [tryAgain] : [];
  const text = info ? inUiLang(info.message) : vscode.l10n.t('Could not connect.');
  void vscode.window.showErrorMessage(text, ...actions).then((choice) => {
    if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'etaitur.connections');
    if (choice === again || choice === tryAgain) void retry();
  });
}

export class LiveCommands {
  constructor(
    private readonly session: LiveSession,
    private readonly passwords: PasswordStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Connect command: pick a profile (or the given one), ask the password if none is stored, read the catalog. */
  async connect(given?: ConnectionProfile, reenter = false): Promise<boolean> {
    const profile = given ?? (await pickProfile(vscode.l10n.t('Connect to which database?')));
    if (!profile) return false;
    const password = await this.passwords.get(profile, reenter);
    if (password === undefined) return false;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the catalog of {0}', profile.database) },
        () => this.session.open(profile, password),
      );
      this.log.info(`connected to ${profile.server}/${profile.database}: ${result?.description ?? ''}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Connected to {0}: {1} tables and views.', profile.database, result?.schema.size ?? 0));
      return true;
    } catch (e) {
      const info = e instanceof LiveSchemaError ? e.info : undefined;
      this.log.warn(`connect to ${profile.server}/${profile.database} failed: ${info?.detail ?? 'unknown error'}`);
      offerFix(info, () => this.connect(profile, info?.action === 'reenterPassword'));
      return false;
    }
  }

  async disconnect(): Promise<void> {
    const p = this.session.profile;
    await this.session.close();
    if (p) this.log.info(`disconnected from ${p.server}/${p.database}`);
  }

  /** Refresh command: reloads the catalog now; says plainly when there is no connection. */
  async refresh(): Promise<void> {
    if (!this.session.connected) {
      const connect = vscode.l10n.t('Connect');
      void vscode.window.showErrorMessage(vscode.l10n.t('No database connection: connect first (e-Täitur: Connect to Database).'), connect).then((c) => {
        if (c === connect) void this.connect(this.session.profile);
      });
      return;
    }
    const ok = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the catalog of {0}', this.session.profile?.database ?? '') },
      () => this.session.refresh(true),
    );
    if (!ok) void vscode.window.showWarningMessage(vscode.l10n.t('The database did not answer; the cached schema stays in use and the connection is retried.'));
  }

  /**
   * At start: the profile connected last time shows its cached schema at once; then, if its password
   * is stored, the catalog is read in the background. Nothing is asked and no message is shown.
   */
  async restore(): Promise<void> {
    const profile = this.session.lastProfile(readProfiles().profiles);
    if (!profile) return;
    const cached = await this.session.useCache(profile);
    const password = await this.passwords.stored(profile);
    if (password === undefined) return;
    if (cached) await this.session.open(profile, password, true);
    else await this.session.open(profile, password).catch(() => undefined);
  }

  async exportSnapshot(): Promise<void> {
    const info = this.session.current;
    if (!info) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No database connection: connect first (e-Täitur: Connect to Database).'));
      return;
    }
    const json = this.session.snapshotJson ?? Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(info.snapshotPath))).toString('utf8');
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export schema snapshot'),
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(info.snapshotPath), `${info.database}.schema.json`),
    });
    // The save dialog itself asks before replacing an existing file.
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(json, 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Schema snapshot written to {0}.', target.fsPath));
  }
}

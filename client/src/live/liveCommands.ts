// Connect to a profile's database: read the live catalog once, keep it as a snapshot cache
// (instant, offline next start) and export it on request. The password never reaches a log.
import * as vscode from 'vscode';
import { LiveSchemaError, LiveSchemaSource } from '../../../server/src/schema/live/liveSchemaSource';
import { writeSnapshotCache } from '../../../server/src/schema/live/snapshotCache';
import type { ConnectionProfile } from '../../../server/src/live/profile';
import { pickProfile } from './profiles';
import type { PasswordStore } from './passwords';

export class LiveConnection implements vscode.Disposable {
  private source: LiveSchemaSource | undefined;
  private profile: ConnectionProfile | undefined;
  private lastJson: string | undefined;

  constructor(
    private readonly passwords: PasswordStore,
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  cacheFile(profile: ConnectionProfile): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'schema-cache', `${profile.name.replace(/[^\w.-]/g, '_')}.schema.json`);
  }

  async connect(): Promise<void> {
    const profile = await pickProfile(vscode.l10n.t('Connect to which database?'));
    if (!profile) return;
    await this.disconnect();
    for (let attempt = 0; attempt < 2; attempt++) {
      const password = await this.passwords.get(profile, attempt > 0);
      if (password === undefined) return;
      const source = new LiveSchemaSource({
        profile,
        password,
        onSnapshot: async (json) => {
          this.lastJson = json;
          await writeSnapshotCache(this.cacheFile(profile).fsPath, json);
        },
      });
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the catalog of {0}', profile.database) },
          () => source.load(),
        );
        this.source = source;
        this.profile = profile;
        this.log.info(`connected to ${profile.server}/${profile.database}: ${result.description}`);
        void vscode.window.showInformationMessage(vscode.l10n.t('Connected to {0}: {1} tables and views.', profile.database, result.schema.size));
        return;
      } catch (e) {
        await source.dispose();
        const info = e instanceof LiveSchemaError ? e.info : undefined;
        this.log.warn(`connect to ${profile.server}/${profile.database} failed: ${info?.detail ?? 'unknown error'}`);
        const again = vscode.l10n.t('Re-enter password');
        const settings = vscode.l10n.t('Open settings');
        const actions = info?.action === 'reenterPassword' ? [again] : info?.action === 'openSettings' ? [settings] : [];
        const choice = await vscode.window.showErrorMessage(info?.message.en ?? vscode.l10n.t('Could not connect.'), ...actions);
        if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'etaitur.connections');
        if (choice !== again) return;
      }
    }
  }

  async disconnect(): Promise<void> {
    const s = this.source;
    this.source = undefined;
    this.profile = undefined;
    await s?.dispose();
  }

  async exportSnapshot(): Promise<void> {
    if (!this.source || !this.profile || !this.lastJson) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No database connection: connect first (e-Täitur: Connect to Database).'));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export schema snapshot'),
      filters: { JSON: ['json'] },
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? this.storage, `${this.profile.database}.schema.json`),
    });
    // The save dialog itself asks before replacing an existing file.
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(this.lastJson, 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Schema snapshot written to {0}.', target.fsPath));
  }

  dispose(): void {
    void this.disconnect();
  }
}

// Database passwords live only in VS Code SecretStorage, keyed by profile name.
import * as vscode from 'vscode';
import type { ConnectionProfile } from '../../../server/src/live/profile';

const key = (profile: ConnectionProfile): string => `etaitur.db.password.${profile.name}`;

export class PasswordStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored password, or asks for it (and stores it) when there is none or `reenter` is set. */
  async get(profile: ConnectionProfile, reenter = false): Promise<string | undefined> {
    if (!reenter) {
      const stored = await this.secrets.get(key(profile));
      if (stored) return stored;
    }
    const entered = await vscode.window.showInputBox({
      title: vscode.l10n.t('Password for {0}', profile.name),
      prompt: vscode.l10n.t('{0} on {1} as {2}; kept in VS Code secret storage', profile.database, profile.server, profile.authentication.user),
      password: true,
      ignoreFocusOut: true,
    });
    if (entered) await this.secrets.store(key(profile), entered);
    return entered || undefined;
  }

  /** The stored password without asking (background reconnects). */
  async stored(profile: ConnectionProfile): Promise<string | undefined> {
    return (await this.secrets.get(key(profile))) || undefined;
  }

  forget(profile: ConnectionProfile): Thenable<void> {
    return this.secrets.delete(key(profile));
  }
}

// Connection profiles from settings (`etaitur.connections`), validated, and a picker.
import * as vscode from 'vscode';
import { validateProfile, type ConnectionProfile } from '../../../server/src/live/profile';

export function readProfiles(): { profiles: ConnectionProfile[]; errors: string[] } {
  const raw = vscode.workspace.getConfiguration('etaitur').get<unknown[]>('connections', []);
  const profiles: ConnectionProfile[] = [];
  const errors: string[] = [];
  (Array.isArray(raw) ? raw : []).forEach((r, i) => {
    const v = validateProfile(r);
    if (v.ok) profiles.push(v.profile);
    else errors.push(`etaitur.connections[${i}]: ${v.errors.join('; ')}`);
  });
  return { profiles, errors };
}

/** Asks which profile to use; says plainly when none is configured. */
export async function pickProfile(purpose: string): Promise<ConnectionProfile | undefined> {
  const { profiles, errors } = readProfiles();
  if (errors.length) void vscode.window.showWarningMessage(errors.join('\n'));
  if (profiles.length === 0) {
    const open = vscode.l10n.t('Open settings');
    // Not awaited: the command ends now; a notification left open must not keep it pending.
    void vscode.window.showErrorMessage(vscode.l10n.t('No database connection: add a profile to the etaitur.connections setting.'), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'etaitur.connections');
    });
    return undefined;
  }
  if (profiles.length === 1) return profiles[0];
  const picked = await vscode.window.showQuickPick(
    profiles.map((p) => ({
      label: p.name,
      description: `${p.server}/${p.database}`,
      detail: p.production ? vscode.l10n.t('production') : undefined,
      profile: p,
    })),
    { title: purpose },
  );
  return picked?.profile;
}

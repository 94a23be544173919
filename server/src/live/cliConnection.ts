// The CLI's `--connection NAME`: the profile comes from the settings object, the password from
// ETAITUR_DB_PASSWORD (never from a flag, so it does not end up in shell history).
import { ConnectionProfile, validateProfile } from './profile';

export const PASSWORD_ENV = 'ETAITUR_DB_PASSWORD';

export type CliConnection = { ok: true; profile: ConnectionProfile; password: string } | { ok: false; error: string };

export function resolveCliConnection(profiles: unknown, name: string, env: Record<string, string | undefined>): CliConnection {
  const list = Array.isArray(profiles) ? profiles : [];
  const raw = list.find((p) => p && typeof p === 'object' && (p as { name?: unknown }).name === name);
  if (!raw) {
    const names = list.map((p) => (p as { name?: unknown })?.name).filter((n) => typeof n === 'string');
    return { ok: false, error: `No connection profile named "${name}"${names.length ? ` (known: ${names.join(', ')})` : ''}.` };
  }
  const v = validateProfile(raw);
  if (!v.ok) return { ok: false, error: `Connection profile "${name}" is invalid: ${v.errors.join('; ')}.` };
  const password = env[PASSWORD_ENV];
  if (!password) return { ok: false, error: `Set the ${PASSWORD_ENV} environment variable to the password of "${v.profile.authentication.user}".` };
  return { ok: true, profile: v.profile, password };
}

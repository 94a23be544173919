// The CLI's --connection: profiles from a file or etaitur.json, password from the environment,
// the schema from one catalog round trip. Every failure becomes an InputError without the password.
import { promises as fs } from 'node:fs';
import { InputError } from './files';
import { resolveCliConnection } from '../live/cliConnection';
import { ConfigError, parseConnections } from '../config/config';
import type { ConnectionProfile } from '../live/profile';
import type { Schema } from '../schema/model';
import { LiveSchemaError, LiveSchemaSource } from '../schema/live/liveSchemaSource';
import { describeLiveError } from '../live/errors';

/** Profiles from a JSON file: an array, or an object with "connections" (or "etaitur.connections"). */
export async function readConnectionsFile(file: string): Promise<ConnectionProfile[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read connections ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const o = raw as Record<string, unknown> | null;
  const list = Array.isArray(raw) ? raw : o && typeof o === 'object' ? (o.connections ?? o['etaitur.connections']) : undefined;
  if (list === undefined) throw new InputError(`${file}: expected an array of connection profiles or an object with "connections"`);
  try {
    return parseConnections(list);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

export async function loadLiveSchema(
  profiles: readonly ConnectionProfile[],
  name: string,
  env: Record<string, string | undefined>,
  lang: 'en' | 'et',
): Promise<Schema> {
  const resolved = resolveCliConnection(profiles, name, env);
  if (!resolved.ok) throw new InputError(resolved.error);
  const { profile, password } = resolved;
  const source = new LiveSchemaSource({ profile, password });
  try {
    return (await source.load()).schema;
  } catch (e) {
    const info = e instanceof LiveSchemaError ? e.info : describeLiveError(e, { server: profile.server, database: profile.database, user: profile.authentication.user, password });
    // One line, and never the password, whatever the driver said.
    const line = info.message[lang].split(/\r?\n/)[0].split(password).join('***');
    throw new InputError(`connection "${name}": ${line}`);
  } finally {
    await source.dispose();
  }
}

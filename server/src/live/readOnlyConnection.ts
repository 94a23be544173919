// One short read-only connection for a single query (classifier rows, a page of a log table): opened, used,
// always closed; driver errors come back described, never with the password in them.
import sql from 'mssql';
import { describeLiveError, type LiveError } from './errors';
import { toMssqlConfig, type ConnectionProfile } from './profile';

export interface ReadOnlyTimeouts { requestTimeoutMs?: number; connectionTimeoutMs?: number }

export async function withReadOnlyConnection<T>(
  profile: ConnectionProfile,
  password: string,
  timeouts: ReadOnlyTimeouts,
  use: (pool: sql.ConnectionPool) => Promise<T>,
  wrapError: (info: LiveError) => Error,
): Promise<T> {
  const config = toMssqlConfig(profile, password, { readOnlyIntent: true, ...timeouts });
  const pool = new sql.ConnectionPool(config as sql.config);
  pool.on('error', () => undefined);
  try {
    await pool.connect();
    return await use(pool);
  } catch (e) {
    throw wrapError(describeLiveError(e, { server: profile.server, database: profile.database, user: profile.authentication.user, password }));
  } finally {
    await pool.close().catch(() => undefined);
  }
}

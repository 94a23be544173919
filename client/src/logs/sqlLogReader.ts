// Reads one page of a database log table through mssql (read-only intent), newest first.
// The connection is opened for the page and closed after it.
import sql from 'mssql';
import type { ConnectionProfile } from '../../../server/src/live/profile';
import type { LiveError } from '../../../server/src/live/errors';
import { withReadOnlyConnection } from '../../../server/src/live/readOnlyConnection';
import { LogEntry } from './model';
import { LogQuery, entryMatcher } from './query';
import { LogRow, SqlLogSourceConfig, SqlParamType, buildLogTableQuery, rowToEntry } from './sqlLogTable';

export class SqlLogError extends Error {
  constructor(readonly info: LiveError) { super(info.message.en); }
}

export interface SqlPageRequest {
  readonly profile: ConnectionProfile;
  readonly password: string;
  readonly source: SqlLogSourceConfig;
  readonly query: LogQuery;
  readonly limit: number;
  readonly skip?: number;
  readonly signal?: AbortSignal;
  readonly requestTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
}

export interface SqlPage {
  /** Rows that also pass the filters SQL could not apply (regex, properties). */
  readonly entries: LogEntry[];
  /** Rows the database returned: a full page means more may follow. */
  readonly rows: number;
}

const TYPES: Record<SqlParamType, () => sql.ISqlType> = {
  nvarchar: () => sql.NVarChar(4000),
  datetime2: () => sql.DateTime2(3),
  int: () => sql.Int(),
};

export async function readLogTablePage(r: SqlPageRequest): Promise<SqlPage> {
  const q = buildLogTableQuery(r.source, r.query, r.limit, r.skip ?? 0);
  const timeouts = { requestTimeoutMs: r.requestTimeoutMs, connectionTimeoutMs: r.connectionTimeoutMs };
  return withReadOnlyConnection(r.profile, r.password, timeouts, async (pool) => {
    const request = pool.request();
    for (const p of q.params) request.input(p.name, TYPES[p.type](), p.value);
    const onAbort = (): void => request.cancel();
    r.signal?.addEventListener('abort', onAbort, { once: true });
    let result: sql.IResult<LogRow>;
    try {
      result = await request.query<LogRow>(q.sql);
    } finally {
      r.signal?.removeEventListener('abort', onAbort);
    }
    const where = `sql:${r.profile.name}/${r.source.table}`;
    const skip = r.skip ?? 0;
    // The database applied a literal text with LIKE (also over the properties); regexes are applied here.
    const match = entryMatcher(r.query.regex ? r.query : { ...r.query, text: undefined });
    const rows = result.recordset ?? [];
    const entries = rows.map((row, i) => rowToEntry(row, r.source, where, skip + i + 1)).filter(match);
    return { entries, rows: rows.length };
  }, (info) => new SqlLogError(info));
}

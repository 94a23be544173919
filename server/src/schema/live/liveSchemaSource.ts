// The live schema source: a lazy read-only mssql connection, one round trip for the catalog,
// a cheap change check, and the loaded schema kept as a snapshot (with its age) for offline starts.
import sql from 'mssql';
import { SchemaLoadResult, SchemaSource } from '../model';
import { SnapshotFile, serializeSnapshot, toSnapshot } from '../snapshotFormat';
import { ConnectionProfile, toMssqlConfig } from '../../live/profile';
import { describeLiveError, LiveError } from '../../live/errors';
import { CATALOG_QUERY, CHANGE_QUERY } from './catalogQuery';
import { mapCatalog, Row } from './catalogMapping';

export interface LiveSourceOptions {
  profile: ConnectionProfile;
  password: string;
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /** Called with the serialized snapshot after every successful load (the caller writes the cache file). */
  onSnapshot?: (json: string, snapshot: SnapshotFile) => void | Promise<void>;
}

export interface ChangeStamp {
  count: string;
  lastModified: string;
  checksum: string;
}

export class LiveSchemaError extends Error {
  constructor(readonly info: LiveError) {
    super(info.message.en);
  }
}

export class LiveSchemaSource implements SchemaSource {
  readonly kind = 'live' as const;
  private pool?: sql.ConnectionPool;
  private connecting?: Promise<sql.ConnectionPool>;
  lastSnapshot?: SnapshotFile;

  constructor(private readonly options: LiveSourceOptions) {}

  private async connection(): Promise<sql.ConnectionPool> {
    if (this.pool?.connected) return this.pool;
    if (!this.connecting) {
      const o = this.options;
      const config = toMssqlConfig(o.profile, o.password, { readOnlyIntent: true, requestTimeoutMs: o.requestTimeoutMs, connectionTimeoutMs: o.connectionTimeoutMs });
      const pool = new sql.ConnectionPool(config as sql.config);
      pool.on('error', () => undefined);
      this.connecting = pool.connect().then(
        (p) => ((this.pool = p), (this.connecting = undefined), p),
        (e) => {
          this.connecting = undefined;
          void pool.close().catch(() => undefined);
          throw e;
        },
      );
    }
    return this.connecting;
  }

  private fail(e: unknown): never {
    const p = this.options.profile;
    // A broken connection is dropped so the next call reconnects.
    const pool = this.pool;
    this.pool = undefined;
    void pool?.close().catch(() => undefined);
    throw new LiveSchemaError(describeLiveError(e, { server: p.server, database: p.database, user: p.authentication.user, password: this.options.password }));
  }

  async load(signal?: AbortSignal): Promise<SchemaLoadResult> {
    try {
      const pool = await this.connection();
      const request = pool.request();
      const onAbort = () => request.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      let result: sql.IResult<Row>;
      try {
        result = await request.batch<Row>(CATALOG_QUERY);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      const sets = (result.recordsets as unknown as Row[][]) ?? [];
      // A catalog cut short (connection lost mid-read) must never replace the schema.
      if (sets.length < 4) throw Object.assign(new Error(`The connection was lost during the catalog read (${sets.length} of 4 result sets).`), { code: 'ECONNCLOSED' });
      const { schema, warnings } = mapCatalog(sets);
      const loadedAt = new Date();
      const p = this.options.profile;
      this.lastSnapshot = toSnapshot(schema, { source: { kind: 'live', server: p.server, database: p.database }, generatedAt: loadedAt });
      if (this.options.onSnapshot) await this.options.onSnapshot(serializeSnapshot(this.lastSnapshot), this.lastSnapshot);
      return { schema, warnings, loadedAt, description: `live: ${p.database} (${schema.size} tables and views)` };
    } catch (e) {
      if (e instanceof LiveSchemaError) throw e;
      return this.fail(e);
    }
  }

  /** One cheap query over sys.objects; equal stamps mean the catalog did not change. */
  async changeStamp(): Promise<ChangeStamp> {
    try {
      const pool = await this.connection();
      const r = await pool.request().batch<Row>(CHANGE_QUERY);
      const row = r.recordset?.[0] ?? {};
      const d = row.last_modified;
      return {
        count: String(row.object_count ?? ''),
        lastModified: d instanceof Date ? d.toISOString() : String(d ?? ''),
        checksum: String(row.checksum ?? ''),
      };
    } catch (e) {
      return this.fail(e);
    }
  }

  async dispose(): Promise<void> {
    const pool = this.pool ?? (await this.connecting?.catch(() => undefined));
    this.pool = undefined;
    await pool?.close().catch(() => undefined);
  }
}

export function sameStamp(a: ChangeStamp | undefined, b: ChangeStamp): boolean {
  return !!a && a.count === b.count && a.lastModified === b.lastModified && a.checksum === b.checksum;
}

/** Human age of a cached snapshot: "just now", "5 min", "3 h", "2 d". */
export function snapshotAge(generatedAt: Date, now: Date = new Date()): string {
  const min = Math.max(0, Math.floor((now.getTime() - generatedAt.getTime()) / 60000));
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min`;
  if (min < 48 * 60) return `${Math.floor(min / 60)} h`;
  return `${Math.floor(min / 1440)} d`;
}

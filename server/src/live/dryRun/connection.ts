// One dedicated tedious connection for a dry run. Not a pool: if the connection is lost nothing
// is ever re-sent on another one (the server rolls back an open transaction on disconnect).
import { Connection, Request } from 'tedious';
import type { ConnectionProfile } from '../profile';

export interface ServerMessage {
  number: number;
  message: string;
  /** Line within the batch as the server reports it (1-based). */
  line?: number;
  severity: number;
}

export interface BatchOutcome {
  /** Row counts from DONE/DONEINPROC tokens that carry one, in order. */
  rowCounts: number[];
  messages: ServerMessage[];
  errors: ServerMessage[];
  /** Rows of result sets, when asked for (previews, @@TRANCOUNT). */
  rows: Record<string, unknown>[][];
  /** The driver failed the request (timeout, cancel, lost connection). */
  failure?: { code: string; message: string };
}

export interface DryRunConnection {
  execBatch(sql: string): Promise<BatchOutcome>;
  cancel(): void;
  readonly closed: boolean;
  close(): Promise<void>;
}

export interface TediousConnectOptions {
  profile: ConnectionProfile;
  password: string;
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export function connectTedious(o: TediousConnectOptions): Promise<DryRunConnection> {
  const p = o.profile;
  const authentication =
    p.authentication.kind === 'ntlm'
      ? { type: 'ntlm' as const, options: { userName: p.authentication.user, password: o.password, domain: p.authentication.domain } }
      : { type: 'default' as const, options: { userName: p.authentication.user, password: o.password } };
  const connection = new Connection({
    server: p.server,
    authentication,
    options: {
      port: p.port ?? 1433,
      database: p.database,
      encrypt: p.encrypt,
      trustServerCertificate: p.trustServerCertificate,
      requestTimeout: o.requestTimeoutMs ?? 60000,
      connectTimeout: o.connectTimeoutMs ?? 15000,
      appName: 'e-Täitur Workbench (dry run)',
      rowCollectionOnRequestCompletion: false,
    },
  });
  return new Promise((resolve, reject) => {
    connection.on('error', () => undefined);
    connection.connect((err) => (err ? reject(err) : resolve(new TediousDryRunConnection(connection))));
  });
}

class TediousDryRunConnection implements DryRunConnection {
  closed = false;

  constructor(private readonly connection: Connection) {
    connection.on('end', () => (this.closed = true));
  }

  execBatch(sql: string): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { rowCounts: [], messages: [], errors: [], rows: [] };
    if (this.closed) return Promise.resolve({ ...outcome, failure: { code: 'ECLOSE', message: 'connection closed' } });
    return new Promise((resolve) => {
      const onInfo = (m: { number: number; message: string; lineNumber?: number; class?: number }) =>
        outcome.messages.push({ number: m.number, message: m.message, line: m.lineNumber, severity: m.class ?? 0 });
      const onError = (m: { number: number; message: string; lineNumber?: number; class?: number }) =>
        outcome.errors.push({ number: m.number, message: m.message, line: m.lineNumber, severity: m.class ?? 16 });
      this.connection.on('infoMessage', onInfo);
      this.connection.on('errorMessage', onError);
      const request = new Request(sql, (err) => {
        this.connection.removeListener('infoMessage', onInfo);
        this.connection.removeListener('errorMessage', onError);
        const code = (err as { code?: string } | undefined)?.code;
        // Errors the server reported are already in outcome.errors; only driver failures are kept here.
        if (err && code !== 'EREQUEST') outcome.failure = { code: code ?? 'EUNKNOWN', message: err.message };
        resolve(outcome);
      });
      const onCount = (rowCount: number | undefined) => {
        if (rowCount !== undefined) outcome.rowCounts.push(rowCount);
      };
      request.on('doneInProc', onCount);
      request.on('done', onCount);
      request.on('columnMetadata', () => outcome.rows.push([]));
      request.on('row', (columns: { metadata: { colName: string }; value: unknown }[]) => {
        const row: Record<string, unknown> = {};
        for (const c of columns) row[c.metadata.colName] = c.value;
        outcome.rows[outcome.rows.length - 1]?.push(row);
      });
      this.connection.execSqlBatch(request);
    });
  }

  cancel(): void {
    if (!this.closed) this.connection.cancel();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.connection.once('end', () => resolve());
      this.connection.close();
    });
  }
}

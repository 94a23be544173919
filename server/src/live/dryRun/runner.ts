// Runs a planned dry run on one connection: BEGIN TRAN + savepoint, each rewritten batch, an
// @@TRANCOUNT check after each, and ALWAYS `IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION` at the end
// (also after errors, timeouts and cancel), then close.
import type { ConnectionProfile } from '../profile';
import type { DryRunConnection } from './connection';
import { DryRunPlan, SAVEPOINT } from './rewrite';
import { BatchReport, DryRunReport, DryRunStatus, StatementCount, StatementPreview } from './report';
import { afterSql, beforeSql, toRowTable } from './preview';

// Two nested BEGINs: a COMMIT the rewrite cannot see (dynamic SQL) only lowers @@TRANCOUNT and
// commits nothing. IMPLICIT_TRANSACTIONS ON: should the transaction still end, the next write opens
// a new one instead of autocommitting, and the final ROLLBACK (or the disconnect) undoes it.
export const BEGIN_SQL = `BEGIN TRANSACTION; BEGIN TRANSACTION; SAVE TRANSACTION ${SAVEPOINT}; SET IMPLICIT_TRANSACTIONS ON;`;
/** @@TRANCOUNT below this after a batch means the script ended (part of) the dry run's transaction. */
export const EXPECTED_TRANCOUNT = 2;
export const TRANCOUNT_SQL = 'SELECT @@TRANCOUNT AS trancount;';
export const ROLLBACK_SQL = 'IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;';

export interface DryRunOptions {
  plan: DryRunPlan;
  profile: ConnectionProfile;
  connect: () => Promise<DryRunConnection>;
  /** Production profiles: resolves true only when the user typed the database name. */
  confirm?: (database: string) => Promise<boolean>;
  signal?: AbortSignal;
  now?: () => number;
  /** Rows shown per previewed statement (before and after); 0 or unset: no previews are taken. */
  previewRows?: number;
}

function mapCounts(counts: number[], lines: number[]): StatementCount[] {
  if (counts.length === lines.length) return counts.map((rows, i) => ({ line: lines[i], rows }));
  return counts.map((rows) => ({ rows }));
}

export async function runDryRun(o: DryRunOptions): Promise<DryRunReport> {
  const now = o.now ?? (() => Date.now());
  const started = now();
  const report: DryRunReport = {
    status: 'completed',
    database: o.profile.database,
    server: o.profile.server,
    batches: [],
    refused: o.plan.refused,
    rewrites: o.plan.rewrites,
    warnings: o.plan.warnings,
    ...(o.previewRows ? { previewSkipped: o.plan.previewSkipped } : {}),
    rolledBack: false,
    totalElapsedMs: 0,
  };
  const finish = (status: DryRunStatus, failure?: string) => {
    report.status = status;
    if (failure) report.failure = failure;
    report.totalElapsedMs = now() - started;
    return report;
  };
  if (o.plan.refused.length) return finish('refused');
  if (o.profile.production) {
    const ok = o.confirm ? await o.confirm(o.profile.database).catch(() => false) : false;
    if (!ok) return finish('notConfirmed');
  }
  if (o.signal?.aborted) return finish('cancelled');
  let conn: DryRunConnection;
  try {
    conn = await o.connect();
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'string') report.failureCode = code;
    return finish('connectionFailed', (e as Error)?.message ?? String(e));
  }
  let status: DryRunStatus = 'completed';
  let failure: string | undefined;
  const onAbort = () => {
    status = 'cancelled';
    conn.cancel();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const begin = await conn.execBatch(BEGIN_SQL);
    if (begin.failure || begin.errors.length) {
      status = begin.failure?.code === 'ETIMEOUT' ? 'timeout' : 'connectionFailed';
      failure = begin.failure?.message ?? begin.errors[0]?.message;
    }
    const maxRows = Math.max(0, Math.floor(o.previewRows ?? 0));
    /** A preview SELECT: undefined when the run must stop (driver failure, or the transaction is gone). */
    const previewQuery = async (sql: string): Promise<{ rows: Record<string, unknown>[]; error?: string } | undefined> => {
      const out = await conn.execBatch(sql);
      if (out.failure) {
        if (o.signal?.aborted || out.failure.code === 'ECANCEL') status = 'cancelled';
        else status = out.failure.code === 'ETIMEOUT' ? 'timeout' : 'connectionFailed';
        failure = out.failure.message;
        return undefined;
      }
      if (out.errors.length) {
        // A failed SELECT leaves the transaction as it was unless XACT_ABORT doomed it: check.
        const check = await conn.execBatch(TRANCOUNT_SQL);
        if (check.failure || !(Number(check.rows[0]?.[0]?.trancount ?? NaN) >= EXPECTED_TRANCOUNT)) {
          status = check.failure ? 'connectionFailed' : 'transactionLost';
          failure = check.failure?.message;
          return undefined;
        }
        return { rows: [], error: out.errors[0].message };
      }
      return { rows: out.rows[0] ?? [] };
    };
    let index = 0;
    run: for (const batch of status === 'completed' ? o.plan.batches : []) {
      const previews: (StatementPreview & { raw: Record<string, unknown>[] })[] = [];
      for (const t of maxRows > 0 ? batch.previews : []) {
        if (o.signal?.aborted) break run;
        const before = await previewQuery(beforeSql(t, maxRows));
        if (!before) break run;
        previews.push({ line: t.line, statement: t.statement, table: t.table, keyColumns: t.keyColumns, raw: before.rows, ...(before.error ? { error: before.error } : { before: toRowTable(before.rows, maxRows) }) });
      }
      const firstBatchIndex = report.batches.length;
      for (let k = 0; k < batch.repeat; k++) {
        if (o.signal?.aborted) break run;
        const t0 = now();
        const outcome = await conn.execBatch(batch.text);
        const toLine = (line?: number) => (line ? line + batch.lineOffset : undefined);
        const b: BatchReport = {
          index: index++,
          firstLine: batch.lineOffset + 1,
          counts: mapCounts(outcome.rowCounts, batch.countedStatementLines),
          messages: outcome.messages.map((m) => ({ line: toLine(m.line), text: m.message })),
          errors: outcome.errors.map((e) => ({ line: toLine(e.line), text: e.message, number: e.number, severity: e.severity })),
          elapsedMs: now() - t0,
        };
        report.batches.push(b);
        if (b.errors.length && status === 'completed') status = 'completedWithErrors';
        if (outcome.failure) {
          if (o.signal?.aborted || outcome.failure.code === 'ECANCEL') status = 'cancelled';
          else status = outcome.failure.code === 'ETIMEOUT' ? 'timeout' : 'connectionFailed';
          failure = outcome.failure.message;
          break run;
        }
        const check = await conn.execBatch(TRANCOUNT_SQL);
        const trancount = Number(check.rows[0]?.[0]?.trancount ?? NaN);
        if (check.failure) {
          status = 'connectionFailed';
          failure = check.failure.message;
          break run;
        }
        if (!(trancount >= EXPECTED_TRANCOUNT)) {
          status = 'transactionLost';
          break run;
        }
      }
      for (const [i, p] of previews.entries()) {
        const t = batch.previews[i];
        if (!p.error && !o.signal?.aborted) {
          const q = afterSql(t, maxRows, p.raw);
          if (q) {
            const after = await previewQuery(q.sql);
            if (!after) break;
            if (after.error) p.error = after.error;
            else Object.assign(p, { after: toRowTable(after.rows, maxRows), afterBy: q.by });
          }
        }
      }
      const shown = previews.map(({ raw: _raw, ...p }) => p);
      if (shown.length && report.batches[firstBatchIndex]) report.batches[firstBatchIndex].previews = shown;
      if (status !== 'completed' && status !== 'completedWithErrors') break run;
    }
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    if (!conn.closed) {
      const rb = await conn.execBatch(ROLLBACK_SQL).catch(() => undefined);
      report.rolledBack = !!rb && !rb.failure;
    }
    await conn.close().catch(() => undefined);
  }
  if (o.signal?.aborted) status = 'cancelled';
  return finish(status, failure);
}

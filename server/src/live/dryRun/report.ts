// The dry-run report: pure data, and a Markdown renderer for it.
import type { RowTable } from './preview';

export type DryRunStatus = 'completed' | 'completedWithErrors' | 'refused' | 'notConfirmed' | 'cancelled' | 'timeout' | 'transactionLost' | 'connectionFailed';

export interface StatementCount {
  /** 1-based script line, when the count could be mapped to a statement. */
  line?: number;
  rows: number;
}

export interface ReportMessage {
  line?: number;
  text: string;
}

export interface ReportError extends ReportMessage {
  number: number;
  severity: number;
}

export interface StatementPreview {
  line: number;
  statement: 'UPDATE' | 'DELETE';
  table: string;
  before?: RowTable;
  after?: RowTable;
  /** How "after" found the rows: by primary key, or by the same WHERE. */
  afterBy?: 'key' | 'where';
  keyColumns?: string[];
  /** Why the preview could not be taken (the SELECT failed); the dry run itself is unaffected. */
  error?: string;
}

export interface BatchReport {
  index: number;
  /** 1-based first line of the batch in the script. */
  firstLine: number;
  counts: StatementCount[];
  messages: ReportMessage[];
  errors: ReportError[];
  elapsedMs: number;
  previews?: StatementPreview[];
}

export interface DryRunReport {
  status: DryRunStatus;
  database: string;
  server: string;
  batches: BatchReport[];
  refused: { line: number; what: string; reason: string }[];
  rewrites: { line: number; original: string; replacement: string }[];
  warnings: string[];
  /** True when the final ROLLBACK was sent on the dry run's connection. */
  rolledBack: boolean;
  totalElapsedMs: number;
  failure?: string;
  /** Statements without a row preview, and why (empty when previews were not asked for). */
  previewSkipped?: { line: number; reason: string }[];
  /** The driver's error code for a failed connection (ELOGIN, ESOCKET, ETIMEOUT ...). */
  failureCode?: string;
}

const STATUS_TEXT: Record<DryRunStatus, string> = {
  completed: 'Completed and rolled back: nothing was committed.',
  completedWithErrors: 'Completed with errors and rolled back: nothing was committed.',
  refused: 'Refused: the script has statements that cannot run inside a transaction. Nothing was sent.',
  notConfirmed: 'Not confirmed: the production database name was not typed. Nothing was sent.',
  cancelled: 'Cancelled and rolled back.',
  timeout: 'Timed out and rolled back.',
  transactionLost: 'Stopped: the script committed or rolled back the dry run\'s own transaction (@@TRANCOUNT dropped). The rest was not run; nothing was committed.',
  connectionFailed: 'The connection failed; the server rolls back an open transaction when a connection ends.',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderDryRunMarkdown(r: DryRunReport): string {
  const out: string[] = [`# Dry run: ${r.database} on ${r.server}`, '', `**${STATUS_TEXT[r.status]}**`, ''];
  if (r.failure) out.push(`> ${cell(r.failure)}`, '');
  out.push(`Elapsed: ${r.totalElapsedMs} ms · final ROLLBACK sent: ${r.rolledBack ? 'yes' : 'no'}`, '');
  if (r.refused.length) {
    out.push('## Refused statements', '', '| Line | Statement | Why |', '| ---: | --- | --- |');
    for (const x of r.refused) out.push(`| ${x.line} | ${cell(x.what)} | ${cell(x.reason)} |`);
    out.push('');
  }
  if (r.rewrites.length) {
    out.push('## Transaction statements rewritten', '', '| Line | In the script | Sent as |', '| ---: | --- | --- |');
    for (const x of r.rewrites) out.push(`| ${x.line} | \`${cell(x.original)}\` | \`${cell(x.replacement)}\` |`);
    out.push('');
  }
  for (const w of r.warnings) out.push(`- ⚠ ${cell(w)}`);
  if (r.warnings.length) out.push('');
  for (const b of r.batches) {
    out.push(`## Batch ${b.index + 1} (from line ${b.firstLine}, ${b.elapsedMs} ms)`, '');
    if (b.counts.length) {
      out.push('| Line | Rows affected |', '| ---: | ---: |');
      for (const c of b.counts) out.push(`| ${c.line ?? '?'} | ${c.rows} |`);
      out.push('');
    }
    for (const p of b.previews ?? []) out.push(...renderPreview(p));
    for (const m of b.messages) out.push(`- ${m.line ? `line ${m.line}: ` : ''}${cell(m.text)}`);
    for (const e of b.errors) out.push(`- **Error ${e.number}**${e.line ? ` at line ${e.line}` : ''}: ${cell(e.text)}`);
    if (b.messages.length || b.errors.length) out.push('');
  }
  if (r.previewSkipped?.length) {
    out.push('## No row preview', '', '| Line | Why |', '| ---: | --- |');
    for (const x of r.previewSkipped) out.push(`| ${x.line} | ${cell(x.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}

function renderRows(t: RowTable, changedFrom?: RowTable, keyOf?: (row: string[], cols: string[]) => string): string[] {
  if (!t.rows.length) return ['*(no rows)*', ''];
  const before = new Map<string, string[]>();
  if (changedFrom && keyOf) for (const r of changedFrom.rows) before.set(keyOf(r, changedFrom.columns), r);
  const out = [`| ${t.columns.map(cell).join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`];
  for (const r of t.rows) {
    const old = keyOf ? before.get(keyOf(r, t.columns)) : undefined;
    // Cells the batch changed are bold.
    out.push(`| ${r.map((v, i) => (old && old[changedFrom!.columns.indexOf(t.columns[i])] !== v ? `**${cell(v)}**` : cell(v))).join(' | ')} |`);
  }
  if (t.more) out.push('', `*(more rows than shown)*`);
  out.push('');
  return out;
}

function renderPreview(p: StatementPreview): string[] {
  const out = [`### Rows of ${p.statement} ${cell(p.table)} (line ${p.line})`, ''];
  if (p.error) return [...out, `Preview unavailable: ${cell(p.error)}`, ''];
  if (p.before) out.push('Before the batch:', '', ...renderRows(p.before));
  if (p.after) {
    const keyOf = p.afterBy === 'key' && p.before ? (row: string[], cols: string[]) => (p.keyColumns ?? []).map((k) => row[cols.indexOf(k)]).join('\u0000') : undefined;
    out.push(p.afterBy === 'key' ? 'The same rows after the batch (by primary key; changed cells in bold):' : 'Rows matching the WHERE after the batch:', '', ...renderRows(p.after, p.before, keyOf));
  }
  return out;
}

// The dry-run report: pure data, and a Markdown renderer for it.

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

export interface BatchReport {
  index: number;
  /** 1-based first line of the batch in the script. */
  firstLine: number;
  counts: StatementCount[];
  messages: ReportMessage[];
  errors: ReportError[];
  elapsedMs: number;
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
    for (const m of b.messages) out.push(`- ${m.line ? `line ${m.line}: ` : ''}${cell(m.text)}`);
    for (const e of b.errors) out.push(`- **Error ${e.number}**${e.line ? ` at line ${e.line}` : ''}: ${cell(e.text)}`);
    if (b.messages.length || b.errors.length) out.push('');
  }
  return out.join('\n');
}

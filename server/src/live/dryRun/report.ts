// The dry-run report: pure data, and a Markdown renderer for it in English or Estonian.
import type { RowTable } from './preview';
import type { PlanWarning } from './rewrite';

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
  refused: { line: number; what: string; reason: string; reasonEt: string }[];
  rewrites: { line: number; original: string; replacement: string }[];
  warnings: PlanWarning[];
  /** True when the final ROLLBACK was sent on the dry run's connection. */
  rolledBack: boolean;
  totalElapsedMs: number;
  failure?: string;
  /** Statements without a row preview, and why (empty when previews were not asked for). */
  previewSkipped?: { line: number; reason: string; reasonEt: string }[];
  /** The driver's error code for a failed connection (ELOGIN, ESOCKET, ETIMEOUT ...). */
  failureCode?: string;
}

export type ReportLang = 'en' | 'et';

interface ReportText {
  status: Record<DryRunStatus, string>;
  title(database: string, server: string): string;
  elapsed(ms: number, rolledBack: boolean): string;
  refusedHeading: string;
  refusedHeader: string;
  rewritesHeading: string;
  rewritesHeader: string;
  batch(n: number, line: number, ms: number): string;
  countsHeader: string;
  line(n: number): string;
  error(n: number, line?: number): string;
  noPreviewHeading: string;
  noPreviewHeader: string;
  rowsOf(statement: string, table: string, line: number): string;
  previewUnavailable: string;
  before: string;
  afterByKey: string;
  afterByWhere: string;
  noRows: string;
  moreRows: string;
}

const TEXT: Record<ReportLang, ReportText> = {
  en: {
    status: {
      completed: 'Completed and rolled back: nothing was committed.',
      completedWithErrors: 'Completed with errors and rolled back: nothing was committed.',
      refused: 'Refused: the script has statements that cannot run inside a transaction. Nothing was sent.',
      notConfirmed: 'Not confirmed: the production database name was not typed. Nothing was sent.',
      cancelled: 'Cancelled and rolled back.',
      timeout: 'Timed out and rolled back.',
      transactionLost: "Stopped: the script committed or rolled back the dry run's own transaction (@@TRANCOUNT dropped). The rest was not run; nothing was committed.",
      connectionFailed: 'The connection failed; the server rolls back an open transaction when a connection ends.',
    },
    title: (db, server) => `# Dry run: ${db} on ${server}`,
    elapsed: (ms, rb) => `Elapsed: ${ms} ms · final ROLLBACK sent: ${rb ? 'yes' : 'no'}`,
    refusedHeading: '## Refused statements',
    refusedHeader: '| Line | Statement | Why |',
    rewritesHeading: '## Transaction statements rewritten',
    rewritesHeader: '| Line | In the script | Sent as |',
    batch: (n, line, ms) => `## Batch ${n} (from line ${line}, ${ms} ms)`,
    countsHeader: '| Line | Rows affected |',
    line: (n) => `line ${n}: `,
    error: (n, line) => `**Error ${n}**${line ? ` at line ${line}` : ''}`,
    noPreviewHeading: '## No row preview',
    noPreviewHeader: '| Line | Why |',
    rowsOf: (st, t, line) => `### Rows of ${st} ${t} (line ${line})`,
    previewUnavailable: 'Preview unavailable',
    before: 'Before the batch:',
    afterByKey: 'The same rows after the batch (by primary key; changed cells in bold):',
    afterByWhere: 'Rows matching the WHERE after the batch:',
    noRows: '*(no rows)*',
    moreRows: '*(more rows than shown)*',
  },
  et: {
    status: {
      completed: 'Lõpetatud ja tagasi võetud: midagi ei kinnitatud.',
      completedWithErrors: 'Lõpetatud vigadega ja tagasi võetud: midagi ei kinnitatud.',
      refused: 'Keeldutud: skriptis on lauseid, mis ei saa transaktsioonis käia. Midagi ei saadetud.',
      notConfirmed: 'Kinnitamata: tootmisandmebaasi nime ei sisestatud. Midagi ei saadetud.',
      cancelled: 'Katkestatud ja tagasi võetud.',
      timeout: 'Aegunud ja tagasi võetud.',
      transactionLost: 'Peatatud: skript kinnitas või tühistas proovikäivituse enda transaktsiooni (@@TRANCOUNT langes). Ülejäänut ei käivitatud; midagi ei kinnitatud.',
      connectionFailed: 'Ühendus katkes; server võtab ühenduse lõppedes avatud transaktsiooni tagasi.',
    },
    title: (db, server) => `# Proovikäivitus: ${db} serveris ${server}`,
    elapsed: (ms, rb) => `Kestus: ${ms} ms · lõpp-ROLLBACK saadetud: ${rb ? 'jah' : 'ei'}`,
    refusedHeading: '## Keeldutud laused',
    refusedHeader: '| Rida | Lause | Miks |',
    rewritesHeading: '## Ümber kirjutatud transaktsioonilaused',
    rewritesHeader: '| Rida | Skriptis | Saadeti kui |',
    batch: (n, line, ms) => `## Pakk ${n} (alates realt ${line}, ${ms} ms)`,
    countsHeader: '| Rida | Mõjutatud ridu |',
    line: (n) => `rida ${n}: `,
    error: (n, line) => `**Viga ${n}**${line ? ` real ${line}` : ''}`,
    noPreviewHeading: '## Ridade eelvaateta',
    noPreviewHeader: '| Rida | Miks |',
    rowsOf: (st, t, line) => `### ${st} ${t} read (rida ${line})`,
    previewUnavailable: 'Eelvaade pole saadaval',
    before: 'Enne pakki:',
    afterByKey: 'Samad read pärast pakki (primaarvõtme järgi; muutunud lahtrid paksus kirjas):',
    afterByWhere: 'WHERE-le vastavad read pärast pakki:',
    noRows: '*(ridu pole)*',
    moreRows: '*(ridu on rohkem kui näidatud)*',
  },
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderDryRunMarkdown(r: DryRunReport, lang: ReportLang = 'en'): string {
  const t = TEXT[lang];
  const et = lang === 'et';
  const out: string[] = [t.title(r.database, r.server), '', `**${t.status[r.status]}**`, ''];
  if (r.failure) out.push(`> ${cell(r.failure)}`, '');
  out.push(t.elapsed(r.totalElapsedMs, r.rolledBack), '');
  if (r.refused.length) {
    out.push(t.refusedHeading, '', t.refusedHeader, '| ---: | --- | --- |');
    for (const x of r.refused) out.push(`| ${x.line} | ${cell(x.what)} | ${cell(et ? x.reasonEt : x.reason)} |`);
    out.push('');
  }
  if (r.rewrites.length) {
    out.push(t.rewritesHeading, '', t.rewritesHeader, '| ---: | --- | --- |');
    for (const x of r.rewrites) out.push(`| ${x.line} | \`${cell(x.original)}\` | \`${cell(x.replacement)}\` |`);
    out.push('');
  }
  for (const w of r.warnings) out.push(`- ⚠ ${t.line(w.line)}${cell(w[lang])}`);
  if (r.warnings.length) out.push('');
  for (const b of r.batches) {
    out.push(t.batch(b.index + 1, b.firstLine, b.elapsedMs), '');
    if (b.counts.length) {
      out.push(t.countsHeader, '| ---: | ---: |');
      for (const c of b.counts) out.push(`| ${c.line ?? '?'} | ${c.rows} |`);
      out.push('');
    }
    for (const p of b.previews ?? []) out.push(...renderPreview(p, t));
    // server messages and errors are in the server's language, as SQL Server sent them
    for (const m of b.messages) out.push(`- ${m.line ? t.line(m.line) : ''}${cell(m.text)}`);
    for (const e of b.errors) out.push(`- ${t.error(e.number, e.line)}: ${cell(e.text)}`);
    if (b.messages.length || b.errors.length) out.push('');
  }
  if (r.previewSkipped?.length) {
    out.push(t.noPreviewHeading, '', t.noPreviewHeader, '| ---: | --- |');
    for (const x of r.previewSkipped) out.push(`| ${x.line} | ${cell(et ? x.reasonEt : x.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}

function renderRows(t: RowTable, text: ReportText, changedFrom?: RowTable, keyOf?: (row: string[], cols: string[]) => string): string[] {
  if (!t.rows.length) return [text.noRows, ''];
  const before = new Map<string, string[]>();
  if (changedFrom && keyOf) for (const r of changedFrom.rows) before.set(keyOf(r, changedFrom.columns), r);
  const out = [`| ${t.columns.map(cell).join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`];
  for (const r of t.rows) {
    const old = keyOf ? before.get(keyOf(r, t.columns)) : undefined;
    // Cells the batch changed are bold.
    out.push(`| ${r.map((v, i) => (old && old[changedFrom!.columns.indexOf(t.columns[i])] !== v ? `**${cell(v)}**` : cell(v))).join(' | ')} |`);
  }
  if (t.more) out.push('', text.moreRows);
  out.push('');
  return out;
}

function renderPreview(p: StatementPreview, t: ReportText): string[] {
  const out = [t.rowsOf(p.statement, cell(p.table), p.line), ''];
  if (p.error) return [...out, `${t.previewUnavailable}: ${cell(p.error)}`, ''];
  if (p.before) out.push(t.before, '', ...renderRows(p.before, t));
  if (p.after) {
    const keyOf = p.afterBy === 'key' && p.before ? (row: string[], cols: string[]) => (p.keyColumns ?? []).map((k) => row[cols.indexOf(k)]).join('\u0000') : undefined;
    out.push(p.afterBy === 'key' ? t.afterByKey : t.afterByWhere, '', ...renderRows(p.after, t, p.before, keyOf));
  }
  return out;
}

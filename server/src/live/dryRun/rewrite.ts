// Pure rewriting of a fix script for a dry run. The runner wraps everything in one outer
// transaction with a savepoint; the script's own BEGIN/COMMIT/ROLLBACK are rewritten so they
// can never end that transaction. Line numbers stay stable: a replacement never adds lines and
// keeps the line breaks of the text it replaces.
import type { AnyNode } from '../../sql/visit';
import { walk } from '../../sql/visit';
import type { Script, TransactionStatement } from '../../sql/ast';
import { lex, parseScript } from '../../sql/parser';
import { LineIndex } from '../../text/lineIndex';
import { findPreviewTargets, type KeyLookup, type PreviewTarget, type SkippedPreview } from './preview';

export const SAVEPOINT = 'etaitur_dry_run';

/** Something the user should know before the dry run runs, in both UI languages. */
export interface PlanWarning {
  /** 1-based line. */
  line: number;
  en: string;
  et: string;
}

export interface RefusedStatement {
  /** 1-based line. */
  line: number;
  what: string;
  reason: string;
  reasonEt: string;
}

export interface DryRunBatch {
  /** The rewritten text sent to the server. */
  text: string;
  /** 0-based line of the batch's first line in the script: server line N is script line N + lineOffset. */
  lineOffset: number;
  /** GO n runs a batch n times. */
  repeat: number;
  /** 1-based script lines of the top-level statements that report a row count, in order. */
  countedStatementLines: number[];
  /** UPDATE/DELETE statements whose rows are shown before and after the batch (when previews are asked for). */
  previews: PreviewTarget[];
}

export interface Rewrite {
  line: number;
  original: string;
  replacement: string;
}

export interface DryRunPlan {
  batches: DryRunBatch[];
  refused: RefusedStatement[];
  rewrites: Rewrite[];
  warnings: PlanWarning[];
  /** Statements without a row preview, and why. */
  previewSkipped: SkippedPreview[];
}

export interface PlanOptions {
  /** The profile's database: USE of any other is refused. */
  database?: string;
  /** Plan row previews; `keys` gives primary keys from the schema so "after" finds the same rows. */
  preview?: { keys?: KeyLookup };
}

/** Word sequences that cannot run inside a user transaction (or must not in a dry run). */
const NOT_IN_TRANSACTION_ET = 'pole kasutaja transaktsioonis lubatud';
const REFUSED: { words: string[]; reason: string; reasonEt: string }[] = [
  { words: ['ALTER', 'DATABASE'], reason: 'ALTER DATABASE is not allowed in a user transaction', reasonEt: `ALTER DATABASE ${NOT_IN_TRANSACTION_ET}` },
  { words: ['CREATE', 'DATABASE'], reason: 'CREATE DATABASE is not allowed in a user transaction', reasonEt: `CREATE DATABASE ${NOT_IN_TRANSACTION_ET}` },
  { words: ['DROP', 'DATABASE'], reason: 'DROP DATABASE is not allowed in a user transaction', reasonEt: `DROP DATABASE ${NOT_IN_TRANSACTION_ET}` },
  { words: ['BACKUP'], reason: 'BACKUP is not allowed in a user transaction', reasonEt: `BACKUP ${NOT_IN_TRANSACTION_ET}` },
  { words: ['RESTORE'], reason: 'RESTORE is not allowed in a user transaction', reasonEt: `RESTORE ${NOT_IN_TRANSACTION_ET}` },
  { words: ['CREATE', 'FULLTEXT'], reason: 'full-text DDL is not allowed in a user transaction', reasonEt: `täistekstiotsingu DDL ${NOT_IN_TRANSACTION_ET}` },
  { words: ['ALTER', 'FULLTEXT'], reason: 'full-text DDL is not allowed in a user transaction', reasonEt: `täistekstiotsingu DDL ${NOT_IN_TRANSACTION_ET}` },
  { words: ['DROP', 'FULLTEXT'], reason: 'full-text DDL is not allowed in a user transaction', reasonEt: `täistekstiotsingu DDL ${NOT_IN_TRANSACTION_ET}` },
  { words: ['RECONFIGURE'], reason: 'RECONFIGURE is not allowed in a user transaction', reasonEt: `RECONFIGURE ${NOT_IN_TRANSACTION_ET}` },
  { words: ['KILL'], reason: 'KILL acts outside the transaction', reasonEt: 'KILL toimib väljaspool transaktsiooni' },
  { words: ['BEGIN', 'DISTRIBUTED'], reason: 'a distributed transaction cannot be nested in the dry run', reasonEt: 'hajustransaktsiooni ei saa proovikäivituse transaktsiooni sisse panna' },
  { words: ['SHUTDOWN'], reason: 'SHUTDOWN acts outside the transaction', reasonEt: 'SHUTDOWN toimib väljaspool transaktsiooni' },
];

/** DBCC commands that are harmless inside a transaction; any other DBCC is refused. */
const DBCC_ALLOWED = new Set(['CHECKIDENT', 'INPUTBUFFER', 'OPENTRAN', 'USEROPTIONS', 'SHOW_STATISTICS', 'TRACESTATUS']);

const COUNTED = new Set(['Insert', 'Update', 'Delete', 'Merge', 'SelectStatement']);

function blankKeepingLines(original: string, replacement: string): string {
  const breaks = original.match(/\r\n|\r|\n/g) ?? [];
  return replacement + breaks.join('');
}

function findRefused(text: string, lines: LineIndex, database?: string): RefusedStatement[] {
  const { tokens } = lex(text);
  const out: RefusedStatement[] = [];
  const word = (i: number) => (tokens[i] && tokens[i].type === 'word' ? tokens[i].upper : '');
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'word') continue;
    const line = lines.positionAt(tokens[i].start).line + 1;
    for (const r of REFUSED) {
      if (r.words.every((w, k) => word(i + k) === w)) out.push({ line, what: r.words.join(' '), reason: r.reason, reasonEt: r.reasonEt });
    }
    if (word(i) === 'DBCC' && !DBCC_ALLOWED.has(word(i + 1))) {
      out.push({ line, what: `DBCC ${tokens[i + 1]?.text ?? ''}`.trim(), reason: 'this DBCC command may not run inside a transaction', reasonEt: 'see DBCC käsk ei tohi transaktsioonis käia' });
    }
    if (word(i) === 'SET' && word(i + 1) === 'IMPLICIT_TRANSACTIONS' && word(i + 2) === 'OFF')
      out.push({ line, what: 'SET IMPLICIT_TRANSACTIONS OFF', reason: 'the dry run keeps implicit transactions on so nothing can autocommit', reasonEt: 'proovikäivitus hoiab kaudsed transaktsioonid sees, et miski ei saaks ise kinnituda' });
    // USE of another database would run the rest against a database the user did not confirm.
    if (word(i) === 'USE' && (i === 0 || tokens[i].nl || tokens[i - 1].text === ';') && tokens[i + 1]) {
      const name = tokens[i + 1].text.replace(/^\[|\]$/g, '');
      if (!database || name.toLowerCase() !== database.toLowerCase())
        out.push({ line, what: `USE ${name}`, reason: 'the dry run runs only against the chosen database', reasonEt: 'proovikäivitus käib ainult valitud andmebaasis' });
    }
  }
  return out;
}

function transactionNodes(script: Script): TransactionStatement[] {
  const found: TransactionStatement[] = [];
  walk(script as unknown as AnyNode, (n) => {
    if (n.kind === 'Transaction') found.push(n as unknown as TransactionStatement);
  });
  return found;
}

function replacementFor(t: TransactionStatement, savepoints: Set<string>): string | undefined {
  const name = t.name && 'name' in t.name ? String(t.name.name).toLowerCase() : undefined;
  switch (t.action) {
    case 'begin':
      // The script's BEGIN becomes a savepoint the script's ROLLBACK returns to.
      return `SAVE TRANSACTION ${SAVEPOINT}`;
    case 'commit':
      // COMMIT must not end the outer transaction: a statement without effect (valid after IF/ELSE).
      return `BEGIN SAVE TRANSACTION ${SAVEPOINT}_c END`;
    case 'rollback':
      if (name && savepoints.has(name)) return undefined; // to the script's own savepoint: already safe
      // In a doomed transaction (XACT_STATE() = -1) nothing is rolled back here: it cannot commit anyway
      // and every further write fails; the runner's final ROLLBACK ends it.
      return `BEGIN IF XACT_STATE() = 1 ROLLBACK TRANSACTION ${SAVEPOINT} END`;
    case 'save':
      return undefined;
  }
}

/** Plans a dry run: refused statements with lines, the rewritten batches split on GO. */
export function planDryRun(text: string, options: PlanOptions = {}): DryRunPlan {
  const lines = new LineIndex(text);
  const script = parseScript(text);
  const refused = findRefused(text, lines, options.database);
  const warnings: PlanWarning[] = [];
  const txs = transactionNodes(script);
  const savepoints = new Set(
    txs.filter((t) => t.action === 'save' && t.name && 'name' in t.name).map((t) => String((t.name as { name: string }).name).toLowerCase()),
  );
  const edits: { start: number; end: number; replacement: string }[] = [];
  const rewrites: Rewrite[] = [];
  for (const t of txs) {
    if (t.distributed) continue; // refused above
    const r = replacementFor(t, savepoints);
    if (r === undefined) continue;
    const original = text.slice(t.range.start, t.range.end);
    const replacement = blankKeepingLines(original, r);
    edits.push({ start: t.range.start, end: t.range.end, replacement });
    rewrites.push({ line: lines.positionAt(t.range.start).line + 1, original, replacement: r });
  }
  walk(script as unknown as AnyNode, (n) => {
    if (n.kind === 'Exec') {
      const src = text.slice(n.range.start, n.range.end);
      if (/\b(COMMIT|ROLLBACK)\b/i.test(src) || /\bsp_executesql\b|\bEXEC(UTE)?\s*\(/i.test(src))
        warnings.push({
          line: lines.positionAt(n.range.start).line + 1,
          en: 'dynamic SQL is not rewritten; a COMMIT or ROLLBACK inside it is caught by the @@TRANCOUNT check',
          et: 'dünaamilist SQL-i ümber ei kirjutata; selle sees olev COMMIT või ROLLBACK tabatakse @@TRANCOUNT-i kontrolliga',
        });
    }
  });
  edits.sort((a, b) => a.start - b.start);
  const batches: DryRunBatch[] = [];
  const previewSkipped: SkippedPreview[] = [];
  for (const b of script.batches) {
    const start = b.range.start;
    const end = b.go ? b.go.range.start : b.range.end;
    let out = '';
    let pos = start;
    for (const e of edits) {
      if (e.start < start || e.end > end) continue;
      out += text.slice(pos, e.start) + e.replacement;
      pos = e.end;
    }
    out += text.slice(pos, end);
    if (!out.trim()) continue;
    const countedStatementLines = b.statements.filter((s) => COUNTED.has(s.kind)).map((s) => lines.positionAt(s.range.start).line + 1);
    const found = options.preview ? findPreviewTargets(text, b, lines, options.preview.keys) : { targets: [], skipped: [] };
    previewSkipped.push(...found.skipped);
    batches.push({ text: out, lineOffset: lines.positionAt(start).line, repeat: b.go?.count ?? 1, countedStatementLines, previews: found.targets });
  }
  return { batches, refused, rewrites, warnings, previewSkipped };
}

// Drift: a classifier file compared with the rows its table holds (read live, or from a data snapshot).
// Pure: the file, the rows -> what differs, as problems on the file and edits that take the database's side.
import type { Span } from '../sql/ast';
import type { ClassifierFile, ClassifierValue, ValueField } from './model';

/** A row as read: column name -> value (strings, numbers, booleans, Date objects or null). */
export type DataRow = Record<string, unknown>;

/**
 * A data snapshot file (JSON): the rows of one classifier table.
 * `{ "table": "dbo.MenetluseStaatus", "rows": [{ "Kood": "01", "Nimetus": "Menetluses", ... }] }`
 */
export interface ClassifierDataSnapshot {
  table?: string;
  /** When it was read (ISO), for messages. */
  readAt?: string;
  rows: DataRow[];
}

export type DriftItem =
  | { kind: 'missingInFile'; code: string; row: Partial<Record<ValueField, string>> }
  | { kind: 'missingInDatabase'; code: string; value: ClassifierValue }
  | { kind: 'differs'; code: string; field: ValueField; fileValue?: string; dbValue?: string; value: ClassifierValue };

export interface DriftEdit { start: number; end: number; newText: string }

/** Fields compared with the database; `active` and `replacedBy` are deploy bookkeeping, not reviewed values. */
const COMPARED: readonly ValueField[] = ['et', 'en', 'ru', 'from', 'until', 'order', 'parent'];

export class SnapshotError extends Error {}

/** Parses and checks a data snapshot file's text. */
export function parseDataSnapshot(text: string): ClassifierDataSnapshot {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { throw new SnapshotError(`not valid JSON: ${(e as Error).message}`); }
  const rows = Array.isArray(raw) ? raw : (raw as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
    throw new SnapshotError('expected {"rows": [{column: value, ...}, ...]} or an array of row objects');
  }
  const o = Array.isArray(raw) ? {} : (raw as Record<string, unknown>);
  return { table: typeof o.table === 'string' ? o.table : undefined, readAt: typeof o.readAt === 'string' ? o.readAt : undefined, rows: rows as DataRow[] };
}

function get(row: DataRow, column: string): unknown {
  if (column in row) return row[column];
  const lower = column.toLowerCase();
  const k = Object.keys(row).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : row[k];
}

/** A database value as the file would write it; undefined for NULL. */
export function dbText(v: unknown, field?: ValueField): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '1' : '0';
  const s = typeof v === 'number' || typeof v === 'bigint' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v);
  if ((field === 'from' || field === 'until') && /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(s)) return s.slice(0, 10);
  return s;
}

function same(field: ValueField, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (field === 'order') return Number(a) === Number(b);
  if (field === 'from' || field === 'until') return a.slice(0, 10) === b.slice(0, 10);
  return a === b;
}

/** The columns the SELECT for a drift check reads, in order: key first. */
export function driftColumns(file: ClassifierFile): string[] {
  const h = file.header;
  const cols = [h.key?.value, h.typeColumn?.value.column, ...COMPARED.map((f) => h.columns.get(f)?.value)];
  return [...new Set(cols.filter((c): c is string => !!c))];
}

/** Compares the file with the table's rows. Codes compare as text; trailing blanks in the database are ignored. */
export function compareWithData(file: ClassifierFile, rows: readonly DataRow[]): DriftItem[] {
  const h = file.header;
  if (!h.key) return [];
  const key = h.key.value;
  const type = h.typeColumn?.value;
  const mapped = COMPARED.filter((f) => h.columns.has(f)).map((f) => [f, h.columns.get(f)!.value] as const);
  const dbByCode = new Map<string, DataRow>();
  for (const row of rows) {
    if (type && dbText(get(row, type.column)) !== type.value) continue;
    const code = dbText(get(row, key))?.replace(/ +$/, '');
    if (code !== undefined && !dbByCode.has(code)) dbByCode.set(code, row);
  }
  const out: DriftItem[] = [];
  const inFile = new Set<string>();
  for (const v of file.values) {
    const code = v.code.value;
    if (inFile.has(code)) continue;
    inFile.add(code);
    const row = dbByCode.get(code);
    if (!row) { out.push({ kind: 'missingInDatabase', code, value: v }); continue; }
    for (const [field, column] of mapped) {
      const fileValue = v.fields.get(field)?.value;
      const dbValue = dbText(get(row, column), field);
      if (!same(field, fileValue, dbValue)) out.push({ kind: 'differs', code, field, fileValue, dbValue, value: v });
    }
  }
  for (const [code, row] of dbByCode) {
    if (inFile.has(code)) continue;
    const values: Partial<Record<ValueField, string>> = {};
    for (const [field, column] of mapped) {
      const t = dbText(get(row, column), field);
      if (t !== undefined && t !== '') values[field] = t;
    }
    out.push({ kind: 'missingInFile', code, row: values });
  }
  return out;
}

export interface DriftProblem {
  code: 'drift-missing-in-file' | 'drift-missing-in-database' | 'drift-value-differs';
  range: Span;
  message: string;
  messageEt: string;
  severity: 'warning';
  item: DriftItem;
}

/** Where each drift item is shown in the file: the field, the code, or (for codes only in the database) the `table` line. */
export function driftProblems(file: ClassifierFile, items: readonly DriftItem[]): DriftProblem[] {
  const tableRange = file.header.table?.range ?? file.header.key?.range ?? { start: 0, end: 0 };
  return items.map((item): DriftProblem => {
    if (item.kind === 'missingInFile') {
      return {
        code: 'drift-missing-in-file', range: tableRange, severity: 'warning', item,
        message: `Code ${item.code} is in the database but not in this file${item.row.et ? ` (${item.row.et})` : ''}.`,
        messageEt: `Kood ${item.code} on andmebaasis, kuid mitte selles failis${item.row.et ? ` (${item.row.et})` : ''}.`,
      };
    }
    if (item.kind === 'missingInDatabase') {
      return {
        code: 'drift-missing-in-database', range: item.value.code.range, severity: 'warning', item,
        message: `Code ${item.code} is not in the database yet; the deploy script adds it.`,
        messageEt: `Koodi ${item.code} andmebaasis veel pole; juurutusskript lisab selle.`,
      };
    }
    const f = item.value.fields.get(item.field);
    const show = (s: string | undefined) => (s === undefined ? 'NULL' : `'${s}'`);
    return {
      code: 'drift-value-differs', range: f?.range ?? item.value.code.range, severity: 'warning', item,
      message: `Code ${item.code}: ${item.field} is ${show(item.fileValue)} here but ${show(item.dbValue)} in the database.`,
      messageEt: `Kood ${item.code}: ${item.field} on siin ${show(item.fileValue)}, andmebaasis ${show(item.dbValue)}.`,
    };
  });
}

function fieldText(v: string): string {
  return /^\s|\s$|^"/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

function eolOf(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

function lineStart(text: string, offset: number): number {
  const i = Math.max(text.lastIndexOf('\n', offset - 1), -1);
  return i + 1;
}

function lineEndWithBreak(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** A value block for a code read from the database, written like the formatter does. */
export function valueBlock(code: string, row: Partial<Record<ValueField, string>>, eol = '\n'): string {
  const fields = (Object.keys(row) as ValueField[]).filter((f) => row[f] !== undefined);
  const width = Math.max(0, ...fields.map((f) => f.length));
  return [`value ${code}`, ...fields.map((f) => `  ${f.padEnd(width)}  ${fieldText(row[f]!)}`)].join(eol) + eol;
}

/** Edits that make the file say what the database says for this item. */
export function takeDatabaseEdits(text: string, item: DriftItem): DriftEdit[] {
  const eol = eolOf(text);
  if (item.kind === 'missingInFile') {
    const sep = text.length === 0 || text.endsWith(eol + eol) ? '' : text.endsWith('\n') ? eol : eol + eol;
    return [{ start: text.length, end: text.length, newText: sep + valueBlock(item.code, item.row, eol) }];
  }
  if (item.kind === 'missingInDatabase') {
    // Remove the whole block, with the comment lines right above it.
    let start = lineStart(text, item.value.range.start);
    while (start > 0) {
      const prev = lineStart(text, start - 1);
      if (!/^\s*#/.test(text.slice(prev, start))) break;
      start = prev;
    }
    let end = lineEndWithBreak(text, item.value.range.end);
    while (end < text.length && /^[ \t]*\r?\n/.test(text.slice(end))) end = lineEndWithBreak(text, end);
    return [{ start, end, newText: '' }];
  }
  const f = item.value.fields.get(item.field);
  if (f && item.dbValue !== undefined) return [{ start: f.range.start, end: f.range.end, newText: fieldText(item.dbValue) }];
  if (f) {
    // NULL in the database: drop the field line.
    const start = lineStart(text, f.range.start);
    return [{ start, end: lineEndWithBreak(text, f.range.end), newText: '' }];
  }
  // The file has no such field: add it after the block's last line.
  const at = lineEndWithBreak(text, item.value.range.end);
  const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
  return [{ start: at, end: at, newText: `${prefix}  ${item.field}  ${fieldText(item.dbValue ?? '')}${eol}` }];
}

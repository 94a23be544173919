// Pure: which statements of a dry run get a row preview, the read-only SELECTs that take it, and
// the rows turned into a displayable, masked preview.
//
// Why separate SELECT batches around each script batch (and not OUTPUT deleted.*/inserted.* in the
// statement): they never change the script as sent, so @@ROWCOUNT checks, triggers (an OUTPUT without
// INTO fails on a table with triggers) and existing OUTPUT clauses behave exactly as in production.
// They run on the dry run's connection inside its transaction (so "after" sees the uncommitted
// changes) and are rolled back with everything else. Only UPDATE/DELETE of a named permanent table,
// without FROM/joins, with a WHERE that uses no variables, can be re-selected outside the batch.
import type { AnyNode } from '../../sql/visit';
import { walk } from '../../sql/visit';
import type { Batch, DeleteStatement, UpdateStatement } from '../../sql/ast';
import { lex } from '../../sql/parser';
import type { LineIndex } from '../../text/lineIndex';
import { maskPersonalCodesInText } from '../../domain/personalCode';

export interface PreviewTarget {
  /** 1-based script line of the statement. */
  line: number;
  statement: 'UPDATE' | 'DELETE';
  /** The table as written in the script, e.g. dbo.Menetlus or [dbo].[Võlgnik]. */
  table: string;
  /** The WHERE condition's text as written. */
  where: string;
  /** Primary key columns when the schema knows them: "after" re-selects the same rows by key. */
  keyColumns?: string[];
}

export interface SkippedPreview {
  line: number;
  reason: string;
  reasonEt: string;
}

/** Looks up primary key columns for a table name as written (schema, name); undefined if unknown. */
export type KeyLookup = (schema: string | undefined, name: string) => string[] | undefined;

type Dml = UpdateStatement | DeleteStatement;

export function findPreviewTargets(text: string, batch: Batch, lines: LineIndex, keys?: KeyLookup): { targets: PreviewTarget[]; skipped: SkippedPreview[] } {
  const targets: PreviewTarget[] = [];
  const skipped: SkippedPreview[] = [];
  for (const s of batch.statements) {
    walk(s as unknown as AnyNode, (n) => {
      if (n.kind !== 'Update' && n.kind !== 'Delete') return;
      const d = n as unknown as Dml;
      const line = lines.positionAt(d.range.start).line + 1;
      const skip = (reason: string, reasonEt: string): void => void skipped.push({ line, reason, reasonEt });
      const name = d.target?.name;
      if (!name || !d.where) return skip('no WHERE condition to select the rows by', 'ridade valimiseks pole WHERE tingimust');
      if (d.currentOf) return skip('WHERE CURRENT OF a cursor', 'WHERE CURRENT OF kursoriga');
      if (d.from.length) return skip('the statement has a FROM clause (joins or an alias)', 'lausel on FROM-osa (ühendused või alias)');
      if (name.server || name.database) return skip('a table in another database', 'tabel teises andmebaasis');
      const first = name.name.name;
      if (first.startsWith('#') || first.startsWith('@')) return skip('a temporary table or table variable', 'ajutine tabel või tabelimuutuja');
      const where = text.slice(d.where.range.start, d.where.range.end);
      if (lex(where).tokens.some((t) => t.type === 'var')) return skip('the WHERE uses variables that exist only inside the batch', 'WHERE kasutab muutujaid, mis on olemas ainult paki sees');
      const target: PreviewTarget = { line, statement: n.kind === 'Update' ? 'UPDATE' : 'DELETE', table: text.slice(name.range.start, name.range.end), where };
      const k = keys?.(name.schema?.name, first);
      if (k?.length) target.keyColumns = k;
      targets.push(target);
    });
  }
  return { targets, skipped };
}

const quoteName = (c: string) => `[${c.replace(/]/g, ']]')}]`;

/** The rows the statement's WHERE matches, before the batch runs (one more than shown, to know there are more). */
export function beforeSql(t: PreviewTarget, maxRows: number): string {
  return `SELECT TOP (${maxRows + 1}) * FROM ${t.table} WHERE ${t.where};`;
}

function literal(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return `N'${v.replace(/'/g, "''")}'`;
  return undefined;
}

/**
 * The same rows after the batch: by primary key when the key values of every "before" row are plain
 * numbers or strings, otherwise the same WHERE again. Undefined when there were no rows before.
 */
export function afterSql(t: PreviewTarget, maxRows: number, before: Record<string, unknown>[]): { sql: string; by: 'key' | 'where' } | undefined {
  const rows = before.slice(0, maxRows);
  if (t.keyColumns?.length && rows.length) {
    const conds: string[] = [];
    for (const r of rows) {
      const parts = t.keyColumns.map((k) => {
        const v = literal(r[k]);
        return v === undefined ? undefined : `${quoteName(k)} = ${v}`;
      });
      if (parts.some((p) => p === undefined)) {
        conds.length = 0;
        break;
      }
      conds.push(`(${parts.join(' AND ')})`);
    }
    if (conds.length) return { sql: `SELECT TOP (${maxRows + 1}) * FROM ${t.table} WHERE ${conds.join(' OR ')};`, by: 'key' };
  }
  if (t.statement === 'DELETE' && !rows.length) return undefined;
  return { sql: beforeSql(t, maxRows), by: 'where' };
}

export interface RowTable {
  columns: string[];
  /** Display text of each cell, personal codes masked. */
  rows: string[][];
  /** More rows matched than shown. */
  more: boolean;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (Buffer.isBuffer(v)) return '0x' + v.subarray(0, 16).toString('hex').toUpperCase() + (v.length > 16 ? '…' : '');
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const masked = maskPersonalCodesInText(s);
  return masked.length > 60 ? masked.slice(0, 59) + '…' : masked;
}

export function toRowTable(rows: Record<string, unknown>[], maxRows: number): RowTable {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  return { columns, rows: rows.slice(0, maxRows).map((r) => columns.map((c) => cellText(r[c]))), more: rows.length > maxRows };
}

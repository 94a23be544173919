// Columns in scope, alias-aware: `m.` lists the columns of the table `m` stands for.
import type { ColumnInfo, Schema, TableInfo } from '../../schema/model';
import { columnInfoToType, type Source } from '../../resolve';
import { typeLabel } from './scope';
import type { CompletionEntry } from './types';

export function columnType(c: ColumnInfo): string {
  let t = c.type;
  if (c.maxLength !== undefined) t += `(${c.maxLength === -1 ? 'max' : c.maxLength})`;
  else if (c.precision !== undefined && /decimal|numeric/.test(c.type)) t += `(${c.precision},${c.scale ?? 0})`;
  return t + (c.nullable ? ' NULL' : ' NOT NULL') + (c.identity ? ' IDENTITY' : '');
}

export function columnsOf(table: TableInfo, prefix: string, rank: number, owner?: string): CompletionEntry[] {
  const p = prefix.toLowerCase();
  const key = new Set(table.primaryKey?.columns.map((c) => c.toLowerCase()) ?? []);
  return table.columns
    .filter((c) => c.name.toLowerCase().startsWith(p))
    .map((c) => ({
      label: c.name, kind: 'column' as const,
      rank: rank + (key.has(c.name.toLowerCase()) ? 0 : 1),
      detail: `${columnType(c)} — ${owner ?? table.name}`,
      documentation: c.description,
    }));
}

/** Columns of every table in the batch's FROM/JOIN/UPDATE/INTO, de-duplicated by name. */
export function scopeColumns(schema: Schema, tables: TableInfo[], prefix: string): CompletionEntry[] {
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const t of tables) {
    for (const e of columnsOf(t, prefix, 5, t.name)) {
      const k = schema.key(e.label);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** Columns of a source without a schema table (temp table, CTE, derived table), as the resolver knows them. */
export function sourceColumns(src: Source, prefix: string, rank: number): CompletionEntry[] {
  const p = prefix.toLowerCase();
  return (src.columns ?? []).filter((c) => c.name.toLowerCase().startsWith(p)).map((c) => ({
    label: c.name, kind: 'column' as const, rank: rank + 1,
    detail: `${typeLabel(c.type ?? (c.info ? columnInfoToType(c.info) : undefined)) || '?'} — ${src.name}`,
  }));
}

/** Columns of a source: its schema table's (keys first, with types and descriptions) or the resolver's list. */
export function columnsOfSource(src: Source, prefix: string, rank: number): CompletionEntry[] {
  return src.table ? columnsOf(src.table, prefix, rank) : sourceColumns(src, prefix, rank);
}

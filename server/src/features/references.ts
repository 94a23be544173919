// Find references by resolution: the name under the cursor is what the resolver bound it to (aliases,
// scopes, temp tables and CTEs told apart), and a script refers to a table or column where the resolver
// bound a reference to it. Pure: tree + resolution in, spans out.
import type { InsertStatement, Span } from '../sql/ast';
import type { Resolution } from '../resolve/types';
import type { Schema, TableInfo } from '../schema/model';

export interface ResolvedSymbol { table: TableInfo; column?: string; span: Span }

const inside = (r: Span, offset: number) => r.start <= offset && offset <= r.end;

export function sameTable(schema: Schema, a: TableInfo, b: TableInfo): boolean {
  return a === b || (schema.equalNames(a.schema, b.schema) && schema.equalNames(a.name, b.name));
}

function inserts(res: Resolution): [InsertStatement, TableInfo][] {
  const out: [InsertStatement, TableInfo][] = [];
  for (const [st, src] of res.dmlTargets) if ((st as { kind?: string }).kind === 'Insert' && src.table) out.push([st as InsertStatement, src.table]);
  return out;
}

/** The schema table or column the name at `offset` resolves to; undefined for temp tables, CTEs, unknown names. */
export function resolvedSymbolAt(res: Resolution, offset: number, schema: Schema): ResolvedSymbol | undefined {
  for (const [ref, src] of res.tables) {
    if (!src.table) continue;
    if (inside(ref.name.range, offset) || (ref.alias && inside(ref.alias.range, offset))) return { table: src.table, span: ref.name.name.range };
  }
  for (const [ref, b] of res.columns) {
    if (!inside(ref.range, offset) || !b.source.table) continue;
    const q = ref.qualifier?.find((x) => inside(x.range, offset));
    if (q) return { table: b.source.table, span: q.range };
    if (b.column) return { table: b.source.table, column: b.column.info?.name ?? b.column.name, span: ref.column.range };
  }
  for (const [st, table] of inserts(res)) {
    if (inside(st.target.range, offset)) return { table, span: st.target.name.range };
    for (const c of st.columns ?? []) {
      const col = inside(c.range, offset) ? schema.findColumn(table, c.name) : undefined;
      if (col) return { table, column: col.name, span: c.range };
    }
  }
  return undefined;
}

/** Spans in one script that refer to the table (or to its column), sorted. */
export function resolvedReferences(res: Resolution, target: { table: TableInfo; column?: string }, schema: Schema): Span[] {
  const out = new Map<number, Span>();
  const add = (s: Span) => { if (!out.has(s.start)) out.set(s.start, s); };
  if (!target.column) {
    for (const [ref, src] of res.tables) {
      // `UPDATE m ... FROM dbo.Menetlus m`: the `m` is the alias, the reference is at the FROM.
      if (src.table && sameTable(schema, src.table, target.table) && (!src.ref || src.ref === ref)) add(ref.name.name.range);
    }
    for (const [st, table] of inserts(res)) if (sameTable(schema, table, target.table)) add(st.target.name.range);
  } else {
    for (const [ref, b] of res.columns) {
      if (b.source.table && b.column && sameTable(schema, b.source.table, target.table) && schema.equalNames(b.column.name, target.column)) add(ref.column.range);
    }
    for (const [st, table] of inserts(res)) {
      if (!sameTable(schema, table, target.table)) continue;
      for (const c of st.columns ?? []) if (schema.equalNames(c.name, target.column)) add(c.range);
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

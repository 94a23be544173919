// Value-to-column pairs of a script: INSERT VALUES/SELECT, UPDATE SET, MERGE UPDATE/INSERT.
import type * as A from '../sql/ast';
import type { Resolution, Source, SourceColumn } from '../resolve/types';
import type { Schema } from '../schema/model';
import { allStatements, nodesOfKind } from './util';
import { dmlTarget } from './dml';

export interface Assignment {
  target: Source;
  column: SourceColumn;
  value: A.Expression;
  statement: A.Statement;
}

/** Columns an INSERT without a column list must supply. */
export function insertableColumns(src: Source): SourceColumn[] | undefined {
  if (!src.columns) return undefined;
  return src.columns.filter((c) => !c.info || (!c.info.identity && !c.info.computed && c.info.type !== 'timestamp' && c.info.type !== 'rowversion'));
}

/** Column lists by folded name (first column of a name wins, like `find`), per list and schema. */
const columnIndexes = new WeakMap<SourceColumn[], { schema: Schema | undefined; length: number; byKey: Map<string, SourceColumn> }>();

function findColumn(src: Source, name: string, schema?: Schema): SourceColumn | undefined {
  const cols = src.columns;
  if (!cols) return undefined;
  let idx = columnIndexes.get(cols);
  if (!idx || idx.schema !== schema || idx.length !== cols.length) {
    const byKey = new Map<string, SourceColumn>();
    for (const c of cols) {
      const k = schema ? schema.key(c.name) : c.name.toLowerCase();
      if (!byKey.has(k)) byKey.set(k, c);
    }
    idx = { schema, length: cols.length, byKey };
    columnIndexes.set(cols, idx);
  }
  return idx.byKey.get(schema ? schema.key(name) : name.toLowerCase());
}

function selectValues(q: A.QueryExpression | undefined): (A.Expression | undefined)[][] {
  if (!q) return [];
  if (q.kind === 'ParenQuery') return selectValues(q.query);
  if (q.kind === 'SetOperation') return [...selectValues(q.left), ...selectValues(q.right)];
  if (q.kind !== 'Select') return [];
  if (q.columns.some((c) => c.kind === 'Star')) return [];
  return [q.columns.map((c) => (c.kind === 'SelectColumn' ? c.expr : undefined))];
}

export function targetColumnsOf(st: A.InsertStatement, target: Source, schema?: Schema): (SourceColumn | undefined)[] | undefined {
  if (st.columns) return st.columns.map((c) => findColumn(target, c.name, schema));
  return insertableColumns(target);
}

const assignmentCache = new WeakMap<Resolution, Assignment[]>();

export function assignments(script: A.Script, res: Resolution, schema?: Schema): Assignment[] {
  const cached = assignmentCache.get(res);
  if (cached) return cached;
  const out: Assignment[] = [];
  assignmentCache.set(res, out);
  for (const { st } of allStatements(script)) {
    if (st.kind === 'Insert') {
      const target = dmlTarget(st, res);
      if (!target?.columns) continue;
      const cols = targetColumnsOf(st, target, schema);
      if (!cols) continue;
      const rows = st.source?.kind === 'Values' ? st.source.rows : st.source?.kind === 'Query' ? selectValues(st.source.query) : [];
      for (const row of rows) {
        if (row.length !== cols.length) continue; // insert-arity reports it
        row.forEach((v, i) => {
          const c = cols[i];
          if (v && c) out.push({ target, column: c, value: v, statement: st });
        });
      }
    } else if (st.kind === 'Update' || st.kind === 'Merge') {
      const target = st.target ? res.tables.get(st.target) : undefined;
      if (!target?.columns) continue;
      const sets: A.SetItem[] = st.kind === 'Update' ? st.set ?? [] : (st.clauses ?? []).flatMap((c) => (c.action?.kind === 'MergeUpdate' ? c.action.set : []));
      for (const item of sets) {
        if (!item.column || item.op !== '=') continue;
        const b = res.columns.get(item.column);
        const c = b?.column ?? findColumn(target, item.column.column.name, schema);
        if (c) out.push({ target, column: c, value: item.value, statement: st });
      }
      if (st.kind === 'Merge') {
        for (const cl of st.clauses ?? []) {
          const a = cl.action;
          if (a?.kind !== 'MergeInsert' || !a.values) continue;
          const cols = a.columns ? a.columns.map((c) => findColumn(target, c.name, schema)) : insertableColumns(target);
          if (!cols || cols.length !== a.values.length) continue;
          a.values.forEach((v, i) => { const c = cols[i]; if (c) out.push({ target, column: c, value: v, statement: st }); });
        }
      }
    }
  }
  return out;
}

/** Strips parentheses and unary minus/plus from a literal. */
export function literalOf(e: A.Expression | undefined): A.Literal | undefined {
  let x = e;
  while (x && x.kind === 'Paren') x = x.expr;
  if (x?.kind === 'Unary' && (x.op === '-' || x.op === '+') && x.operand?.kind === 'Literal') {
    const l = x.operand;
    return { ...l, raw: x.op === '-' ? '-' + l.raw : l.raw, value: x.op === '-' ? '-' + l.value : l.value };
  }
  return x?.kind === 'Literal' ? x : undefined;
}

/**
 * The literals a value expression can yield as its result: the literal itself, the THEN/ELSE results of
 * CASE, IIF's two results, and (with `fallbacks`) the arguments of ISNULL/COALESCE. Empty when none.
 */
export function resultLiterals(e: A.Expression | undefined, fallbacks: 'isnull' | 'coalesce' | 'none' = 'isnull', out: A.Literal[] = [], depth = 0): A.Literal[] {
  const lit = literalOf(e);
  if (lit) { out.push(lit); return out; }
  let x = e;
  while (x && x.kind === 'Paren') x = x.expr;
  if (!x || depth > 8) return out;
  if (x.kind === 'Case') {
    for (const w of x.whens ?? []) resultLiterals(w.then, fallbacks, out, depth + 1);
    resultLiterals(x.else, fallbacks, out, depth + 1);
  } else if (x.kind === 'FunctionCall' && (x.name?.parts?.length ?? 0) === 1) {
    const fn = x.name.name.name.toLowerCase();
    if (fn === 'iif' && x.args?.length === 3) { resultLiterals(x.args[1], fallbacks, out, depth + 1); resultLiterals(x.args[2], fallbacks, out, depth + 1); }
    // ISNULL's result has its first argument's type (a longer fallback is cut silently); COALESCE's the widest
    else if ((fn === 'coalesce' && fallbacks !== 'none') || (fn === 'isnull' && fallbacks === 'isnull')) for (const a of x.args ?? []) resultLiterals(a, fallbacks, out, depth + 1);
  }
  return out;
}

const rowSources = new WeakMap<A.Script, Map<number, A.ValuesTable | A.DerivedTable>>();

/**
 * Literals that reach a column through a VALUES table or a derived SELECT list in FROM/USING:
 * `MERGE ... USING (VALUES (N'UUS', N'Uus')) s (Kood, Nimetus) ... INSERT (Kood) VALUES (s.Kood)`.
 */
export function flowLiterals(e: A.Expression | undefined, res: Resolution, script: A.Script): A.Literal[] {
  let x = e;
  while (x && x.kind === 'Paren') x = x.expr;
  if (x?.kind !== 'ColumnRef') return [];
  const b = res.columns.get(x);
  const src = b?.source;
  if (!b?.column || !src?.columns || !src.range || (src.kind !== 'values' && src.kind !== 'derived')) return [];
  let byStart = rowSources.get(script);
  if (!byStart) {
    byStart = new Map();
    for (const v of nodesOfKind<A.ValuesTable>(script, 'ValuesTable')) byStart.set(v.range.start, v);
    for (const d of nodesOfKind<A.DerivedTable>(script, 'DerivedTable')) byStart.set(d.range.start, d);
    rowSources.set(script, byStart);
  }
  const node = byStart.get(src.range.start);
  const i = src.columns.indexOf(b.column);
  if (!node || i < 0) return [];
  const out: A.Literal[] = [];
  const rows = node.kind === 'ValuesTable' ? node.rows ?? [] : selectValues(node.query);
  for (const row of rows) {
    const lit = row.length === src.columns.length ? literalOf(row[i]) : undefined;
    if (lit) out.push(lit);
  }
  return out;
}

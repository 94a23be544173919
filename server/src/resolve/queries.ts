// Queries: CTEs, SELECT scopes (FROM, joins, select list, ORDER BY aliases), set operations,
// SELECT INTO; each returns its output columns so derived tables and CTEs can be checked.
import type * as A from '../sql/ast';
import { findSourceByQualifier } from './columns';
import { expr, inferExpressionType } from './expressions';
import type { Ctx, ResolverState, Scope } from './state';
import { fromSources, joinConditions } from './tables';
import type { Source, SourceColumn } from './types';
import { variableRef } from './variables';

/** Adds a WITH clause's CTEs to the context; each CTE's columns come from its query or its column list. */
export function withCtes(r: ResolverState, w: A.WithClause | undefined, ctx: Ctx, scope: Scope | undefined): Ctx {
  if (!w) return ctx;
  const ctes = new Map(ctx.ctes);
  const c: Ctx = { ctes };
  for (const cte of w.ctes ?? []) {
    // Register first so recursive CTEs resolve; columns filled after.
    const src: Source = { name: cte.name.name, kind: 'cte', columns: undefined };
    ctes.set(r.key(cte.name.name), src);
    const cols = query(r, cte.query, c, scope);
    src.columns = cte.columns ? cte.columns.map((i) => ({ name: i.name })) : cols;
  }
  return c;
}

/** Resolves a query; returns its output columns (undefined when unknown, e.g. SELECT * over an open source). */
export function query(r: ResolverState, q: A.QueryExpression | undefined, ctx: Ctx, outer: Scope | undefined): SourceColumn[] | undefined {
  if (!q) return undefined;
  switch (q.kind) {
    case 'ParenQuery': {
      const cols = query(r, q.query, ctx, outer);
      orderBy(r, q.orderBy, ctx, outer, undefined);
      return cols;
    }
    case 'SetOperation': {
      const left = query(r, q.left, ctx, outer);
      query(r, q.right, ctx, outer);
      const s: Scope = { sources: [], aliases: new Set((left ?? []).map((c) => r.key(c.name))), parent: undefined };
      orderBy(r, q.orderBy, ctx, s, left);
      return left;
    }
    case 'Select': return select(r, q, ctx, outer);
    default: return undefined;
  }
}

/** A select-list output name ORDER BY can bind to; `ref` when it is a plain column reference. */
type OutputName = SourceColumn & { ref?: A.ColumnRef };

/** ORDER BY items; a bare name that is an output column (or select-list alias) is not looked up in the sources. */
function orderBy(r: ResolverState, items: A.OrderItem[] | undefined, ctx: Ctx, s: Scope | undefined, cols: OutputName[] | undefined): void {
  for (const o of items ?? []) {
    const e = o.expr;
    if (e?.kind === 'ColumnRef' && !e.qualifier?.length && cols) {
      const key = r.key(e.column.name);
      // Exactly one output column of that name: ORDER BY binds to it. Several: let the sources decide.
      const hits = cols.filter((c) => r.key(c.name) === key);
      if (hits.length === 1 || (hits.length > 1 && !s?.sources.length)) {
        // bound like the select-list column it names (hover, go to definition)
        const bound = hits.length === 1 && hits[0].ref ? r.res.columns.get(hits[0].ref) : undefined;
        if (bound) r.res.columns.set(e, bound);
        continue;
      }
    }
    expr(r, e, ctx, s);
  }
}

function select(r: ResolverState, q: A.SelectQuery, ctx: Ctx, outer: Scope | undefined): SourceColumn[] | undefined {
  const from = q.from ?? [];
  const s: Scope = { sources: fromSources(r, from, ctx, outer), parent: outer };
  r.pushScope(q.range, s);
  joinConditions(r, from, ctx, s);
  if (q.top) expr(r, q.top.expr, ctx, s);
  let cols: SourceColumn[] | undefined = [];
  // Names ORDER BY can bind to: select-list aliases and plain column references (SQL Server binds a bare
  // ORDER BY name to the select list first, so `SELECT m.Id ... JOIN k ... ORDER BY Id` is not ambiguous).
  const outputNames: OutputName[] = [];
  for (const item of q.columns ?? []) {
    const c = selectItem(r, item, ctx, s);
    if (c === undefined) cols = undefined;
    else if (cols) for (const x of c) cols.push(x);
    if (item?.kind === 'SelectColumn') {
      const ref = !item.alias && item.expr?.kind === 'ColumnRef' ? item.expr : undefined;
      const name = item.alias?.name ?? ref?.column.name;
      if (name) outputNames.push({ name, ref });
    }
  }
  if (q.where) expr(r, q.where, ctx, s);
  for (const g of q.groupBy ?? []) expr(r, g, ctx, s);
  if (q.having) expr(r, q.having, ctx, s);
  orderBy(r, q.orderBy, ctx, s, outputNames);
  if (q.offset) expr(r, q.offset, ctx, s);
  if (q.fetch) expr(r, q.fetch, ctx, s);
  if (q.into) {
    const n = q.into.name.name;
    // SELECT INTO copies types and nullability, never defaults or computed definitions; IDENTITY only
    // from a single table without GROUP BY (a join or aggregate makes it a plain column)
    const keepIdentity = q.from?.length === 1 && q.from[0].kind === 'TableRef' && !q.groupBy?.length;
    const copy = (c: SourceColumn): SourceColumn => {
      if (!c.info) return { ...c };
      const info = { ...c.info, computed: false, identity: keepIdentity && c.info.identity };
      delete info.default;
      return { ...c, info };
    };
    r.res.createdTables.set(r.key(n), { name: n, kind: n.startsWith('#') ? 'temp' : 'created', columns: cols ? cols.map(copy) : undefined });
  }
  return cols;
}

/** Output columns of one select item; undefined when unknown. */
export function selectItem(r: ResolverState, item: A.SelectItem, ctx: Ctx, s: Scope): SourceColumn[] | undefined {
  if (!item) return undefined;
  if (item.kind === 'Star') {
    const q = item.qualifier;
    if (q?.length) {
      const src = findSourceByQualifier(r, q, s);
      return src?.columns ? src.columns.map((c) => ({ ...c })) : undefined;
    }
    const all: SourceColumn[] = [];
    for (const src of s.sources) {
      if (!src.columns) return undefined;
      for (const c of src.columns) all.push(c);
    }
    return all;
  }
  if (item.kind === 'SelectAssign') {
    variableRef(r, item.variable);
    expr(r, item.expr, ctx, s);
    return [];
  }
  expr(r, item.expr, ctx, s);
  const e = item.expr;
  const name = item.alias?.name ?? (e?.kind === 'ColumnRef' ? e.column.name : undefined);
  const type = inferExpressionType(e, r.res);
  const bound = e?.kind === 'ColumnRef' ? r.res.columns.get(e)?.column : undefined;
  return [{ name: name ?? '', info: bound?.info, type }];
}


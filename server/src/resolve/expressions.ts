// Expressions: column references against the scope, variables, subqueries; and the type of
// simple expressions (literals, columns, variables, CAST) for the type rules.
import type * as A from '../sql/ast';
import { forEachChild, type AnyNode } from '../sql/visit';
import { columnRef } from './columns';
import { query } from './queries';
import type { Ctx, ResolverState, Scope } from './state';
import { dataTypeToInfo, type Resolution, type TypeInfo } from './types';
import { variableRef } from './variables';

/** Functions whose first argument is a date part keyword, not a column. */
const DATEPART_FUNCTIONS = new Set(['dateadd', 'datediff', 'datediff_big', 'datepart', 'datename', 'datetrunc', 'date_bucket']);

function isQuery(c: AnyNode): boolean {
  return c.kind === 'Select' || c.kind === 'SetOperation' || c.kind === 'ParenQuery';
}

/** Resolves expressions in any subtree: variables, and (unless skipColumns) column refs against the scope. */
export function exprsIn(r: ResolverState, node: object, ctx: Ctx, s: Scope | undefined, skipColumns: boolean): void {
  forEachChild(node, (c) => {
    if (c.kind === 'Variable') variableRef(r, c as unknown as A.VariableRef);
    else if (c.kind === 'ColumnRef') {
      if (!skipColumns && s) columnRef(r, c as unknown as A.ColumnRef, s);
    } else if (isQuery(c)) query(r, c as unknown as A.QueryExpression, ctx, s);
    else exprsIn(r, c, ctx, s, skipColumns);
  });
}

export function expr(r: ResolverState, e: A.Expression | undefined, ctx: Ctx, s: Scope | undefined): void {
  if (!e) return;
  switch (e.kind) {
    case 'ColumnRef':
      if (s) columnRef(r, e, s);
      return;
    case 'Variable':
      return variableRef(r, e);
    case 'Literal':
      return;
    case 'Subquery':
    case 'Exists':
      query(r, e.query, ctx, s);
      return;
    case 'Binary':
      expr(r, e.left, ctx, s);
      expr(r, e.right, ctx, s);
      return;
    case 'In':
      expr(r, e.expr, ctx, s);
      for (const x of e.list ?? []) expr(r, x, ctx, s);
      if (e.subquery) query(r, e.subquery, ctx, s);
      return;
    case 'Quantified':
      expr(r, e.left, ctx, s);
      query(r, e.query, ctx, s);
      return;
    case 'FunctionCall': {
      const fname = e.name?.name?.name ? r.lower(e.name.name.name) : '';
      if (fname === 'update' || fname === 'columns_updated') return; // trigger column tests
      // @doc.value(...), @g.STDistance(...): a method of a variable (xml, CLR types) uses the variable
      const owner = e.name?.parts?.[0];
      if (owner && e.name.parts.length > 1 && owner.name.charCodeAt(0) === 64 /* @ */) {
        variableRef(r, { kind: 'Variable', name: owner.name, system: owner.name.startsWith('@@'), range: owner.range });
      }
      const args = e.args ?? [];
      const skipFirst = DATEPART_FUNCTIONS.has(fname);
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (i === 0 && skipFirst && a?.kind === 'ColumnRef' && !a.qualifier?.length) continue;
        expr(r, a, ctx, s);
      }
      if (e.over) exprsIn(r, e.over, ctx, s, false);
      for (const w of e.withinGroup ?? []) expr(r, w.expr, ctx, s);
      return;
    }
    default:
      forEachChild(e, (c) => {
        if (isQuery(c)) query(r, c as unknown as A.QueryExpression, ctx, s);
        else if (c.kind !== 'DataType') expr(r, c as unknown as A.Expression, ctx, s);
      });
  }
}

/** Type of simple expressions: literals, columns, variables, CAST/CONVERT, parentheses. */
export function inferExpressionType(e: A.Expression | undefined, res: Resolution): TypeInfo | undefined {
  if (!e) return undefined;
  switch (e.kind) {
    case 'Literal':
      switch (e.literalType) {
        case 'string': return { name: 'varchar', maxLength: e.value.length };
        case 'nstring': return { name: 'nvarchar', maxLength: e.value.length };
        case 'integer': return { name: 'int' };
        case 'decimal': return { name: 'decimal' };
        case 'float': return { name: 'float' };
        case 'money': return { name: 'money' };
        case 'binary': return { name: 'varbinary' };
        default: return undefined;
      }
    case 'ColumnRef': {
      const b = res.columns.get(e);
      return b?.column ? res.typeOf(b.column) : undefined;
    }
    case 'Variable': return res.variables.get(e)?.type;
    case 'Cast': return dataTypeToInfo(e.dataType);
    case 'Paren': return inferExpressionType(e.expr, res);
    default: return undefined;
  }
}

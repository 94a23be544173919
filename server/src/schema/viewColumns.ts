// A view's columns from its select list, as SQL Server derives them: names from aliases or the view's
// column list, types and nullability carried over from the tables read (nullable on the optional side
// of an outer join), CTEs and derived tables followed. A `*` over a source whose columns are not known
// (another database, a function, an unknown table) leaves the view open: no columns, any column accepted.

import type { CreateViewStatement, Identifier, ObjectName, QueryExpression, SelectQuery, Span, TableSource } from '../sql/ast';
import { expressionType } from './columnTypes';
import type { ColumnInfo, SourceLocation } from './model';

/** What the derivation needs from the schema being built. */
export interface ViewScope {
  /** Name folding (case-insensitive unless configured). */
  k(name: string): string;
  /** Columns of a table, view or synonym of the schema; undefined when not known. */
  objectColumns(name: ObjectName): readonly ColumnInfo[] | undefined;
  /** Where a select item is, for go-to-definition. */
  locate(range: Span): SourceLocation;
}

interface Source {
  names: string[];
  /** Empty when not known. */
  columns: readonly ColumnInfo[];
  /** On the optional side of an outer join: its columns are nullable here. */
  outer: boolean;
}

type Ctes = ReadonlyMap<string, ColumnInfo[]>;

/** The view's columns; empty (an open view) when they cannot all be known. */
export function viewColumns(scope: ViewScope, stmt: CreateViewStatement): ColumnInfo[] {
  const ctes = new Map<string, ColumnInfo[]>();
  for (const cte of stmt.with?.ctes ?? []) {
    const cols = selectColumns(scope, cte.query, ctes) ?? [];
    rename(cols, cte.columns);
    ctes.set(scope.k(cte.name.name), cols);
  }
  const cols = selectColumns(scope, stmt.query, ctes) ?? [];
  rename(cols, stmt.columns);
  return cols;
}

function rename(cols: ColumnInfo[], names: Identifier[] | undefined): void {
  names?.forEach((n, i) => {
    if (cols[i]) cols[i].name = n.name;
  });
}

function firstSelect(q: QueryExpression): SelectQuery | undefined {
  if (q.kind === 'Select') return q;
  if (q.kind === 'SetOperation') return firstSelect(q.left);
  if (q.kind === 'ParenQuery') return firstSelect(q.query);
  return undefined;
}

/** Table sources of a FROM clause, flattened, each with the name it is referred to by. */
function sources(scope: ViewScope, from: TableSource[], out: Source[], ctes: Ctes, outer = false): void {
  for (const src of from) {
    switch (src.kind) {
      case 'Join': {
        const t = src.joinType;
        sources(scope, [src.left], out, ctes, outer || t === 'RIGHT' || t === 'FULL');
        sources(scope, [src.right], out, ctes, outer || t === 'LEFT' || t === 'FULL' || t === 'OUTER APPLY');
        break;
      }
      case 'TableRef': {
        const names = [src.name.name.name];
        if (src.alias) names.unshift(src.alias.name);
        const cte = src.name.schema ? undefined : ctes.get(scope.k(src.name.name.name));
        const columns = cte ?? scope.objectColumns(src.name) ?? [];
        out.push({ names: src.alias ? [src.alias.name] : names, columns, outer });
        break;
      }
      case 'DerivedTable': {
        const cols = selectColumns(scope, src.query, ctes) ?? [];
        rename(cols, src.columns);
        out.push({ names: src.alias ? [src.alias.name] : [], columns: cols, outer });
        break;
      }
      default: {
        // A table-valued function, OPENJSON, VALUES ...: its columns are not known here.
        const alias = (src as { alias?: Identifier }).alias;
        out.push({ names: alias ? [alias.name] : [], columns: [], outer });
        break;
      }
    }
  }
}

/** The select list's columns (of the first branch of a UNION); undefined when a `*` covers a source whose columns are not known. */
export function selectColumns(scope: ViewScope, q: QueryExpression, ctes: Ctes = new Map()): ColumnInfo[] | undefined {
  const select = firstSelect(q);
  if (!select) return [];
  const srcs: Source[] = [];
  sources(scope, select.from, srcs, ctes);
  const copy = (c: ColumnInfo, s: Source, name = c.name): ColumnInfo => {
    const { location: _l, description: _d, default: _def, ...rest } = c;
    return { ...rest, name, identity: false, computed: false, nullable: c.nullable || s.outer };
  };
  const qualifierMatches = (qual: Identifier[] | undefined, s: Source) => {
    if (!qual || !qual.length) return true;
    const last = scope.k(qual[qual.length - 1].name);
    return s.names.some((n) => scope.k(n) === last);
  };
  const find = (qual: Identifier[] | undefined, column: string): { c: ColumnInfo; s: Source } | undefined => {
    const k = scope.k(column);
    for (const s of srcs) {
      if (!qualifierMatches(qual, s)) continue;
      const c = s.columns.find((x) => scope.k(x.name) === k);
      if (c) return { c, s };
    }
    return undefined;
  };
  const out: ColumnInfo[] = [];
  for (const item of select.columns) {
    if (item.kind === 'Star') {
      for (const s of srcs) {
        if (!qualifierMatches(item.qualifier, s)) continue;
        if (!s.columns.length) return undefined;
        for (const c of s.columns) out.push({ ...copy(c, s), location: scope.locate(item.range) });
      }
      continue;
    }
    if (item.kind !== 'SelectColumn') continue;
    const e = item.expr;
    const name = item.alias?.name ?? (e.kind === 'ColumnRef' ? e.column.name : '');
    const location = scope.locate(item.range);
    const base = e.kind === 'ColumnRef' ? find(e.qualifier, e.column.name) : undefined;
    if (base) out.push({ ...copy(base.c, base.s, name), location });
    else out.push({ location, name, type: 'sql_variant', ...expressionType(e, (ref) => find(ref.qualifier, ref.column.name)?.c), nullable: true, identity: false, computed: false });
  }
  return out;
}

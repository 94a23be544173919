// What the data-change rules need to know about a DML statement.
import type * as A from '../sql/ast';
import type { Resolution, Source } from '../resolve/types';

export type Dml = A.InsertStatement | A.UpdateStatement | A.DeleteStatement | A.MergeStatement;

export function isDml(st: A.Statement): st is Dml {
  return st.kind === 'Insert' || st.kind === 'Update' || st.kind === 'Delete' || st.kind === 'Merge';
}

/** The source a DML statement changes. */
export function dmlTarget(st: Dml, res: Resolution): Source | undefined {
  return res.dmlTargets.get(st) ?? (st.kind !== 'Insert' && st.target ? res.tables.get(st.target) : undefined);
}

/** True when the statement changes a permanent table (not #temp, @table, CTE on temp ...). */
export function changesPermanentTable(st: A.Statement, res: Resolution): boolean {
  if (isDml(st)) {
    const name = st.kind === 'Insert' ? st.target?.name?.name : st.target?.name?.name?.name;
    if (!name) return false;
    if (name.startsWith('#') || name.startsWith('@')) return false;
    const src = dmlTarget(st, res);
    if (src && (src.kind === 'temp' || src.kind === 'tableVariable')) return false;
    if (src && src.kind === 'cte') return true;
    return true;
  }
  if (st.kind === 'SelectStatement') {
    const into = intoOf(st.query);
    return !!into && !into.name.name.startsWith('#');
  }
  return false;
}

function intoOf(q: A.QueryExpression | undefined): A.ObjectName | undefined {
  if (!q) return undefined;
  if (q.kind === 'Select') return q.into;
  if (q.kind === 'SetOperation') return intoOf(q.left);
  if (q.kind === 'ParenQuery') return intoOf(q.query);
  return undefined;
}

export function isTempSource(src: Source | undefined, name: string | undefined): boolean {
  if (name && (name.startsWith('#') || name.startsWith('@'))) return true;
  return !!src && (src.kind === 'temp' || src.kind === 'tableVariable');
}

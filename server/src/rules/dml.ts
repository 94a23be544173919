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
  if (st.kind === 'Exec') return dynamicDmlTarget(st) !== undefined;
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

// Leading comments, then UPDATE/DELETE/INSERT/MERGE [TOP (n)] [INTO|FROM] target.
const DYNAMIC_DML = /^\s*(?:(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*(?:update|delete|insert|merge)\s+(?:top\s*\([^)]*\)\s*(?:percent\s+)?)?(?:(?:into|from)\s+)?([^\s(;,]+)/i;

/**
 * The permanent table a constant dynamic statement changes: EXEC sp_executesql N'UPDATE dbo.X ...', ... or
 * EXEC (N'DELETE FROM dbo.X ...'). Undefined for anything else (a variable holding the text, #temp or @table targets).
 */
export function dynamicDmlTarget(exec: A.ExecStatement): string | undefined {
  let text: A.Expression | undefined;
  if (exec.dynamic) text = exec.dynamic.length === 1 ? exec.dynamic[0] : undefined;
  else if (/^sp_executesql$/i.test(exec.procedure?.name?.name ?? '')) {
    const first = exec.args[0];
    if (first && (!first.name || /^@stmt$|^@statement$/i.test(first.name))) text = first.value;
  }
  if (text?.kind !== 'Literal' || (text.literalType !== 'string' && text.literalType !== 'nstring')) return undefined;
  const m = DYNAMIC_DML.exec(text.value);
  if (!m) return undefined;
  const target = m[1].replace(/[[\]"]/g, '');
  return target.startsWith('#') || target.startsWith('@') ? undefined : target;
}

// Shared logic of update-without-where and delete-without-where.
import type * as A from '../sql/ast';
import type { RuleContext } from './rule';
import { dmlTarget, isTempSource } from './dml';
import { allStatements } from './util';

function joinRestricts(from: A.TableSource[]): boolean {
  const restricting = (t: A.TableSource | undefined): boolean => {
    if (!t) return false;
    if (t.kind === 'Join') return t.joinType === 'INNER' || t.joinType === 'CROSS APPLY' || restricting(t.left) || restricting(t.right);
    return false;
  };
  return from.some(restricting);
}

/**
 * Does a CTE's query pick rows (WHERE, TOP, OFFSET, HAVING, a restricting join, or reading another CTE
 * that does)? `WITH k AS (SELECT ... FROM dbo.Arest) UPDATE k SET ...` changes every row like a bare UPDATE.
 * Anything not a plain SELECT (set operations, a CTE defined elsewhere) counts as restricting.
 */
function cteRestricts(name: string, ctes: A.Cte[], depth = 0): boolean {
  const lower = name.toLowerCase();
  const cte = ctes.find((c) => c.name?.name?.toLowerCase() === lower);
  if (!cte || depth > 8) return true;
  let q: A.QueryExpression | undefined = cte.query;
  while (q?.kind === 'ParenQuery') q = q.query;
  if (q?.kind !== 'Select') return true;
  if (q.where || q.top || q.offset || q.having || joinRestricts(q.from ?? [])) return true;
  if ((q.from ?? []).length !== 1) return true;
  const only = q.from[0];
  if (only.kind !== 'TableRef') return true;
  const parts = only.name?.parts ?? [];
  const inner = parts.length === 1 ? only.name.name.name : undefined;
  // a CTE over a #temp table or @table variable changes only the script's own rows
  if (inner && (inner.startsWith('#') || inner.startsWith('@'))) return true;
  if (inner && ctes.some((c) => c !== cte && c.name?.name?.toLowerCase() === inner.toLowerCase())) return cteRestricts(inner, ctes, depth + 1);
  return false;
}

export function checkWhereMissing(ctx: RuleContext, kind: 'Update' | 'Delete', en: string, et: string): void {
  for (const { st } of allStatements(ctx.script)) {
    if (st.kind !== kind) continue;
    const s = st as A.UpdateStatement | A.DeleteStatement;
    if (s.where || s.currentOf) continue;
    const name = s.target?.name?.name?.name;
    const target = dmlTarget(s, ctx.resolution);
    if (isTempSource(target, name)) continue;
    // UPDATE OPENQUERY(srv, 'SELECT ... WHERE ...'): the rows are picked by the pass-through query's text
    if (s.target?.name?.server) continue;
    // Through a derived table the rows are already filtered by its query; through a CTE only when its query filters.
    if (target?.kind === 'derived') continue;
    if (target?.kind === 'cte') {
      const cteName = target.ref?.name?.name?.name ?? name ?? '';
      if (cteRestricts(cteName, s.with?.ctes ?? []) || joinRestricts(s.from ?? [])) continue;
    }
    // A work table the script itself created (CREATE TABLE dbo.Abi, SELECT ... INTO dbo.Abi) holds only its own rows.
    if (target?.kind === 'created') continue;
    if (joinRestricts(s.from ?? [])) continue;
    ctx.report({ start: s.range.start, end: Math.min(s.range.end, (s.target?.range.end ?? s.range.end)) }, en.replace('{t}', name ?? ''), et.replace('{t}', name ?? ''));
  }
}

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

export function checkWhereMissing(ctx: RuleContext, kind: 'Update' | 'Delete', en: string, et: string): void {
  for (const { st } of allStatements(ctx.script)) {
    if (st.kind !== kind) continue;
    const s = st as A.UpdateStatement | A.DeleteStatement;
    if (s.where || s.currentOf) continue;
    const name = s.target?.name?.name?.name;
    const target = dmlTarget(s, ctx.resolution);
    if (isTempSource(target, name)) continue;
    // Through a CTE or derived table the rows are already filtered by its query.
    if (target && (target.kind === 'cte' || target.kind === 'derived')) continue;
    // A work table the script itself created (CREATE TABLE dbo.Abi, SELECT ... INTO dbo.Abi) holds only its own rows.
    if (target?.kind === 'created') continue;
    if (joinRestricts(s.from ?? [])) continue;
    ctx.report({ start: s.range.start, end: Math.min(s.range.end, (s.target?.range.end ?? s.range.end)) }, en.replace('{t}', name ?? ''), et.replace('{t}', name ?? ''));
  }
}

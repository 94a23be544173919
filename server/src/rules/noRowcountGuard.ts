import type { Rule } from './rule';
import { allStatements, nodesOfKind, walk } from './util';
import type { FunctionCall, IfStatement, OutputClause, TableRef, VariableRef } from '../sql/ast';
import type { Script } from '../sql/ast';
import { changesPermanentTable } from './dml';
import { transactionFacts } from './txFlow';

/** Is there a value in the sorted list with lo <= value < hi? */
function anyBetween(sorted: number[], lo: number, hi: number): boolean {
  let a = 0, b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && sorted[a] < hi;
}

/**
 * Per transaction: the COMMIT that ends it is reported when a data change to a permanent table lies
 * between its BEGIN TRAN and the COMMIT but no row count is read there (@@ROWCOUNT, ROWCOUNT_BIG(),
 * or a COUNT over an OUTPUT ... INTO target). A guard in another transaction of the script does not count.
 */
export const noRowcountGuard: Rule = {
  id: 'no-rowcount-guard',
  defaultSeverity: 'info',
  category: 'safety',
  description: { en: 'COMMIT of a data change with no @@ROWCOUNT check in its transaction.', et: 'Andmemuudatuse COMMIT ilma @@ROWCOUNT kontrollita selles transaktsioonis.' },
  check(ctx) {
    const guards: number[] = [];
    for (const v of nodesOfKind<VariableRef>(ctx.script, 'Variable')) if (/^@@rowcount$/i.test(v.name)) guards.push(v.range.start);
    for (const f of nodesOfKind<FunctionCall>(ctx.script, 'FunctionCall')) if (/^rowcount_big$/i.test(f.name?.name?.name ?? '')) guards.push(f.range.start);
    for (const st of outputRowCounts(ctx.script)) guards.push(st.range.start);
    guards.sort((a, b) => a - b);
    const changes: number[] = [];
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind !== 'SelectStatement' && changesPermanentTable(st, ctx.resolution)) changes.push(st.range.start);
    }
    if (!changes.length) return;
    changes.sort((a, b) => a - b);
    for (const { st, states } of transactionFacts(ctx.script).statements) {
      if (st.kind !== 'Transaction' || st.action !== 'commit') continue;
      // the COMMIT that ends the outermost transaction (an inner COMMIT only lowers @@TRANCOUNT)
      // (paths can reach it from different BEGIN TRANs: ROLLBACK, then IF @@TRANCOUNT = 0 BEGIN TRAN; any unguarded one counts)
      const to = st.range.start;
      const unguarded = states.some((s) => s.depth === 1 && s.opener && anyBetween(changes, s.opener.end, to) && !anyBetween(guards, s.opener.end, to));
      if (!unguarded) continue;
      ctx.report(st.range, 'COMMIT without checking @@ROWCOUNT: the change is kept however many rows it touched.', 'COMMIT ilma @@ROWCOUNT kontrollita: muudatus jääb alles sõltumata ridade arvust.');
    }
  },
};

/** Guards that count the rows an OUTPUT ... INTO captured: IF (SELECT COUNT(*) FROM @changed) > n THROW ... */
function outputRowCounts(script: Script): IfStatement[] {
  const targets = new Set(
    nodesOfKind<OutputClause>(script, 'Output')
      .map((o) => o.into?.target.name.name.toLowerCase())
      .filter((n): n is string => !!n),
  );
  if (targets.size === 0) return [];
  return nodesOfKind<IfStatement>(script, 'If').filter((st) => {
    let counts = false;
    let readsTarget = false;
    walk(st.condition, (n) => {
      if (n.kind === 'FunctionCall' && /^count(_big)?$/i.test((n as unknown as FunctionCall).name.name.name)) counts = true;
      if (n.kind === 'TableRef' && targets.has((n as unknown as TableRef).name.name.name.toLowerCase())) readsTarget = true;
    });
    return counts && readsTarget;
  });
}

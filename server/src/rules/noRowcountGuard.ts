import type { Rule } from './rule';
import { allStatements, nodesOfKind, walk } from './util';
import type { FunctionCall, IfStatement, OutputClause, TableRef, VariableRef } from '../sql/ast';
import type { Script } from '../sql/ast';
import { changesPermanentTable } from './dml';

export const noRowcountGuard: Rule = {
  id: 'no-rowcount-guard',
  defaultSeverity: 'info',
  category: 'safety',
  description: { en: 'COMMIT of a data change with no @@ROWCOUNT check anywhere.', et: 'Andmemuudatuse COMMIT ilma @@ROWCOUNT kontrollita.' },
  check(ctx) {
    let reads = false;
    reads = nodesOfKind<VariableRef>(ctx.script, 'Variable').some((v) => /^@@rowcount$/i.test(v.name))
      || nodesOfKind<FunctionCall>(ctx.script, 'FunctionCall').some((f) => /^rowcount_big$/i.test(f.name?.name?.name ?? ''));
    if (reads || countsOutputRows(ctx.script)) return;
    const sts = allStatements(ctx.script);
    let changed = false;
    for (const { st } of sts) {
      if (changesPermanentTable(st, ctx.resolution) && st.kind !== 'SelectStatement') changed = true;
      if (changed && st.kind === 'Transaction' && st.action === 'commit') {
        ctx.report(st.range, 'COMMIT without checking @@ROWCOUNT: the change is kept however many rows it touched.', 'COMMIT ilma @@ROWCOUNT kontrollita: muudatus jääb alles sõltumata ridade arvust.');
        return;
      }
    }
  },
};

/** A guard that counts the rows an OUTPUT ... INTO captured: IF (SELECT COUNT(*) FROM @changed) > n THROW ... */
function countsOutputRows(script: Script): boolean {
  const targets = new Set(
    nodesOfKind<OutputClause>(script, 'Output')
      .map((o) => o.into?.target.name.name.toLowerCase())
      .filter((n): n is string => !!n),
  );
  if (targets.size === 0) return false;
  return nodesOfKind<IfStatement>(script, 'If').some((st) => {
    let counts = false;
    let readsTarget = false;
    walk(st.condition, (n) => {
      if (n.kind === 'FunctionCall' && /^count(_big)?$/i.test((n as unknown as FunctionCall).name.name.name)) counts = true;
      if (n.kind === 'TableRef' && targets.has((n as unknown as TableRef).name.name.name.toLowerCase())) readsTarget = true;
    });
    return counts && readsTarget;
  });
}

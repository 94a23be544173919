import type { Rule } from './rule';
import { allStatements, nodesOfKind } from './util';
import type { FunctionCall, VariableRef } from '../sql/ast';
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
    if (reads) return;
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

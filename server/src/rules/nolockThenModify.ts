import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements, nodesOfKind } from './util';
import { isDml } from './dml';

export const nolockThenModify: Rule = {
  id: 'nolock-then-modify',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: 'Rows read WITH (NOLOCK) from a table that the script then modifies.', et: 'Ridu loetakse WITH (NOLOCK) tabelist, mida skript seejärel muudab.' },
  check(ctx) {
    const key = (n: string) => n.toLowerCase();
    const modified = new Set<string>();
    for (const { st } of allStatements(ctx.script)) {
      if (!isDml(st)) continue;
      const src = st.kind === 'Insert' ? undefined : ctx.resolution.tables.get(st.target);
      const name = src?.table?.name ?? (st.kind === 'Insert' ? st.target?.name?.name : st.target?.name?.name?.name);
      if (name) modified.add(key(name));
    }
    if (!modified.size) return;
    nodesOfKind<A.TableRef>(ctx.script, 'TableRef').forEach((ref) => {
      if (!ref.hints?.some((h) => h === 'NOLOCK' || h === 'READUNCOMMITTED')) return;
      const src = ctx.resolution.tables.get(ref);
      const name = src?.table?.name ?? ref.name?.name?.name;
      if (name && modified.has(key(name))) ctx.report(ref.range, `${name} is read WITH (NOLOCK) and also modified: dirty reads can drive the change.`, `${name} loetakse WITH (NOLOCK) ja seda ka muudetakse: määrdunud lugemine võib muudatust mõjutada.`);
    });
  },
};

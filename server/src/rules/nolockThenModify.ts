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
    // where each table is modified: a NOLOCK read after its last change (a check of the result) drives nothing
    const modified = new Map<string, A.Span[]>();
    const loops: A.Span[] = [];
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind === 'While') loops.push(st.range);
      if (!isDml(st)) continue;
      const src = st.kind === 'Insert' ? undefined : ctx.resolution.tables.get(st.target);
      const name = src?.table?.name ?? (st.kind === 'Insert' ? st.target?.name?.name : st.target?.name?.name?.name);
      if (!name) continue;
      const k = key(name);
      if (!modified.has(k)) modified.set(k, []);
      modified.get(k)!.push(st.range);
    }
    if (!modified.size) return;
    const inside = (a: A.Span, outer: A.Span) => outer.start <= a.start && a.end <= outer.end;
    const drives = (read: A.Span, changes: A.Span[]): boolean =>
      changes.some((c) => read.start < c.end) ||
      loops.some((l) => inside(read, l) && changes.some((c) => inside(c, l)));
    nodesOfKind<A.TableRef>(ctx.script, 'TableRef').forEach((ref) => {
      if (!ref.hints?.some((h) => h === 'NOLOCK' || h === 'READUNCOMMITTED')) return;
      const src = ctx.resolution.tables.get(ref);
      const name = src?.table?.name ?? ref.name?.name?.name;
      const changes = name ? modified.get(key(name)) : undefined;
      if (name && changes && drives(ref.range, changes)) ctx.report(ref.range, `${name} is read WITH (NOLOCK) and also modified: dirty reads can drive the change.`, `${name} loetakse WITH (NOLOCK) ja seda ka muudetakse: määrdunud lugemine võib muudatust mõjutada.`);
    });
  },
};

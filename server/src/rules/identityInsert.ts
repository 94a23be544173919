import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';
import { dmlTarget } from './dml';

export const identityInsert: Rule = {
  id: 'identity-insert',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'An explicit value for an identity column without SET IDENTITY_INSERT ... ON.', et: 'Identity-veerule antakse väärtus ilma SET IDENTITY_INSERT ... ON-ita.' },
  check(ctx) {
    const key = (s: string) => s.toLowerCase();
    const on = new Set<string>();
    // Document order approximates execution order for IDENTITY_INSERT toggles.
    const nodes: { kind: string; node: A.Statement }[] = ['SetIdentityInsert', 'Insert', 'Merge']
      .flatMap((k) => nodesOfKind<A.Statement>(ctx.script, k).map((node) => ({ kind: k, node })));
    nodes.sort((a, b) => a.node.range.start - b.node.range.start);
    for (const { node } of nodes) {
      if (node.kind === 'SetIdentityInsert') {
        const t = ctx.schema?.findTable(node.table.name.name, node.table.schema?.name);
        const k = key(t?.name ?? node.table.name.name);
        if (node.on) on.add(k); else on.delete(k);
        continue;
      }
      let cols: A.Identifier[] | undefined;
      let table: string | undefined;
      let columns: { name: string; info?: { identity: boolean } }[] | undefined;
      if (node.kind === 'Insert') {
        const t = dmlTarget(node, ctx.resolution);
        cols = node.columns; table = t?.table?.name ?? t?.name; columns = t?.columns;
      } else if (node.kind === 'Merge') {
        const t = node.target ? ctx.resolution.tables.get(node.target) : undefined;
        cols = (node.clauses ?? []).flatMap((c) => (c.action?.kind === 'MergeInsert' ? c.action.columns ?? [] : []));
        table = t?.table?.name ?? t?.name; columns = t?.columns;
      }
      if (!cols || !table || !columns || on.has(key(table))) continue;
      for (const c of cols) {
        const col = columns.find((x) => key(x.name) === key(c.name));
        if (col?.info?.identity) ctx.report(c.range, `${c.name} is an identity column: inserting it needs SET IDENTITY_INSERT ${table} ON.`, `${c.name} on identity-veerg: selle sisestamiseks on vaja SET IDENTITY_INSERT ${table} ON.`);
      }
    }
  },
};

import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements, nodesOfKind, objectText } from './util';

const isTemp = (n: string | undefined) => !!n && (n.startsWith('#') || n.startsWith('@'));

/** Schema-qualified key of a table name (no schema = dbo), case-folded. */
function tableKey(n: A.ObjectName | undefined): string {
  return `${(n?.schema?.name ?? 'dbo').toLowerCase()}.${(n?.name?.name ?? '').toLowerCase()}`;
}

/** Where the script creates permanent tables (CREATE TABLE, SELECT ... INTO): key -> first offset. */
function createdTables(script: A.Script, statements: { st: A.Statement }[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (n: A.ObjectName | undefined, at: number) => {
    const k = tableKey(n);
    if (n && !out.has(k)) out.set(k, at);
  };
  for (const { st } of statements) if (st.kind === 'CreateTable') add(st.name, st.range.start);
  for (const q of nodesOfKind<A.SelectQuery>(script, 'Select')) if (q.into) add(q.into, q.range.start);
  return out;
}

export const destructiveStatement: Rule = {
  id: 'destructive-statement',
  defaultSeverity: 'warning',
  category: 'safety',
  description: { en: 'TRUNCATE, DROP TABLE or DROP COLUMN of a permanent table.', et: 'Püsitabeli TRUNCATE, DROP TABLE või DROP COLUMN.' },
  check(ctx) {
    const statements = allStatements(ctx.script);
    const created = createdTables(ctx.script, statements);
    // a work table the script itself created earlier holds nothing the script did not put there
    const ownTable = (n: A.ObjectName | undefined, at: number) => (created.get(tableKey(n)) ?? Infinity) < at;
    for (const { st } of statements) {
      if (st.kind === 'Truncate' && !isTemp(st.table?.name?.name) && !ownTable(st.table, st.range.start)) {
        ctx.report(st.range, `TRUNCATE TABLE ${objectText(st.table)} removes every row and cannot be filtered.`, `TRUNCATE TABLE ${objectText(st.table)} kustutab kõik read.`);
      } else if (st.kind === 'Drop' && st.objectType === 'TABLE') {
        for (const n of st.names ?? []) {
          if (isTemp(n.name?.name) || /^tempdb$/i.test(n.database?.name ?? '') || ownTable(n, st.range.start)) continue;
          ctx.report(n.range, `DROP TABLE ${objectText(n)} destroys a permanent table.`, `DROP TABLE ${objectText(n)} hävitab püsitabeli.`);
        }
      } else if (st.kind === 'AlterTable' && !isTemp(st.table?.name?.name)) {
        for (const a of st.actions ?? []) {
          if (a.kind !== 'DropColumns') continue;
          for (const c of a.columns) ctx.report(c.range, `ALTER TABLE ${objectText(st.table)} DROP COLUMN ${c.name} destroys data.`, `ALTER TABLE ${objectText(st.table)} DROP COLUMN ${c.name} hävitab andmed.`);
        }
      }
    }
  },
};

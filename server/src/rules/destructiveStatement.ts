import type { Rule } from './rule';
import { allStatements, objectText } from './util';

const isTemp = (n: string | undefined) => !!n && (n.startsWith('#') || n.startsWith('@'));

export const destructiveStatement: Rule = {
  id: 'destructive-statement',
  defaultSeverity: 'warning',
  category: 'safety',
  description: { en: 'TRUNCATE, DROP TABLE or DROP COLUMN of a permanent table.', et: 'Püsitabeli TRUNCATE, DROP TABLE või DROP COLUMN.' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind === 'Truncate' && !isTemp(st.table?.name?.name)) {
        ctx.report(st.range, `TRUNCATE TABLE ${objectText(st.table)} removes every row and cannot be filtered.`, `TRUNCATE TABLE ${objectText(st.table)} kustutab kõik read.`);
      } else if (st.kind === 'Drop' && st.objectType === 'TABLE') {
        for (const n of st.names ?? []) {
          if (isTemp(n.name?.name) || /^tempdb$/i.test(n.database?.name ?? '')) continue;
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

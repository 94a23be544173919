import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements } from './util';
import { dmlTarget } from './dml';
import { insertableColumns } from './assignments';

function selectWidth(q: A.QueryExpression | undefined): number | undefined {
  if (!q) return undefined;
  if (q.kind === 'ParenQuery') return selectWidth(q.query);
  if (q.kind === 'SetOperation') return selectWidth(q.left);
  if (q.kind !== 'Select' || q.columns.some((c) => c.kind === 'Star')) return undefined;
  return q.columns.length;
}

export const insertArity: Rule = {
  id: 'insert-arity',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'INSERT column count and value count differ.', et: 'INSERT-i veergude ja väärtuste arv erineb.' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind !== 'Insert') continue;
      let expected = st.columns?.length;
      if (expected === undefined) {
        const t = dmlTarget(st, ctx.resolution);
        expected = t ? insertableColumns(t)?.length : undefined;
      }
      if (expected === undefined) continue;
      const src = st.source;
      if (src?.kind === 'Values') {
        (src.rows ?? []).forEach((row, i) => {
          if (row.length !== expected) {
            const r = src.rowRanges?.[i] ?? src.range;
            ctx.report(r, `INSERT has ${expected} column(s) but this row has ${row.length} value(s).`, `INSERT-il on ${expected} veergu, aga real on ${row.length} väärtust.`);
          }
        });
      } else if (src?.kind === 'Query') {
        const w = selectWidth(src.query);
        if (w !== undefined && w !== expected) ctx.report(src.range, `INSERT has ${expected} column(s) but the SELECT returns ${w}.`, `INSERT-il on ${expected} veergu, aga SELECT tagastab ${w}.`);
      }
    }
  },
};

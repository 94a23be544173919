import type { Rule } from './rule';
import { allStatements } from './util';

export const topWithoutOrderBy: Rule = {
  id: 'top-without-order-by',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: 'UPDATE/DELETE TOP (n) changes arbitrary rows.', et: 'UPDATE/DELETE TOP (n) muudab juhuslikke ridu.' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if ((st.kind === 'Update' || st.kind === 'Delete') && st.top) {
        ctx.report(st.top.range, `${st.kind.toUpperCase()} TOP changes arbitrary rows: there is no ORDER BY.`, `${st.kind.toUpperCase()} TOP muudab juhuslikke ridu: ORDER BY puudub.`);
      }
    }
  },
};

import type * as A from '../sql/ast';
import type { Rule } from './rule';

/** UPDATE/DELETE statements with TOP, and whether each sits inside a WHILE loop. */
function topStatements(script: A.Script): { st: A.UpdateStatement | A.DeleteStatement; inLoop: boolean }[] {
  const out: { st: A.UpdateStatement | A.DeleteStatement; inLoop: boolean }[] = [];
  const visit = (st: A.Statement | undefined, inLoop: boolean): void => {
    if (!st) return;
    switch (st.kind) {
      case 'Update': case 'Delete': if (st.top) out.push({ st, inLoop }); break;
      case 'If': visit(st.then, inLoop); visit(st.else, inLoop); break;
      case 'While': visit(st.body, true); break;
      case 'Block': st.statements?.forEach((s) => visit(s, inLoop)); break;
      case 'TryCatch': st.tryStatements?.forEach((s) => visit(s, inLoop)); st.catchStatements?.forEach((s) => visit(s, inLoop)); break;
      case 'CreateRoutine': st.body?.forEach((s) => visit(s, false)); break;
    }
  };
  // `GO n` (n > 1) repeats the batch: the same batching idiom as a WHILE loop
  for (const b of script.batches ?? []) b.statements?.forEach((s) => visit(s, (b.go?.count ?? 1) > 1));
  return out;
}

export const topWithoutOrderBy: Rule = {
  id: 'top-without-order-by',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: 'UPDATE/DELETE TOP (n) changes arbitrary rows.', et: 'UPDATE/DELETE TOP (n) muudab juhuslikke ridu.' },
  check(ctx) {
    // Inside WHILE (or a batch repeated with GO n), TOP (n) is batching (WHILE 1=1 ... DELETE TOP (500) ... IF @@ROWCOUNT = 0 BREAK):
    // every matching row is reached in the end, so which rows come first does not matter.
    for (const { st, inLoop } of topStatements(ctx.script)) {
      if (inLoop || !st.top) continue;
      ctx.report(st.top.range, `${st.kind.toUpperCase()} TOP changes arbitrary rows: there is no ORDER BY.`, `${st.kind.toUpperCase()} TOP muudab juhuslikke ridu: ORDER BY puudub.`);
    }
  },
};

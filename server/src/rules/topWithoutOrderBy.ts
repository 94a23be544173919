import type * as A from '../sql/ast';
import type { Rule } from './rule';

interface Limited {
  st: A.UpdateStatement | A.DeleteStatement;
  inLoop: boolean;
  /** Limited by an earlier SET ROWCOUNT n (n not 0) rather than by TOP. */
  byRowcount: boolean;
}

/**
 * UPDATE/DELETE statements limited by TOP or by a SET ROWCOUNT n still in effect (a session setting: it
 * survives GO; inside a routine it is the routine's own), and whether each sits inside a WHILE loop.
 */
function topStatements(script: A.Script): Limited[] {
  const out: Limited[] = [];
  let rowcount = false;
  const visit = (st: A.Statement | undefined, inLoop: boolean): void => {
    if (!st) return;
    switch (st.kind) {
      case 'Update': case 'Delete': if (st.top || rowcount) out.push({ st, inLoop, byRowcount: !st.top }); break;
      case 'SetOption': if (st.options.length === 1 && st.options[0] === 'ROWCOUNT') rowcount = st.value !== '0'; break;
      case 'If': visit(st.then, inLoop); visit(st.else, inLoop); break;
      case 'While': visit(st.body, true); break;
      case 'Block': st.statements?.forEach((s) => visit(s, inLoop)); break;
      case 'TryCatch': st.tryStatements?.forEach((s) => visit(s, inLoop)); st.catchStatements?.forEach((s) => visit(s, inLoop)); break;
      case 'CreateRoutine': { const outer = rowcount; rowcount = false; st.body?.forEach((s) => visit(s, false)); rowcount = outer; break; }
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
  description: { en: 'UPDATE/DELETE TOP (n), or under SET ROWCOUNT n, changes arbitrary rows.', et: 'UPDATE/DELETE TOP (n) või SET ROWCOUNT n piirangu all muudab juhuslikke ridu.' },
  check(ctx) {
    // Inside WHILE (or a batch repeated with GO n), TOP (n) is batching (WHILE 1=1 ... DELETE TOP (500) ... IF @@ROWCOUNT = 0 BREAK):
    // every matching row is reached in the end, so which rows come first does not matter.
    for (const { st, inLoop, byRowcount } of topStatements(ctx.script)) {
      if (inLoop) continue;
      if (byRowcount) {
        const kind = st.kind.toUpperCase();
        ctx.report(st.range, `${kind} under SET ROWCOUNT changes arbitrary rows: there is no ORDER BY.`, `${kind} SET ROWCOUNT piirangu all muudab juhuslikke ridu: ORDER BY puudub.`);
        continue;
      }
      if (!st.top) continue;
      ctx.report(st.top.range, `${st.kind.toUpperCase()} TOP changes arbitrary rows: there is no ORDER BY.`, `${st.kind.toUpperCase()} TOP muudab juhuslikke ridu: ORDER BY puudub.`);
    }
  },
};

import type { Rule } from './rule';
import { changesPermanentTable, dmlTarget, isDml } from './dml';
import { transactionFacts } from './txFlow';
import { nodesOfKind } from './util';
import type { CreateRoutineStatement, SetOptionStatement, Statement, TryCatchStatement } from '../sql/ast';

export const noTransaction: Rule = {
  id: 'no-transaction',
  defaultSeverity: 'warning',
  category: 'safety',
  description: { en: 'A data change to a permanent table outside an explicit transaction.', et: 'Püsitabeli andmemuudatus väljaspool selgesõnalist transaktsiooni.' },
  check(ctx) {
    let implicit = false;
    implicit = nodesOfKind<SetOptionStatement>(ctx.script, 'SetOption').some((n) => n.options?.includes('IMPLICIT_TRANSACTIONS') && n.value === 'ON');
    if (implicit) return;
    const routines = nodesOfKind<CreateRoutineStatement>(ctx.script, 'CreateRoutine');
    // Routines by start with the furthest end so far: "some routine encloses st" by binary search, not a scan per statement.
    const spans = routines.map((x) => x.range).sort((a, b) => a.start - b.start);
    const maxEnd: number[] = [];
    for (const r of spans) maxEnd.push(Math.max(r.end, maxEnd.length ? maxEnd[maxEnd.length - 1] : -Infinity));
    const inRoutine = {
      has: (st: Statement): boolean => {
        let lo = 0, hi = spans.length; // first span starting after st
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (spans[mid].start <= st.range.start) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 && maxEnd[lo - 1] >= st.range.end;
      },
    };
    // CATCH blocks: logging the error after ROLLBACK has to happen outside the transaction
    const catchSpans = nodesOfKind<TryCatchStatement>(ctx.script, 'TryCatch')
      .flatMap((t) => (t.catchStatements?.length ? [{ start: t.catchStatements[0].range.start, end: t.catchStatements[t.catchStatements.length - 1].range.end }] : []));
    const inCatch = (st: Statement) => catchSpans.some((c) => c.start <= st.range.start && st.range.end <= c.end);
    for (const { st, states } of transactionFacts(ctx.script).statements) {
        if (inRoutine.has(st)) continue;
        // SELECT INTO creates a new (backup) table: not a change of existing data.
        if (st.kind === 'SelectStatement' || !changesPermanentTable(st, ctx.resolution)) continue;
        // every path must reach it with a transaction open (BEGIN TRAN inside an IF leaves the other path bare)
        if (states.every((s) => s.depth > 0)) continue;
        if (inCatch(st)) continue;
        // A work table the script created itself (CREATE TABLE dbo.Abi, SELECT ... INTO dbo.Abi) holds only its own rows.
        if (isDml(st) && dmlTarget(st, ctx.resolution)?.kind === 'created') continue;
        const verb = st.kind.toUpperCase();
        ctx.report({ start: st.range.start, end: Math.min(st.range.end, st.range.start + 200) }, `${verb} changes data outside a transaction: wrap it in BEGIN TRAN ... COMMIT.`, `${verb} muudab andmeid väljaspool transaktsiooni: kasuta BEGIN TRAN ... COMMIT.`);
    }
  },
};

import type { CreateRoutineStatement, Span } from '../sql/ast';
import type { Rule } from './rule';
import { transactionFacts } from './txFlow';
import { nodesOfKind } from './util';

export const unbalancedTransaction: Rule = {
  id: 'unbalanced-transaction',
  defaultSeverity: 'error',
  category: 'safety',
  description: {
    en: 'A path through the script leaves a transaction open (or commits one that was never begun).',
    et: 'Mõni skripti haru jätab transaktsiooni lahti (või kinnitab alustamata transaktsiooni).',
  },
  check(ctx) {
    const reported = new Set<number>();
    const facts = transactionFacts(ctx.script);
    const routines = nodesOfKind<CreateRoutineStatement>(ctx.script, 'CreateRoutine').map((r) => r.range);
    const inRoutine = (r: Span) => routines.some((x) => x.start <= r.start && r.end <= x.end);
    for (const states of facts.exits) {
        for (const s of states) {
          if (s.depth > 0 && s.opener && !reported.has(s.opener.start)) {
            reported.add(s.opener.start);
            ctx.report(s.opener, 'This transaction is left open on some path: no COMMIT or ROLLBACK reaches it.', 'See transaktsioon jääb mõnes harus lahti: COMMIT või ROLLBACK puudub.');
          }
        }
    }
    for (const { st, states } of facts.statements) {
        // COMMIT on a path where nothing is open (IF @@ROWCOUNT <> 1 ROLLBACK; COMMIT;) fails with error 3902
        if (st.kind === 'Transaction' && st.action === 'commit' && states.some((s) => s.depth === 0)) {
          const r: Span = st.range;
          if (!reported.has(r.start)) {
            reported.add(r.start);
            ctx.report(r, 'COMMIT without an open transaction (on some path).', 'COMMIT ilma avatud transaktsioonita (mõnes harus).');
          }
        }
        // ROLLBACK where no path has a transaction open (COMMIT; ROLLBACK; both left uncommented) fails with error 3903.
        // Not in procedures and triggers: they run inside their caller's or the firing statement's transaction.
        if (st.kind === 'Transaction' && st.action === 'rollback' && states.length > 0 && states.every((s) => s.depth === 0) && !inRoutine(st.range)) {
          if (!reported.has(st.range.start)) {
            reported.add(st.range.start);
            ctx.report(st.range, 'ROLLBACK without an open transaction: no path reaching it has one.', 'ROLLBACK ilma avatud transaktsioonita: ükski siia jõudev haru seda ei ava.');
          }
        }
    }
  },
};

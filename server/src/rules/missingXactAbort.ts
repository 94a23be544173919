import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

const within = (outer: A.Span, r: A.Span) => outer.start <= r.start && r.end <= outer.end;

export const missingXactAbort: Rule = {
  id: 'missing-xact-abort',
  defaultSeverity: 'info',
  category: 'safety',
  description: { en: 'A transaction without SET XACT_ABORT ON or TRY/CATCH: a failed statement leaves the rest running.', et: 'Transaktsioon ilma SET XACT_ABORT ON või TRY/CATCH-ita: vea järel jätkub ülejäänu.' },
  check(ctx) {
    const routines = nodesOfKind<A.CreateRoutineStatement>(ctx.script, 'CreateRoutine');
    const routineOf = (r: A.Span) => routines.find((x) => within(x.range, r));
    const tries = nodesOfKind<A.TryCatchStatement>(ctx.script, 'TryCatch').map((t) => t.range);
    const errorChecks = nodesOfKind<A.VariableRef>(ctx.script, 'Variable').filter((v) => /^@@error$/i.test(v.name)).map((v) => v.range);
    // SET XACT_ABORT ON is a session setting: it protects the transactions that start after it (in any later batch)
    const abortOn = nodesOfKind<A.SetOptionStatement>(ctx.script, 'SetOption')
      .filter((n) => n.options?.includes('XACT_ABORT') && n.value === 'ON')
      .map((n) => n.range);
    const begins = nodesOfKind<A.TransactionStatement>(ctx.script, 'Transaction').filter((t) => t.action === 'begin');
    const report = (begin: A.Span) => ctx.report(begin, 'Transaction without SET XACT_ABORT ON or TRY/CATCH: after an error the remaining statements still run.', 'Transaktsioon ilma SET XACT_ABORT ON või TRY/CATCH-ita: vea järel täidetakse ülejäänud laused.');

    // The script itself: any TRY/CATCH or @@ERROR check outside routines guards it; SET XACT_ABORT ON guards what follows.
    const outside = (r: A.Span) => !routineOf(r);
    const scriptGuarded = tries.some(outside) || errorChecks.some(outside);
    const firstOn = abortOn.filter(outside).reduce((m, r) => Math.min(m, r.start), Infinity);
    const begin = begins.find((t) => outside(t.range) && t.range.start < firstOn);
    if (begin && !scriptGuarded) report(begin.range);

    // A procedure runs later in the caller's session: only what its own body does counts.
    for (const r of routines) {
      if (r.routineType === 'TRIGGER') continue;
      const first = begins.find((t) => within(r.range, t.range) && routineOf(t.range) === r);
      if (!first) continue;
      if (tries.some((t) => within(r.range, t)) || errorChecks.some((e) => within(r.range, e))) continue;
      if (abortOn.some((s) => within(r.range, s) && s.start < first.range.start)) continue;
      report(first.range);
    }
  },
};

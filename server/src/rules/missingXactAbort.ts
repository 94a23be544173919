import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

export const missingXactAbort: Rule = {
  id: 'missing-xact-abort',
  defaultSeverity: 'info',
  category: 'safety',
  description: { en: 'A transaction without SET XACT_ABORT ON or TRY/CATCH: a failed statement leaves the rest running.', et: 'Transaktsioon ilma SET XACT_ABORT ON või TRY/CATCH-ita: vea järel jätkub ülejäänu.' },
  check(ctx) {
    let guarded = false;
    const routines = nodesOfKind<A.CreateRoutineStatement>(ctx.script, 'CreateRoutine');
    const inRoutine = (r: A.Span) => routines.some((x) => x.range.start <= r.start && r.end <= x.range.end);
    if (nodesOfKind(ctx.script, 'TryCatch').length) guarded = true;
    if (nodesOfKind<A.VariableRef>(ctx.script, 'Variable').some((v) => /^@@error$/i.test(v.name))) guarded = true;
    // SET XACT_ABORT ON is a session setting: it protects the transactions that start after it (in any later batch)
    const abortOn = nodesOfKind<A.SetOptionStatement>(ctx.script, 'SetOption')
      .filter((n) => n.options?.includes('XACT_ABORT') && n.value === 'ON')
      .map((n) => n.range.start);
    const firstOn = abortOn.length ? Math.min(...abortOn) : Infinity;
    const begin = nodesOfKind<A.TransactionStatement>(ctx.script, 'Transaction')
      .find((t) => t.action === 'begin' && !inRoutine(t.range) && t.range.start < firstOn)?.range;
    if (begin && !guarded) ctx.report(begin, 'Transaction without SET XACT_ABORT ON or TRY/CATCH: after an error the remaining statements still run.', 'Transaktsioon ilma SET XACT_ABORT ON või TRY/CATCH-ita: vea järel täidetakse ülejäänud laused.');
  },
};

import type { BinaryExpression, CaseExpression, SetOptionStatement } from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

export const equalsNull: Rule = {
  id: 'equals-null',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: '= NULL or <> NULL is never true; use IS [NOT] NULL.', et: '= NULL või <> NULL pole kunagi tõene; kasuta IS [NOT] NULL.' },
  check(ctx) {
    // SET ANSI_NULLS OFF (legacy scripts): = NULL then matches NULLs, as the author meant. The setting read at
    // a position is the last SET ANSI_NULLS before it (it also sticks to routines created under it).
    const ansiOff = nodesOfKind<SetOptionStatement>(ctx.script, 'SetOption')
      .filter((o) => o.options?.includes('ANSI_NULLS'))
      .map((o) => ({ at: o.range.start, off: o.value === 'OFF' }))
      .sort((a, b) => a.at - b.at);
    const offAt = (pos: number): boolean => {
      let off = false;
      for (const o of ansiOff) { if (o.at > pos) break; off = o.off; }
      return off;
    };
    for (const b of nodesOfKind<BinaryExpression>(ctx.script, 'Binary')) {
      if (!['=', '<>', '!='].includes(b.op)) continue;
      const isNull = (e: { kind: string; literalType?: string }) => e?.kind === 'Literal' && e.literalType === 'null';
      if ((isNull(b.left as never) || isNull(b.right as never)) && !(ansiOff.length && offAt(b.range.start))) {
        ctx.report(b.range, `Comparison with NULL using ${b.op} is never true; use IS ${b.op === '=' ? '' : 'NOT '}NULL.`, `Võrdlus NULL-iga operaatoriga ${b.op} pole kunagi tõene; kasuta IS ${b.op === '=' ? '' : 'NOT '}NULL.`);
      }
    }
    // CASE x WHEN NULL THEN ... compares x = NULL: that branch never runs.
    for (const c of nodesOfKind<CaseExpression>(ctx.script, 'Case')) {
      if (!c.operand) continue;
      for (const w of c.whens ?? []) {
        if (w?.when?.kind === 'Literal' && w.when.literalType === 'null' && !(ansiOff.length && offAt(w.when.range.start))) {
          ctx.report(w.when.range, 'CASE ... WHEN NULL never matches (it compares with =); use CASE WHEN x IS NULL.', 'CASE ... WHEN NULL ei sobi kunagi (võrdleb operaatoriga =); kasuta CASE WHEN x IS NULL.');
        }
      }
    }
  },
};

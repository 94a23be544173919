import type { BinaryExpression } from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

export const equalsNull: Rule = {
  id: 'equals-null',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: '= NULL or <> NULL is never true; use IS [NOT] NULL.', et: '= NULL või <> NULL pole kunagi tõene; kasuta IS [NOT] NULL.' },
  check(ctx) {
    for (const b of nodesOfKind<BinaryExpression>(ctx.script, 'Binary')) {
      if (!['=', '<>', '!='].includes(b.op)) continue;
      const isNull = (e: { kind: string; literalType?: string }) => e?.kind === 'Literal' && e.literalType === 'null';
      if (isNull(b.left as never) || isNull(b.right as never)) {
        ctx.report(b.range, `Comparison with NULL using ${b.op} is never true; use IS ${b.op === '=' ? '' : 'NOT '}NULL.`, `Võrdlus NULL-iga operaatoriga ${b.op} pole kunagi tõene; kasuta IS ${b.op === '=' ? '' : 'NOT '}NULL.`);
      }
    }
  },
};

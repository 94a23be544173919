import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements, walk } from './util';

function literalKey(e: A.Expression): string | undefined {
  if (e?.kind === 'Literal' && e.literalType !== 'null') return e.literalType + ':' + e.value;
  return undefined;
}

export const alwaysTrueCondition: Rule = {
  id: 'always-true-condition',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: 'A WHERE that is always true (OR 1=1) in a data change.', et: 'Andmemuudatuse WHERE on alati tõene (OR 1=1).' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if ((st.kind !== 'Update' && st.kind !== 'Delete') || !st.where) continue;
      walk(st.where, (n) => {
        if (n.kind !== 'Binary') return;
        const b = n as unknown as A.BinaryExpression;
        if (b.op !== 'OR') return;
        for (const side of [b.left, b.right]) {
          const s = side?.kind === 'Paren' ? side.expr : side;
          if (s?.kind === 'Binary' && s.op === '=') {
            const l = literalKey(s.left), r = literalKey(s.right);
            if (l !== undefined && l === r) ctx.report(s.range, 'OR with an always-true comparison makes the WHERE match every row.', 'OR alati tõese võrdlusega teeb WHERE-st kõiki ridu hõlmava.');
          }
        }
      });
    }
  },
};

import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements, walk } from './util';

function literalKey(e: A.Expression): string | undefined {
  if (e?.kind === 'Literal' && e.literalType !== 'null') return e.literalType + ':' + e.value;
  return undefined;
}

function unparen(e: A.Expression | undefined): A.Expression | undefined {
  let x = e;
  while (x?.kind === 'Paren') x = x.expr;
  return x;
}

/** `1 = 1`, `N'a' = N'a'`: a comparison of a literal with itself. */
function literalTautology(e: A.Expression | undefined): boolean {
  const s = unparen(e);
  if (s?.kind !== 'Binary' || s.op !== '=') return false;
  const l = literalKey(s.left), r = literalKey(s.right);
  return l !== undefined && l === r;
}

export const alwaysTrueCondition: Rule = {
  id: 'always-true-condition',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: 'A WHERE that is always true (OR 1=1) in a data change.', et: 'Andmemuudatuse WHERE on alati tõene (OR 1=1).' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if ((st.kind !== 'Update' && st.kind !== 'Delete') || !st.where) continue;
      // `WHERE 1 = 1` on its own (a template's placeholder left in): every row
      if (literalTautology(st.where)) {
        const w = unparen(st.where)!;
        ctx.report(w.range, 'The WHERE is always true: every row is changed.', 'WHERE on alati tõene: muudetakse kõiki ridu.');
        continue;
      }
      walk(st.where, (n) => {
        if (n.kind !== 'Binary') return;
        const b = n as unknown as A.BinaryExpression;
        if (b.op !== 'OR') return;
        for (const side of [b.left, b.right]) {
          if (literalTautology(side)) ctx.report(unparen(side)!.range, 'OR with an always-true comparison makes the WHERE match every row.', 'OR alati tõese võrdlusega teeb WHERE-st kõiki ridu hõlmava.');
        }
      });
    }
  },
};

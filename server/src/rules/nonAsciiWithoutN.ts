import type { Literal } from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

export const nonAsciiWithoutN: Rule = {
  id: 'non-ascii-without-n',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: "A string with non-ASCII letters (õäöüšž) without the N prefix may lose characters.", et: "Mitte-ASCII tähtedega (õäöüšž) string ilma N-eesliiteta võib tähti kaotada." },
  check(ctx) {
    for (const l of nodesOfKind<Literal>(ctx.script, 'Literal')) {
      if (l.literalType !== 'string' || !/[^\x00-\x7f]/.test(l.value)) continue;
      ctx.report(l.range, `String literal with non-ASCII characters needs the N prefix: N'${l.value.slice(0, 30)}'.`, `Mitte-ASCII märkidega string vajab N-eesliidet: N'${l.value.slice(0, 30)}'.`);
    }
  },
};

import type { Rule } from './rule';
import { firstOnLine } from './util';

export const undeclaredVariable: Rule = {
  id: 'undeclared-variable',
  defaultSeverity: 'error',
  category: 'correctness',
  description: {
    en: 'A variable used without a DECLARE in the same batch (variables do not survive GO).',
    et: 'Muutujat kasutatakse ilma DECLARE-ta samas pakis (muutujad ei ela üle GO).',
  },
  check(ctx) {
    const seen = new Set<number>();
    const first = firstOnLine(ctx.text);
    const used = [...ctx.resolution.undeclared].sort((a, b) => a.range.start - b.range.start);
    for (const v of used) {
      if (seen.has(v.range.start)) continue;
      seen.add(v.range.start);
      if (!first(v.name, v.range.start)) continue;
      ctx.report(v.range, `Variable ${v.name} is not declared in this batch.`, `Muutuja ${v.name} pole selles pakis deklareeritud.`);
    }
  },
};

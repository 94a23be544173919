import type { Rule } from './rule';
import { assignments, literalOf } from './assignments';
import { isStringType } from './util';

export const stringTruncation: Rule = {
  id: 'string-truncation',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'A string literal longer than the column it is stored in.', et: 'Stringliteraal on pikem kui veerg, kuhu see salvestatakse.' },
  check(ctx) {
    for (const a of assignments(ctx.script, ctx.resolution, ctx.schema)) {
      const lit = literalOf(a.value);
      if (!lit || (lit.literalType !== 'string' && lit.literalType !== 'nstring')) continue;
      const t = ctx.resolution.typeOf(a.column);
      if (!t || !isStringType(t.name) || t.maxLength === undefined || t.maxLength < 0) continue;
      const len = lit.value.replace(/ +$/, '').length; // trailing blanks are trimmed silently
      if (len > t.maxLength) {
        ctx.report(lit.range, `String of ${len} characters does not fit ${a.column.name} ${t.name}(${t.maxLength}).`, `${len}-märgiline string ei mahu veergu ${a.column.name} ${t.name}(${t.maxLength}).`, { length: len, maxLength: t.maxLength });
      }
    }
  },
};

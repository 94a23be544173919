import type { Rule } from './rule';
import { assignments, flowLiterals, resultLiterals } from './assignments';
import { isStringType } from './util';

export const stringTruncation: Rule = {
  id: 'string-truncation',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'A string literal longer than the column it is stored in.', et: 'Stringliteraal on pikem kui veerg, kuhu see salvestatakse.' },
  check(ctx) {
    const seen = new Set<number>();
    for (const a of assignments(ctx.script, ctx.resolution, ctx.schema)) {
      const t = ctx.resolution.typeOf(a.column);
      if (!t || !isStringType(t.name) || t.maxLength === undefined || t.maxLength < 0) continue;
      // CASE/IIF results and COALESCE arguments keep their length; an ISNULL fallback is cut to the first argument's type;
      // a VALUES source row or derived SELECT list brings its literals along (MERGE ... USING (VALUES ...))
      for (const lit of [...resultLiterals(a.value, 'coalesce'), ...flowLiterals(a.value, ctx.resolution, ctx.script)]) {
        if (lit.literalType !== 'string' && lit.literalType !== 'nstring') continue;
        if (seen.has(lit.range.start)) continue;
        seen.add(lit.range.start);
        const len = lit.value.replace(/ +$/, '').length; // trailing blanks are trimmed silently
        if (len > t.maxLength) {
          ctx.report(lit.range, `String of ${len} characters does not fit ${a.column.name} ${t.name}(${t.maxLength}).`, `${len}-märgiline string ei mahu veergu ${a.column.name} ${t.name}(${t.maxLength}).`, { length: len, maxLength: t.maxLength });
        }
      }
    }
  },
};

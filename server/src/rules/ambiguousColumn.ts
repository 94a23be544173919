import type { Rule } from './rule';

export const ambiguousColumn: Rule = {
  id: 'ambiguous-column',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'An unqualified column that more than one table in scope has.', et: 'Kvalifitseerimata veerg, mis on mitmes nähtavas tabelis.' },
  check(ctx) {
    for (const a of ctx.resolution.ambiguousColumns) {
      const names = a.sources.map((s) => s.name).join(', ');
      const col = a.ref.column?.name ?? '';
      ctx.report(a.ref.range, `Ambiguous column '${col}': it is in ${names}; qualify it.`, `Mitmetähenduslik veerg '${col}': see on allikates ${names}; lisa tabeli alias.`, { sources: a.sources.map((s) => s.name) });
    }
  },
};

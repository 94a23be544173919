import type { Rule } from './rule';
import { objectText, suggest } from './util';

export const unknownTable: Rule = {
  id: 'unknown-table',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'A table or view that is not in the schema.', et: 'Tabelit või vaadet pole skeemis.' },
  check(ctx) {
    const seen = new Set<number>();
    const names = ctx.schema ? ctx.schema.tables.map((t) => t.name) : [];
    // a misspelt table is usually misspelt the same way many times: rank the schema once per spelling
    const suggestions = new Map<string, string[]>();
    for (const ref of ctx.resolution.unknownTables) {
      const r = ref.name?.range ?? ref.range;
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      const name = objectText(ref.name);
      const bare = ref.name?.name?.name ?? '';
      let s = suggestions.get(bare);
      if (!s) suggestions.set(bare, (s = suggest(bare, names)));
      const hint = s.length ? ` Did you mean ${s.join(', ')}?` : '';
      const hintEt = s.length ? ` Kas mõtlesid: ${s.join(', ')}?` : '';
      ctx.report(r, `Unknown table or view '${name}'.${hint}`, `Tundmatu tabel või vaade '${name}'.${hintEt}`, { suggestions: s.slice() });
    }
  },
};

import type { Rule } from './rule';
import { firstOnLine, objectText, suggest } from './util';

export const unknownTable: Rule = {
  id: 'unknown-table',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'A table or view that is not in the schema.', et: 'Tabelit või vaadet pole skeemis.' },
  check(ctx) {
    const seen = new Set<number>();
    const first = firstOnLine(ctx.text);
    const names = ctx.schema ? ctx.schema.tables.map((t) => t.name) : [];
    // a misspelt table is usually misspelt the same way many times: rank the schema once per spelling
    const suggestions = new Map<string, string[]>();
    // earliest first, so a name repeated on one line is reported where it first appears
    const refs = [...ctx.resolution.unknownTables].sort((a, b) => (a.name?.range ?? a.range).start - (b.name?.range ?? b.range).start);
    for (const ref of refs) {
      const r = ref.name?.range ?? ref.range;
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      const name = objectText(ref.name);
      if (!first(name, r.start)) continue;
      const bare = ref.name?.name?.name ?? '';
      let s = suggestions.get(bare);
      if (!s) suggestions.set(bare, (s = suggest(bare, names)));
      const hint = s.length ? ` Did you mean ${s.join(', ')}?` : '';
      const hintEt = s.length ? ` Kas mõtlesid: ${s.join(', ')}?` : '';
      ctx.report(r, `Unknown table or view '${name}'.${hint}`, `Tundmatu tabel või vaade '${name}'.${hintEt}`, { suggestions: s.slice() });
    }
  },
};

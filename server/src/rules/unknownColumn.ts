import type { Rule } from './rule';
import { firstOnLine, suggest } from './util';

export const unknownColumn: Rule = {
  id: 'unknown-column',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'A column that none of the tables in scope has.', et: 'Veerg, mida ükski nähtav tabel ei sisalda.' },
  check(ctx) {
    const seen = new Set<number>();
    const first = firstOnLine(ctx.text);
    // Scripts repeat the same misspelling against the same tables: rank candidates once per pair.
    // Candidate lists are shared per column list by the resolver: memo by list identity, then name.
    const suggestions = new Map<string[], Map<string, string[]>>();
    const unknown = [...ctx.resolution.unknownColumns].sort((a, b) => (a.ref.column?.range ?? a.ref.range).start - (b.ref.column?.range ?? b.ref.range).start);
    for (const u of unknown) {
      const r = u.ref.column?.range ?? u.ref.range;
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      const name = u.ref.column?.name ?? '';
      if (!first(name, r.start)) continue;
      const where = u.source?.table ? ` in ${u.source.table.schema}.${u.source.table.name}` : u.source ? ` in ${u.source.name}` : '';
      const whereEt = u.source?.table ? ` tabelis ${u.source.table.schema}.${u.source.table.name}` : u.source ? ` allikas ${u.source.name}` : '';
      let byName = suggestions.get(u.candidates);
      if (!byName) suggestions.set(u.candidates, (byName = new Map()));
      let s = byName.get(name);
      if (!s) {
        s = suggest(name, u.candidates);
        byName.set(name, s);
      }
      const hint = s.length ? ` Did you mean ${s.join(', ')}?` : '';
      const hintEt = s.length ? ` Kas mõtlesid: ${s.join(', ')}?` : '';
      ctx.report(r, `Unknown column '${name}'${where}.${hint}`, `Tundmatu veerg '${name}'${whereEt}.${hintEt}`, { suggestions: s.slice() });
    }
    // ALTER TABLE ADD c; UPDATE t SET c = ... in one batch: the batch is compiled before the ALTER runs.
    for (const u of ctx.resolution.sameBatchColumns) {
      const r = u.ref.column?.range ?? u.ref.range;
      if (seen.has(r.start)) continue;
      seen.add(r.start);
      const name = u.ref.column?.name ?? '';
      const t = u.source.table ? `${u.source.table.schema}.${u.source.table.name}` : u.source.name;
      ctx.report(
        r,
        `Column '${name}' is added to ${t} by ALTER TABLE in this same batch: SQL Server compiles the batch before the ALTER runs and fails (Invalid column name). Put GO after the ALTER TABLE.`,
        `Veerg '${name}' lisatakse tabelisse ${t} ALTER TABLE-ga samas pakis: SQL Server kompileerib paki enne ALTER-i täitmist ja annab vea (Invalid column name). Lisa ALTER TABLE järele GO.`,
      );
    }
  },
};

import type { Rule } from './rule';
import { allStatements } from './util';
import { dmlTarget } from './dml';

export const missingNotNull: Rule = {
  id: 'missing-not-null',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'INSERT omits a NOT NULL column that has no default and is not identity or computed.', et: 'INSERT jätab välja NOT NULL veeru, millel pole vaikeväärtust ega identity/arvutatud väärtust.' },
  check(ctx) {
    const key = (s: string) => (ctx.schema ? ctx.schema.key(s) : s.toLowerCase());
    const checkCols = (tableCols: { name: string; info?: { nullable: boolean; identity: boolean; computed: boolean; default?: string; type: string } }[], given: string[], range: { start: number; end: number }, table: string) => {
      const set = new Set(given.map(key));
      const missing = tableCols.filter((c) => c.info && !c.info.nullable && !c.info.identity && !c.info.computed && c.info.default === undefined
        && c.info.type !== 'timestamp' && c.info.type !== 'rowversion' && !set.has(key(c.name)));
      if (missing.length) {
        const names = missing.map((c) => c.name).join(', ');
        ctx.report(range, `INSERT into ${table} omits NOT NULL column(s) without a default: ${names}.`, `INSERT tabelisse ${table} jätab välja vaikeväärtuseta NOT NULL veeru(d): ${names}.`, { columns: missing.map((c) => c.name) });
      }
    };
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind === 'Insert' && st.columns && st.source?.kind !== 'DefaultValues') {
        const t = dmlTarget(st, ctx.resolution);
        if (!t?.columns) continue;
        checkCols(t.columns, st.columns.map((c) => c.name), st.target.range, t.table?.name ?? t.name);
      } else if (st.kind === 'Insert' && st.source?.kind === 'DefaultValues') {
        const t = dmlTarget(st, ctx.resolution);
        if (t?.columns) checkCols(t.columns, [], st.target.range, t.table?.name ?? t.name);
      } else if (st.kind === 'Merge') {
        const t = st.target ? ctx.resolution.tables.get(st.target) : undefined;
        if (!t?.columns) continue;
        for (const cl of st.clauses ?? []) {
          if (cl.action?.kind === 'MergeInsert' && cl.action.columns) checkCols(t.columns, cl.action.columns.map((c) => c.name), cl.action.range, t.table?.name ?? t.name);
        }
      }
    }
  },
};

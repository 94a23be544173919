import type { Rule } from './rule';
import { assignments, flowLiterals, literalOf } from './assignments';

export const nullIntoNotNull: Rule = {
  id: 'null-into-not-null',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'NULL written to a NOT NULL column.', et: 'NULL kirjutatakse NOT NULL veergu.' },
  check(ctx) {
    const seen = new Set<number>();
    for (const a of assignments(ctx.script, ctx.resolution, ctx.schema)) {
      const info = a.column.info;
      if (!info || info.nullable) continue;
      for (const f of flowLiterals(a.value, ctx.resolution, ctx.script)) {
        if (f.literalType !== 'null' || seen.has(f.range.start)) continue;
        seen.add(f.range.start);
        ctx.report(f.range, `NULL into NOT NULL column ${a.column.name}.`, `NULL NOT NULL veergu ${a.column.name}.`);
      }
      const lit = literalOf(a.value);
      if (!lit) continue;
      if (lit.literalType === 'null') {
        ctx.report(lit.range, `NULL into NOT NULL column ${a.column.name}.`, `NULL NOT NULL veergu ${a.column.name}.`);
      } else if (lit.literalType === 'default' && info.default === undefined && !info.identity && !info.computed && info.type !== 'timestamp' && info.type !== 'rowversion') {
        // DEFAULT for a column without a default constraint writes NULL
        ctx.report(lit.range, `DEFAULT writes NULL into NOT NULL column ${a.column.name}: it has no default.`, `DEFAULT kirjutab NULL-i NOT NULL veergu ${a.column.name}: sellel pole vaikeväärtust.`);
      }
    }
  },
};

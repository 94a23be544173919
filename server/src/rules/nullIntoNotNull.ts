import type { Rule } from './rule';
import { assignments, literalOf } from './assignments';

export const nullIntoNotNull: Rule = {
  id: 'null-into-not-null',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'NULL written to a NOT NULL column.', et: 'NULL kirjutatakse NOT NULL veergu.' },
  check(ctx) {
    for (const a of assignments(ctx.script, ctx.resolution, ctx.schema)) {
      const lit = literalOf(a.value);
      if (lit?.literalType !== 'null' || !a.column.info || a.column.info.nullable) continue;
      ctx.report(lit.range, `NULL into NOT NULL column ${a.column.name}.`, `NULL NOT NULL veergu ${a.column.name}.`);
    }
  },
};

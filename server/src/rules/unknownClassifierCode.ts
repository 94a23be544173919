// unknown-classifier-code: a literal written to or compared with a classifier code column (the key of a
// classifier table, or a column whose foreign key points at it) must be a code of the workspace's .klass
// files; expired and deprecated codes are reported with their replacement.
import type * as A from '../sql/ast';
import type { Resolution } from '../resolve/types';
import type { Schema, TableInfo } from '../schema/model';
import type { CatalogClassifier, ClassifierCatalog } from '../classifier/catalog';
import type { Rule } from './rule';
import { assignments, literalOf } from './assignments';
import { nodesOfKind } from './util';

export interface ClassifierLiteral {
  literal: A.Literal;
  classifier: CatalogClassifier;
  table: TableInfo;
  column: string;
}

const COMPARE = new Set(['=', '<>', '!=']);

/** Every string or number literal paired with a classifier code column, once per literal. */
export function classifierLiterals(script: A.Script, res: Resolution, schema: Schema, catalog: ClassifierCatalog): ClassifierLiteral[] {
  const out: ClassifierLiteral[] = [];
  if (catalog.size === 0) return out;
  const seen = new Set<number>();
  const add = (lit: A.Literal | undefined, table: TableInfo | undefined, column: string | undefined) => {
    if (!lit || !table || !column || seen.has(lit.range.start)) return;
    if (lit.literalType !== 'string' && lit.literalType !== 'nstring' && lit.literalType !== 'integer') return;
    const classifier = catalog.forColumn(schema, table, column);
    if (!classifier) return;
    seen.add(lit.range.start);
    out.push({ literal: lit, classifier, table, column });
  };
  for (const a of assignments(script, res, schema)) add(literalOf(a.value), a.target.table, a.column.name);
  const columnOf = (e: A.Expression | undefined): [TableInfo, string] | undefined => {
    let x = e;
    while (x?.kind === 'Paren') x = x.expr;
    if (x?.kind !== 'ColumnRef') return undefined;
    const b = res.columns.get(x);
    return b?.source.table && b.column ? [b.source.table, b.column.name] : undefined;
  };
  for (const b of nodesOfKind<A.BinaryExpression>(script, 'Binary')) {
    if (!COMPARE.has(b.op)) continue;
    const l = columnOf(b.left), r = columnOf(b.right);
    if (l) add(literalOf(b.right), l[0], l[1]);
    if (r) add(literalOf(b.left), r[0], r[1]);
  }
  for (const i of nodesOfKind<A.InExpression>(script, 'In')) {
    const c = columnOf(i.expr);
    if (c) for (const x of i.list ?? []) add(literalOf(x), c[0], c[1]);
  }
  return out;
}

export const unknownClassifierCode: Rule = {
  id: 'unknown-classifier-code',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: {
    en: 'A code written to or compared with a classifier column that the classifier files do not define, or that has expired or is deprecated.',
    et: 'Klassifikaatori veergu kirjutatud või sellega võrreldud kood, mida klassifikaatorifailides pole või mis on aegunud.',
  },
  check(ctx) {
    const catalog = ctx.classifiers;
    if (!catalog || !ctx.schema) return;
    const cs = ctx.schema.options.caseSensitive;
    for (const { literal, classifier, column } of classifierLiterals(ctx.script, ctx.resolution, ctx.schema, catalog)) {
      const code = literal.value;
      const st = catalog.status(classifier, code, cs);
      if (st.kind === 'ok') continue;
      if (st.kind === 'unknown') {
        const known = [...classifier.codes.keys()];
        const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
        ctx.report(literal.range,
          `'${code}' is not a code of classifier ${classifier.name} (column ${column}); known: ${list}.`,
          `'${code}' ei ole klassifikaatori ${classifier.name} kood (veerg ${column}); teada: ${list}.`,
          { classifier: classifier.name, suggestions: known.slice(0, 3) });
        continue;
      }
      const c = st.code;
      const repl = c.replacedBy ? { en: ` Use ${c.replacedBy} instead.`, et: ` Kasuta koodi ${c.replacedBy}.` } : { en: '', et: '' };
      if (st.kind === 'expired') {
        ctx.report(literal.range,
          `Code ${c.code} of ${classifier.name} expired on ${c.until}.${repl.en}`,
          `Klassifikaatori ${classifier.name} kood ${c.code} kehtis kuni ${c.until}.${repl.et}`,
          c.replacedBy ? { classifier: classifier.name, replacement: c.replacedBy } : { classifier: classifier.name });
      } else {
        ctx.report(literal.range,
          `Code ${c.code} of ${classifier.name} is deprecated.${repl.en}`,
          `Klassifikaatori ${classifier.name} kood ${c.code} on kasutusest kõrvaldatud.${repl.et}`,
          c.replacedBy ? { classifier: classifier.name, replacement: c.replacedBy } : { classifier: classifier.name });
      }
    }
  },
};

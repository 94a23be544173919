// The workspace's classifiers, by table: which codes exist, their names, validity and replacements.
// Built from parsed .klass files; answers "is this column a classifier code column, and is this code known?".
import type { Schema, TableInfo } from '../schema/model';
import type { ClassifierFile } from './model';
import { parseClassifier } from './parse';

export interface ClassifierCode {
  code: string;
  names: { et?: string; en?: string; ru?: string };
  from?: string;
  until?: string;
  deprecated: boolean;
  replacedBy?: string;
  /** Zero-based line of the `value` line in its file. */
  line: number;
}

export interface CatalogClassifier {
  name: string;
  /** The file it came from (path or URI, as given). */
  file: string;
  schema?: string;
  table: string;
  keyColumn: string;
  typeColumn?: { column: string; value: string };
  codes: Map<string, ClassifierCode>;
}

export type CodeStatus =
  | { kind: 'ok'; code: ClassifierCode }
  | { kind: 'unknown' }
  | { kind: 'expired'; code: ClassifierCode }
  | { kind: 'deprecated'; code: ClassifierCode };

/** Line numbers of offsets asked in increasing order, in one pass over the text. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 0;
  return (offset) => {
    if (offset < pos) { pos = 0; line = 0; }
    for (; pos < offset && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

export function classifierFromFile(file: string, text: string, parsed: ClassifierFile = parseClassifier(text)): CatalogClassifier | undefined {
  const h = parsed.header;
  if (!h.table || !h.key) return undefined;
  const codes = new Map<string, ClassifierCode>();
  const lineOf = lineCounter(text);
  for (const v of parsed.values) {
    if (codes.has(v.code.value)) continue;
    const f = (k: 'et' | 'en' | 'ru' | 'from' | 'until') => v.fields.get(k)?.value;
    codes.set(v.code.value, {
      code: v.code.value,
      names: { et: f('et'), en: f('en'), ru: f('ru') },
      from: f('from'),
      until: f('until'),
      deprecated: !!v.deprecated,
      replacedBy: v.deprecated?.value.replacedBy ?? v.fields.get('replacedBy')?.value,
      line: lineOf(v.code.range.start),
    });
  }
  return {
    name: h.name?.value ?? h.table.value.name, file, schema: h.table.value.schema, table: h.table.value.name,
    keyColumn: h.key.value, typeColumn: h.typeColumn?.value, codes,
  };
}

/** Today as YYYY-MM-DD (UTC), the default for expiry checks. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export class ClassifierCatalog {
  readonly classifiers: readonly CatalogClassifier[];

  /** `today` (YYYY-MM-DD) decides which codes have expired; fixed in tests. */
  constructor(classifiers: readonly CatalogClassifier[], readonly today: string = isoToday()) {
    this.classifiers = classifiers;
  }

  static fromFiles(files: readonly { file: string; text: string }[], today?: string): ClassifierCatalog {
    const list: CatalogClassifier[] = [];
    for (const f of files) {
      try {
        const c = classifierFromFile(f.file, f.text);
        if (c) list.push(c);
      } catch { /* a broken file contributes nothing */ }
    }
    return new ClassifierCatalog(list, today);
  }

  get size(): number { return this.classifiers.length; }

  /** Classifiers kept in a table (a shared table holds several, told apart by the type column). */
  forTable(schema: Schema, table: TableInfo): CatalogClassifier[] {
    return this.classifiers.filter((c) =>
      schema.equalNames(c.table, table.name) && (c.schema === undefined || schema.equalNames(c.schema, table.schema)));
  }

  /**
   * The classifier whose codes a column holds: the key column of a classifier table, or a column with a
   * single-column foreign key to it. Shared tables (type column) are skipped: the code alone is ambiguous.
   */
  forColumn(schema: Schema, table: TableInfo, column: string): CatalogClassifier | undefined {
    const own = this.forTable(schema, table).filter((c) => !c.typeColumn && schema.equalNames(c.keyColumn, column));
    if (own.length === 1) return own[0];
    for (const fk of table.foreignKeys) {
      if (fk.columns.length !== 1 || !schema.equalNames(fk.columns[0], column)) continue;
      const target = schema.findTable(fk.refTable, fk.refSchema);
      if (!target) continue;
      const hits = this.forTable(schema, target).filter((c) => !c.typeColumn && schema.equalNames(c.keyColumn, fk.refColumns[0] ?? ''));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /**
   * Codes compare as text (01 is not 1); trailing blanks are ignored as SQL Server does, and letter case
   * too unless the database is case-sensitive.
   */
  status(c: CatalogClassifier, code: string, caseSensitive = false): CodeStatus {
    const hit = c.codes.get(code) ?? c.codes.get(code.replace(/ +$/, ''));
    if (!hit) {
      if (caseSensitive) return { kind: 'unknown' };
      const lower = code.replace(/ +$/, '').toLowerCase();
      const ci = [...c.codes.values()].find((x) => x.code.toLowerCase() === lower);
      if (!ci) return { kind: 'unknown' };
      return this.status(c, ci.code, true);
    }
    if (hit.until && hit.until < this.today) return { kind: 'expired', code: hit };
    if (hit.deprecated) return { kind: 'deprecated', code: hit };
    return { kind: 'ok', code: hit };
  }
}

/** One line of names for a code: "Lõpetatud / Closed / Завершено". */
export function codeNames(c: ClassifierCode): string {
  return [c.names.et, c.names.en, c.names.ru].filter((x): x is string => !!x).join(' / ');
}

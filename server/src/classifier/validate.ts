// Checks a parsed classifier file on its own and, when a schema is given, against its table.

import type { ColumnInfo, Schema, TableInfo } from '../schema/model';
import type { Span } from '../sql/ast';
import type { ClassifierFile, ClassifierProblem, ClassifierValue, ValueField } from './model';

export interface ClassifierValidationOptions {
  schema?: Schema;
  /** Languages every value must be named in when the file does not say (workspace setting). */
  requiredLanguages?: string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    ? d
    : undefined;
}

class Problems {
  readonly list: ClassifierProblem[] = [];
  add(code: string, range: Span, en: string, et: string, severity: ClassifierProblem['severity'] = 'error'): void {
    this.list.push({ code, range, message: en, messageEt: et, severity });
  }
}

export function validateClassifier(file: ClassifierFile, options: ClassifierValidationOptions = {}): ClassifierProblem[] {
  const p = new Problems();
  p.list.push(...file.problems);
  checkHeader(file, p);
  const byCode = checkCodes(file, p);
  checkDates(file, p);
  checkTranslations(file, options.requiredLanguages, p);
  checkReferences(file, byCode, p);
  if (options.schema) checkAgainstSchema(file, options.schema, p);
  return p.list.sort((a, b) => a.range.start - b.range.start);
}

function checkHeader(file: ClassifierFile, p: Problems): void {
  const start = { start: 0, end: 0 };
  if (!file.header.table) p.add('classifier-header', start, 'The file names no `table`.', 'Failis puudub `table`.');
  if (!file.header.key) p.add('classifier-header', start, 'The file names no `key` column.', 'Failis puudub võtmeveerg `key`.');
}

function checkCodes(file: ClassifierFile, p: Problems): Map<string, ClassifierValue> {
  const byCode = new Map<string, ClassifierValue>();
  for (const v of file.values) {
    const first = byCode.get(v.code.value);
    if (first) {
      p.add('duplicate-code', v.code.range, `Code ${v.code.value} is defined twice.`, `Kood ${v.code.value} on kaks korda.`);
    } else {
      byCode.set(v.code.value, v);
    }
  }
  return byCode;
}

function checkDates(file: ClassifierFile, p: Problems): void {
  for (const v of file.values) {
    const from = v.fields.get('from');
    const until = v.fields.get('until');
    const fromDate = from && parseIsoDate(from.value);
    const untilDate = until && parseIsoDate(until.value);
    if (from && !fromDate) p.add('invalid-date', from.range, `'${from.value}' is not a date (YYYY-MM-DD).`, `'${from.value}' ei ole kuupäev (AAAA-KK-PP).`);
    if (until && !untilDate) p.add('invalid-date', until.range, `'${until.value}' is not a date (YYYY-MM-DD).`, `'${until.value}' ei ole kuupäev (AAAA-KK-PP).`);
    if (fromDate && untilDate && untilDate < fromDate) {
      p.add('until-before-from', until!.range, `Valid until ${until!.value} is before valid from ${from!.value}.`, `Kehtiv kuni ${until!.value} on enne kehtiv alates ${from!.value}.`);
    }
    const order = v.fields.get('order');
    if (order && !/^-?\d+$/.test(order.value)) {
      p.add('invalid-order', order.range, `Order '${order.value}' is not a whole number.`, `Järjekord '${order.value}' ei ole täisarv.`);
    }
    const active = v.fields.get('active');
    if (active && !/^(yes|no|true|false|1|0|jah|ei)$/i.test(active.value)) {
      p.add('invalid-active', active.range, `Active '${active.value}' is not yes or no.`, `Aktiivne '${active.value}' ei ole jah ega ei.`);
    }
  }
}

function checkTranslations(file: ClassifierFile, required: string[] | undefined, p: Problems): void {
  const langs = file.header.languages?.value ?? required ?? [];
  for (const v of file.values) {
    const missing = langs.filter((l) => !v.fields.has(l as ValueField));
    if (missing.length) {
      p.add('missing-translation', v.code.range, `Code ${v.code.value} has no name in ${missing.join(', ')}.`, `Koodil ${v.code.value} puudub nimetus keeles ${missing.join(', ')}.`, 'warning');
    }
  }
}

function checkReferences(file: ClassifierFile, byCode: Map<string, ClassifierValue>, p: Problems): void {
  for (const v of file.values) {
    const parent = v.fields.get('parent');
    if (parent && !byCode.has(parent.value)) {
      p.add('unknown-parent', parent.range, `Parent code ${parent.value} is not in this classifier.`, `Ülemkoodi ${parent.value} selles klassifikaatoris ei ole.`);
    }
    const replacement = v.deprecated?.value.replacedBy ?? v.fields.get('replacedBy')?.value;
    const replacementRange = v.deprecated?.range ?? v.fields.get('replacedBy')?.range;
    if (replacement !== undefined && replacementRange) {
      const target = byCode.get(replacement);
      if (!target) {
        p.add('unknown-replacement', replacementRange, `Replacement code ${replacement} is not in this classifier.`, `Asenduskoodi ${replacement} selles klassifikaatoris ei ole.`);
      } else if (target.deprecated) {
        p.add('unknown-replacement', replacementRange, `Replacement code ${replacement} is itself deprecated.`, `Asenduskood ${replacement} on ise aegunud.`, 'warning');
      }
    }
  }
  // Cycles in the parent chain: walk each chain once, colouring visited codes.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const v of file.values) {
    const chain: ClassifierValue[] = [];
    let cur: ClassifierValue | undefined = v;
    while (cur && !state.has(cur.code.value)) {
      state.set(cur.code.value, 'visiting');
      chain.push(cur);
      const parentCode: string | undefined = cur.fields.get('parent')?.value;
      cur = parentCode !== undefined ? byCode.get(parentCode) : undefined;
    }
    if (cur && state.get(cur.code.value) === 'visiting') {
      const parentRange = cur.fields.get('parent')?.range ?? cur.code.range;
      p.add('parent-cycle', parentRange, `Code ${cur.code.value} is its own ancestor.`, `Kood ${cur.code.value} on iseenda ülemkood.`);
    }
    for (const c of chain) state.set(c.code.value, 'done');
  }
}

const STRING_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext']);
const INT_TYPES: Record<string, [number, number]> = {
  tinyint: [0, 255],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const DATE_TYPES = new Set(['date', 'datetime', 'datetime2', 'smalldatetime', 'datetimeoffset']);

/** Why a text value does not fit a column, or undefined when it does. */
export function valueFitsColumn(value: string, column: ColumnInfo): { en: string; et: string } | undefined {
  if (STRING_TYPES.has(column.type)) {
    if (column.maxLength !== undefined && column.maxLength >= 0 && value.length > column.maxLength) {
      return {
        en: `'${value}' has ${value.length} characters; ${column.name} holds ${column.maxLength}.`,
        et: `'${value}' on ${value.length} märki; ${column.name} mahutab ${column.maxLength}.`,
      };
    }
    if ((column.type === 'char' || column.type === 'varchar') && /[^\x00-\x7f]/.test(value)) {
      return {
        en: `'${value}' has non-ASCII letters but ${column.name} is ${column.type}, not n${column.type}.`,
        et: `'${value}' sisaldab mitte-ASCII tähti, kuid ${column.name} on ${column.type}, mitte n${column.type}.`,
      };
    }
    return undefined;
  }
  const range = INT_TYPES[column.type];
  if (range) {
    if (!/^-?\d+$/.test(value) || Number(value) < range[0] || Number(value) > range[1]) {
      return { en: `'${value}' is not a ${column.type} for ${column.name}.`, et: `'${value}' ei sobi veergu ${column.name} (${column.type}).` };
    }
    return undefined;
  }
  if (column.type === 'bit') {
    return /^(0|1|yes|no|true|false|jah|ei)$/i.test(value)
      ? undefined
      : { en: `'${value}' is not a bit for ${column.name}.`, et: `'${value}' ei sobi bitiveergu ${column.name}.` };
  }
  if (DATE_TYPES.has(column.type)) {
    return parseIsoDate(value.slice(0, 10))
      ? undefined
      : { en: `'${value}' is not a date for ${column.name}.`, et: `'${value}' ei ole kuupäev veerule ${column.name}.` };
  }
  return undefined;
}

function checkAgainstSchema(file: ClassifierFile, schema: Schema, p: Problems): void {
  const { table: tableRef, key, typeColumn, columns } = file.header;
  if (!tableRef) return;
  const table = schema.findTable(tableRef.value.name, tableRef.value.schema);
  if (!table) {
    p.add('unknown-table', tableRef.range, `Table ${tableRef.value.schema ? tableRef.value.schema + '.' : ''}${tableRef.value.name} is not in the schema.`, `Tabelit ${tableRef.value.name} skeemis ei ole.`);
    return;
  }
  const column = (name: string, range: Span): ColumnInfo | undefined => {
    const c = schema.findColumn(table, name);
    if (!c) p.add('unknown-column', range, `Column ${name} is not in ${table.schema}.${table.name}.`, `Veergu ${name} tabelis ${table.schema}.${table.name} ei ole.`);
    return c;
  };
  const keyColumn = key ? column(key.value, key.range) : undefined;
  if (key && keyColumn) checkKeyIsUnique(table, schema, key.value, typeColumn?.value.column, key.range, p);
  const typeCol = typeColumn ? column(typeColumn.value.column, typeColumn.range) : undefined;
  const mapped = new Map<ValueField, ColumnInfo>();
  for (const [field, col] of columns) {
    const c = column(col.value, col.range);
    if (c) mapped.set(field, c);
  }
  // NOT NULL columns the file does not fill and the database does not default.
  const covered = new Set([keyColumn, typeCol, ...mapped.values()].filter(Boolean).map((c) => schema.key(c!.name)));
  for (const c of table.columns) {
    if (!c.nullable && !c.identity && !c.computed && c.default === undefined && !covered.has(schema.key(c.name))) {
      p.add('missing-not-null', tableRef.range, `NOT NULL column ${c.name} of ${table.name} has no default and no field maps to it.`, `NOT NULL veerul ${c.name} (${table.name}) pole vaikeväärtust ega vastavat välja.`);
    }
  }
  for (const v of file.values) {
    if (keyColumn) reportFit(v.code.value, keyColumn, v.code.range, p);
    for (const [field, c] of mapped) {
      const f = v.fields.get(field);
      if (f) reportFit(f.value, c, f.range, p);
      else if (!c.nullable && c.default === undefined && !c.identity && !c.computed) {
        p.add('missing-not-null', v.code.range, `Code ${v.code.value} has no ${field}, but ${c.name} is NOT NULL.`, `Koodil ${v.code.value} puudub ${field}, kuid ${c.name} on NOT NULL.`);
      }
    }
  }
}

function reportFit(value: string, column: ColumnInfo, range: Span, p: Problems): void {
  const why = valueFitsColumn(value, column);
  if (why) p.add('value-does-not-fit', range, why.en, why.et);
}

function checkKeyIsUnique(table: TableInfo, schema: Schema, key: string, typeColumn: string | undefined, range: Span, p: Problems): void {
  const wanted = [key, typeColumn].filter((c): c is string => !!c).map((c) => schema.key(c)).sort();
  const keys = [table.primaryKey, ...table.uniqueKeys].filter((k) => !!k);
  const ok = keys.some((k) => {
    const cols = k!.columns.map((c) => schema.key(c)).sort();
    // The code alone, or code + type column in a shared table, must be unique.
    return cols.length <= wanted.length && cols.every((c) => wanted.includes(c));
  });
  if (!ok) {
    p.add('key-not-unique', range, `${key} is not a primary or unique key of ${table.name}${typeColumn ? ` (with ${typeColumn})` : ''}.`, `${key} ei ole tabeli ${table.name} primaar- ega unikaalne võti.`);
  }
}

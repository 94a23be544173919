// Creates a classifier file from an existing table: the column mapping is guessed from the
// table's columns, the values come from rows (read live, or from a seed script's INSERTs).

import type { Expression, Script } from '../sql/ast';
import type { Schema, TableInfo } from '../schema/model';
import type { ValueField } from './model';
import { formatClassifier } from './format';

export type Row = Record<string, string | null>;

export interface ClassifierMapping {
  key: string;
  columns: Partial<Record<ValueField, string>>;
}

const FIELD_PATTERNS: [ValueField, RegExp][] = [
  ['en', /^(nimetus|nimi|name)_?(en|eng|inglise)$/i],
  ['ru', /^(nimetus|nimi|name)_?(ru|rus|vene)$/i],
  ['et', /^(nimetus|nimi|name|nimetus_?et)$/i],
  ['from', /^(kehtiv_?alates|valid_?from|alates|algus_?kuupaev)$/i],
  ['until', /^(kehtiv_?kuni|valid_?(until|to)|kuni|lopp_?kuupaev)$/i],
  ['order', /^(jarjekord|jrk|sort_?order|order_?no)$/i],
  ['parent', /^(ylem_?kood|parent_?code|ulem_?kood)$/i],
  ['active', /^(aktiivne|on_?aktiivne|is_?active|active)$/i],
];

/** Guesses which column holds the code and which hold names, dates and order. */
export function guessMapping(table: TableInfo): ClassifierMapping | undefined {
  const pk = table.primaryKey?.columns.length === 1 ? table.primaryKey.columns[0] : undefined;
  const unique = table.uniqueKeys.find((k) => k.columns.length === 1)?.columns[0];
  const byName = table.columns.find((c) => /^(kood|code)$/i.test(c.name))?.name;
  const key = byName ?? unique ?? pk;
  if (!key) return undefined;
  const columns: ClassifierMapping['columns'] = {};
  for (const c of table.columns) {
    if (c.name === key) continue;
    const hit = FIELD_PATTERNS.find(([field, re]) => !columns[field] && re.test(c.name));
    if (hit) columns[hit[0]] = c.name;
  }
  return { key, columns };
}

function literalText(e: Expression): string | null | undefined {
  if (e.kind === 'Literal') return e.literalType === 'null' ? null : e.value;
  if (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Literal') return '-' + e.operand.value;
  if (e.kind === 'Paren') return literalText(e.expr);
  return undefined;
}

/** Rows that a seed script's INSERT ... VALUES statements put into the table (literal values only). */
export function rowsFromSeedScript(script: Script, table: TableInfo, schema: Schema): { rows: Row[]; skipped: number } {
  const rows: Row[] = [];
  let skipped = 0;
  const insertable = table.columns.filter((c) => !c.identity && !c.computed).map((c) => c.name);
  for (const batch of script.batches) {
    for (const st of batch.statements) {
      if (st.kind !== 'Insert' || st.source.kind !== 'Values') continue;
      if (!schema.equalNames(st.target.name.name, table.name)) continue;
      if (st.target.schema && !schema.equalNames(st.target.schema.name, table.schema)) continue;
      const cols = st.columns?.map((c) => c.name) ?? insertable;
      for (const values of st.source.rows) {
        const row: Row = {};
        let ok = values.length === cols.length;
        values.forEach((v, i) => {
          const text = literalText(v);
          if (text === undefined) ok = false;
          else if (cols[i] !== undefined) row[cols[i]] = text;
        });
        if (ok) rows.push(row);
        else skipped++;
      }
    }
  }
  return { rows, skipped };
}

function get(row: Row, column: string): string | null | undefined {
  if (column in row) return row[column];
  const lower = column.toLowerCase();
  const k = Object.keys(row).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : row[k];
}

function valueText(v: string): string {
  return /^\s|\s$|^"/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

/** Writes a formatted classifier file for the table and rows. */
export function classifierFromRows(table: TableInfo, mapping: ClassifierMapping, rows: Row[], name?: string): string {
  const lines: string[] = [`# ${table.description ?? `${table.schema}.${table.name}`}`, `# Imported from ${table.schema}.${table.name} by e-Täitur Workbench.`];
  lines.push(`classifier ${name ?? table.name.toUpperCase()}`, `table ${table.schema}.${table.name}`, `key ${mapping.key}`);
  const fields = Object.entries(mapping.columns) as [ValueField, string][];
  for (const [field, column] of fields) lines.push(`column ${field} ${column}`);
  const langs = (['et', 'en', 'ru'] as const).filter((l) => mapping.columns[l]);
  if (langs.length) lines.push(`languages ${langs.join(' ')}`);
  const sorted = [...rows].sort((a, b) => {
    const oa = Number(get(a, mapping.columns.order ?? '') ?? NaN);
    const ob = Number(get(b, mapping.columns.order ?? '') ?? NaN);
    if (!Number.isNaN(oa) && !Number.isNaN(ob) && oa !== ob) return oa - ob;
    return String(get(a, mapping.key)).localeCompare(String(get(b, mapping.key)));
  });
  for (const row of sorted) {
    const code = get(row, mapping.key);
    if (code === null || code === undefined) continue;
    lines.push(`value ${code}`);
    for (const [field, column] of fields) {
      let v = get(row, column);
      if (v === null || v === undefined || v === '') continue;
      if ((field === 'from' || field === 'until') && /^\d{4}-\d{2}-\d{2}/.test(v)) v = v.slice(0, 10);
      lines.push(`  ${field} ${valueText(v)}`);
    }
  }
  return formatClassifier(lines.join('\n') + '\n');
}

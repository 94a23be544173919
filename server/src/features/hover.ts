// Hover: table, column, variable, personal-code literal. Pure: text + offset + schema -> Markdown.
import type { Schema, TableInfo } from '../schema/model';
import { parsePersonalCode } from '../domain/personalCode';
import { columnType } from './completion/columns';
import { aliasesAt, cursorScope, typeLabel, type Parse } from './completion/scope';
import type { ClassifierCatalog } from '../classifier/catalog';
import { classifierCodeHover } from './classifierCodes';
import { msg, type Lang } from './messages';

export interface HoverResult { markdown: string; start: number; end: number }

const WORD = /[\p{L}\p{N}_@#$]/u;

/** The dotted name under the cursor: parts and which part the cursor is on. */
export function nameAt(text: string, offset: number): { parts: string[]; index: number; start: number; end: number } | undefined {
  let s = offset;
  let e = offset;
  const inBracket = (i: number) => { const o = text.lastIndexOf('[', i); return o >= 0 && text.indexOf(']', o) >= i && text.lastIndexOf(']', i - 1) < o; };
  while (s > 0 && (WORD.test(text[s - 1]) || text[s - 1] === '.' || text[s - 1] === '[' || text[s - 1] === ']' || (inBracket(s - 1) && text[s - 1] === ' '))) s--;
  while (e < text.length && (WORD.test(text[e]) || text[e] === '.' || text[e] === ']' || text[e] === '[' || (inBracket(e) && text[e] === ' '))) e++;
  const raw = text.slice(s, e);
  if (!raw || !/[\p{L}_@#]/u.test(raw)) return undefined;
  const parts: string[] = [];
  let index = 0;
  let pos = s;
  for (const piece of raw.split(/\.(?![^[]*\])/)) {
    if (offset >= pos && offset <= pos + piece.length) index = parts.length;
    parts.push(piece.replace(/^\[|\]$/g, '').replace(/]]/g, ']'));
    pos += piece.length + 1;
  }
  return { parts, index, start: s, end: e };
}

export function tableMarkdown(t: TableInfo, lang: Lang = 'en'): string {
  const lines = [`**${t.kind} ${t.schema}.${t.name}**`];
  if (t.description) lines.push('', t.description);
  if (t.primaryKey) lines.push('', `${msg(lang, 'primaryKey')}: ${t.primaryKey.columns.join(', ')}`);
  for (const u of t.uniqueKeys) lines.push(`${msg(lang, 'unique')}: ${u.columns.join(', ')}`);
  for (const f of t.foreignKeys) lines.push(`${msg(lang, 'foreignKey')}: ${f.columns.join(', ')} → ${f.refSchema}.${f.refTable}(${f.refColumns.join(', ')})`);
  lines.push('', ...t.columns.slice(0, 40).map((c) => `- \`${c.name}\` ${columnType(c)}`));
  if (t.columns.length > 40) lines.push(`- ${msg(lang, 'moreColumns', t.columns.length - 40)}`);
  return lines.join('\n');
}

export function columnMarkdown(schema: Schema, t: TableInfo, name: string, lang: Lang = 'en'): string | undefined {
  const c = schema.findColumn(t, name);
  if (!c) return undefined;
  const lines = [`**${t.name}.${c.name}** \`${columnType(c)}\``];
  if (c.default) lines.push(`${msg(lang, 'defaultValue')}: \`${c.default}\``);
  if (c.computed) lines.push(msg(lang, 'computed'));
  const fk = t.foreignKeys.find((f) => f.columns.some((x) => schema.equalNames(x, c.name)));
  if (fk) lines.push(`${msg(lang, 'foreignKey')} → ${fk.refSchema}.${fk.refTable}(${fk.refColumns.join(', ')})`);
  if (t.primaryKey?.columns.some((x) => schema.equalNames(x, c.name))) lines.push(msg(lang, 'primaryKey'));
  if (c.description) lines.push('', c.description);
  return lines.join('\n\n');
}

function personalCodeHover(text: string, offset: number, lang: Lang): HoverResult | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && /\d/.test(text[s - 1])) s--;
  while (e < text.length && /\d/.test(text[e])) e++;
  if (e - s !== 11) return undefined;
  const info = parsePersonalCode(text.slice(s, e));
  // Only what it is: no birth date, no sex.
  if (!info) return undefined;
  return { markdown: msg(lang, 'personalCode'), start: s, end: e };
}

export function hover(text: string, offset: number, schema?: Schema, classifiers?: ClassifierCatalog, lang: Lang = 'en', parse?: Parse): HoverResult | undefined {
  const code = classifierCodeHover(text, offset, schema, classifiers); if (code) return code;
  const pc = personalCodeHover(text, offset, lang);
  if (pc) return pc;
  const n = nameAt(text, offset);
  if (!n) return undefined;
  const word = n.parts[n.index];
  if (word.startsWith('@')) {
    const v = cursorScope(text, n.start, schema, { placeholder: false, parse }).variables.find((x) => x.name.toLowerCase() === word.toLowerCase());
    return v ? { markdown: `**${v.name}** \`${v.isTable ? 'table' : typeLabel(v.type)}\``, start: n.start, end: n.end } : undefined;
  }
  if (!schema) return undefined;
  const qual = n.parts.slice(0, n.index);
  const aliases = aliasesAt(text, offset, schema, parse);
  // The cursor on a table name (or a schema-qualified one).
  const asTable = schema.findTable(word, qual.length ? qual[qual.length - 1] : undefined);
  if (asTable && n.index === n.parts.length - 1 && !(qual.length === 1 && aliases.has(qual[0].toLowerCase()) && !schema.schemas().some((s) => schema.equalNames(s, qual[0])))) {
    return { markdown: tableMarkdown(asTable, lang), start: n.start, end: n.end };
  }
  if (n.index === 0 && n.parts.length > 1) {
    const t = aliasTable(schema, aliases, word);
    if (t) return { markdown: tableMarkdown(t, lang), start: n.start, end: n.end };
  }
  // A column: qualified through an alias/table, or unqualified among the batch's tables.
  const tables = qual.length ? [aliasTable(schema, aliases, qual[qual.length - 1]) ?? schema.findTable(qual[qual.length - 1], qual[qual.length - 2])]
    : [...aliases.values()].map((p) => schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined));
  for (const t of tables) {
    if (!t) continue;
    const md = columnMarkdown(schema, t, word, lang);
    if (md) return { markdown: md, start: n.start, end: n.end };
  }
  return undefined;
}

export function aliasTable(schema: Schema, aliases: Map<string, string[]>, alias: string): TableInfo | undefined {
  const p = aliases.get(alias.toLowerCase());
  return p ? schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined) : undefined;
}

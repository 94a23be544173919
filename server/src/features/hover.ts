// Hover: table, column, variable, personal-code literal. Pure: text + offset + schema -> Markdown.
import type { Schema, TableInfo } from '../schema/model';
import { parsePersonalCode } from '../domain/personalCode';
import { aliasesIn, batchBounds } from './completion/context';
import { columnType } from './completion/columns';
import { variableCompletions } from './completion/variables';

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

export function tableMarkdown(t: TableInfo): string {
  const lines = [`**${t.kind} ${t.schema}.${t.name}**`];
  if (t.description) lines.push('', t.description);
  if (t.primaryKey) lines.push('', `Primary key: ${t.primaryKey.columns.join(', ')}`);
  for (const u of t.uniqueKeys) lines.push(`Unique: ${u.columns.join(', ')}`);
  for (const f of t.foreignKeys) lines.push(`FK: ${f.columns.join(', ')} → ${f.refSchema}.${f.refTable}(${f.refColumns.join(', ')})`);
  lines.push('', ...t.columns.slice(0, 40).map((c) => `- \`${c.name}\` ${columnType(c)}`));
  if (t.columns.length > 40) lines.push(`- … ${t.columns.length - 40} more`);
  return lines.join('\n');
}

export function columnMarkdown(schema: Schema, t: TableInfo, name: string): string | undefined {
  const c = schema.findColumn(t, name);
  if (!c) return undefined;
  const lines = [`**${t.name}.${c.name}** \`${columnType(c)}\``];
  if (c.default) lines.push(`Default: \`${c.default}\``);
  if (c.computed) lines.push('Computed');
  const fk = t.foreignKeys.find((f) => f.columns.some((x) => schema.equalNames(x, c.name)));
  if (fk) lines.push(`FK → ${fk.refSchema}.${fk.refTable}(${fk.refColumns.join(', ')})`);
  if (t.primaryKey?.columns.some((x) => schema.equalNames(x, c.name))) lines.push('Primary key');
  if (c.description) lines.push('', c.description);
  return lines.join('\n\n');
}

function personalCodeHover(text: string, offset: number): HoverResult | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && /\d/.test(text[s - 1])) s--;
  while (e < text.length && /\d/.test(text[e])) e++;
  if (e - s !== 11) return undefined;
  const info = parsePersonalCode(text.slice(s, e));
  // Only what it is: no birth date, no sex.
  if (!info) return undefined;
  return { markdown: 'Estonian personal code (isikukood), valid check digit — personal data.\n\nEesti isikukood, kontrollnumber õige — isikuandmed.', start: s, end: e };
}

export function hover(text: string, offset: number, schema?: Schema): HoverResult | undefined {
  const pc = personalCodeHover(text, offset);
  if (pc) return pc;
  const n = nameAt(text, offset);
  if (!n) return undefined;
  const word = n.parts[n.index];
  const b = batchBounds(text, offset);
  const batch = text.slice(b.start, b.end);
  if (word.startsWith('@')) {
    const v = variableCompletions(batch, word).find((x) => x.label.toLowerCase() === word.toLowerCase());
    return v ? { markdown: `**${v.label}** \`${v.detail ?? ''}\``, start: n.start, end: n.end } : undefined;
  }
  if (!schema) return undefined;
  const qual = n.parts.slice(0, n.index);
  const aliases = aliasesIn(batch);
  // The cursor on a table name (or a schema-qualified one).
  const asTable = schema.findTable(word, qual.length ? qual[qual.length - 1] : undefined);
  if (asTable && n.index === n.parts.length - 1 && !(qual.length === 1 && aliases.has(qual[0].toLowerCase()) && !schema.schemas().some((s) => schema.equalNames(s, qual[0])))) {
    return { markdown: tableMarkdown(asTable), start: n.start, end: n.end };
  }
  if (n.index === 0 && n.parts.length > 1) {
    const t = aliasTable(schema, aliases, word);
    if (t) return { markdown: tableMarkdown(t), start: n.start, end: n.end };
  }
  // A column: qualified through an alias/table, or unqualified among the batch's tables.
  const tables = qual.length ? [aliasTable(schema, aliases, qual[qual.length - 1]) ?? schema.findTable(qual[qual.length - 1], qual[qual.length - 2])]
    : [...aliases.values()].map((p) => schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined));
  for (const t of tables) {
    if (!t) continue;
    const md = columnMarkdown(schema, t, word);
    if (md) return { markdown: md, start: n.start, end: n.end };
  }
  return undefined;
}

export function aliasTable(schema: Schema, aliases: Map<string, string[]>, alias: string): TableInfo | undefined {
  const p = aliases.get(alias.toLowerCase());
  return p ? schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined) : undefined;
}

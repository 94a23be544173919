// Classifier codes in fix scripts: completion of codes (with their names) after `Column =`, `<>` or inside
// IN (...), and hover on a code literal with its names in Estonian, English and Russian. Pure.
import type { Schema, TableInfo } from '../schema/model';
import type { ClassifierCatalog, CatalogClassifier, ClassifierCode } from '../classifier/catalog';
import { codeNames } from '../classifier/catalog';
import { parseScript } from '../sql/parser';
import { resolveScript } from '../resolve/resolver';
import { classifierLiterals } from '../rules/unknownClassifierCode';
import { aliasesIn, batchBounds } from './completion/context';
import type { CompletionEntry } from './completion/types';
import type { HoverResult } from './hover';

const IDENT = String.raw`(?:\[[^\]]+\]|[\p{L}_][\p{L}\p{N}_]*)`;
/** `[alias.]Column = N'pre`, `<> 'pre`, `IN (N'01', N'pre` at the end of the text before the cursor. */
const CODE_POSITION = new RegExp(
  String.raw`(?:(${IDENT})\.)?(${IDENT})\s*(?:=|<>|!=|\bIN\s*\((?:\s*N?'[^'\n]*'\s*,)*)\s*(N?')?([^'\s,()=]*)$`, 'iu');

const unbracket = (s: string) => (s.startsWith('[') ? s.slice(1, -1).replace(/]]/g, ']') : s);

function tableOf(schema: Schema, parts: string[] | undefined): TableInfo | undefined {
  return parts ? schema.findTable(parts[parts.length - 1], parts.length > 1 ? parts[parts.length - 2] : undefined) : undefined;
}

/** The classifier of `column` (qualified by an alias or table, or unqualified: the batch's tables are tried). */
function classifierFor(schema: Schema, catalog: ClassifierCatalog, batch: string, qualifier: string | undefined, column: string): CatalogClassifier | undefined {
  const aliases = aliasesIn(batch);
  const tables = qualifier
    ? [tableOf(schema, aliases.get(qualifier.toLowerCase())) ?? schema.findTable(qualifier)]
    : [...aliases.values()].map((p) => tableOf(schema, p));
  for (const t of tables) {
    if (!t || !schema.findColumn(t, column)) continue;
    const c = catalog.forColumn(schema, t, column);
    if (c) return c;
  }
  return undefined;
}

function namesMarkdown(c: ClassifierCode): string {
  const rows = (['et', 'en', 'ru'] as const).map((l) => `| ${l} | ${c.names[l] ?? '—'} |`);
  return ['| | |', '| --- | --- |', ...rows].join('\n');
}

function validity(c: ClassifierCode, today: string): { en: string; et: string } | undefined {
  if (c.until && c.until < today) return { en: `expired ${c.until}`, et: `kehtis kuni ${c.until}` };
  if (c.deprecated) return { en: 'deprecated', et: 'kasutusest kõrvaldatud' };
  return undefined;
}

export interface CodeCompletion { items: CompletionEntry[]; replaceStart: number }

/** Codes for the classifier column before the cursor, or undefined when the cursor is not at such a value. */
export function classifierCodeCompletions(text: string, offset: number, schema: Schema | undefined, catalog: ClassifierCatalog | undefined): CodeCompletion | undefined {
  if (!schema || !catalog || catalog.size === 0) return undefined;
  const b = batchBounds(text, offset);
  const before = text.slice(Math.max(b.start, offset - 400), offset);
  const m = CODE_POSITION.exec(before);
  if (!m) return undefined;
  const classifier = classifierFor(schema, catalog, text.slice(b.start, b.end), m[1] && unbracket(m[1]), unbracket(m[2]));
  if (!classifier) return undefined;
  const quoted = !!m[3];
  const prefix = m[4] ?? '';
  const closeQuote = quoted && text[offset] !== "'";
  const items: CompletionEntry[] = [];
  for (const c of classifier.codes.values()) {
    if (prefix && !c.code.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const v = validity(c, catalog.today);
    const escaped = c.code.replace(/'/g, "''");
    items.push({
      label: c.code,
      kind: 'value',
      detail: `${codeNames(c)}${v ? ` (${v.en})` : ''}`,
      documentation: `**${classifier.name}** ${c.code}${v ? ` — ${v.en}${c.replacedBy ? `, use ${c.replacedBy}` : ''}` : ''}\n\n${namesMarkdown(c)}`,
      rank: v ? 5 : 1,
      insertText: quoted ? escaped + (closeQuote ? "'" : '') : `N'${escaped}'`,
    });
  }
  items.sort((a, b2) => a.rank - b2.rank);
  return { items, replaceStart: offset - prefix.length };
}

/** Cheap test before parsing: the offset is in a quoted string on its line, on a quote, or in a number. */
function maybeLiteralAt(text: string, offset: number): boolean {
  if (/\d/.test(text[offset] ?? '') || /\d/.test(text[offset - 1] ?? '') || text[offset] === "'") return true;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let quotes = 0;
  for (let i = lineStart; i < offset; i++) if (text[i] === "'") quotes++;
  return quotes % 2 === 1;
}

/** The names of the classifier code literal under the cursor. */
export function classifierCodeHover(text: string, offset: number, schema: Schema | undefined, catalog: ClassifierCatalog | undefined): HoverResult | undefined {
  if (!schema || !catalog || catalog.size === 0 || !maybeLiteralAt(text, offset)) return undefined;
  const b = batchBounds(text, offset);
  const batch = text.slice(b.start, b.end);
  const script = parseScript(batch);
  const res = resolveScript(script, schema);
  const local = offset - b.start;
  const hit = classifierLiterals(script, res, schema, catalog).find((l) => l.literal.range.start <= local && local <= l.literal.range.end);
  if (!hit) return undefined;
  const st = catalog.status(hit.classifier, hit.literal.value, schema.options.caseSensitive);
  const head = `**${hit.classifier.name}** \`${hit.literal.value}\``;
  let body: string;
  if (st.kind === 'unknown') {
    body = `Not a code of this classifier. — Pole selle klassifikaatori kood.\n\n${hit.classifier.file}`;
  } else {
    const v = validity(st.code, catalog.today);
    const note = v ? `\n\n⚠ ${v.en}${st.code.replacedBy ? `: use ${st.code.replacedBy}` : ''} — ${v.et}${st.code.replacedBy ? `: kasuta koodi ${st.code.replacedBy}` : ''}` : '';
    const valid = st.code.from || st.code.until ? `\n\n${st.code.from ?? '…'} – ${st.code.until ?? '…'}` : '';
    body = `${namesMarkdown(st.code)}${valid}${note}`;
  }
  return { markdown: `${head}\n\n${body}`, start: b.start + hit.literal.range.start, end: b.start + hit.literal.range.end };
}

// "Did you mean" for unknown-table and unknown-column: the finding's own candidates, else edit distance over the schema.
import type { Schema } from '../../schema/model';
import { aliasesIn, batchBounds } from '../completion/context';
import { closest } from './editDistance';
import { msg, type Lang } from '../messages';
import type { CodeActionEntry, FindingLike } from './types';

export function didYouMean(text: string, f: FindingLike, schema?: Schema, lang: Lang = 'en'): CodeActionEntry[] {
  if (f.code !== 'unknown-table' && f.code !== 'unknown-column') return [];
  const written = text.slice(f.range.start, f.range.end);
  // Replace only the last name part.
  const lastDot = written.search(/\.[^.]*$/);
  const start = lastDot >= 0 ? f.range.start + lastDot + 1 : f.range.start;
  const name = text.slice(start, f.range.end).replace(/^\[|\]$/g, '');
  let suggestions = Array.isArray(f.data?.suggestions) ? (f.data!.suggestions as unknown[]).filter((s): s is string => typeof s === 'string') : [];
  if (!suggestions.length && Array.isArray(f.data?.candidates)) suggestions = (f.data!.candidates as unknown[]).filter((s): s is string => typeof s === 'string');
  if (!suggestions.length && schema) {
    if (f.code === 'unknown-table') suggestions = closest(name, schema.tables.map((t) => t.name));
    else {
      const b = batchBounds(text, f.range.start);
      const cols = new Set<string>();
      for (const p of aliasesIn(text.slice(b.start, b.end)).values()) {
        const t = schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined);
        t?.columns.forEach((c) => cols.add(c.name));
      }
      suggestions = closest(name, cols);
    }
  } else suggestions = closest(name, suggestions, 3).length ? closest(name, suggestions, 3) : suggestions.slice(0, 3);
  return suggestions.map((s, i) => ({
    title: msg(lang, 'didYouMean', s), kind: 'quickfix' as const, fixes: f.code, preferred: i === 0,
    edits: [{ start, end: f.range.end, newText: /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s) ? s : `[${s.replace(/]/g, ']]')}]` }],
  }));
}

// Small quick fixes: N prefix, `= NULL` to `IS NULL`, disable a rule for the next line.
import { msg, type Lang } from '../messages';
import type { CodeActionEntry, FindingLike } from './types';

export function addNPrefix(text: string, f: FindingLike, lang: Lang = 'en'): CodeActionEntry | undefined {
  if (f.code !== 'non-ascii-without-n') return undefined;
  const q = text.indexOf("'", f.range.start);
  if (q < 0 || q >= f.range.end) return undefined;
  return { title: msg(lang, 'addNPrefix'), kind: 'quickfix', fixes: f.code, preferred: true, edits: [{ start: q, end: q, newText: 'N' }] };
}

export function equalsNullFix(text: string, f: FindingLike, lang: Lang = 'en'): CodeActionEntry | undefined {
  if (f.code !== 'equals-null') return undefined;
  const seg = text.slice(f.range.start, f.range.end);
  const m = /(<>|!=|=)\s*NULL\b/i.exec(seg);
  if (!m) return undefined;
  const start = f.range.start + m.index;
  return { title: msg(lang, m[1] === '=' ? 'useIsNull' : 'useIsNotNull'), kind: 'quickfix', fixes: f.code, preferred: true,
    edits: [{ start, end: start + m[0].length, newText: m[1] === '=' ? 'IS NULL' : 'IS NOT NULL' }] };
}

export function disableForLine(text: string, f: FindingLike, lang: Lang = 'en'): CodeActionEntry {
  const lineStart = text.lastIndexOf('\n', f.range.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { title: msg(lang, 'disableForLine', f.code), kind: 'quickfix', fixes: f.code,
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}-- etaitur-disable-next-line ${f.code}${eol}` }] };
}

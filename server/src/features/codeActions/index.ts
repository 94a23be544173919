// Code actions for a range and the findings in it. Pure: offsets in, offset edits out.
import type { Schema } from '../../schema/model';
import type { Lang } from '../messages';
import { didYouMean } from './didYouMean';
import { replaceClassifierCode } from '../classifierCodeActions';
import { wrapInSafeTemplate } from './safeTemplate';
import { addNPrefix, disableForLine, equalsNullFix } from './simpleFixes';
import type { CodeActionEntry, FindingLike } from './types';

export type { CodeActionEntry, FindingLike, TextEditSpan } from './types';
export { safeTemplate } from './safeTemplate';

const WRAP_FOR = new Set(['no-transaction', 'missing-xact-abort', 'no-rowcount-guard']);

export function codeActions(text: string, range: { start: number; end: number }, findings: FindingLike[], schema?: Schema, lang: Lang = 'en'): CodeActionEntry[] {
  const out: CodeActionEntry[] = [];
  const here = findings.filter((f) => f.range.start <= range.end && range.start <= f.range.end);
  for (const f of here) {
    out.push(...didYouMean(text, f, schema, lang));
    const n = addNPrefix(text, f, lang);
    if (n) out.push(n);
    const e = equalsNullFix(text, f, lang);
    if (e) out.push(e);
    const k = replaceClassifierCode(text, f, lang); if (k) out.push(k);
  }
  const wrap = wrapInSafeTemplate(text, range.end > range.start ? range : undefined, lang);
  if (wrap) {
    const fixes = here.find((f) => WRAP_FOR.has(f.code));
    out.push(fixes ? { ...wrap, kind: 'quickfix', fixes: fixes.code } : wrap);
  }
  for (const code of new Set(here.map((f) => f.code))) out.push(disableForLine(text, here.find((f) => f.code === code)!, lang));
  return out;
}

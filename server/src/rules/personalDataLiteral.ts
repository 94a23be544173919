import { isPersonalCode, maskPersonalCode } from '../domain/personalCode';
import type { Rule } from './rule';
import { firstOnLine } from './util';

const CANDIDATE = /(?<![0-9])[1-8][0-9]{10}(?![0-9])/g;

const isHexDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Digits inside a binary literal (0x...AB38503171231FF) are bytes, not a code. */
function inHexLiteral(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  if (!isHexDigit(before) && !isHexDigit(after) && before !== 120 && before !== 88) return false;
  let i = start;
  while (i > 0 && isHexDigit(text.charCodeAt(i - 1))) i--;
  return i >= 2 && (text[i - 1] === 'x' || text[i - 1] === 'X') && text[i - 2] === '0' && (i < 3 || !/[0-9A-Za-z_]/.test(text[i - 3]));
}

export const personalDataLiteral: Rule = {
  id: 'personal-data-literal',
  defaultSeverity: 'warning',
  category: 'safety',
  description: {
    en: 'A valid Estonian personal identification code (isikukood) written in the script: personal data.',
    et: 'Skriptis on kehtiv isikukood: see on isikuandmed.',
  },
  check(ctx) {
    // the same code twice on one line (WHERE Isikukood = '...' OR Isikukood = N'...') is reported once
    const first = firstOnLine(ctx.text);
    for (const m of ctx.text.matchAll(CANDIDATE)) {
      if (!isPersonalCode(m[0])) continue;
      const start = m.index ?? 0;
      if (inHexLiteral(ctx.text, start, start + 11)) continue;
      if (!first(m[0], start)) continue;
      const masked = maskPersonalCode(m[0]);
      ctx.report({ start, end: start + 11 }, `Personal identification code ${masked} in the script; look the person up by id instead.`, `Skriptis on isikukood ${masked}; otsi isik üles ID järgi.`);
    }
  },
};

import { isPersonalCode, maskPersonalCode } from '../domain/personalCode';
import type { Rule } from './rule';

const CANDIDATE = /(?<![0-9])[1-8][0-9]{10}(?![0-9])/g;

export const personalDataLiteral: Rule = {
  id: 'personal-data-literal',
  defaultSeverity: 'warning',
  category: 'safety',
  description: {
    en: 'A valid Estonian personal identification code (isikukood) written in the script: personal data.',
    et: 'Skriptis on kehtiv isikukood: see on isikuandmed.',
  },
  check(ctx) {
    for (const m of ctx.text.matchAll(CANDIDATE)) {
      if (!isPersonalCode(m[0])) continue;
      const start = m.index ?? 0;
      const masked = maskPersonalCode(m[0]);
      ctx.report({ start, end: start + 11 }, `Personal identification code ${masked} in the script; look the person up by id instead.`, `Skriptis on isikukood ${masked}; otsi isik üles ID järgi.`);
    }
  },
};

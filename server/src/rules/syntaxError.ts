import type { ErrorStatement } from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

export const syntaxError: Rule = {
  id: 'syntax-error',
  defaultSeverity: 'error',
  category: 'syntax',
  description: { en: 'The statement could not be parsed.', et: 'Lauset ei õnnestunud parsida.' },
  check(ctx) {
    for (const e of nodesOfKind<ErrorStatement>(ctx.script, 'Error')) {
      const r = e.errorRange ?? e.range;
      ctx.report(r, `Syntax error: ${e.message}`, `Süntaksiviga: ${e.message}`);
    }
  },
};

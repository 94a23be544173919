import type { Rule } from './rule';
import { checkWhereMissing } from './whereMissing';

export const updateWithoutWhere: Rule = {
  id: 'update-without-where',
  defaultSeverity: 'error',
  category: 'safety',
  description: { en: 'UPDATE of a permanent table without WHERE changes every row.', et: 'UPDATE ilma WHERE-ta muudab püsitabeli kõiki ridu.' },
  check(ctx) {
    checkWhereMissing(ctx, 'Update', "UPDATE of '{t}' has no WHERE: every row changes.", "Tabeli '{t}' UPDATE-l pole WHERE-d: muutuvad kõik read.");
  },
};

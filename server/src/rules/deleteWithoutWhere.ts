import type { Rule } from './rule';
import { checkWhereMissing } from './whereMissing';

export const deleteWithoutWhere: Rule = {
  id: 'delete-without-where',
  defaultSeverity: 'error',
  category: 'safety',
  description: { en: 'DELETE from a permanent table without WHERE removes every row.', et: 'DELETE ilma WHERE-ta kustutab püsitabeli kõik read.' },
  check(ctx) {
    checkWhereMissing(ctx, 'Delete', "DELETE from '{t}' has no WHERE: every row is removed.", "Tabelist '{t}' DELETE-l pole WHERE-d: kustuvad kõik read.");
  },
};

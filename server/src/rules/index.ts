// The rule set. Ids are the public contract (settings, inline disables, CI).
import type { Rule } from './rule';
import { unknownTable } from './unknownTable';
import { unknownColumn } from './unknownColumn';
import { ambiguousColumn } from './ambiguousColumn';
import { insertArity } from './insertArity';
import { typeMismatch } from './typeMismatch';
import { stringTruncation } from './stringTruncation';
import { missingNotNull } from './missingNotNull';
import { nullIntoNotNull } from './nullIntoNotNull';
import { identityInsert } from './identityInsert';
import { updateWithoutWhere } from './updateWithoutWhere';
import { deleteWithoutWhere } from './deleteWithoutWhere';
import { noTransaction } from './noTransaction';
import { unbalancedTransaction } from './unbalancedTransaction';
import { destructiveStatement } from './destructiveStatement';
import { personalDataLiteral } from './personalDataLiteral';
import { undeclaredVariable } from './undeclaredVariable';
import { syntaxError } from './syntaxError';
import { missingXactAbort } from './missingXactAbort';
import { noRowcountGuard } from './noRowcountGuard';
import { rowcountAfterOtherStatement } from './rowcountAfterOtherStatement';
import { equalsNull } from './equalsNull';
import { nolockThenModify } from './nolockThenModify';
import { nonAsciiWithoutN } from './nonAsciiWithoutN';
import { topWithoutOrderBy } from './topWithoutOrderBy';
import { alwaysTrueCondition } from './alwaysTrueCondition';
import { unknownClassifierCode } from './unknownClassifierCode';

export type { Rule, Finding, Severity, RuleContext, RuleCategory } from './rule';

export const RULES: readonly Rule[] = [
  syntaxError, unknownTable, unknownColumn, ambiguousColumn, insertArity, typeMismatch, stringTruncation,
  missingNotNull, nullIntoNotNull, identityInsert, updateWithoutWhere, deleteWithoutWhere, noTransaction,
  unbalancedTransaction, destructiveStatement, personalDataLiteral, undeclaredVariable,
  missingXactAbort, noRowcountGuard, rowcountAfterOtherStatement, equalsNull, nolockThenModify,
  nonAsciiWithoutN, topWithoutOrderBy, alwaysTrueCondition, unknownClassifierCode,
];


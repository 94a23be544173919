// Existence guards: `IF OBJECT_ID(N'dbo.X') IS NOT NULL DROP TABLE dbo.X`,
// `IF EXISTS (SELECT 1 FROM sys.tables WHERE name = N'X') DROP TABLE dbo.X` or
// `IF COL_LENGTH(N'dbo.X', N'c') IS NOT NULL ALTER TABLE dbo.X DROP COLUMN c` drop an object only when it
// exists, so the dropped name need not be in the schema.
import type * as A from '../sql/ast';
import { walk, type AnyNode } from '../sql/visit';

const GUARD_FUNCTIONS = new Set(['object_id', 'objectproperty', 'objectpropertyex', 'col_length', 'columnproperty']);
const CATALOG_SCHEMAS = new Set(['sys', 'information_schema']);

/** Does the condition test whether a database object exists (OBJECT_ID, sys.* or INFORMATION_SCHEMA)? */
export function isExistenceGuard(condition: A.Expression | undefined): boolean {
  if (!condition) return false;
  let found = false;
  walk(condition as AnyNode, (n) => {
    if (found) return;
    if (n.kind === 'FunctionCall') {
      const f = n as A.FunctionCall;
      if (GUARD_FUNCTIONS.has((f.name?.name?.name ?? '').toLowerCase())) found = true;
    } else if (n.kind === 'TableRef') {
      const schema = (n as A.TableRef).name?.schema?.name?.toLowerCase();
      if (schema && CATALOG_SCHEMAS.has(schema)) found = true;
    }
  });
  return found;
}

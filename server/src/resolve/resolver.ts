// Binds table and column references to their sources and variables to their declarations.
// Pure: never throws on odd trees; what cannot be resolved is recorded, or left open (silent).
// The work is split by job: state.ts (caches, scopes), statements.ts, queries.ts, tables.ts,
// columns.ts, expressions.ts, variables.ts.
import type * as A from '../sql/ast';
import type { Schema } from '../schema/model';
import { ResolverState, type Ctx } from './state';
import { statement } from './statements';
import type { Resolution } from './types';

export { inferExpressionType } from './expressions';

export interface ResolveOptions {
  /** Record the sources visible in each query (`res.scopes`, read by scopeAt): for completion. */
  scopes?: boolean;
}

export function resolveScript(script: A.Script, schema?: Schema, options: ResolveOptions = {}): Resolution {
  const r = new ResolverState(schema, options.scopes === true);
  // No CTEs outside a WITH; withCtes copies before adding, so one empty context serves every statement.
  const topLevel: Ctx = { ctes: new Map() };
  for (const batch of script.batches ?? []) {
    r.batchVars = new Map();
    r.batchTableVars = new Map(); // table variables end with their batch too
    for (const st of batch.statements ?? []) {
      try {
        statement(r, st, topLevel);
      } catch {
        // a malformed subtree must not stop resolution of the rest
      }
    }
    r.batchIndex++;
  }
  return r.res;
}

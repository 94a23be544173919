// Variables: declarations per batch (GO ends their scope) and references bound to them.
import type * as A from '../sql/ast';
import type { ResolverState } from './state';
import type { TypeInfo, VariableDecl } from './types';

export function declareVariable(r: ResolverState, name: string, type: TypeInfo | undefined, isTable: boolean, range: A.Span): void {
  const d: VariableDecl = { name, type, isTable, range, batch: r.batchIndex };
  r.batchVars.set(r.key(name), d);
  r.res.declarations.push(d);
}

/** Binds a @variable reference to its declaration in the batch, or records it as undeclared. */
export function variableRef(r: ResolverState, v: A.VariableRef): void {
  if (!v || v.system || !v.name || !v.name.startsWith('@') || v.name.startsWith('@@')) return;
  const d = r.batchVars.get(r.key(v.name));
  r.res.variables.set(v, d);
  if (!d) r.res.undeclared.push(v);
}

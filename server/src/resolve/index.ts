// Name resolution: public surface for rules and the language server.
export { resolveScript, inferExpressionType } from './resolver';
export * from './types';
export { walk, forEachChild } from '../sql/visit';
import type { Resolution, Source, VariableDecl } from './types';

/** Sources visible at an offset (innermost query first), for completion and hover. */
export function scopeAt(res: Resolution, offset: number): Source[] {
  let best: { len: number; sources: Source[] } | undefined;
  for (const s of res.scopes) {
    if (s.range.start <= offset && offset <= s.range.end) {
      const len = s.range.end - s.range.start;
      if (!best || len < best.len) best = { len, sources: s.sources };
    }
  }
  return best?.sources ?? [];
}

/** The declaration of the variable at an offset, if any. */
export function variableAt(res: Resolution, offset: number): VariableDecl | undefined {
  for (const [ref, decl] of res.variables) if (ref.range.start <= offset && offset <= ref.range.end) return decl;
  return undefined;
}

// Variables of the batch and temp tables of the script, as the resolver declared them (cursorScope).
import type { Source, VariableDecl } from '../../resolve';
import { typeLabel } from './scope';
import type { CompletionEntry } from './types';

export function variableCompletions(variables: VariableDecl[], prefix: string): CompletionEntry[] {
  const p = prefix.toLowerCase();
  const out = new Map<string, CompletionEntry>();
  for (const v of variables) {
    const key = v.name.toLowerCase();
    if (key.startsWith(p) && !out.has(key)) out.set(key, { label: v.name, kind: 'variable', rank: 3, detail: v.isTable ? 'table' : typeLabel(v.type) });
  }
  return [...out.values()];
}

export function tempTableCompletions(tempTables: Source[], prefix: string): CompletionEntry[] {
  const p = prefix.toLowerCase();
  return tempTables.filter((s) => s.name.toLowerCase().startsWith(p))
    .map((s) => ({ label: s.name, kind: 'tempTable' as const, rank: 8, detail: s.columns ? `temp table (${s.columns.length} columns)` : 'temp table' }));
}

// Variables and temp tables of the batch (temp tables survive GO, so the whole text before the cursor).
import type { CompletionEntry } from './types';

export function variableCompletions(batchText: string, prefix: string): CompletionEntry[] {
  const out = new Map<string, CompletionEntry>();
  const re = /\bDECLARE\s+(@[\p{L}\p{N}_@#$]+)\s+(?:AS\s+)?([\p{L}_][\p{L}\p{N}_]*(?:\s*\([^)]*\))?)/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(batchText))) {
    // Comma lists (DECLARE @a int, @b int) continue after the first match.
    const key = m[1].toLowerCase();
    if (m[1].toLowerCase().startsWith(prefix.toLowerCase())) out.set(key, { label: m[1], kind: 'variable', rank: 3, detail: m[2] });
  }
  const more = /,\s*(@[\p{L}\p{N}_@#$]+)\s+(?:AS\s+)?([\p{L}_][\p{L}\p{N}_]*(?:\s*\([^)]*\))?)/gu;
  while ((m = more.exec(batchText))) {
    const key = m[1].toLowerCase();
    if (!out.has(key) && key.startsWith(prefix.toLowerCase()) && /^(?!@@)/.test(m[1])) out.set(key, { label: m[1], kind: 'variable', rank: 3, detail: m[2] });
  }
  return [...out.values()];
}

export function tempTableCompletions(textBefore: string, prefix: string): CompletionEntry[] {
  const out = new Map<string, CompletionEntry>();
  const re = /\b(?:CREATE\s+TABLE|INTO)\s+(#{1,2}[\p{L}\p{N}_$]+)/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(textBefore))) {
    if (m[1].toLowerCase().startsWith(prefix.toLowerCase())) out.set(m[1].toLowerCase(), { label: m[1], kind: 'tempTable', rank: 8, detail: 'temp table' });
  }
  return [...out.values()];
}

// Folding ranges: batches, BEGIN/END blocks, TRY/CATCH, multi-line comments. Lines are 0-based.
import type { Script } from '../sql/ast';
import { walk } from '../sql/visit';
import type { LineIndex } from '../text/lineIndex';

export interface FoldEntry { startLine: number; endLine: number; kind?: 'comment' | 'region' }

export function foldingRanges(script: Script, lines: LineIndex): FoldEntry[] {
  const out: FoldEntry[] = [];
  const add = (s: number, e: number, kind?: FoldEntry['kind']) => {
    const a = lines.positionAt(s).line;
    const b = lines.positionAt(Math.max(s, e - 1)).line;
    if (b > a) out.push({ startLine: a, endLine: b, ...(kind ? { kind } : {}) });
  };
  for (const b of script.batches) add(b.range.start, b.go ? b.go.range.start : b.range.end, 'region');
  walk(script, (node) => {
    if (node.kind === 'Block' || node.kind === 'While' || node.kind === 'If' || node.kind === 'Merge') add(node.range.start, node.range.end);
    else if (node.kind === 'TryCatch') {
      const t = node as unknown as { tryRange: { start: number; end: number }; catchRange: { start: number; end: number } };
      add(t.tryRange.start, t.tryRange.end);
      add(t.catchRange.start, t.catchRange.end);
    }
  });
  for (const c of script.comments) if (c.range.end > c.range.start) add(c.range.start, c.range.end, 'comment');
  const seen = new Set<string>();
  return out.filter((f) => { const k = `${f.startLine}:${f.endLine}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

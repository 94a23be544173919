// Document symbols: batches, their statements, declared variables and temp tables.
import type { Script, Statement } from '../sql/ast';

export type SymbolKindName = 'batch' | 'statement' | 'variable' | 'tempTable';
export interface SymbolEntry { name: string; kind: SymbolKindName; detail?: string; start: number; end: number; selStart: number; selEnd: number; children: SymbolEntry[] }

function firstLine(text: string, s: number, e: number): string {
  const line = text.slice(s, e).split(/\r?\n/)[0].trim();
  return line.length > 60 ? line.slice(0, 57) + '...' : line;
}

function statementSymbol(text: string, st: Statement): SymbolEntry {
  const r = st.range;
  const sym: SymbolEntry = { name: firstLine(text, r.start, r.end) || st.kind, kind: 'statement', detail: st.kind, start: r.start, end: r.end, selStart: r.start, selEnd: r.end, children: [] };
  const s = st as unknown as Record<string, unknown>;
  if (st.kind === 'Declare') {
    for (const it of (s.items as { name: { name: string; range: { start: number; end: number } }; range: { start: number; end: number }; dataType?: { name: string } }[])) {
      sym.children.push({ name: it.name.name, kind: 'variable', detail: it.dataType?.name, start: it.range.start, end: it.range.end, selStart: it.name.range.start, selEnd: it.name.range.end, children: [] });
    }
  } else if (st.kind === 'CreateTable') {
    const n = (s.name as { name: { name: string; range: { start: number; end: number } } }).name;
    if (n.name.startsWith('#')) sym.children.push({ name: n.name, kind: 'tempTable', start: r.start, end: r.end, selStart: n.range.start, selEnd: n.range.end, children: [] });
  }
  for (const key of ['statements', 'tryStatements', 'catchStatements']) {
    const list = s[key];
    if (Array.isArray(list)) for (const c of list) sym.children.push(statementSymbol(text, c as Statement));
  }
  for (const key of ['then', 'else', 'body']) {
    const c = s[key] as Statement | undefined;
    if (c && typeof c === 'object' && 'kind' in c && 'range' in c) sym.children.push(statementSymbol(text, c));
  }
  return sym;
}

export function documentSymbols(text: string, script: Script): SymbolEntry[] {
  return script.batches.map((b, i) => ({
    name: `Batch ${i + 1}`, kind: 'batch' as const, detail: `${b.statements.length} statements`,
    start: b.range.start, end: b.range.end, selStart: b.range.start, selEnd: b.range.start,
    children: b.statements.map((s) => statementSymbol(text, s)),
  }));
}

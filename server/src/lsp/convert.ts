// Offsets <-> LSP positions, and pure feature results -> LSP types.
import { CompletionItemKind, DiagnosticSeverity, type Diagnostic, type Range, SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Finding } from '../rules/rule';
import type { CompletionKind } from '../features/completion';
import type { SymbolEntry } from '../features/symbols';
import type { LineIndex } from '../text/lineIndex';

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

export function toOffset(lines: LineIndex, pos: { line: number; character: number }): number {
  return lines.offsetAt(pos);
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(lines: LineIndex, f: Finding, estonian: boolean): Diagnostic {
  return {
    range: toRange(lines, f.range.start, f.range.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'e-Täitur',
    message: estonian ? f.messageEt : f.message,
    ...(f.data ? { data: { ...f.data, start: f.range.start, end: f.range.end } } : { data: { start: f.range.start, end: f.range.end } }),
  };
}

export const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, snippet: CompletionItemKind.Snippet, schema: CompletionItemKind.Module,
  table: CompletionItemKind.Class, view: CompletionItemKind.Interface, column: CompletionItemKind.Field,
  variable: CompletionItemKind.Variable, tempTable: CompletionItemKind.Struct, value: CompletionItemKind.EnumMember,
};

const SYMBOL_KIND = { batch: SymbolKind.Namespace, statement: SymbolKind.Event, variable: SymbolKind.Variable, tempTable: SymbolKind.Struct } as const;

export function toDocumentSymbol(lines: LineIndex, s: SymbolEntry): DocumentSymbol {
  return {
    name: s.name || '?', kind: SYMBOL_KIND[s.kind], detail: s.detail,
    range: toRange(lines, s.start, s.end), selectionRange: toRange(lines, s.selStart, Math.max(s.selStart, s.selEnd)),
    children: s.children.map((c) => toDocumentSymbol(lines, c)),
  };
}

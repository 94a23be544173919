// Language-server glue for classifier files (`etaitur-classifier`): diagnostics, symbols, folding,
// formatting and deploy SQL, each a thin mapping from the pure library in ../classifier to LSP types.
import { DiagnosticSeverity, FoldingRangeKind, SymbolKind, type Diagnostic, type DocumentSymbol, type FoldingRange, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseClassifier } from '../classifier/parse';
import { validateClassifier } from '../classifier/validate';
import { formatClassifier } from '../classifier/format';
import { classifierFoldingRanges, classifierSymbols } from '../classifier/outline';
import { generateDeploySql } from '../classifier/deploySql';
import type { ClassifierFile } from '../classifier/model';
import type { Schema } from '../schema/model';
import type { ClassifierDeploySqlRequest } from '../shared/customMessages';
import { LineIndex } from '../text/lineIndex';
import { toRange } from './convert';

export const CLASSIFIER_LANGUAGE_ID = 'etaitur-classifier';

export function isClassifierDocument(doc: TextDocument | undefined): boolean {
  return doc?.languageId === CLASSIFIER_LANGUAGE_ID;
}

interface Parsed { version: number; text: string; lines: LineIndex; file: ClassifierFile }

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Parses each open classifier document once per version. */
export class ClassifierDocuments {
  private readonly byUri = new Map<string, Parsed>();

  private parsed(doc: TextDocument): Parsed {
    const hit = this.byUri.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.version === doc.version && hit.text === text) return hit;
    const p: Parsed = { version: doc.version, text, lines: new LineIndex(text), file: parseClassifier(text) };
    this.byUri.set(doc.uri, p);
    return p;
  }

  forget(uri: string): void { this.byUri.delete(uri); }

  diagnostics(doc: TextDocument, schema: Schema | undefined, estonian: boolean, requiredLanguages?: string[]): Diagnostic[] {
    const p = this.parsed(doc);
    return validateClassifier(p.file, { schema, requiredLanguages }).map((f) => ({
      range: toRange(p.lines, f.range.start, f.range.end),
      severity: SEVERITY[f.severity],
      code: f.code,
      source: 'e-Täitur',
      message: estonian ? f.messageEt : f.message,
    }));
  }

  symbols(doc: TextDocument): DocumentSymbol[] {
    const p = this.parsed(doc);
    return classifierSymbols(p.file).map((s) => ({
      name: s.name || '?', detail: s.detail, kind: SymbolKind.EnumMember,
      ...(s.deprecated ? { tags: [1 /* SymbolTag.Deprecated */] } : {}),
      range: toRange(p.lines, s.range.start, s.range.end),
      selectionRange: toRange(p.lines, s.selectionRange.start, Math.max(s.selectionRange.start, s.selectionRange.end)),
    }));
  }

  foldingRanges(doc: TextDocument): FoldingRange[] {
    const p = this.parsed(doc);
    return classifierFoldingRanges(p.file)
      .map((r) => ({ startLine: p.lines.positionAt(r.start).line, endLine: p.lines.positionAt(Math.max(r.start, r.end - 1)).line, kind: FoldingRangeKind.Region }))
      .filter((r) => r.endLine > r.startLine);
  }

  /** One whole-document edit, or none when the text is already formatted. */
  format(doc: TextDocument): TextEdit[] {
    const p = this.parsed(doc);
    const formatted = formatClassifier(p.text);
    if (formatted === p.text) return [];
    return [{ range: toRange(p.lines, 0, p.text.length), newText: formatted }];
  }

  deploySql(doc: TextDocument, schema: Schema | undefined): ClassifierDeploySqlRequest.Result {
    const p = this.parsed(doc);
    const syntax = p.file.problems.find((x) => x.severity === 'error');
    if (syntax) return { error: `${syntax.message} (line ${p.lines.positionAt(syntax.range.start).line + 1})` };
    const sourceName = decodeURIComponent(doc.uri.replace(/^.*[\\/]/, ''));
    try {
      return { sql: generateDeploySql(p.file, { schema, sourceName }) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
}

// Language-server glue for classifier files (`etaitur-classifier`): diagnostics, symbols, folding,
// formatting, deploy SQL and drift against the table's rows, each a thin mapping from the pure library in
// ../classifier to LSP types.
import { CodeActionKind, DiagnosticSeverity, FoldingRangeKind, SymbolKind, type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseClassifier } from '../classifier/parse';
import { validateClassifier } from '../classifier/validate';
import { formatClassifier } from '../classifier/format';
import { classifierFoldingRanges, classifierSymbols } from '../classifier/outline';
import { generateDeploySql } from '../classifier/deploySql';
import type { ClassifierFile } from '../classifier/model';
import type { Schema } from '../schema/model';
import { compareWithData, driftProblems, takeDatabaseEdits, type DataRow, type DriftProblem } from '../classifier/drift';
import type { ClassifierDeploySqlRequest, ClassifierDriftRequest } from '../shared/customMessages';
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
  /** Table rows sent for the drift check, per document, until it closes or they are cleared. */
  private readonly rowsByUri = new Map<string, { rows: DataRow[]; source?: string }>();

  private parsed(doc: TextDocument): Parsed {
    const hit = this.byUri.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.version === doc.version && hit.text === text) return hit;
    const p: Parsed = { version: doc.version, text, lines: new LineIndex(text), file: parseClassifier(text) };
    this.byUri.set(doc.uri, p);
    return p;
  }

  forget(uri: string): void { this.byUri.delete(uri); this.rowsByUri.delete(uri); }

  /** Sets (or with null clears) the rows the file is compared with; returns the drift counts. */
  setRows(doc: TextDocument, rows: DataRow[] | null, source?: string): ClassifierDriftRequest.Result {
    if (rows === null) this.rowsByUri.delete(doc.uri);
    else this.rowsByUri.set(doc.uri, { rows, source });
    const items = this.drift(doc).map((d) => d.item);
    return {
      missingInFile: items.filter((i) => i.kind === 'missingInFile').length,
      missingInDatabase: items.filter((i) => i.kind === 'missingInDatabase').length,
      differs: items.filter((i) => i.kind === 'differs').length,
    };
  }

  private drift(doc: TextDocument): DriftProblem[] {
    const data = this.rowsByUri.get(doc.uri);
    if (!data) return [];
    const p = this.parsed(doc);
    return driftProblems(p.file, compareWithData(p.file, data.rows));
  }

  diagnostics(doc: TextDocument, schema: Schema | undefined, estonian: boolean, requiredLanguages?: string[]): Diagnostic[] {
    const p = this.parsed(doc);
    const source = this.rowsByUri.get(doc.uri)?.source;
    return [
      ...validateClassifier(p.file, { schema, requiredLanguages }),
      ...this.drift(doc).map((d) => ({ ...d, message: source ? `${d.message} (${source})` : d.message, messageEt: source ? `${d.messageEt} (${source})` : d.messageEt })),
    ].map((f) => ({
      range: toRange(p.lines, f.range.start, f.range.end),
      severity: SEVERITY[f.severity],
      code: f.code,
      source: 'e-Täitur',
      message: estonian ? f.messageEt : f.message,
    }));
  }

  /** Quick fixes for drift under the range: take the database's side, or keep the file's and deploy it. */
  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[], estonian: boolean): CodeAction[] {
    const p = this.parsed(doc);
    const start = p.lines.offsetAt(range.start);
    const end = p.lines.offsetAt(range.end);
    const out: CodeAction[] = [];
    for (const d of this.drift(doc)) {
      if (d.range.end < start || d.range.start > end) continue;
      const fixes = diagnostics.filter((x) => x.code === d.code && p.lines.offsetAt(x.range.start) === d.range.start);
      const takeDb = d.item.kind === 'missingInFile'
        ? (estonian ? `Lisa kood ${d.item.code} andmebaasist faili` : `Add code ${d.item.code} from the database to the file`)
        : d.item.kind === 'missingInDatabase'
          ? (estonian ? `Eemalda kood ${d.item.code} failist (andmebaasis seda pole)` : `Remove code ${d.item.code} from the file (the database has none)`)
          : (estonian ? `Võta andmebaasi väärtus (${d.item.field})` : `Take the database's value (${d.item.field})`);
      out.push({
        title: takeDb, kind: CodeActionKind.QuickFix, diagnostics: fixes,
        edit: { changes: { [doc.uri]: takeDatabaseEdits(p.text, d.item).map((e) => ({ range: toRange(p.lines, e.start, e.end), newText: e.newText })) } },
      });
      // The file's side: the deploy script brings the table to the file (adds, updates, deactivates).
      out.push({
        title: estonian ? 'Jäta faili seis: loo juurutusskript' : "Keep the file's state: generate the deploy SQL",
        kind: CodeActionKind.QuickFix, diagnostics: fixes,
        command: { title: 'Generate classifier deploy SQL', command: 'etaitur.classifier.generateDeploySql', arguments: [doc.uri] },
      });
    }
    return out;
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

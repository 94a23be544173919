// Output formats: text, json and SARIF 2.1.0.
import type { Finding } from '../rules/rule';
import { RULES } from '../rules';
import { LineIndex } from '../text/lineIndex';

export interface FileFindings {
  file: string;
  text: string;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function toJsonFindings(results: FileFindings[], lang: 'en' | 'et'): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    const idx = new LineIndex(r.text);
    for (const f of r.findings) {
      const s = idx.positionAt(f.range.start);
      const e = idx.positionAt(f.range.end);
      out.push({
        file: r.file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
        severity: f.severity, code: f.code, message: lang === 'et' ? f.messageEt : f.message,
      });
    }
  }
  return out;
}

export function formatText(items: JsonFinding[]): string {
  return items.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`).join('\n') + (items.length ? '\n' : '');
}

export function formatJson(items: JsonFinding[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(items: JsonFinding[], lang: 'en' | 'et', version: string): string {
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: lang === 'et' ? r.description.et : r.description.en },
    fullDescription: { text: lang === 'et' ? r.description.et : r.description.en },
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
    properties: { category: r.category },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'etaitur-check', informationUri: 'https://github.com/etaitur/etaitur-workbench', version, rules } },
      results: items.map((f) => ({
        ruleId: f.code,
        ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
        level: SARIF_LEVEL[f.severity] ?? 'warning',
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.file.split('\\').join('/') },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

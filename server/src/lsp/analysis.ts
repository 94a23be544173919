// Per-document analysis: the latest check result per URI and version, computed on demand or by the diagnostics scheduler.
import { checkScript, type CheckResult } from '../check';
import type { CheckerConfig } from '../config/config';
import type { Schema } from '../schema/model';
import { LineIndex } from '../text/lineIndex';

export interface Analysis { uri: string; version: number; text: string; lines: LineIndex; result: CheckResult; schema?: Schema; config?: CheckerConfig }

export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();

  get(uri: string, version: number, text: string, schema?: Schema, config?: CheckerConfig): Analysis {
    const hit = this.byUri.get(uri);
    if (hit && hit.version === version && hit.text === text && hit.schema === schema && hit.config === config) return hit;
    const a: Analysis = { uri, version, text, lines: new LineIndex(text), result: checkScript(text, { schema, config }), schema, config };
    this.byUri.set(uri, a);
    return a;
  }

  peek(uri: string): Analysis | undefined { return this.byUri.get(uri); }
  delete(uri: string): void { this.byUri.delete(uri); }
  clear(): void { this.byUri.clear(); }
}

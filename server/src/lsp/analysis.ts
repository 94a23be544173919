// Per-document analysis: the latest check result per URI and version, computed on demand or by the diagnostics scheduler.
// Parsing is incremental: the previous tree of the document is reused batch by batch (incrementalParse.ts).
import { checkScript, type CheckResult } from '../check';
import type { CheckerConfig } from '../config/config';
import type { Schema } from '../schema/model';
import type { ClassifierCatalog } from '../classifier/catalog';
import type { Script } from '../sql/ast';
import { LineIndex } from '../text/lineIndex';
import { reparse } from './incrementalParse';

export interface Analysis { uri: string; version: number; text: string; lines: LineIndex; result: CheckResult; schema?: Schema; config?: CheckerConfig; classifiers?: ClassifierCatalog }

export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();
  /** The last parsed tree per document; survives clear() (a schema change does not change the tree). */
  private readonly trees = new Map<string, { text: string; script: Script }>();

  /** `incremental: false` parses every version from scratch (A/B measurements, a switch if ever needed). */
  constructor(private readonly incremental = true) {}

  get(uri: string, version: number, text: string, schema?: Schema, config?: CheckerConfig, classifiers?: ClassifierCatalog): Analysis {
    const hit = this.byUri.get(uri);
    if (hit && hit.version === version && hit.text === text && hit.schema === schema && hit.config === config && hit.classifiers === classifiers) return hit;
    const prev = this.trees.get(uri);
    // reparse() moves nodes of the old tree: drop everything that still points at it first.
    this.byUri.delete(uri);
    this.trees.delete(uri);
    const script = this.incremental ? reparse(prev?.text, prev?.script, text) : reparse(undefined, undefined, text);
    this.trees.set(uri, { text, script });
    const a: Analysis = { uri, version, text, lines: new LineIndex(text), result: checkScript(text, { schema, config, script, classifiers }), schema, config, classifiers };
    this.byUri.set(uri, a);
    return a;
  }

  peek(uri: string): Analysis | undefined { return this.byUri.get(uri); }

  /**
   * A parser for text derived from the document (completion's probe): reuses the document's last parsed
   * batches before the first difference, leaves the cached tree as it is.
   */
  parserFor(uri: string): ((text: string) => Script) | undefined {
    const t = this.trees.get(uri);
    return t ? (text: string) => reparse(t.text, t.script, text, undefined, false) : undefined;
  }
  delete(uri: string): void { this.byUri.delete(uri); this.trees.delete(uri); }
  clear(): void { this.byUri.clear(); }
}

// Loads the configured schema (DDL or snapshot) asynchronously and caches the result.
import * as vscode from 'vscode';
import { loadDdlSchema } from '../../../server/src/schema/ddlSource';
import { loadSnapshotSchema } from '../../../server/src/schema/snapshotSource';
import type { SchemaLoadResult, SchemaSourceKind } from '../../../server/src/schema/model';
import type { WorkbenchConfig } from '../config';
import { planSchemaPaths } from './schemaPaths';

/** The live connection's schema as the browser and status bar show it. */
export interface LiveSchemaInfo {
  profile: string;
  database: string;
  /** When the catalog was read (for a cached start: when it was last read). */
  readAt: Date;
  /** online: polled for changes; reconnecting: the connection dropped, retrying; offline: cached only. */
  link: 'online' | 'reconnecting' | 'offline';
  result: SchemaLoadResult;
  snapshotPath: string;
}

export type SchemaState =
  | { kind: 'unconfigured' }
  | { kind: 'loading' }
  | { kind: 'loaded'; source: SchemaSourceKind; result: SchemaLoadResult; live?: LiveSchemaInfo }
  | { kind: 'failed'; source: SchemaSourceKind; error: string };

export class SchemaService implements vscode.Disposable {
  private state: SchemaState = { kind: 'unconfigured' };
  private abort: AbortController | undefined;
  private live: LiveSchemaInfo | undefined;
  private readonly changed = new vscode.EventEmitter<SchemaState>();
  readonly onDidChange = this.changed.event;

  constructor(
    private config: () => WorkbenchConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get current(): SchemaState {
    return this.state;
  }

  /**
   * The live connection's schema (undefined: none). With `etaitur.schema.source` "auto" it replaces
   * the DDL/snapshot schema while set; with "files" it is ignored here.
   */
  setLive(info: LiveSchemaInfo | undefined): void {
    const had = this.live !== undefined;
    this.live = info;
    if (info || had) void this.reload();
  }

  /** Reloads from the configured source; a reload in flight is cancelled. */
  async reload(): Promise<SchemaState> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const cfg = this.config();
    if (this.live && cfg.schemaSource === 'auto') return this.set({ kind: 'loaded', source: 'live', result: this.live.result, live: this.live });
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const source: SchemaSourceKind | undefined =
      cfg.schemaDdl.length > 0 ? 'ddl' : cfg.schemaSnapshot ? 'snapshot' : undefined;
    if (!source) return this.set({ kind: 'unconfigured' });
    this.set({ kind: 'loading' });
    try {
      let result: SchemaLoadResult;
      if (source === 'ddl') {
        const plan = planSchemaPaths(cfg.schemaDdl, base);
        const globbed = await Promise.all(
          plan.globs.map((g) =>
            vscode.workspace.findFiles(base ? new vscode.RelativePattern(base, g) : g, '**/node_modules/**'),
          ),
        );
        const files = [...plan.paths, ...globbed.flat().map((u) => u.fsPath)];
        result = await loadDdlSchema(files, undefined, abort.signal);
      } else {
        const file = planSchemaPaths([cfg.schemaSnapshot!], base).paths[0];
        result = await loadSnapshotSchema(file, undefined, abort.signal);
      }
      if (abort.signal.aborted) return this.state;
      for (const w of result.warnings) this.log.warn(`schema: ${w}`);
      this.log.info(`schema loaded: ${result.description}`);
      return this.set({ kind: 'loaded', source, result });
    } catch (e) {
      if (abort.signal.aborted) return this.state;
      const error = e instanceof Error ? e.message : String(e);
      this.log.error(`schema load failed: ${error}`);
      return this.set({ kind: 'failed', source, error });
    }
  }

  private set(s: SchemaState): SchemaState {
    this.state = s;
    this.changed.fire(s);
    return s;
  }

  dispose(): void {
    this.abort?.abort();
    this.changed.dispose();
  }
}

// Schemas loaded off the hot path, one per distinct source (DDL paths or snapshot), shared by documents.
import * as path from 'node:path';
import { loadDdlSchema } from '../schema/ddlSource';
import { loadSnapshotSchema } from '../schema/snapshotSource';
import type { Schema, SchemaLoadResult } from '../schema/model';

export interface SchemaSpec { ddl: string[]; snapshot: string; defaultSchema?: string; caseSensitive?: boolean }

export interface LoadedSchema { key: string; spec: SchemaSpec; result?: SchemaLoadResult; error?: string }

function specKey(s: SchemaSpec): string { return JSON.stringify([s.snapshot, [...s.ddl].sort(), s.defaultSchema ?? '', !!s.caseSensitive]); }

export class SchemaStore {
  private readonly loads = new Map<string, { promise: Promise<LoadedSchema>; controller: AbortController }>();

  constructor(private readonly log: (msg: string) => void, private readonly onLoaded: (s: LoadedSchema) => void) {}

  /** The schema for a spec, loading it once; undefined spec -> no schema. */
  get(spec: SchemaSpec | undefined): Promise<LoadedSchema | undefined> {
    if (!spec || (!spec.snapshot && spec.ddl.length === 0)) return Promise.resolve(undefined);
    const key = specKey(spec);
    const existing = this.loads.get(key);
    if (existing) return existing.promise;
    const controller = new AbortController();
    const opts = { ...(spec.defaultSchema ? { defaultSchema: spec.defaultSchema } : {}), ...(spec.caseSensitive !== undefined ? { caseSensitive: spec.caseSensitive } : {}) };
    const started = Date.now();
    const promise = (spec.snapshot ? loadSnapshotSchema(spec.snapshot, opts, controller.signal) : loadDdlSchema(spec.ddl, opts, controller.signal))
      .then((result): LoadedSchema => {
        this.log(`schema loaded in ${Date.now() - started} ms: ${result.description}${result.warnings.length ? `, ${result.warnings.length} warnings` : ''}`);
        return { key, spec, result };
      }, (e: unknown): LoadedSchema => {
        const error = e instanceof Error ? e.message : String(e);
        this.log(`schema load failed: ${error}`);
        return { key, spec, error };
      })
      .then((l) => { if (this.loads.get(key)?.controller === controller) this.onLoaded(l); return l; });
    this.loads.set(key, { promise, controller });
    return promise;
  }

  /** Drops every schema whose files include a changed path; they reload on next use. */
  invalidate(changedFiles: string[]): string[] {
    const dropped: string[] = [];
    for (const [key, entry] of this.loads) {
      const spec = JSON.parse(key) as [string, string[]];
      const roots = [spec[0], ...spec[1]].filter(Boolean).map((p) => path.resolve(p.replace(/[*?{].*$/, '')));
      if (changedFiles.some((f) => roots.some((r) => f === r || f.startsWith(r.endsWith(path.sep) ? r : r + path.sep)))) {
        entry.controller.abort();
        this.loads.delete(key);
        dropped.push(key);
      }
    }
    return dropped;
  }

  clear(): void {
    for (const e of this.loads.values()) e.controller.abort();
    this.loads.clear();
  }

  all(): Promise<LoadedSchema>[] { return [...this.loads.values()].map((e) => e.promise); }
}

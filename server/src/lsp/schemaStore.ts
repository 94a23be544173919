// Schemas loaded off the hot path, one per distinct source (DDL paths or snapshot), shared by documents.
import * as path from 'node:path';
import { loadDdlSchema } from '../schema/ddlSource';
import { loadSnapshotSchema } from '../schema/snapshotSource';
import type { Schema, SchemaLoadResult } from '../schema/model';

export interface SchemaSpec { ddl: string[]; snapshot: string; defaultSchema?: string; caseSensitive?: boolean }

export interface LoadedSchema { key: string; spec: SchemaSpec; result?: SchemaLoadResult; error?: string }

function specKey(s: SchemaSpec): string { return JSON.stringify([s.snapshot, [...s.ddl].sort(), s.defaultSchema ?? '', !!s.caseSensitive]); }

/** The live schema the client pointed us at: a snapshot file it wrote from the catalog. */
export interface LiveSchemaSpec { profile: string; snapshotPath: string; readAt: string }

/** Validates the untrusted notification payload; anything odd means "no live schema". */
export function parseLiveSchema(raw: unknown): LiveSchemaSpec | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const snapshotPath = text(r.snapshotPath);
  if (!snapshotPath || !path.isAbsolute(snapshotPath)) return undefined;
  return { profile: text(r.profile), snapshotPath, readAt: text(r.readAt) };
}

export class SchemaStore {
  private readonly loads = new Map<string, { promise: Promise<LoadedSchema>; controller: AbortController }>();
  private live: LiveSchemaSpec | undefined;

  constructor(private readonly log: (msg: string) => void, private readonly onLoaded: (s: LoadedSchema) => void) {}

  /**
   * Sets (or with anything invalid, clears) the live schema; while set it takes precedence over every
   * DDL/snapshot spec (keeping their defaultSchema and caseSensitive). Returns true when it changed.
   */
  setLive(raw: unknown): boolean {
    const next = parseLiveSchema(raw);
    const same = JSON.stringify(next ?? null) === JSON.stringify(this.live ?? null);
    if (same) return false;
    // The same file with a new readAt was rewritten: drop its load so it is read again.
    for (const p of [this.live?.snapshotPath, next?.snapshotPath]) if (p) this.invalidate([p]);
    this.live = next;
    return true;
  }

  get liveSchema(): LiveSchemaSpec | undefined { return this.live; }

  /** The spec actually used for a document: the live snapshot while one is set. */
  effective(spec: SchemaSpec | undefined): SchemaSpec | undefined {
    if (!this.live) return spec;
    return { snapshot: this.live.snapshotPath, ddl: [], defaultSchema: spec?.defaultSchema, caseSensitive: spec?.caseSensitive };
  }

  /** The schema for a spec (or the live one), loading it once; undefined spec and no live schema -> no schema. */
  get(requested: SchemaSpec | undefined): Promise<LoadedSchema | undefined> {
    const spec = this.effective(requested);
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

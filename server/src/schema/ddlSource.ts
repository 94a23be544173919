// Schema from DDL scripts: a .sql file or a folder of them (SSDT projects, migration folders).
// Files are read asynchronously with a bounded pool and applied in path order, so numbered
// migrations (001_create.sql, 002_alter.sql) give the final state.

import { promises as fs, readFile as readFileCallback } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseScript } from '../sql/parser';
import { SchemaBuilder } from './ddlExtract';
import { decodeSqlFile } from '../files/sqlFileText';
import { DEFAULT_SCHEMA_OPTIONS, Schema, SchemaLoadResult, SchemaOptions, SchemaSource } from './model';

export interface DdlFile {
  path: string;
  text: string;
}

const READ_CONCURRENCY = 16;

function resolveOptions(options?: Partial<SchemaOptions>): SchemaOptions {
  return { ...DEFAULT_SCHEMA_OPTIONS, ...options };
}

/** Builds a schema from DDL texts already in memory, applied in the given order. */
export function schemaFromDdlTexts(
  files: DdlFile[],
  options?: Partial<SchemaOptions>,
  signal?: AbortSignal,
): { schema: Schema; warnings: string[] } {
  const opts = resolveOptions(options);
  const builder = new SchemaBuilder(opts, (text) => parseScript(text, { index: false }));
  for (const f of files) {
    signal?.throwIfAborted();
    let script;
    try {
      script = parseScript(f.text, { index: false });
    } catch (e) {
      builder.warnings.push(`${f.path}: could not be parsed (${(e as Error).message})`);
      continue;
    }
    builder.apply(script, f.path, f.text);
  }
  const tables = builder.finish();
  return { schema: new Schema(tables, opts, builder.synonymList()), warnings: builder.warnings };
}

/** Name order as a migration tool sees it; numeric segments compare as numbers (2 < 10). One collator: localeCompare with options builds one per call. */
const byPath = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** Lists the .sql files under the given paths (files kept as given, folders searched recursively). */
export async function listDdlFiles(paths: string[], warnings: string[], signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  const walkDir = async (dir: string): Promise<void> => {
    signal?.throwIfAborted();
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      warnings.push(`${dir}: cannot be listed (${reason(e)})`);
      return;
    }
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules' || name === 'bin' || name === 'obj') continue;
      const full = path.join(dir, name);
      if (entry.isDirectory()) subdirs.push(walkDir(full));
      else if (name.toLowerCase().endsWith('.sql') && (entry.isFile() || entry.isSymbolicLink())) out.push(full);
    }
    await Promise.all(subdirs);
  };
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (e) {
      warnings.push(`${p}: cannot be read (${reason(e)})`);
      continue;
    }
    if (st.isDirectory()) await walkDir(path.resolve(p));
    else out.push(path.resolve(p));
  }
  return withoutUndoScripts([...new Set(out)].sort(byPath));
}

/**
 * Drops the scripts that undo a migration: golang-migrate's `0001_init.down.sql` beside `0001_init.up.sql`
 * and Flyway's `U2__x.sql` beside `V2__x.sql`. Applied with the rest they would drop what the schema has.
 */
export function withoutUndoScripts(files: string[]): string[] {
  const names = new Set(files.map((f) => f.toLowerCase()));
  const versioned = new Set<string>();
  for (const f of files) {
    const m = /^v(\d[\d._]*)__/i.exec(path.basename(f));
    if (m) versioned.add(path.join(path.dirname(f), m[1]).toLowerCase());
  }
  return files.filter((f) => {
    const base = path.basename(f);
    const down = /^(.*)\.down\.sql$/i.exec(base);
    if (down && names.has(path.join(path.dirname(f), `${down[1]}.up.sql`).toLowerCase())) return false;
    const undo = /^u(\d[\d._]*)__/i.exec(base);
    return !(undo && versioned.has(path.join(path.dirname(f), undo[1]).toLowerCase()));
  });
}

async function readPool(files: string[], warnings: string[], signal?: AbortSignal): Promise<DdlFile[]> {
  const results: (DdlFile | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      signal?.throwIfAborted();
      const i = next++;
      try {
        results[i] = { path: files[i], text: decodeSqlFile(await readFileBytes(files[i])) };
      } catch (e) {
        warnings.push(`${files[i]}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results.filter((r): r is DdlFile => r !== undefined);
}

/** fs.readFile's callback form: for thousands of small files about twice as fast as fs.promises.readFile in Node 20. */
const readFileBytes = promisify(readFileCallback);

export async function loadDdlSchema(
  paths: string[],
  options?: Partial<SchemaOptions>,
  signal?: AbortSignal,
): Promise<SchemaLoadResult> {
  const warnings: string[] = [];
  const files = await listDdlFiles(paths, warnings, signal);
  if (files.length === 0) warnings.push(`no .sql files found in ${paths.join(', ')}`);
  const texts = await readPool(files, warnings, signal);
  signal?.throwIfAborted();
  const built = schemaFromDdlTexts(texts, options, signal);
  const tables = built.schema.tables.filter((t) => t.kind === 'table').length;
  const views = built.schema.size - tables;
  return {
    schema: built.schema,
    warnings: [...warnings, ...built.warnings],
    loadedAt: new Date(),
    description: `DDL: ${tables} tables, ${views} views${built.schema.synonyms.length ? `, ${built.schema.synonyms.length} synonyms` : ''} from ${texts.length} files`,
  };
}

export class DdlSchemaSource implements SchemaSource {
  readonly kind = 'ddl' as const;

  constructor(
    readonly paths: string[],
    private readonly options?: Partial<SchemaOptions>,
  ) {}

  load(signal?: AbortSignal): Promise<SchemaLoadResult> {
    return loadDdlSchema(this.paths, this.options, signal);
  }
}

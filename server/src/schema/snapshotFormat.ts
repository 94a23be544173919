// The schema snapshot file format, version 1 (documented in README and snapshot.schema.json).
// Compact by omission: a field equal to its default is left out (nullable defaults to true,
// identity/computed to false, kind to "table", empty key lists are omitted).
// Validation is strict and stops at the first problem, reported with its JSON path.

import { ColumnInfo, DEFAULT_SCHEMA_OPTIONS, ForeignKeyInfo, KeyInfo, Schema, SchemaOptions, SynonymInfo, TableInfo } from './model';

export const SNAPSHOT_FORMAT = 'etaitur-schema';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotSourceMeta {
  /** Where the schema was read from: "live", "ddl", ... */
  kind: string;
  server?: string;
  database?: string;
  /** DDL paths or other free-form provenance. */
  paths?: string[];
}

export interface SnapshotColumn {
  name: string;
  /** The type as declared in SQL: "nvarchar(20)", "nvarchar(max)", "decimal(12,2)", "int". */
  type: string;
  nullable?: boolean;
  identity?: boolean;
  computed?: boolean;
  default?: string;
  description?: string;
}

export interface SnapshotKey {
  name?: string;
  columns: string[];
}

export interface SnapshotTable {
  schema: string;
  name: string;
  kind?: 'table' | 'view';
  description?: string;
  columns: SnapshotColumn[];
  primaryKey?: SnapshotKey;
  uniqueKeys?: SnapshotKey[];
  foreignKeys?: ForeignKeyInfo[];
}

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  generatedAt: string;
  source: SnapshotSourceMeta;
  options?: Partial<SchemaOptions>;
  tables: SnapshotTable[];
  /** CREATE SYNONYM objects; written only when there are some, so snapshots without them read everywhere. */
  synonyms?: SynonymInfo[];
}

export type SnapshotParseResult =
  | { ok: true; schema: Schema; generatedAt: Date; source: SnapshotSourceMeta }
  | { ok: false; error: string; path: string };

// ---------- writing ----------

export function toSnapshot(schema: Schema, meta: { source: SnapshotSourceMeta; generatedAt?: Date }): SnapshotFile {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: (meta.generatedAt ?? new Date()).toISOString(),
    source: meta.source,
    options: { caseSensitive: schema.options.caseSensitive, defaultSchema: schema.options.defaultSchema },
    tables: schema.tables.map(tableToSnapshot),
    ...(schema.synonyms.length ? { synonyms: schema.synonyms.map((s) => ({ ...s })) } : {}),
  };
}

function keyToSnapshot(k: KeyInfo): SnapshotKey {
  return k.name === undefined ? { columns: k.columns } : { name: k.name, columns: k.columns };
}

function tableToSnapshot(t: TableInfo): SnapshotTable {
  const out: SnapshotTable = { schema: t.schema, name: t.name, columns: [] };
  if (t.kind !== 'table') out.kind = t.kind;
  if (t.description !== undefined) out.description = t.description;
  out.columns = t.columns.map(columnToSnapshot);
  if (t.primaryKey) out.primaryKey = keyToSnapshot(t.primaryKey);
  if (t.uniqueKeys.length) out.uniqueKeys = t.uniqueKeys.map(keyToSnapshot);
  if (t.foreignKeys.length) {
    out.foreignKeys = t.foreignKeys.map((f) => {
      const fk: ForeignKeyInfo = { columns: f.columns, refSchema: f.refSchema, refTable: f.refTable, refColumns: f.refColumns };
      return f.name === undefined ? fk : { name: f.name, ...fk };
    });
  }
  return out;
}

/** "nvarchar(20)", "nvarchar(max)", "decimal(12,2)", "datetime2(0)", "int". */
export function typeText(c: Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'>): string {
  if (c.maxLength !== undefined) return `${c.type}(${c.maxLength === -1 ? 'max' : c.maxLength})`;
  if (c.precision !== undefined) return c.scale !== undefined ? `${c.type}(${c.precision},${c.scale})` : `${c.type}(${c.precision})`;
  if (c.scale !== undefined) return `${c.type}(${c.scale})`;
  return c.type;
}

const SCALE_ONLY = new Set(['datetime2', 'time', 'datetimeoffset']);
const TYPE_TEXT = /^([a-z_][a-z0-9_ .]*?)(?:\((max|\d+)(?:,(\d+))?\))?$/i;

/** The inverse of typeText; undefined when the text is not a type. */
export function parseTypeText(text: string): Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'> | undefined {
  const m = TYPE_TEXT.exec(text);
  if (!m) return undefined;
  const type = m[1].toLowerCase();
  if (m[2] === undefined) return { type };
  if (m[2].toLowerCase() === 'max') return m[3] === undefined ? { type, maxLength: -1 } : undefined;
  const a = Number(m[2]);
  if (m[3] !== undefined) return { type, precision: a, scale: Number(m[3]) };
  if (SCALE_ONLY.has(type)) return { type, scale: a };
  if (type === 'float' || type === 'real' || type === 'decimal' || type === 'numeric') return { type, precision: a };
  return { type, maxLength: a };
}

function columnToSnapshot(c: ColumnInfo): SnapshotColumn {
  const out: SnapshotColumn = { name: c.name, type: typeText(c) };
  if (!c.nullable) out.nullable = false;
  if (c.identity) out.identity = true;
  if (c.computed) out.computed = true;
  if (c.default !== undefined) out.default = c.default;
  if (c.description !== undefined) out.description = c.description;
  return out;
}

/** Compact JSON (one table per line keeps diffs of snapshots readable). */
export function serializeSnapshot(s: SnapshotFile): string {
  const { tables, ...head } = s;
  const lines = tables.map((t) => JSON.stringify(t));
  const headJson = JSON.stringify(head);
  return headJson.slice(0, -1) + ',"tables":[\n' + lines.join(',\n') + '\n]}\n';
}

// ---------- reading and validation ----------
// Paths are built only when a problem is found (each level prefixes its segment on the way
// out), so validating 300,000 columns costs no string building.

class SnapshotProblem extends Error {
  constructor(
    message: string,
    public path: string,
  ) {
    super(message);
  }
}

type Json = unknown;
type Obj = Record<string, Json>;

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

function obj(v: Json, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SnapshotProblem(`expected an object, found ${describe(v)}`, path);
  return v as Obj;
}

function arr(v: Json, path: string): Json[] {
  if (!Array.isArray(v)) throw new SnapshotProblem(`expected an array, found ${describe(v)}`, path);
  return v;
}

function str(v: Json, path: string, nonEmpty = true): string {
  if (typeof v !== 'string') throw new SnapshotProblem(`expected a string, found ${describe(v)}`, path);
  if (nonEmpty && v.length === 0) throw new SnapshotProblem('expected a non-empty string', path);
  return v;
}

function optStr(o: Obj, key: string): string | undefined {
  const v = o[key];
  return v === undefined ? undefined : str(v, '.' + key, false);
}

function optBool(o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || typeof v === 'boolean') return v;
  throw new SnapshotProblem(`expected true or false, found ${describe(v)}`, '.' + key);
}

function noExtra(o: Obj, allowed: ReadonlySet<string>): void {
  for (const k in o) if (!allowed.has(k)) throw new SnapshotProblem(`unknown field "${k}"`, '.' + k);
}

/** Maps an array, prefixing `[i]` to the path of a problem in item i. */
function items<T>(v: Json, path: string, read: (item: Json) => T): T[] {
  const a = arr(v, path);
  const out = new Array<T>(a.length);
  for (let i = 0; i < a.length; i++) {
    try {
      out[i] = read(a[i]);
    } catch (e) {
      if (e instanceof SnapshotProblem) e.path = `${path}[${i}]${e.path}`;
      throw e;
    }
  }
  return out;
}

/** Runs `read` on a nested value, prefixing `path` to a problem's path. */
function nested<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof SnapshotProblem) e.path = path + e.path;
    throw e;
  }
}

function names(v: Json, path: string): string[] {
  const a = items(v, path, (x) => str(x, ''));
  if (a.length === 0) throw new SnapshotProblem('expected at least one column name', path);
  return a;
}

const COLUMN_FIELDS = new Set(['name', 'type', 'nullable', 'identity', 'computed', 'default', 'description']);
const TABLE_FIELDS = new Set(['schema', 'name', 'kind', 'description', 'columns', 'primaryKey', 'uniqueKeys', 'foreignKeys']);
const KEY_FIELDS = new Set(['name', 'columns']);
const FK_FIELDS = new Set(['name', 'columns', 'refSchema', 'refTable', 'refColumns']);
const ROOT_FIELDS = new Set(['format', 'version', 'generatedAt', 'source', 'options', 'tables', 'synonyms', '$schema']);
const SYNONYM_FIELDS = new Set(['schema', 'name', 'targetSchema', 'targetName', 'targetDatabase', 'targetServer']);
const SOURCE_FIELDS = new Set(['kind', 'server', 'database', 'paths']);

// The readers validate and then complete the parsed JSON objects in place (defaults filled in,
// type text split): copying 300,000 columns would double the garbage of a large load.

function readColumn(v: Json): ColumnInfo {
  const o = obj(v, '');
  noExtra(o, COLUMN_FIELDS);
  str(o.name, '.name');
  const typeSource = str(o.type, '.type');
  const type = parseTypeText(typeSource);
  if (!type) throw new SnapshotProblem(`expected a type such as "int", "nvarchar(50)", "decimal(12,2)", found ${describe(typeSource)}`, '.type');
  const nullable = optBool(o, 'nullable') ?? true;
  const identity = optBool(o, 'identity') ?? false;
  const computed = optBool(o, 'computed') ?? false;
  optStr(o, 'default');
  optStr(o, 'description');
  o.type = type.type;
  if (type.maxLength !== undefined) o.maxLength = type.maxLength;
  if (type.precision !== undefined) o.precision = type.precision;
  if (type.scale !== undefined) o.scale = type.scale;
  o.nullable = nullable;
  o.identity = identity;
  o.computed = computed;
  return o as unknown as ColumnInfo;
}

function readKey(v: Json, kind: KeyInfo['kind']): KeyInfo {
  const o = obj(v, '');
  noExtra(o, KEY_FIELDS);
  names(o.columns, '.columns');
  optStr(o, 'name');
  o.kind = kind;
  return o as unknown as KeyInfo;
}

function readForeignKey(v: Json): ForeignKeyInfo {
  const o = obj(v, '');
  noExtra(o, FK_FIELDS);
  const columns = names(o.columns, '.columns');
  str(o.refSchema, '.refSchema');
  str(o.refTable, '.refTable');
  const refColumns = names(o.refColumns, '.refColumns');
  if (columns.length !== refColumns.length) {
    throw new SnapshotProblem(`${columns.length} columns but ${refColumns.length} referenced columns`, '.refColumns');
  }
  optStr(o, 'name');
  return o as unknown as ForeignKeyInfo;
}

const readUnique = (v: Json) => readKey(v, 'unique');

function readTable(v: Json): TableInfo {
  const o = obj(v, '');
  noExtra(o, TABLE_FIELDS);
  const kind = o.kind === undefined ? 'table' : o.kind;
  if (kind !== 'table' && kind !== 'view') throw new SnapshotProblem(`expected "table" or "view", found ${describe(kind)}`, '.kind');
  str(o.schema, '.schema');
  str(o.name, '.name');
  items(o.columns, '.columns', readColumn);
  o.kind = kind;
  o.uniqueKeys = o.uniqueKeys === undefined ? [] : items(o.uniqueKeys, '.uniqueKeys', readUnique);
  o.foreignKeys = o.foreignKeys === undefined ? [] : items(o.foreignKeys, '.foreignKeys', readForeignKey);
  if (o.primaryKey !== undefined) nested('.primaryKey', () => readKey(o.primaryKey, 'primary'));
  optStr(o, 'description');
  return o as unknown as TableInfo;
}

function readSynonym(v: Json): SynonymInfo {
  const o = obj(v, '');
  noExtra(o, SYNONYM_FIELDS);
  const syn: SynonymInfo = { schema: str(o.schema, '.schema'), name: str(o.name, '.name'), targetSchema: str(o.targetSchema, '.targetSchema'), targetName: str(o.targetName, '.targetName') };
  const db = optStr(o, 'targetDatabase');
  if (db !== undefined) syn.targetDatabase = db;
  const server = optStr(o, 'targetServer');
  if (server !== undefined) syn.targetServer = server;
  return syn;
}

function readOptions(v: Json, overrides: Partial<SchemaOptions> | undefined): SchemaOptions {
  const opts: SchemaOptions = { ...DEFAULT_SCHEMA_OPTIONS };
  if (v !== undefined) {
    nested('.options', () => {
      const o = obj(v, '');
      noExtra(o, new Set(['caseSensitive', 'defaultSchema']));
      const cs = optBool(o, 'caseSensitive');
      if (cs !== undefined) opts.caseSensitive = cs;
      const ds = optStr(o, 'defaultSchema');
      if (ds) opts.defaultSchema = ds;
    });
  }
  return { ...opts, ...overrides };
}

function readSource(v: Json): SnapshotSourceMeta {
  const src = obj(v, '');
  noExtra(src, SOURCE_FIELDS);
  const source: SnapshotSourceMeta = { kind: str(src.kind, '.kind') };
  const server = optStr(src, 'server');
  if (server !== undefined) source.server = server;
  const database = optStr(src, 'database');
  if (database !== undefined) source.database = database;
  if (src.paths !== undefined) source.paths = items(src.paths, '.paths', (p) => str(p, ''));
  return source;
}

/**
 * Validates a snapshot (text or already-parsed JSON) and builds its Schema. Never throws.
 * Parsed JSON passed in is taken over: its objects become the schema's tables.
 */
export function parseSnapshot(json: string | unknown, overrides?: Partial<SchemaOptions>): SnapshotParseResult {
  let root: Json = json;
  if (typeof json === 'string') {
    try {
      root = JSON.parse(json);
    } catch (e) {
      return { ok: false, error: `not valid JSON (${(e as Error).message})`, path: '$' };
    }
  }
  try {
    return nested('$', () => {
      const o = obj(root, '');
      if (o.format !== SNAPSHOT_FORMAT) throw new SnapshotProblem(`expected "${SNAPSHOT_FORMAT}", found ${describe(o.format)}: not an e-Täitur schema snapshot`, '.format');
      if (o.version !== SNAPSHOT_VERSION) {
        throw new SnapshotProblem(`unsupported version ${describe(o.version)}; this build reads version ${SNAPSHOT_VERSION}`, '.version');
      }
      noExtra(o, ROOT_FIELDS);
      const generatedAt = new Date(str(o.generatedAt, '.generatedAt'));
      if (Number.isNaN(generatedAt.getTime())) throw new SnapshotProblem('expected an ISO 8601 date-time', '.generatedAt');
      const source = nested('.source', () => readSource(o.source));
      const options = readOptions(o.options, overrides);
      const tables = items(o.tables, '.tables', readTable);
      const seen = new Set<string>();
      for (let i = 0; i < tables.length; i++) {
        const t = tables[i];
        const qualified = `${t.schema}.${t.name}`;
        const key = options.caseSensitive ? qualified : qualified.toLowerCase();
        if (seen.has(key)) throw new SnapshotProblem(`duplicate table ${qualified}`, `.tables[${i}].name`);
        seen.add(key);
      }
      const synonyms = o.synonyms === undefined ? [] : items(o.synonyms, '.synonyms', readSynonym);
      return { ok: true as const, schema: new Schema(tables, options, synonyms), generatedAt, source };
    });
  } catch (e) {
    if (e instanceof SnapshotProblem) return { ok: false, error: e.message, path: e.path };
    return { ok: false, error: `unreadable snapshot (${(e as Error).message})`, path: '$' };
  }
}

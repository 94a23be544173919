// The resolver's working state: the Resolution being filled, batch variables, and the caches that
// keep name folding and schema look-ups to one call per distinct spelling.
import type * as A from '../sql/ast';
import type { Schema, TableInfo } from '../schema/model';
import { columnInfoToType, type Resolution, type Source, type SourceColumn, type VariableDecl } from './types';

/** Row sources visible to an expression, innermost first through `parent`. */
export interface Scope {
  sources: Source[];
  /** Select-list aliases visible (ORDER BY). */
  aliases?: Set<string>;
  parent?: Scope;
}

/** CTEs visible to a statement, by key. */
export interface Ctx {
  ctes: Map<string, Source>;
  /** Inside the THEN branch of an IF that tests the object exists (OBJECT_ID, sys.tables): DROP is guarded. */
  existenceGuarded?: boolean;
}

export class ResolverState {
  readonly res: Resolution;
  batchVars = new Map<string, VariableDecl>();
  batchTableVars = new Map<string, Source>();
  batchIndex = 0;
  triggerScope: Scope | undefined;
  readonly reportedTableVars = new Set<object>();
  /**
   * A schema table's columns as sources see them: built once per table, and replaced (never mutated)
   * when ALTER TABLE ADD in the script adds columns, so each list keeps its column index.
   */
  private readonly tableColumns = new Map<TableInfo, SourceColumn[]>();

  /** Columns ALTER TABLE ADD gave a schema table in the script, with the batch that added them. */
  private readonly addedColumns = new Map<SourceColumn, number>();
  /** Inside ALTER TABLE / CREATE INDEX: columns added earlier in the batch can be named there. */
  inDdl = false;

  /** A column added to a schema table earlier in this batch, referenced outside DDL: SQL Server fails to compile the batch. */
  addedInThisBatch(col: SourceColumn): boolean {
    return this.addedColumns.size > 0 && !this.inDdl && this.addedColumns.get(col) === this.batchIndex;
  }

  /** ALTER TABLE ... ADD DEFAULT ... FOR col: the column gets a default (a copy for a schema table, whose info is shared). */
  markDefault(src: Source | undefined, name: string): void {
    if (!src) return;
    const key = this.key(name);
    if (src.table) {
      const cols = this.columnsOf(src.table);
      const i = cols.findIndex((c) => this.key(c.name) === key);
      if (i < 0 || !cols[i].info || cols[i].info!.default !== undefined) return;
      const next = cols.slice();
      next[i] = { ...cols[i], info: { ...cols[i].info!, default: 'default' } };
      this.tableColumns.set(src.table, next);
      return;
    }
    const col = src.columns ? this.findColumn(src.columns, key) : undefined;
    if (col?.info && col.info.default === undefined) col.info = { ...col.info, default: 'default' };
  }

  columnsOf(t: TableInfo): SourceColumn[] {
    let cols = this.tableColumns.get(t);
    if (!cols) {
      cols = t.columns.map((c) => ({ name: c.name, info: c }));
      this.tableColumns.set(t, cols);
    }
    return cols;
  }

  /** ALTER TABLE ADD on a schema table: later references see the new columns (a name already there is not added twice). */
  addColumns(t: TableInfo, added: SourceColumn[]): void {
    const cols = this.columnsOf(t);
    const fresh = added.filter((c) => !this.findColumn(cols, this.key(c.name)));
    if (fresh.length) this.tableColumns.set(t, [...cols, ...fresh]);
    for (const c of fresh) this.addedColumns.set(c, this.batchIndex);
  }

  // Names repeat thousands of times in a script: fold each distinct spelling once.
  private readonly keyCache = new Map<string, string>();
  private readonly lowerCache = new Map<string, string>();
  private readonly columnIndexes = new WeakMap<SourceColumn[], { length: number; byKey: Map<string, SourceColumn> }>();
  private readonly schemaTables = new Map<string, TableInfo | undefined>();

  constructor(
    readonly schema: Schema | undefined,
    /** Record res.scopes (completion asks for them; a check does not, and saves an array per query). */
    private readonly recordScopes = false,
  ) {
    this.res = {
      tables: new Map(), columns: new Map(), unknownTables: [], unknownColumns: [], ambiguousColumns: [],
      variables: new Map(), declarations: [], undeclared: [], scopes: [], createdTables: new Map(), sameBatchColumns: [],
      cursorNames: [], dmlTargets: new Map(), hasSchema: !!schema && schema.size > 0,
      typeOf: (c) => {
        if (!c) return undefined;
        if ('nullable' in c) return columnInfoToType(c);
        return c.type ?? (c.info ? columnInfoToType(c.info) : undefined);
      },
    };
  }

  /** The schema's comparison key of a name (case-folded unless the schema is case-sensitive). */
  key(n: string): string {
    let k = this.keyCache.get(n);
    if (k === undefined) {
      k = this.schema ? this.schema.key(n) : n.toLowerCase();
      this.keyCache.set(n, k);
    }
    return k;
  }

  /** Lower-cased name, for built-in keywords and functions (always case-insensitive). */
  lower(n: string): string {
    let k = this.lowerCache.get(n);
    if (k === undefined) {
      k = n.toLowerCase();
      this.lowerCache.set(n, k);
    }
    return k;
  }

  /** The first column of a source's list with this key, like `columns.find`, through an index per list. */
  findColumn(columns: SourceColumn[], key: string): SourceColumn | undefined {
    let idx = this.columnIndexes.get(columns);
    if (!idx || idx.length !== columns.length) {
      const byKey = new Map<string, SourceColumn>();
      for (const c of columns) {
        const k = this.key(c.name);
        if (!byKey.has(k)) byKey.set(k, c);
      }
      idx = { length: columns.length, byKey };
      this.columnIndexes.set(columns, idx);
    }
    return idx.byKey.get(key);
  }

  private readonly namesCache = new WeakMap<SourceColumn[], string[]>();

  /** The names of a column list, one array per list and length (did-you-mean candidates; shared, do not mutate). */
  columnNames(columns: SourceColumn[]): string[] {
    let names = this.namesCache.get(columns);
    if (!names || names.length !== columns.length) {
      names = columns.map((c) => c.name);
      this.namesCache.set(columns, names);
    }
    return names;
  }

  /** Schema.findTable, remembered per spelling (the schema is immutable). */
  findSchemaTable(name: string, schema: string | undefined): TableInfo | undefined {
    if (!this.schema) return undefined;
    const k = (schema ?? '') + '\u0000' + name;
    let t = this.schemaTables.get(k);
    if (t === undefined && !this.schemaTables.has(k)) {
      t = this.schema.findTable(name, schema);
      this.schemaTables.set(k, t);
    }
    return t;
  }

  /** Records the sources visible in a range (for completion), outer ones after inner. */
  pushScope(range: A.Span, s: Scope): void {
    if (!this.recordScopes) return;
    const all: Source[] = [];
    for (let x: Scope | undefined = s; x; x = x.parent) for (const src of x.sources) all.push(src);
    this.res.scopes.push({ range, sources: all });
  }
}

// The database schema as the checker sees it, whatever it was read from (DDL, snapshot, live).
// This file is the contract between schema sources and their users: add optional fields
// freely, never rename or remove one.

export interface SourceLocation {
  /** Absolute file path (DDL sources); undefined for snapshot and live schemas. */
  file: string;
  /** 0-based line/character, like LSP. */
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ColumnInfo {
  name: string;
  /** Lower-cased system type name: 'int', 'nvarchar', 'decimal', 'datetime2', ... */
  type: string;
  /** Length in characters for (n)char/(n)varchar, bytes for (var)binary; -1 for MAX. */
  maxLength?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  identity: boolean;
  computed: boolean;
  /** The default's expression text, e.g. "(getdate())". */
  default?: string;
  description?: string;
  location?: SourceLocation;
}

export interface KeyInfo {
  name?: string;
  kind: 'primary' | 'unique';
  columns: string[];
}

export interface ForeignKeyInfo {
  name?: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface TableInfo {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: ColumnInfo[];
  primaryKey?: KeyInfo;
  uniqueKeys: KeyInfo[];
  foreignKeys: ForeignKeyInfo[];
  description?: string;
  location?: SourceLocation;
}

export interface SchemaOptions {
  /** SQL Server's default collations compare names case-insensitively. */
  caseSensitive: boolean;
  defaultSchema: string;
}

export const DEFAULT_SCHEMA_OPTIONS: SchemaOptions = { caseSensitive: false, defaultSchema: 'dbo' };

/** An immutable, indexed set of tables and views. Look-ups are O(1). */
export class Schema {
  private readonly byQualified = new Map<string, TableInfo>();
  private readonly byName = new Map<string, TableInfo[]>();
  private readonly columnIndex = new WeakMap<TableInfo, Map<string, ColumnInfo>>();

  constructor(
    readonly tables: readonly TableInfo[],
    readonly options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS,
  ) {
    for (const t of tables) {
      this.byQualified.set(this.key(t.schema) + '.' + this.key(t.name), t);
      const k = this.key(t.name);
      const list = this.byName.get(k);
      if (list) list.push(t);
      else this.byName.set(k, [t]);
    }
  }

  static empty(options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS): Schema {
    return new Schema([], options);
  }

  get size(): number {
    return this.tables.length;
  }

  key(name: string): string {
    return this.options.caseSensitive ? name : name.toLowerCase();
  }

  equalNames(a: string, b: string): boolean {
    return this.key(a) === this.key(b);
  }

  /** Finds a table or view; without a schema, the default schema first, then a unique match in any schema. */
  findTable(name: string, schema?: string): TableInfo | undefined {
    if (schema) return this.byQualified.get(this.key(schema) + '.' + this.key(name));
    const inDefault = this.byQualified.get(this.key(this.options.defaultSchema) + '.' + this.key(name));
    if (inDefault) return inDefault;
    const any = this.byName.get(this.key(name));
    return any && any.length === 1 ? any[0] : undefined;
  }

  findColumn(table: TableInfo, column: string): ColumnInfo | undefined {
    let index = this.columnIndex.get(table);
    if (!index) {
      index = new Map(table.columns.map((c) => [this.key(c.name), c]));
      this.columnIndex.set(table, index);
    }
    return index.get(this.key(column));
  }

  schemas(): string[] {
    return [...new Set(this.tables.map((t) => t.schema))].sort();
  }
}

export type SchemaSourceKind = 'ddl' | 'snapshot' | 'live';

export interface SchemaLoadResult {
  schema: Schema;
  /** Problems that did not stop the load (an unparsable DDL file, an unknown type ...). */
  warnings: string[];
  loadedAt: Date;
  /** For status display: "DDL: 214 tables", "snapshot (3 h old)". */
  description: string;
}

/** Where a schema comes from. Live sources open connections lazily and close them in dispose(). */
export interface SchemaSource {
  readonly kind: SchemaSourceKind;
  load(signal?: AbortSignal): Promise<SchemaLoadResult>;
  dispose?(): void | Promise<void>;
}

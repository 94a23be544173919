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
  /**
   * The server produces the value and a script cannot write it: a computed column, or a temporal
   * table's GENERATED ALWAYS AS ROW START/END column.
   */
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

/** CREATE SYNONYM schema.name FOR target: scripts may use the synonym wherever the target table or view goes. */
export interface SynonymInfo {
  schema: string;
  name: string;
  targetSchema: string;
  targetName: string;
  /** Set when the target is in another database (or on another server): findTable gives an open stand-in. */
  targetDatabase?: string;
  targetServer?: string;
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
  private readonly synonymByQualified = new Map<string, SynonymInfo>();
  private readonly synonymByName = new Map<string, SynonymInfo[]>();
  private readonly openSynonyms = new WeakMap<SynonymInfo, TableInfo>();

  constructor(
    readonly tables: readonly TableInfo[],
    readonly options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS,
    readonly synonyms: readonly SynonymInfo[] = [],
  ) {
    for (const t of tables) {
      this.byQualified.set(this.key(t.schema) + '.' + this.key(t.name), t);
      const k = this.key(t.name);
      const list = this.byName.get(k);
      if (list) list.push(t);
      else this.byName.set(k, [t]);
    }
    for (const s of synonyms) {
      this.synonymByQualified.set(this.key(s.schema) + '.' + this.key(s.name), s);
      const k = this.key(s.name);
      const list = this.synonymByName.get(k);
      if (list) list.push(s);
      else this.synonymByName.set(k, [s]);
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

  /**
   * Finds a table or view; without a schema, the default schema first, then a unique match in any schema.
   * A synonym gives its target (in that order of precedence, as SQL Server resolves names).
   */
  findTable(name: string, schema?: string): TableInfo | undefined {
    const k = this.key(name);
    if (schema) {
      const qualified = this.key(schema) + '.' + k;
      return this.byQualified.get(qualified) ?? this.synonymTarget(this.synonymByQualified.get(qualified));
    }
    const inDefault = this.key(this.options.defaultSchema) + '.' + k;
    const found = this.byQualified.get(inDefault) ?? this.synonymTarget(this.synonymByQualified.get(inDefault));
    if (found) return found;
    const any = this.byName.get(k);
    if (any) return any.length === 1 ? any[0] : undefined;
    const syn = this.synonymByName.get(k);
    return syn && syn.length === 1 ? this.synonymTarget(syn[0]) : undefined;
  }

  /** The synonym of that name, if there is one (and no table or view of that name). */
  findSynonym(name: string, schema?: string): SynonymInfo | undefined {
    const k = this.key(name);
    const qualified = this.key(schema ?? this.options.defaultSchema) + '.' + k;
    const direct = this.synonymByQualified.get(qualified);
    if (direct || schema) return direct;
    const any = this.synonymByName.get(k);
    return any && any.length === 1 ? any[0] : undefined;
  }

  /**
   * A synonym's target table or view. A target this schema does not have (another database, a
   * function, an object outside the DDL) gives an open stand-in: no columns, so any column is accepted,
   * as for other databases' tables. A synonym is never the target of another.
   */
  private synonymTarget(s: SynonymInfo | undefined): TableInfo | undefined {
    if (!s) return undefined;
    const local = s.targetDatabase === undefined && s.targetServer === undefined;
    const target = local ? this.byQualified.get(this.key(s.targetSchema) + '.' + this.key(s.targetName)) : undefined;
    if (target) return target;
    let open = this.openSynonyms.get(s);
    if (!open) {
      open = { schema: s.schema, name: s.name, kind: 'view', columns: [], uniqueKeys: [], foreignKeys: [] };
      this.openSynonyms.set(s, open);
    }
    return open;
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

// What name resolution produces: bindings for every table and column reference, variables, scopes.
import type { ColumnRef, DataType, Identifier, Span, TableRef, VariableRef } from '../sql/ast';
import type { ColumnInfo, TableInfo } from '../schema/model';

export type SourceKind =
  | 'table' | 'view' | 'cte' | 'derived' | 'temp' | 'tableVariable' | 'inserted' | 'deleted'
  | 'function' | 'values' | 'created' | 'external' | 'unknown';

/** A column as visible through a source: schema columns, or names from a select list. */
export interface SourceColumn {
  name: string;
  info?: ColumnInfo;
  type?: TypeInfo;
}

/** A row source in a scope: `FROM dbo.Menetlus m` gives name 'm'. */
export interface Source {
  name: string;
  kind: SourceKind;
  table?: TableInfo;
  /** Undefined when the columns cannot be known (open source: any column is accepted). */
  columns?: SourceColumn[];
  ref?: TableRef;
  range?: Span;
}

export interface TypeInfo {
  name: string;
  maxLength?: number;
  precision?: number;
  scale?: number;
}

export interface VariableDecl {
  name: string;
  type?: TypeInfo;
  isTable: boolean;
  range: Span;
  batch: number;
}

export interface ColumnBinding {
  source: Source;
  column?: SourceColumn;
}

export interface ScopeRecord {
  range: Span;
  sources: Source[];
}

export interface Resolution {
  tables: Map<TableRef, Source>;
  columns: Map<ColumnRef, ColumnBinding>;
  unknownTables: TableRef[];
  unknownColumns: { ref: ColumnRef; candidates: string[]; source?: Source }[];
  ambiguousColumns: { ref: ColumnRef; sources: Source[] }[];
  /** References to a column that ALTER TABLE ADD gave a schema table earlier in the same batch (compile error 207). */
  sameBatchColumns: { ref: ColumnRef; source: Source }[];
  variables: Map<VariableRef, VariableDecl | undefined>;
  declarations: VariableDecl[];
  undeclared: VariableRef[];
  /** Sources visible per query; empty unless resolveScript was asked for them (completion). */
  scopes: ScopeRecord[];
  /** Temp tables and tables created by the script, by lower-cased name. */
  createdTables: Map<string, Source>;
  /** Identifiers used as cursor names (not variables). */
  cursorNames: Identifier[];
  hasSchema: boolean;
  /** The source each INSERT/UPDATE/DELETE/MERGE statement changes. */
  dmlTargets: Map<object, Source>;
  /** Columns for a TableInfo, including ALTER TABLE ADD in the script. */
  typeOf(col: SourceColumn | ColumnInfo | undefined): TypeInfo | undefined;
}

export function dataTypeToInfo(dt: DataType | undefined): TypeInfo | undefined {
  if (!dt) return undefined;
  const t: TypeInfo = { name: dt.name.toLowerCase() };
  const [a, b] = dt.params;
  if (/char|binary/.test(t.name)) {
    if (a === 'max') t.maxLength = -1;
    else if (typeof a === 'number') t.maxLength = a;
    else if (t.name === 'char' || t.name === 'nchar' || t.name === 'varchar' || t.name === 'nvarchar' || t.name === 'binary' || t.name === 'varbinary') t.maxLength = 1;
  } else if (t.name === 'decimal' || t.name === 'numeric') {
    t.precision = typeof a === 'number' ? a : 18;
    t.scale = typeof b === 'number' ? b : 0;
  }
  return t;
}

export function columnInfoToType(c: ColumnInfo): TypeInfo {
  return { name: c.type.toLowerCase(), maxLength: c.maxLength, precision: c.precision, scale: c.scale };
}

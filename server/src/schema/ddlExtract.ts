// Turns parsed DDL statements into schema tables. Pure: no I/O, no parser import (the caller parses).
// Statements are applied in order, so migration folders (CREATE, then ALTER/DROP) give the final state;
// views are resolved at the end, when every table they read is known.

import type {
  AlterTableStatement,
  ColumnDefinition,
  CreateTableStatement,
  CreateViewStatement,
  DataType,
  DropStatement,
  ExecStatement,
  Expression,
  Identifier,
  ObjectName,
  QueryExpression,
  Script,
  SelectQuery,
  Span,
  Statement,
  TableConstraint,
  TableSource,
} from '../sql/ast';
import { LineIndex } from '../text/lineIndex';
import type { ColumnInfo, SchemaOptions, SourceLocation, TableInfo } from './model';

/** Types whose first parameter is a length (characters for the n-types, as SQL Server's sys.columns is not). */
const LENGTH_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);
const PRECISION_SCALE_TYPES = new Set(['decimal', 'numeric']);
const SCALE_ONLY_TYPES = new Set(['datetime2', 'time', 'datetimeoffset']);

export function columnTypeFields(dt: DataType | undefined): Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'> {
  if (!dt) return { type: 'sql_variant' };
  const type = dt.name.toLowerCase();
  const p = dt.params;
  if (LENGTH_TYPES.has(type)) return { type, maxLength: p[0] === 'max' ? -1 : typeof p[0] === 'number' ? p[0] : 1 };
  if (PRECISION_SCALE_TYPES.has(type)) {
    return { type, precision: typeof p[0] === 'number' ? p[0] : 18, scale: typeof p[1] === 'number' ? p[1] : 0 };
  }
  if (SCALE_ONLY_TYPES.has(type)) return { type, scale: typeof p[0] === 'number' ? p[0] : 7 };
  if (type === 'float' && typeof p[0] === 'number') return { type, precision: p[0] };
  return { type };
}

interface ViewPending {
  stmt: CreateViewStatement;
  file: FileContext;
  table: TableInfo;
}

interface FileContext {
  path: string;
  text: string;
  lines: LineIndex;
}

/** Accumulates tables across files; call `finish()` once all scripts were applied. */
export class SchemaBuilder {
  private readonly tables = new Map<string, TableInfo>();
  private readonly views = new Map<string, ViewPending>();
  readonly warnings: string[] = [];
  /** Statements about a table not created yet, retried once every file was applied. */
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly options: SchemaOptions) {}

  private k(name: string): string {
    return this.options.caseSensitive ? name : name.toLowerCase();
  }

  private tableKey(schema: string, name: string): string {
    return this.k(schema) + '.' + this.k(name);
  }

  private keyOf(name: ObjectName): string {
    return this.tableKey(name.schema?.name || this.options.defaultSchema, name.name.name);
  }

  private find(name: ObjectName): TableInfo | undefined {
    return this.tables.get(this.keyOf(name));
  }

  apply(script: Script, path: string, text: string): void {
    const file: FileContext = { path, text, lines: new LineIndex(text) };
    for (const batch of script.batches) {
      for (const stmt of batch.statements) {
        try {
          this.applyStatement(stmt, file);
        } catch (e) {
          // A malformed node (parser recovered oddly) must not sink the whole file.
          this.warnings.push(`${path}:${file.lines.positionAt(stmt.range.start).line + 1}: skipped a statement (${(e as Error).message})`);
        }
      }
    }
  }

  private applyStatement(stmt: Statement, file: FileContext): void {
    switch (stmt.kind) {
      case 'CreateTable':
        return this.createTable(stmt, file);
      case 'AlterTable':
        return this.alterTable(stmt, file);
      case 'CreateView':
        return this.createView(stmt, file);
      case 'Drop':
        return this.drop(stmt);
      case 'Exec':
        return this.exec(stmt);
      case 'Error':
        this.warnings.push(`${file.path}:${file.lines.positionAt(stmt.range.start).line + 1}: syntax error: ${stmt.message}`);
        return;
      default:
        return;
    }
  }

  private location(file: FileContext, range: Span): SourceLocation {
    return { file: file.path, start: file.lines.positionAt(range.start), end: file.lines.positionAt(range.end) };
  }

  private exprText(file: FileContext, e: Expression): string {
    return file.text.slice(e.range.start, e.range.end);
  }

  private column(def: ColumnDefinition, file: FileContext, table: TableInfo): ColumnInfo {
    const col: ColumnInfo = {
      name: def.name.name,
      ...columnTypeFields(def.dataType),
      nullable: def.primaryKey ? false : def.nullable ?? !def.identity,
      identity: !!def.identity,
      computed: !!def.computed,
      location: this.location(file, def.range),
    };
    if (def.computed) {
      col.nullable = def.nullable ?? true;
      if (!def.dataType) col.type = 'sql_variant';
    }
    if (def.identity) col.nullable = false;
    if (def.default) col.default = this.exprText(file, def.default);
    if (def.primaryKey) table.primaryKey = { kind: 'primary', columns: [col.name] };
    if (def.unique) table.uniqueKeys.push({ kind: 'unique', columns: [col.name] });
    if (def.references) {
      const ref = def.references;
      table.foreignKeys.push({
        columns: [col.name],
        refSchema: ref.table.schema?.name || this.options.defaultSchema,
        refTable: ref.table.name.name,
        refColumns: ref.columns.length ? ref.columns.map((c) => c.name) : [col.name],
      });
    }
    return col;
  }

  private constraint(c: TableConstraint, table: TableInfo, file: FileContext): void {
    const name = c.name?.name;
    const columns = c.columns.map((i) => i.name);
    switch (c.constraintType) {
      case 'PRIMARY KEY':
        table.primaryKey = { name, kind: 'primary', columns };
        for (const colName of columns) {
          const col = table.columns.find((x) => this.k(x.name) === this.k(colName));
          if (col) col.nullable = false;
        }
        return;
      case 'UNIQUE':
        table.uniqueKeys.push({ name, kind: 'unique', columns });
        return;
      case 'FOREIGN KEY':
        if (c.references) {
          table.foreignKeys.push({
            name,
            columns,
            refSchema: c.references.table.schema?.name || this.options.defaultSchema,
            refTable: c.references.table.name.name,
            refColumns: c.references.columns.map((i) => i.name),
          });
        }
        return;
      case 'DEFAULT': {
        const target = columns[0];
        const col = target ? table.columns.find((x) => this.k(x.name) === this.k(target)) : undefined;
        if (col && c.default) col.default = this.exprText(file, c.default);
        return;
      }
      default:
        return;
    }
  }

  private createTable(stmt: CreateTableStatement, file: FileContext): void {
    const first = stmt.name.name.name;
    if (first.startsWith('#') || first.startsWith('@')) return;
    const table: TableInfo = {
      schema: stmt.name.schema?.name || this.options.defaultSchema,
      name: first,
      kind: 'table',
      columns: [],
      uniqueKeys: [],
      foreignKeys: [],
      location: this.location(file, stmt.range),
    };
    for (const def of stmt.definition.columns) table.columns.push(this.column(def, file, table));
    for (const c of stmt.definition.constraints) this.constraint(c, table, file);
    const key = this.keyOf(stmt.name);
    const old = this.tables.get(key);
    if (old?.description) table.description = old.description;
    this.tables.set(key, table);
    this.views.delete(key);
  }

  private alterTable(stmt: AlterTableStatement, file: FileContext, retry = false): void {
    const table = this.find(stmt.table);
    if (!table) {
      if (stmt.table.name.name.startsWith('#')) return;
      // SSDT projects may keep constraints in files that sort before the table's own file.
      if (!retry) this.deferred.push(() => this.alterTable(stmt, file, true));
      else this.warnings.push(`${file.path}:${file.lines.positionAt(stmt.range.start).line + 1}: ALTER TABLE of unknown table ${stmt.table.name.name}`);
      return;
    }
    for (const action of stmt.actions) {
      switch (action.kind) {
        case 'AddColumns':
          for (const def of action.columns) {
            const col = this.column(def, file, table);
            table.columns = table.columns.filter((c) => this.k(c.name) !== this.k(col.name));
            table.columns.push(col);
          }
          break;
        case 'AddConstraints':
          for (const c of action.constraints) this.constraint(c, table, file);
          break;
        case 'DropColumns': {
          const drop = new Set(action.columns.map((c) => this.k(c.name)));
          table.columns = table.columns.filter((c) => !drop.has(this.k(c.name)));
          break;
        }
        case 'DropConstraints': {
          const drop = new Set(action.names.map((c) => this.k(c.name)));
          const keep = (n?: string) => n === undefined || !drop.has(this.k(n));
          if (table.primaryKey && !keep(table.primaryKey.name)) table.primaryKey = undefined;
          table.uniqueKeys = table.uniqueKeys.filter((u) => keep(u.name));
          table.foreignKeys = table.foreignKeys.filter((f) => keep(f.name));
          break;
        }
        case 'AlterColumn': {
          const i = table.columns.findIndex((c) => this.k(c.name) === this.k(action.column.name.name));
          if (i >= 0) {
            const old = table.columns[i];
            const next = this.column(action.column, file, table);
            table.columns[i] = { ...next, default: old.default, description: old.description, identity: old.identity };
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private createView(stmt: CreateViewStatement, file: FileContext): void {
    const table: TableInfo = {
      schema: stmt.name.schema?.name || this.options.defaultSchema,
      name: stmt.name.name.name,
      kind: 'view',
      columns: [],
      uniqueKeys: [],
      foreignKeys: [],
      location: this.location(file, stmt.range),
    };
    const key = this.keyOf(stmt.name);
    const old = this.tables.get(key);
    if (old?.description) table.description = old.description;
    this.tables.set(key, table);
    this.views.set(key, { stmt, file, table });
  }

  private drop(stmt: DropStatement): void {
    if (stmt.objectType !== 'TABLE' && stmt.objectType !== 'VIEW') return;
    for (const name of stmt.names) {
      const key = this.keyOf(name);
      this.tables.delete(key);
      this.views.delete(key);
    }
  }

  /** sp_addextendedproperty 'MS_Description' on a table, view or column. */
  private exec(stmt: ExecStatement, retry = false): void {
    const proc = stmt.procedure?.name.name.toLowerCase();
    if (proc !== 'sp_addextendedproperty' && proc !== 'sp_updateextendedproperty') return;
    const order = ['name', 'value', 'level0type', 'level0name', 'level1type', 'level1name', 'level2type', 'level2name'];
    const args = new Map<string, string>();
    stmt.args.forEach((a, i) => {
      const key = a.name ? a.name.replace(/^@/, '').toLowerCase() : order[i];
      if (key && a.value.kind === 'Literal' && a.value.literalType !== 'null') args.set(key, a.value.value);
    });
    if ((args.get('name') ?? '').toLowerCase() !== 'ms_description') return;
    const value = args.get('value');
    const l1 = (args.get('level1type') ?? '').toUpperCase();
    const tableName = args.get('level1name');
    if (value === undefined || !tableName || (l1 !== 'TABLE' && l1 !== 'VIEW')) return;
    const schema = (args.get('level0type') ?? '').toUpperCase() === 'SCHEMA' ? args.get('level0name') : undefined;
    const table = this.tables.get(this.tableKey(schema || this.options.defaultSchema, tableName));
    if (!table) {
      if (!retry) this.deferred.push(() => this.exec(stmt, true));
      return;
    }
    const colName = (args.get('level2type') ?? '').toUpperCase() === 'COLUMN' ? args.get('level2name') : undefined;
    if (!colName) {
      table.description = value;
      return;
    }
    const col = table.columns.find((c) => this.k(c.name) === this.k(colName));
    if (col) col.description = value;
  }

  // ---------- views ----------

  private resolving = new Set<string>();

  private viewColumns(key: string): void {
    const pending = this.views.get(key);
    if (!pending || this.resolving.has(key)) return;
    this.resolving.add(key);
    try {
      const cols = this.queryColumns(pending.stmt.query, pending.file);
      const names = pending.stmt.columns;
      if (names && names.length) {
        cols.forEach((c, i) => {
          if (names[i]) c.name = names[i].name;
        });
      }
      pending.table.columns = cols;
      this.views.delete(key);
    } finally {
      this.resolving.delete(key);
    }
  }

  private firstSelect(q: QueryExpression): SelectQuery | undefined {
    if (q.kind === 'Select') return q;
    if (q.kind === 'SetOperation') return this.firstSelect(q.left);
    if (q.kind === 'ParenQuery') return this.firstSelect(q.query);
    return undefined;
  }

  /** Table sources of a FROM clause, flattened, each with the name it is referred to by. */
  private sources(from: TableSource[], file: FileContext, out: { names: string[]; columns: ColumnInfo[] }[]): void {
    for (const src of from) {
      switch (src.kind) {
        case 'Join':
          this.sources([src.left, src.right], file, out);
          break;
        case 'TableRef': {
          const key = this.keyOf(src.name);
          if (this.views.has(key)) this.viewColumns(key);
          const t = this.tables.get(key);
          const names = [src.name.name.name];
          if (src.alias) names.unshift(src.alias.name);
          out.push({ names: src.alias ? [src.alias.name] : names, columns: t ? t.columns : [] });
          break;
        }
        case 'DerivedTable': {
          const cols = this.queryColumns(src.query, file);
          src.columns?.forEach((n, i) => {
            if (cols[i]) cols[i].name = n.name;
          });
          out.push({ names: src.alias ? [src.alias.name] : [], columns: cols });
          break;
        }
        default:
          break;
      }
    }
  }

  private queryColumns(q: QueryExpression, file: FileContext): ColumnInfo[] {
    const select = this.firstSelect(q);
    if (!select) return [];
    const srcs: { names: string[]; columns: ColumnInfo[] }[] = [];
    this.sources(select.from, file, srcs);
    const copy = (c: ColumnInfo, name = c.name): ColumnInfo => {
      const { location: _l, description: _d, default: _def, ...rest } = c;
      return { ...rest, name, identity: false, computed: false };
    };
    const qualifierMatches = (qual: Identifier[] | undefined, s: { names: string[] }) => {
      if (!qual || !qual.length) return true;
      const last = qual[qual.length - 1].name;
      return s.names.some((n) => this.k(n) === this.k(last));
    };
    const out: ColumnInfo[] = [];
    for (const item of select.columns) {
      if (item.kind === 'Star') {
        for (const s of srcs) {
          if (qualifierMatches(item.qualifier, s)) for (const c of s.columns) out.push({ ...copy(c), location: this.location(file, item.range) });
        }
        continue;
      }
      if (item.kind !== 'SelectColumn') continue;
      const e = item.expr;
      let base: ColumnInfo | undefined;
      if (e.kind === 'ColumnRef') {
        for (const s of srcs) {
          if (!qualifierMatches(e.qualifier, s)) continue;
          base = s.columns.find((c) => this.k(c.name) === this.k(e.column.name));
          if (base) break;
        }
      }
      const name = item.alias?.name ?? (e.kind === 'ColumnRef' ? e.column.name : '');
      const location = this.location(file, item.range);
      if (base) out.push({ ...copy(base, name), location });
      else {
        out.push({
          location,
          name,
          type: e.kind === 'Cast' ? columnTypeFields(e.dataType).type : 'sql_variant',
          ...(e.kind === 'Cast' ? columnTypeFields(e.dataType) : {}),
          nullable: true,
          identity: false,
          computed: false,
        });
      }
    }
    return out;
  }

  finish(): TableInfo[] {
    for (const retry of this.deferred.splice(0)) {
      try {
        retry();
      } catch {
        // Already reported as a skipped statement on the first pass, if at all.
      }
    }
    for (const key of [...this.views.keys()]) this.viewColumns(key);
    return [...this.tables.values()];
  }
}

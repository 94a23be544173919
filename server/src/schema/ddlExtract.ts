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
  ObjectName,
  Script,
  SelectStatement,
  Span,
  Statement,
  TableConstraint,
} from '../sql/ast';
import { LineIndex } from '../text/lineIndex';
import { readAliasType, SYSTEM_TYPES, type AliasType } from './aliasTypes';
import { columnTypeFields, expressionType } from './columnTypes';
import { inlineConstraintNames, NAME_PART, splitName, UNQUOTE } from './ddlNames';
import type { ColumnInfo, ForeignKeyInfo, SchemaOptions, SourceLocation, SynonymInfo, TableInfo } from './model';
import { readSynonym } from './synonyms';
import { repairStatementText } from './statementRepair';
import { selectColumns, viewColumns, type ViewScope } from './viewColumns';

export { columnTypeFields } from './columnTypes';

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
  /** Alias types by lower-cased schema.name; columns declared with a non-system type, resolved in finish(). */
  private readonly aliases = new Map<string, AliasType>();
  private readonly aliasColumns: { col: ColumnInfo; typeName: string; ownNullability: boolean }[] = [];
  private readonly synonyms = new Map<string, SynonymInfo>();
  private readonly refToPrimaryKey: ForeignKeyInfo[] = [];
  /** Names of default constraints, so that DROP CONSTRAINT DF_... removes the column's default. */
  private readonly defaultNames = new WeakMap<ColumnInfo, string>();
  /** Temporal tables' HISTORY_TABLE names; SQL Server creates the history table if the DDL does not. */
  private readonly histories: { table: TableInfo; schema: string; name: string }[] = [];
  /** EF Core's `SELECT @var0 = [d].[name] FROM [sys].[default_constraints] ...`: variable to the column whose default it names. */
  private readonly defaultVars = new Map<string, { table: string; column: string }>();

  /** `parse`: reads the DDL inside EXEC(N'CREATE VIEW ...'), as idempotent migration scripts wrap it. */
  constructor(
    private readonly options: SchemaOptions,
    private readonly parse?: (text: string) => Script,
  ) {}

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
    for (const batch of script.batches) this.applyAll(batch.statements, file);
  }

  /**
   * Statements in order, also inside IF / BEGIN…END / TRY…CATCH / WHILE: idempotent migration scripts
   * (EF Core's `migrations script --idempotent`, hand-written IF OBJECT_ID(...) IS NULL guards) create
   * their tables there. Routine bodies are not followed: a procedure that creates a table is not schema.
   */
  private applyAll(statements: readonly (Statement | undefined)[] | undefined, file: FileContext): void {
    for (const stmt of statements ?? []) {
      if (!stmt) continue;
      switch (stmt.kind) {
        case 'If':
          this.applyAll([stmt.then, stmt.else], file);
          continue;
        case 'Block':
          this.applyAll(stmt.statements, file);
          continue;
        case 'TryCatch':
          this.applyAll(stmt.tryStatements, file);
          this.applyAll(stmt.catchStatements, file);
          continue;
        case 'While':
          this.applyAll([stmt.body], file);
          continue;
      }
      try {
        this.applyStatement(stmt, file);
      } catch (e) {
        // A malformed node (parser recovered oddly) must not sink the whole file.
        this.warnings.push(`${file.path}:${file.lines.positionAt(stmt.range.start).line + 1}: skipped a statement (${(e as Error).message})`);
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
        return this.exec(stmt, file);
      case 'Other':
        if (stmt.keyword === 'CREATE TYPE') this.createType(file.text.slice(stmt.range.start, stmt.range.end));
        else if (stmt.keyword === 'CREATE SYNONYM') this.createSynonym(file.text.slice(stmt.range.start, stmt.range.end));
        else if (stmt.keyword === 'CREATE EXTERNAL') this.reparse(stmt, file);
        else if (stmt.keyword === 'ALTER SCHEMA') this.transfer(file.text.slice(stmt.range.start, stmt.range.end));
        else if (stmt.keyword === 'CREATE DATABASE' || stmt.keyword === 'ALTER DATABASE') this.databaseCollation(stmt, file);
        return;
      case 'SelectStatement':
        return this.selectStatement(stmt, file);
      case 'Error':
        if (this.reparse(stmt, file)) return;
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
    // Built field by field, not by spreading columnTypeFields: a spread per column is the slow path of
    // object creation, and 40,000 columns in a large project pay for it.
    const typeFields = columnTypeFields(def.dataType);
    const col: ColumnInfo = {
      name: def.name.name,
      type: typeFields.type,
      nullable: def.primaryKey ? false : def.nullable ?? !def.identity,
      identity: !!def.identity,
      computed: !!def.computed,
      location: this.location(file, def.range),
    };
    if (typeFields.maxLength !== undefined) col.maxLength = typeFields.maxLength;
    if (typeFields.precision !== undefined) col.precision = typeFields.precision;
    if (typeFields.scale !== undefined) col.scale = typeFields.scale;
    if (def.computed) {
      col.nullable = def.nullable ?? true;
      // The type SQL Server derives, where the expression is plain (a CAST, a column, a function of known type).
      const derived = expressionType(def.computed, (ref) => table.columns.find((c) => this.k(c.name) === this.k(ref.column.name)));
      if (derived) Object.assign(col, derived);
      else if (!def.dataType) col.type = 'sql_variant';
    }
    if (def.identity) col.nullable = false;
    if (def.nullable === undefined && def.dataType?.name.toLowerCase() === 'sysname') col.nullable = false;
    // The parser keeps a column-level constraint's name only for DEFAULT: the others are read from the text.
    const keyed = def.primaryKey || def.unique || def.references;
    const periodType = !def.computed && PERIOD_TYPES.has(col.type);
    const text = keyed || periodType ? file.text.slice(def.range.start, def.range.end) : '';
    const names = keyed && /\bCONSTRAINT\b/i.test(text) ? inlineConstraintNames(text) : undefined;
    if (periodType && GENERATED_ALWAYS.test(text)) {
      // A period column (GENERATED ALWAYS AS ROW START/END): the server writes it; never NULL.
      col.computed = true;
      col.nullable = false;
    }
    if (def.dataType && !def.computed && !SYSTEM_TYPES.has(def.dataType.name)) {
      this.aliasColumns.push({ col, typeName: def.dataType.name, ownNullability: def.nullable !== undefined || !!def.primaryKey || !!def.identity });
    }
    if (def.default) {
      col.default = this.exprText(file, def.default);
      if (def.defaultName) this.defaultNames.set(col, def.defaultName.name);
    }
    const named = <T extends object>(key: T, name: string | undefined): T => (name === undefined ? key : { name, ...key });
    if (def.primaryKey) table.primaryKey = named({ kind: 'primary' as const, columns: [col.name] }, names?.primary);
    if (def.unique) table.uniqueKeys.push(named({ kind: 'unique' as const, columns: [col.name] }, names?.unique));
    if (def.references) {
      const ref = def.references;
      const fk = named({
        columns: [col.name],
        refSchema: ref.table.schema?.name || this.options.defaultSchema,
        refTable: ref.table.name.name,
        refColumns: ref.columns.length ? ref.columns.map((c) => c.name) : [col.name],
      }, names?.foreign);
      table.foreignKeys.push(fk);
      // REFERENCES dbo.Tabel without a column list means the referenced table's primary key.
      if (!ref.columns.length) this.refToPrimaryKey.push(fk);
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
        if (col && c.default) {
          col.default = this.exprText(file, c.default);
          if (name) this.defaultNames.set(col, name);
          else this.defaultNames.delete(col);
        }
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
    this.historyTable(table, file.text.slice(stmt.definition.range.end, stmt.range.end));
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
          for (const n of action.names) this.dropDefault(table, n.name);
          break;
        }
        case 'AlterColumn': {
          const i = table.columns.findIndex((c) => this.k(c.name) === this.k(action.column.name.name));
          if (i >= 0) {
            // ALTER COLUMN keeps the column's default constraint, identity and description.
            // (The new object itself is kept: an alias type is resolved on it in finish().)
            const old = table.columns[i];
            const altered = this.column(action.column, file, table);
            altered.identity = old.identity;
            altered.computed ||= old.computed;
            if (old.default !== undefined) altered.default = old.default;
            if (old.description !== undefined) altered.description = old.description;
            const dfName = this.defaultNames.get(old);
            if (dfName) this.defaultNames.set(altered, dfName);
            table.columns[i] = altered;
          }
          break;
        }
        case 'OtherAlter':
          // ALTER TABLE ... SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = ...))
          this.historyTable(table, action.text);
          break;
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

  private createSynonym(text: string): void {
    const syn = readSynonym(text, this.options.defaultSchema);
    if (syn) this.synonyms.set(this.tableKey(syn.schema, syn.name), syn);
  }

  /** Table DDL the parser could not read or keeps opaque (CREATE EXTERNAL TABLE), read again with the parts that do not matter blanked. */
  private reparse(stmt: Statement, file: FileContext): boolean {
    if (!this.parse) return false;
    const repaired = repairStatementText(file.text.slice(stmt.range.start, stmt.range.end));
    if (repaired === undefined) return false;
    const text = file.text.slice(0, stmt.range.start).replace(/[^\r\n]/g, ' ') + repaired;
    const statements = this.parse(text).batches.flatMap((b) => b.statements);
    if (statements.some((st) => !st || st.kind === 'Error' || st.kind === 'Other')) return false;
    this.applyAll(statements, { path: file.path, text, lines: new LineIndex(text) });
    return true;
  }

  /**
   * A DROP CONSTRAINT that names a column's default removes it: by the name it was given, or by the
   * name SQL Server generates for an unnamed one (DF__Volgnik__Staat__5EBF139D: table and column cut short).
   */
  private dropDefault(table: TableInfo, constraint: string): void {
    const key = this.k(constraint);
    for (const col of table.columns) {
      if (col.default === undefined) continue;
      const name = this.defaultNames.get(col);
      if (name !== undefined ? this.k(name) === key : this.isGeneratedDefaultName(key, table.name, col.name)) {
        delete col.default;
        this.defaultNames.delete(col);
      }
    }
  }

  private isGeneratedDefaultName(key: string, table: string, column: string): boolean {
    const m = /^df__(.+)__(.+)__[0-9a-f]{8,16}$/i.exec(key);
    return !!m && this.k(table.slice(0, 9)) === this.k(m[1]) && this.k(column.slice(0, 5)) === this.k(m[2]);
  }

  /** WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = schema.name)) after a table's definition or in ALTER TABLE ... SET. */
  private historyTable(table: TableInfo, optionsText: string): void {
    if (!/SYSTEM_VERSIONING/i.test(optionsText)) return;
    const m = /HISTORY_TABLE\s*=\s*((?:\[(?:[^\]]|\]\])*\]|"[^"]*"|[^\s.,()]+)(?:\s*\.\s*(?:\[(?:[^\]]|\]\])*\]|"[^"]*"|[^\s.,()]+))?)/i.exec(optionsText);
    if (!m) return;
    const parts = splitName(m[1].replace(/\s*\.\s*/g, '.'));
    if (!parts.length || parts.length > 2) return;
    this.histories.push({ table, schema: parts.length === 2 ? parts[0] : this.options.defaultSchema, name: parts[parts.length - 1] });
  }

  /** History tables the DDL leaves to SQL Server: the temporal table's columns, plain (no identity, defaults or keys). */
  private createHistoryTables(): void {
    for (const h of this.histories) {
      const key = this.tableKey(h.schema, h.name);
      if (this.tables.has(key) || !this.tables.has(this.tableKey(h.table.schema, h.table.name))) continue;
      this.tables.set(key, {
        schema: h.schema,
        name: h.name,
        kind: 'table',
        columns: h.table.columns.map((c) => {
          const { default: _d, description: _desc, ...rest } = c;
          return { ...rest, identity: false, computed: false };
        }),
        uniqueKeys: [],
        foreignKeys: [],
        location: h.table.location,
      });
    }
  }

  /**
   * SELECT ... INTO dbo.Table makes a permanent table (migrations keep copies that way) with the select
   * list's columns and nullability, no defaults or keys. EF Core's idempotent scripts find a default's
   * generated name with a SELECT before dropping it (see execDropDefault).
   */
  private selectStatement(stmt: SelectStatement, file: FileContext): void {
    const select = stmt.query.kind === 'Select' ? stmt.query : undefined;
    const into = select?.into;
    if (select && into && !into.name.name.startsWith('#') && !into.database && !into.server) {
      const columns = selectColumns(this.viewScope(file), select) ?? [];
      const key = this.keyOf(into);
      this.tables.set(key, {
        schema: into.schema?.name || this.options.defaultSchema,
        name: into.name.name,
        kind: 'table',
        columns,
        uniqueKeys: [],
        foreignKeys: [],
        location: this.location(file, stmt.range),
      });
      this.views.delete(key);
      return;
    }
    if (stmt.with || !select?.columns.some((c) => c.kind === 'SelectAssign')) return;
    const text = file.text.slice(stmt.range.start, stmt.range.end);
    const m = EF_DEFAULT_LOOKUP.exec(text);
    if (!m) return;
    const table = /OBJECT_ID\s*\(\s*N?'([^']+)'/i.exec(text);
    const column = /\[c\]\.\[name\]\s*=\s*N?'([^']+)'/i.exec(text);
    if (table && column) this.defaultVars.set(m[1].toLowerCase(), { table: table[1].replace(/''/g, "'"), column: column[1].replace(/''/g, "'") });
  }

  /** EXEC(N'ALTER TABLE [X] DROP CONSTRAINT [' + @var0 + '];') after EF Core's look-up: the column loses its default. */
  private execDropDefault(stmt: ExecStatement, file: FileContext): void {
    const text = file.text.slice(stmt.range.start, stmt.range.end);
    const m = /DROP\s+CONSTRAINT\s+\[?'\s*\+\s*(@\w+)/i.exec(text);
    const target = m && this.defaultVars.get(m[1].toLowerCase());
    if (!target) return;
    const parts = splitName(target.table);
    const table = parts.length && parts.length <= 2 ? this.tables.get(this.tableKey(parts.length === 2 ? parts[0] : this.options.defaultSchema, parts[parts.length - 1])) : undefined;
    const col = table?.columns.find((c) => this.k(c.name) === this.k(target.column));
    if (col) {
      delete col.default;
      this.defaultNames.delete(col);
    }
  }

  /** The table a synonym in this schema stands for (a view over a synonym). */
  private synonymTable(name: ObjectName): TableInfo | undefined {
    const syn = this.synonyms.get(this.keyOf(name));
    if (!syn || syn.targetDatabase !== undefined || syn.targetServer !== undefined) return undefined;
    const key = this.tableKey(syn.targetSchema, syn.targetName);
    if (this.views.has(key)) this.viewColumns(key);
    return this.tables.get(key);
  }

  /** The synonyms read, after every file was applied. */
  synonymList(): SynonymInfo[] {
    return [...this.synonyms.values()];
  }

  private createType(text: string): void {
    const alias = readAliasType(text);
    if (alias) this.aliases.set(`${(alias.schema ?? this.options.defaultSchema).toLowerCase()}.${alias.name.toLowerCase()}`, alias);
  }

  /** Gives columns declared with an alias type the base type's fields (types may be defined in any file). */
  private resolveAliasColumns(): void {
    for (const { col, typeName, ownNullability } of this.aliasColumns) {
      const alias = this.aliases.get(typeName.includes('.') ? typeName : `${this.options.defaultSchema.toLowerCase()}.${typeName}`);
      if (!alias) continue;
      delete col.maxLength;
      delete col.precision;
      delete col.scale;
      Object.assign(col, columnTypeFields({ kind: 'DataType', range: { start: 0, end: 0 }, name: alias.base.name, params: alias.base.params }));
      if (!ownNullability) col.nullable = !alias.notNull;
    }
  }

  private drop(stmt: DropStatement): void {
    if (stmt.objectType === 'SYNONYM') {
      for (const name of stmt.names) this.synonyms.delete(this.keyOf(name));
      return;
    }
    if (stmt.objectType !== 'TABLE' && stmt.objectType !== 'VIEW') return;
    for (const name of stmt.names) {
      const key = this.keyOf(name);
      this.tables.delete(key);
      this.views.delete(key);
    }
  }

  /** EXEC(N'...') of one string literal: its DDL, at its place in the file (lines kept for locations). */
  private execDynamic(stmt: ExecStatement, file: FileContext): void {
    const lit = stmt.dynamic?.length === 1 ? stmt.dynamic[0] : undefined;
    if (lit?.kind !== 'Literal') return this.execDropDefault(stmt, file);
    if (!this.parse || (lit.literalType !== 'string' && lit.literalType !== 'nstring')) return;
    const contentStart = lit.range.start + (lit.literalType === 'nstring' ? 2 : 1);
    const text = file.text.slice(0, contentStart).replace(/[^\r\n]/g, ' ') + lit.value;
    const inner = this.parse(text);
    const innerFile: FileContext = { path: file.path, text, lines: new LineIndex(text) };
    for (const batch of inner.batches) this.applyAll(batch.statements, innerFile);
  }

  /** sp_rename 'schema.table', 'NewName' and sp_rename 'table.column', 'NewName', 'COLUMN', as migrations do. */
  private rename(args: Map<string, string>, retry = false): void {
    const from = splitName(args.get('objname') ?? '');
    const to = args.get('newname');
    const type = (args.get('objtype') ?? '').toUpperCase();
    if (!from.length || !to) return;
    if (type === 'COLUMN') {
      if (from.length < 2) return;
      const column = from[from.length - 1];
      const table = this.tables.get(this.tableKey(from.length > 2 ? from[from.length - 3] : this.options.defaultSchema, from[from.length - 2]));
      if (!table) {
        if (!retry) this.deferred.push(() => this.rename(args, true));
        return;
      }
      const col = table.columns.find((c) => this.k(c.name) === this.k(column));
      if (!col) return;
      const old = col.name;
      col.name = to;
      // Keys and foreign keys name columns by name: they follow the rename.
      const follow = (cols: string[]) => {
        for (let i = 0; i < cols.length; i++) if (this.k(cols[i]) === this.k(old)) cols[i] = to;
      };
      if (table.primaryKey) follow(table.primaryKey.columns);
      for (const u of table.uniqueKeys) follow(u.columns);
      for (const f of table.foreignKeys) follow(f.columns);
      for (const t of this.tables.values()) {
        for (const f of t.foreignKeys) if (this.tableKey(f.refSchema, f.refTable) === this.tableKey(table.schema, table.name)) follow(f.refColumns);
      }
      return;
    }
    if (type !== '' && type !== 'OBJECT') return;
    const schema = from.length > 1 ? from[from.length - 2] : this.options.defaultSchema;
    const key = this.tableKey(schema, from[from.length - 1]);
    const table = this.tables.get(key);
    if (!table) return this.renameConstraint(from[from.length - 1], to); // or an object the schema does not have
    this.tables.delete(key);
    for (const t of this.tables.values()) {
      for (const f of t.foreignKeys) if (this.tableKey(f.refSchema, f.refTable) === key) f.refTable = to;
    }
    for (const f of table.foreignKeys) if (this.tableKey(f.refSchema, f.refTable) === key) f.refTable = to;
    table.name = to;
    this.tables.set(this.tableKey(table.schema, to), table);
    const view = this.views.get(key);
    if (view) {
      this.views.delete(key);
      this.views.set(this.tableKey(table.schema, to), view);
    }
  }

  /** A case-sensitive database collation while names are matched case-insensitively: said once, with the fix. */
  private databaseCollation(stmt: Statement, file: FileContext): void {
    if (this.options.caseSensitive || this.collationWarned) return;
    const m = /\bCOLLATE\s+(\w+_CS\w*)/i.exec(file.text.slice(stmt.range.start, stmt.range.end));
    if (!m) return;
    this.collationWarned = true;
    this.warnings.push(`${file.path}:${file.lines.positionAt(stmt.range.start).line + 1}: the database collation ${m[1]} is case-sensitive; names are matched case-insensitively unless "caseSensitive": true is set in etaitur.json`);
  }

  private collationWarned = false;

  /** ALTER SCHEMA arhiiv TRANSFER [OBJECT::]dbo.Vana: the table or view moves to another schema. */
  private transfer(text: string): void {
    const m = new RegExp(`^\\s*ALTER\\s+SCHEMA\\s+(${NAME_PART})\\s+TRANSFER\\s+(?:OBJECT\\s*::\\s*)?(${NAME_PART}(?:\\s*\\.\\s*${NAME_PART})?)\\s*;?\\s*$`, 'i').exec(text);
    if (!m) return;
    const to = UNQUOTE(m[1]);
    const from = splitName(m[2].replace(/\s*\.\s*/g, '.'));
    if (!from.length || from.length > 2) return;
    const key = this.tableKey(from.length === 2 ? from[0] : this.options.defaultSchema, from[from.length - 1]);
    const table = this.tables.get(key);
    if (!table) return;
    const next = this.tableKey(to, table.name);
    for (const t of this.tables.values()) {
      for (const f of t.foreignKeys) if (this.tableKey(f.refSchema, f.refTable) === key) f.refSchema = to;
    }
    this.tables.delete(key);
    table.schema = to;
    this.tables.set(next, table);
    const view = this.views.get(key);
    if (view) {
      this.views.delete(key);
      this.views.set(next, view);
    }
  }

  /** sp_rename of a key, foreign key or default constraint: a later DROP CONSTRAINT uses the new name. */
  private renameConstraint(from: string, to: string): void {
    const k = this.k(from);
    for (const t of this.tables.values()) {
      for (const key of [t.primaryKey, ...t.uniqueKeys, ...t.foreignKeys]) if (key?.name !== undefined && this.k(key.name) === k) key.name = to;
      for (const c of t.columns) {
        const df = this.defaultNames.get(c);
        if (df !== undefined && this.k(df) === k) this.defaultNames.set(c, to);
      }
    }
  }

  /** sp_bindefault 'dbo.dfNull', 'dbo.Tabel.Veerg': a legacy default object bound to a column. */
  private bindDefault(args: Map<string, string>, retry = false): void {
    const def = args.get('defname');
    const target = splitName(args.get('objname') ?? '');
    if (!def || target.length < 2 || target.length > 3) return;
    const table = this.tables.get(this.tableKey(target.length === 3 ? target[0] : this.options.defaultSchema, target[target.length - 2]));
    if (!table) {
      if (!retry) this.deferred.push(() => this.bindDefault(args, true));
      return;
    }
    const col = table.columns.find((c) => this.k(c.name) === this.k(target[target.length - 1]));
    if (col) col.default = def;
  }

  /** Named or positional arguments of a procedure call that are string literals, by lower-cased parameter name. */
  private literalArgs(stmt: ExecStatement, order: readonly string[]): Map<string, string> {
    const args = new Map<string, string>();
    stmt.args.forEach((a, i) => {
      const key = a.name ? a.name.replace(/^@/, '').toLowerCase() : order[i];
      if (key && a.value.kind === 'Literal' && a.value.literalType !== 'null') args.set(key, a.value.value);
    });
    return args;
  }

  /** sp_addextendedproperty 'MS_Description' on a table, view or column; sp_rename; EXEC(N'DDL'). */
  private exec(stmt: ExecStatement, file: FileContext, retry = false): void {
    if (stmt.dynamic) return this.execDynamic(stmt, file);
    const proc = stmt.procedure?.name.name.toLowerCase();
    if (proc === 'sp_rename') return this.rename(this.literalArgs(stmt, ['objname', 'newname', 'objtype']));
    if (proc === 'sp_executesql') {
      // EXEC sp_executesql N'CREATE VIEW ...' without parameters: the same as EXEC(N'...').
      const first = stmt.args[0];
      if (first && stmt.args.length === 1 && (!first.name || first.name.toLowerCase() === '@stmt')) this.execDynamic({ ...stmt, dynamic: [first.value] }, file);
      return;
    }
    if (proc === 'sp_bindefault') return this.bindDefault(this.literalArgs(stmt, ['defname', 'objname']));
    if (proc !== 'sp_addextendedproperty' && proc !== 'sp_updateextendedproperty') return;
    const args = this.literalArgs(stmt, ['name', 'value', 'level0type', 'level0name', 'level1type', 'level1name', 'level2type', 'level2name']);
    if ((args.get('name') ?? '').toLowerCase() !== 'ms_description') return;
    const value = args.get('value');
    const l1 = (args.get('level1type') ?? '').toUpperCase();
    const tableName = args.get('level1name');
    if (value === undefined || !tableName || (l1 !== 'TABLE' && l1 !== 'VIEW')) return;
    const schema = (args.get('level0type') ?? '').toUpperCase() === 'SCHEMA' ? args.get('level0name') : undefined;
    const table = this.tables.get(this.tableKey(schema || this.options.defaultSchema, tableName));
    if (!table) {
      if (!retry) this.deferred.push(() => this.exec(stmt, file, true));
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

  /** Works out a pending view's columns (once; a view that reads itself stays open). */
  private viewColumns(key: string): void {
    const pending = this.views.get(key);
    if (!pending || this.resolving.has(key)) return;
    this.resolving.add(key);
    try {
      pending.table.columns = viewColumns(this.viewScope(pending.file), pending.stmt);
      this.views.delete(key);
    } finally {
      this.resolving.delete(key);
    }
  }

  private viewScope(file: FileContext): ViewScope {
    return {
      k: (name) => this.k(name),
      objectColumns: (name) => this.objectColumns(name),
      locate: (range) => this.location(file, range),
    };
  }

  /** A table's, view's (worked out now if pending) or synonym's columns; undefined for another database's. */
  private objectColumns(name: ObjectName): readonly ColumnInfo[] | undefined {
    if (name.database || name.server) return undefined;
    const key = this.keyOf(name);
    if (this.views.has(key)) this.viewColumns(key);
    return this.tables.get(key)?.columns ?? this.synonymTable(name)?.columns;
  }

  finish(): TableInfo[] {
    for (const retry of this.deferred.splice(0)) {
      try {
        retry();
      } catch {
        // Already reported as a skipped statement on the first pass, if at all.
      }
    }
    this.resolveAliasColumns();
    this.createHistoryTables();
    for (const fk of this.refToPrimaryKey) {
      const pk = this.tables.get(this.tableKey(fk.refSchema, fk.refTable))?.primaryKey;
      if (pk?.columns.length === fk.columns.length) fk.refColumns = [...pk.columns];
    }
    for (const key of [...this.views.keys()]) this.viewColumns(key);
    return [...this.tables.values()];
  }
}

/** GENERATED ALWAYS AS ROW START | ROW END | TRANSACTION_ID START ... in a column definition: written by the server. */
const GENERATED_ALWAYS = /\bGENERATED\s+ALWAYS\s+AS\b/i;
/** Types a GENERATED ALWAYS column can have: datetime2 (temporal periods), bigint (ledger transaction ids, sequence numbers). */
const PERIOD_TYPES = new Set(['datetime2', 'bigint']);

const EF_DEFAULT_LOOKUP = /^\s*SELECT\s+(@\w+)\s*=\s*\[?d\]?\.\[?name\]?\s+FROM\s+\[?sys\]?\.\[?default_constraints\]?/i;

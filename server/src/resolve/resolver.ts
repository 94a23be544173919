// Binds table and column references to their sources and variables to their declarations.
// Pure: never throws on odd trees; what cannot be resolved is recorded, or left open (silent).
import type * as A from '../sql/ast';
import type { ColumnInfo, Schema, TableInfo } from '../schema/model';
import { forEachChild, type AnyNode } from './walk';
import {
  columnInfoToType, dataTypeToInfo,
  type ColumnBinding, type Resolution, type Source, type SourceColumn, type TypeInfo, type VariableDecl,
} from './types';

/** Functions whose first argument is a date part keyword, not a column. */
const DATEPART_FUNCTIONS = new Set(['dateadd', 'datediff', 'datediff_big', 'datepart', 'datename', 'datetrunc', 'date_bucket']);

/** Functions called without parentheses, which a parser may read as column names. */
const NILADIC = new Set(['current_timestamp', 'current_user', 'session_user', 'system_user', 'user', 'current_date']);

interface Scope {
  sources: Source[];
  /** Select-list aliases visible (ORDER BY). */
  aliases?: Set<string>;
  parent?: Scope;
}

interface Ctx {
  ctes: Map<string, Source>;
}

export function resolveScript(script: A.Script, schema?: Schema): Resolution {
  return new Resolver(schema).run(script);
}

class Resolver {
  private readonly res: Resolution;
  private batchVars = new Map<string, VariableDecl>();
  private batchIndex = 0;
  private readonly addedColumns = new Map<TableInfo, SourceColumn[]>();

  constructor(private readonly schema?: Schema) {
    this.res = {
      tables: new Map(), columns: new Map(), unknownTables: [], unknownColumns: [], ambiguousColumns: [],
      variables: new Map(), declarations: [], undeclared: [], scopes: [], createdTables: new Map(),
      cursorNames: [], dmlTargets: new Map(), hasSchema: !!schema && schema.size > 0,
      typeOf: (c) => {
        if (!c) return undefined;
        if ('nullable' in c) return columnInfoToType(c);
        return c.type ?? (c.info ? columnInfoToType(c.info) : undefined);
      },
    };
  }

  run(script: A.Script): Resolution {
    for (const batch of script.batches ?? []) {
      this.batchVars = new Map();
      for (const st of batch.statements ?? []) this.safe(() => this.statement(st, { ctes: new Map() }));
      this.batchIndex++;
    }
    return this.res;
  }

  private safe(f: () => void): void {
    try { f(); } catch { /* a malformed subtree must not stop resolution of the rest */ }
  }

  // Names repeat thousands of times in a script: fold each distinct spelling once.
  private readonly keyCache = new Map<string, string>();
  /** Schema columns as sources see them, built once per table (never mutated: added columns are appended to a copy). */
  private readonly tableColumns = new Map<TableInfo, SourceColumn[]>();

  private readonly columnIndexes = new WeakMap<SourceColumn[], { length: number; byKey: Map<string, SourceColumn> }>();

  /** The first column of a source's list with this key, like `columns.find`, through an index per list. */
  private findColumn(columns: SourceColumn[], key: string): SourceColumn | undefined {
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

  private readonly schemaTables = new Map<string, TableInfo | undefined>();

  /** Schema.findTable, remembered per spelling (the schema is immutable). */
  private findSchemaTable(name: string, schema: string | undefined): TableInfo | undefined {
    if (!this.schema) return undefined;
    const k = (schema ?? '') + '\u0000' + name;
    if (this.schemaTables.has(k)) return this.schemaTables.get(k);
    const t = this.schema.findTable(name, schema);
    this.schemaTables.set(k, t);
    return t;
  }

  private key(n: string): string {
    let k = this.keyCache.get(n);
    if (k === undefined) {
      k = this.schema ? this.schema.key(n) : n.toLowerCase();
      this.keyCache.set(n, k);
    }
    return k;
  }

  // ---------- statements ----------

  private statement(st: A.Statement, ctx: Ctx, scope?: Scope): void {
    if (!st) return;
    switch (st.kind) {
      case 'SelectStatement': {
        const c = this.withCtes(st.with, ctx, scope);
        this.query(st.query, c, scope);
        return;
      }
      case 'Insert': return this.insert(st, ctx, scope);
      case 'Update': return this.update(st, ctx, scope);
      case 'Delete': return this.delete(st, ctx, scope);
      case 'Merge': return this.merge(st, ctx, scope);
      case 'Declare':
        for (const item of st.items ?? []) {
          if (item.cursor) {
            this.res.cursorNames.push(item.name);
            this.query(item.cursor.query, ctx, scope);
            continue;
          }
          if (item.init) this.expr(item.init, ctx, scope);
          this.declare(item.name.name, item.table ? undefined : dataTypeToInfo(item.dataType), !!item.table, item.range);
          if (item.table) {
            this.batchTableVars.set(this.key(item.name.name), {
              name: item.name.name, kind: 'tableVariable', columns: this.defColumns(item.table),
            });
          }
        }
        return;
      case 'SetVariable':
        this.variable(st.variable);
        if (st.cursor) this.query(st.cursor.query, ctx, scope);
        else this.expr(st.value, ctx, scope);
        return;
      case 'If':
        this.expr(st.condition, ctx, scope);
        this.statement(st.then, ctx, scope);
        if (st.else) this.statement(st.else, ctx, scope);
        return;
      case 'While':
        this.expr(st.condition, ctx, scope);
        this.statement(st.body, ctx, scope);
        return;
      case 'Block':
        for (const s of st.statements ?? []) this.statement(s, ctx, scope);
        return;
      case 'TryCatch':
        for (const s of st.tryStatements ?? []) this.statement(s, ctx, scope);
        for (const s of st.catchStatements ?? []) this.statement(s, ctx, scope);
        return;
      case 'CreateTable': {
        const src: Source = { name: st.name.name.name, kind: st.name.name.name.startsWith('#') ? 'temp' : 'created', columns: this.defColumns(st.definition) };
        this.res.createdTables.set(this.key(st.name.name.name), src);
        this.exprsIn(st.definition, ctx, undefined, true);
        return;
      }
      case 'AlterTable': {
        const t = this.lookupTable(st.table);
        for (const a of st.actions ?? []) {
          if (a.kind === 'AddColumns') {
            const cols = a.columns.map((c) => ({ name: c.name.name, type: dataTypeToInfo(c.dataType) }));
            if (t?.table) this.addedColumns.set(t.table, [...(this.addedColumns.get(t.table) ?? []), ...cols]);
            else if (t?.columns) t.columns.push(...cols);
          }
        }
        return;
      }
      case 'CreateView':
        this.res.createdTables.set(this.key(st.name.name.name), { name: st.name.name.name, kind: 'created' });
        this.query(st.query, this.withCtes(st.with, ctx, undefined), undefined);
        return;
      case 'CreateRoutine': {
        const saved = this.batchVars;
        const savedTv = this.batchTableVars;
        this.batchVars = new Map();
        this.batchTableVars = new Map();
        for (const p of st.parameters ?? []) this.declare(p.name.name, dataTypeToInfo(p.dataType), false, p.range);
        if (st.returns?.variable) {
          this.declare(st.returns.variable.name, undefined, true, st.returns.range);
          if (st.returns.table) this.batchTableVars.set(this.key(st.returns.variable.name), { name: st.returns.variable.name, kind: 'tableVariable', columns: this.defColumns(st.returns.table) });
        }
        let trig: Scope | undefined;
        if (st.routineType === 'TRIGGER' && st.triggerTable) {
          const t = this.lookupTable(st.triggerTable);
          trig = { sources: [{ name: 'inserted', kind: 'inserted', table: t?.table, columns: t?.columns }, { name: 'deleted', kind: 'deleted', table: t?.table, columns: t?.columns }] };
        }
        this.triggerScope = trig;
        for (const s of st.body ?? []) this.statement(s, ctx, scope);
        this.triggerScope = undefined;
        this.batchVars = saved;
        this.batchTableVars = savedTv;
        return;
      }
      case 'Exec':
        if (st.returnVariable) this.variable(st.returnVariable);
        if (st.procedureVariable) this.variable(st.procedureVariable);
        for (const a of st.args ?? []) this.expr(a.value, ctx, scope);
        for (const d of st.dynamic ?? []) this.expr(d, ctx, scope);
        return;
      case 'Fetch':
        for (const v of st.into ?? []) this.variable(v);
        return;
      case 'Cursor':
        return;
      default:
        // Other statements: resolve any expressions (variables) inside them without table scope.
        this.exprsIn(st, ctx, scope, false);
    }
  }

  private batchTableVars = new Map<string, Source>();
  private readonly reportedTableVars = new Set<object>();
  private triggerScope?: Scope;

  private defColumns(def: A.TableDefinition | undefined): SourceColumn[] {
    return (def?.columns ?? []).map((c) => ({ name: c.name.name, type: dataTypeToInfo(c.dataType) }));
  }

  private declare(name: string, type: TypeInfo | undefined, isTable: boolean, range: A.Span): void {
    const d: VariableDecl = { name, type, isTable, range, batch: this.batchIndex };
    this.batchVars.set(this.key(name), d);
    this.res.declarations.push(d);
  }

  private variable(v: A.VariableRef): void {
    if (!v || v.system || !v.name || !v.name.startsWith('@') || v.name.startsWith('@@')) return;
    const d = this.batchVars.get(this.key(v.name));
    this.res.variables.set(v, d);
    if (!d) this.res.undeclared.push(v);
  }

  private withCtes(w: A.WithClause | undefined, ctx: Ctx, scope: Scope | undefined): Ctx {
    if (!w) return ctx;
    const ctes = new Map(ctx.ctes);
    const c: Ctx = { ctes };
    for (const cte of w.ctes ?? []) {
      // Register first so recursive CTEs resolve; columns filled after.
      const src: Source = { name: cte.name.name, kind: 'cte', columns: undefined };
      ctes.set(this.key(cte.name.name), src);
      const cols = this.query(cte.query, c, scope);
      src.columns = cte.columns ? cte.columns.map((i) => ({ name: i.name })) : cols;
    }
    return c;
  }

  private outputScope(out: A.OutputClause | undefined, target: Source | undefined, extra: Source[], ctx: Ctx, scope: Scope | undefined): void {
    if (!out) return;
    const cols = target?.columns;
    const s: Scope = {
      sources: [
        { name: 'inserted', kind: 'inserted', table: target?.table, columns: cols },
        { name: 'deleted', kind: 'deleted', table: target?.table, columns: cols },
        ...extra,
      ],
      parent: scope,
    };
    for (const item of out.items ?? []) this.selectItem(item, ctx, s);
    if (out.into) {
      const t = this.lookupTable(out.into.target);
      if (t?.columns && out.into.columns) for (const c of out.into.columns) this.checkTargetColumn(c, t);
    }
  }

  private insert(st: A.InsertStatement, ctx0: Ctx, scope?: Scope): void {
    const ctx = this.withCtes(st.with, ctx0, scope);
    if (st.top) this.expr(st.top.expr, ctx, scope);
    const target = this.targetFromName(st.target, ctx, st.range);
    if (target) this.res.dmlTargets.set(st, target);
    if (target?.columns && st.columns) for (const c of st.columns) this.checkTargetColumn(c, target);
    const src = st.source;
    if (src?.kind === 'Values') for (const row of src.rows ?? []) for (const e of row) this.expr(e, ctx, scope);
    else if (src?.kind === 'Query') this.query(src.query, ctx, scope);
    else if (src?.kind === 'Exec') this.statement(src.exec, ctx, scope);
    this.outputScope(st.output, target, [], ctx, scope);
  }

  /** Records column names of INSERT/OUTPUT INTO targets that do not exist. */
  private checkTargetColumn(id: A.Identifier, target: Source): void {
    if (!target.columns) return;
    if (target.columns.some((c) => this.key(c.name) === this.key(id.name))) return;
    const fake = { kind: 'ColumnRef', parts: [id], column: id, range: id.range } as A.ColumnRef;
    this.res.unknownColumns.push({ ref: fake, candidates: target.columns.map((c) => c.name), source: target });
  }

  /** A TableRef used as a DML target; binds it to a FROM alias if there is one. */
  private dmlTarget(ref: A.TableRef, fromSources: Source[], ctx: Ctx): Source | undefined {
    const parts = ref.name?.parts ?? [];
    if (parts.length === 1) {
      const n = this.key(ref.name.name.name);
      const hit = fromSources.find((s) => this.key(s.name) === n);
      if (hit) {
        this.res.tables.set(ref, hit);
        return hit;
      }
    }
    return this.tableRef(ref, ctx);
  }

  private update(st: A.UpdateStatement, ctx0: Ctx, scope?: Scope): void {
    const ctx = this.withCtes(st.with, ctx0, scope);
    if (st.top) this.expr(st.top.expr, ctx, scope);
    const fromSources = this.fromSources(st.from ?? [], ctx, scope);
    const target = st.target ? this.dmlTarget(st.target, fromSources, ctx) : undefined;
    if (target) this.res.dmlTargets.set(st, target);
    const sources = fromSources.length ? fromSources : target ? [target] : [];
    const s: Scope = { sources, parent: scope };
    this.pushScope(st.range, s);
    this.joinConditions(st.from ?? [], ctx, s);
    for (const item of st.set ?? []) {
      if (item.variable) this.variable(item.variable);
      if (item.column && target) this.columnRef(item.column, { sources: [target] });
      this.expr(item.value, ctx, s);
    }
    if (st.where) this.expr(st.where, ctx, s);
    this.outputScope(st.output, target, fromSources.filter((x) => x !== target), ctx, scope);
  }

  private delete(st: A.DeleteStatement, ctx0: Ctx, scope?: Scope): void {
    const ctx = this.withCtes(st.with, ctx0, scope);
    if (st.top) this.expr(st.top.expr, ctx, scope);
    const fromSources = this.fromSources(st.from ?? [], ctx, scope);
    const target = st.target ? this.dmlTarget(st.target, fromSources, ctx) : undefined;
    if (target) this.res.dmlTargets.set(st, target);
    const sources = fromSources.length ? fromSources : target ? [target] : [];
    const s: Scope = { sources, parent: scope };
    this.pushScope(st.range, s);
    this.joinConditions(st.from ?? [], ctx, s);
    if (st.where) this.expr(st.where, ctx, s);
    this.outputScope(st.output, target, fromSources.filter((x) => x !== target), ctx, scope);
  }

  private merge(st: A.MergeStatement, ctx0: Ctx, scope?: Scope): void {
    const ctx = this.withCtes(st.with, ctx0, scope);
    const target = st.target ? this.tableRef(st.target, ctx) : undefined;
    if (target) this.res.dmlTargets.set(st, target);
    const srcSources = st.source ? this.fromSources([st.source], ctx, scope) : [];
    const sources = [...(target ? [target] : []), ...srcSources];
    const s: Scope = { sources, parent: scope };
    this.pushScope(st.range, s);
    if (st.source) this.joinConditions([st.source], ctx, s);
    this.expr(st.on, ctx, s);
    for (const cl of st.clauses ?? []) {
      if (cl.condition) this.expr(cl.condition, ctx, s);
      const a = cl.action;
      if (a?.kind === 'MergeUpdate') {
        for (const item of a.set ?? []) {
          if (item.variable) this.variable(item.variable);
          if (item.column && target) this.columnRef(item.column, { sources: [target] });
          this.expr(item.value, ctx, s);
        }
      } else if (a?.kind === 'MergeInsert') {
        if (target && a.columns) for (const c of a.columns) this.checkTargetColumn(c, target);
        const insScope: Scope = { sources: srcSources, parent: scope };
        for (const v of a.values ?? []) this.expr(v, ctx, insScope);
      }
    }
    this.outputScope(st.output, target, srcSources, ctx, scope);
  }

  // ---------- queries ----------

  private pushScope(range: A.Span, s: Scope): void {
    const all: Source[] = [];
    for (let x: Scope | undefined = s; x; x = x.parent) all.push(...x.sources);
    this.res.scopes.push({ range, sources: all });
  }

  /** Resolves a query; returns its output columns (undefined when unknown, e.g. SELECT *). */
  private query(q: A.QueryExpression | undefined, ctx: Ctx, outer: Scope | undefined): SourceColumn[] | undefined {
    if (!q) return undefined;
    switch (q.kind) {
      case 'ParenQuery': {
        const cols = this.query(q.query, ctx, outer);
        this.orderBy(q.orderBy, ctx, outer, undefined);
        return cols;
      }
      case 'SetOperation': {
        const left = this.query(q.left, ctx, outer);
        this.query(q.right, ctx, outer);
        const s: Scope = { sources: [], aliases: new Set((left ?? []).map((c) => this.key(c.name))), parent: undefined };
        this.orderBy(q.orderBy, ctx, s, left);
        return left;
      }
      case 'Select': return this.select(q, ctx, outer);
      default: return undefined;
    }
  }

  private orderBy(items: A.OrderItem[] | undefined, ctx: Ctx, s: Scope | undefined, cols: SourceColumn[] | undefined): void {
    for (const o of items ?? []) {
      if (o.expr?.kind === 'ColumnRef' && !o.expr.qualifier?.length && cols?.some((c) => this.key(c.name) === this.key(o.expr.kind === 'ColumnRef' ? o.expr.column.name : ''))) continue;
      this.expr(o.expr, ctx, s);
    }
  }

  private select(q: A.SelectQuery, ctx: Ctx, outer: Scope | undefined): SourceColumn[] | undefined {
    const sources = this.fromSources(q.from ?? [], ctx, outer);
    const s: Scope = { sources, parent: outer };
    this.pushScope(q.range, s);
    this.joinConditions(q.from ?? [], ctx, s);
    if (q.top) this.expr(q.top.expr, ctx, s);
    let cols: SourceColumn[] | undefined = [];
    for (const item of q.columns ?? []) {
      const c = this.selectItem(item, ctx, s);
      if (c === undefined) cols = undefined;
      else if (cols) cols.push(...c);
    }
    if (q.where) this.expr(q.where, ctx, s);
    for (const g of q.groupBy ?? []) this.expr(g, ctx, s);
    if (q.having) this.expr(q.having, ctx, s);
    const aliases = new Set((q.columns ?? []).flatMap((c) => (c.kind === 'SelectColumn' && c.alias ? [this.key(c.alias.name)] : [])));
    for (const o of q.orderBy ?? []) {
      if (o.expr?.kind === 'ColumnRef' && !o.expr.qualifier?.length && aliases.has(this.key(o.expr.column.name))) continue;
      this.expr(o.expr, ctx, s);
    }
    if (q.offset) this.expr(q.offset, ctx, s);
    if (q.fetch) this.expr(q.fetch, ctx, s);
    if (q.into) {
      const n = q.into.name.name;
      this.res.createdTables.set(this.key(n), { name: n, kind: n.startsWith('#') ? 'temp' : 'created', columns: cols ? cols.map((c) => ({ ...c })) : undefined });
    }
    return cols;
  }

  /** Output columns of one select item; undefined when unknown. */
  private selectItem(item: A.SelectItem, ctx: Ctx, s: Scope): SourceColumn[] | undefined {
    if (!item) return undefined;
    if (item.kind === 'Star') {
      const q = item.qualifier;
      const all: SourceColumn[] = [];
      if (q?.length) {
        const src = this.findSourceByQualifier(q, s);
        return src?.columns ? src.columns.map((c) => ({ ...c })) : undefined;
      }
      for (const src of s.sources) {
        if (!src.columns) return undefined;
        all.push(...src.columns);
      }
      return all;
    }
    if (item.kind === 'SelectAssign') {
      this.variable(item.variable);
      this.expr(item.expr, ctx, s);
      return [];
    }
    this.expr(item.expr, ctx, s);
    const name = item.alias?.name ?? (item.expr?.kind === 'ColumnRef' ? item.expr.column.name : undefined);
    const type = this.inferType(item.expr);
    const bound = item.expr?.kind === 'ColumnRef' ? this.res.columns.get(item.expr)?.column : undefined;
    return [{ name: name ?? '', info: bound?.info, type: type }];
  }

  private joinConditions(from: A.TableSource[], ctx: Ctx, s: Scope): void {
    const visit = (t: A.TableSource | undefined): void => {
      if (!t) return;
      if (t.kind === 'Join') {
        visit(t.left);
        visit(t.right);
        if (t.on) this.expr(t.on, ctx, s);
      }
    };
    for (const t of from) visit(t);
  }

  /** Sources introduced by a FROM list; derived tables and APPLY see the sources to their left. */
  private fromSources(from: A.TableSource[], ctx: Ctx, outer: Scope | undefined): Source[] {
    const out: Source[] = [];
    const add = (t: A.TableSource | undefined): void => {
      if (!t) return;
      switch (t.kind) {
        case 'Join': {
          add(t.left);
          add(t.right);
          return;
        }
        case 'TableRef': {
          const src = this.tableRef(t, ctx);
          if (src) out.push(src);
          return;
        }
        case 'DerivedTable': {
          const lateral: Scope = { sources: [...out], parent: outer };
          const cols = this.query(t.query, ctx, lateral);
          out.push({
            name: t.alias?.name ?? '', kind: 'derived', range: t.range,
            columns: t.columns ? t.columns.map((c) => ({ name: c.name })) : cols,
          });
          return;
        }
        case 'TableFunctionRef': {
          const lateral: Scope = { sources: [...out], parent: outer };
          for (const a of t.call?.args ?? []) this.expr(a, ctx, lateral);
          const cols = t.withColumns ? t.withColumns.map((c) => ({ name: c.name.name, type: dataTypeToInfo(c.dataType) }))
            : t.columns ? t.columns.map((c) => ({ name: c.name })) : undefined;
          out.push({ name: t.alias?.name ?? t.call?.name?.name?.name ?? '', kind: 'function', columns: cols, range: t.range });
          return;
        }
        case 'ValuesTable': {
          for (const row of t.rows ?? []) for (const e of row) this.expr(e, ctx, outer);
          out.push({ name: t.alias?.name ?? '', kind: 'values', columns: t.columns?.map((c) => ({ name: c.name })), range: t.range });
          return;
        }
      }
    };
    for (const t of from) add(t);
    return out;
  }

  private targetFromName(name: A.ObjectName, ctx: Ctx, range: A.Span): Source | undefined {
    const fake = { kind: 'TableRef', name, hints: [], range: name?.range ?? range } as A.TableRef;
    return this.tableRef(fake, ctx);
  }

  /** Finds what an object name denotes, without recording anything. */
  private lookupTable(name: A.ObjectName | undefined, ctx?: Ctx): Source | undefined {
    if (!name?.name) return undefined;
    const n = name.name.name;
    const k = this.key(n);
    if (n.startsWith('@')) {
      const tv = this.batchTableVars.get(k);
      if (!tv && !this.batchVars.has(k) && !this.reportedTableVars.has(name.name)) {
        this.reportedTableVars.add(name.name);
        this.res.undeclared.push({ kind: 'Variable', name: n, system: false, range: name.name.range });
      }
      return tv ?? { name: n, kind: 'tableVariable' };
    }
    if (n.startsWith('#')) return this.res.createdTables.get(k) ?? { name: n, kind: 'temp' };
    if (name.server || name.database?.name) {
      // Another database or server: not checked (unless it is the schema's tables by name? keep silent).
      return { name: n, kind: 'external' };
    }
    const sch = name.schema?.name;
    if (sch && /^(sys|information_schema)$/i.test(sch)) return { name: n, kind: 'external' };
    if (!sch && (k === 'inserted' || k === 'deleted')) {
      const trig = this.triggerScope?.sources.find((x) => x.name === k);
      return trig ? { ...trig } : { name: n, kind: k };
    }
    if (!sch && ctx) {
      const cte = ctx.ctes.get(k);
      if (cte) return cte;
    }
    const created = this.res.createdTables.get(k);
    if (created) return created;
    const t = this.findSchemaTable(n, sch);
    if (t) {
      const added = this.addedColumns.get(t);
      let base = this.tableColumns.get(t);
      if (!base) {
        base = t.columns.map((c) => ({ name: c.name, info: c }));
        this.tableColumns.set(t, base);
      }
      const cols: SourceColumn[] = added ? [...base, ...added] : base;
      // A view whose columns the source could not work out is open: any column is accepted.
      return { name: n, kind: t.kind, table: t, columns: cols.length ? cols : undefined };
    }
    if (!sch && /^(sys|dm_|fn_)/i.test(n)) return { name: n, kind: 'external' };
    return undefined;
  }

  private tableRef(ref: A.TableRef, ctx: Ctx): Source | undefined {
    const found = this.lookupTable(ref.name, ctx);
    const alias = ref.alias?.name ?? ref.name?.name?.name ?? '';
    let src: Source;
    if (found) src = { ...found, name: alias, ref, range: ref.range };
    else {
      src = { name: alias, kind: 'unknown', ref, range: ref.range };
      if (this.res.hasSchema) this.res.unknownTables.push(ref);
    }
    this.res.tables.set(ref, src);
    return src;
  }

  // ---------- expressions ----------

  /** Resolves expressions in any subtree: variables, and column refs against the scope. */
  private exprsIn(node: object, ctx: Ctx, s: Scope | undefined, skipColumns: boolean): void {
    forEachChild(node, (c) => {
      if (c.kind === 'Variable') this.variable(c as unknown as A.VariableRef);
      else if (c.kind === 'ColumnRef') { if (!skipColumns && s) this.columnRef(c as unknown as A.ColumnRef, s); }
      else if (c.kind === 'Select' || c.kind === 'SetOperation' || c.kind === 'ParenQuery') this.query(c as unknown as A.QueryExpression, ctx, s);
      else this.exprsIn(c, ctx, s, skipColumns);
    });
  }

  private expr(e: A.Expression | undefined, ctx: Ctx, s: Scope | undefined): void {
    if (!e) return;
    switch (e.kind) {
      case 'ColumnRef':
        if (s) this.columnRef(e, s);
        return;
      case 'Variable': return this.variable(e);
      case 'Subquery': case 'Exists': this.query(e.query, ctx, s); return;
      case 'In':
        this.expr(e.expr, ctx, s);
        for (const x of e.list ?? []) this.expr(x, ctx, s);
        if (e.subquery) this.query(e.subquery, ctx, s);
        return;
      case 'Quantified':
        this.expr(e.left, ctx, s);
        this.query(e.query, ctx, s);
        return;
      case 'FunctionCall': {
        const fname = e.name?.name?.name?.toLowerCase() ?? '';
        const args = e.args ?? [];
        if (fname === 'update' || fname === 'columns_updated') return; // trigger column tests
        args.forEach((a, i) => {
          if (i === 0 && DATEPART_FUNCTIONS.has(fname) && a?.kind === 'ColumnRef' && !a.qualifier?.length) return;
          this.expr(a, ctx, s);
        });
        if (e.over) this.exprsIn(e.over, ctx, s, false);
        for (const w of e.withinGroup ?? []) this.expr(w.expr, ctx, s);
        return;
      }
      default:
        forEachChild(e, (c) => {
          if (c.kind === 'Select' || c.kind === 'SetOperation' || c.kind === 'ParenQuery') this.query(c as unknown as A.QueryExpression, ctx, s);
          else if (c.kind === 'DataType') return;
          else this.expr(c as unknown as A.Expression, ctx, s);
        });
    }
  }

  private findSourceByQualifier(q: A.Identifier[], s: Scope): Source | undefined {
    const last = this.key(q[q.length - 1].name);
    for (let x: Scope | undefined = s; x; x = x.parent) {
      const byAlias = x.sources.find((src) => this.key(src.name) === last);
      if (byAlias) return byAlias;
      // dbo.Menetlus.Number when Menetlus has an alias is an error in SQL Server; accept table name when no alias.
      const byTable = x.sources.find((src) => src.table && this.key(src.table.name) === last && (!src.ref?.alias || q.length > 1));
      if (byTable) return byTable;
    }
    return undefined;
  }

  private columnRef(ref: A.ColumnRef, s: Scope): void {
    const name = ref.column?.name;
    if (!name || name.startsWith('$') || name.startsWith('@')) return;
    if (!ref.qualifier?.length && NILADIC.has(name.toLowerCase())) return;
    const key = this.key(name);
    if (ref.qualifier?.length) {
      const src = this.findSourceByQualifier(ref.qualifier, s);
      if (!src) return; // unknown qualifier: could be a function, a type method, another db: stay silent
      if (!src.columns) { this.res.columns.set(ref, { source: src }); return; }
      const col = this.findColumn(src.columns, key);
      if (col) this.res.columns.set(ref, { source: src, column: col });
      else if (src.kind !== 'unknown' && src.kind !== 'external') {
        this.res.unknownColumns.push({ ref, candidates: src.columns.map((c) => c.name), source: src });
      }
      return;
    }
    let anyOpen = false;
    let innermost: Source[] | undefined;
    for (let x: Scope | undefined = s; x; x = x.parent) {
      if (x.aliases?.has(key)) return;
      const hits: { src: Source; col: SourceColumn }[] = [];
      let open = false;
      for (const src of x.sources) {
        if (!src.columns) { open = true; continue; }
        const col = this.findColumn(src.columns, key);
        if (col) hits.push({ src, col });
      }
      if (!innermost && x.sources.length) innermost = x.sources;
      if (hits.length === 1 && !open) { this.res.columns.set(ref, { source: hits[0].src, column: hits[0].col }); return; }
      if (hits.length === 1 && open) { this.res.columns.set(ref, { source: hits[0].src, column: hits[0].col }); return; }
      if (hits.length > 1) {
        this.res.ambiguousColumns.push({ ref, sources: hits.map((h) => h.src) });
        this.res.columns.set(ref, { source: hits[0].src, column: hits[0].col });
        return;
      }
      if (open) { anyOpen = true; break; }
    }
    if (anyOpen || !innermost || !innermost.length) return;
    if (innermost.some((src) => src.kind === 'unknown' || src.kind === 'external')) return;
    const candidates = innermost.flatMap((src) => (src.columns ?? []).map((c) => c.name));
    this.res.unknownColumns.push({ ref, candidates, source: innermost.length === 1 ? innermost[0] : undefined });
  }

  // ---------- types ----------

  inferType(e: A.Expression | undefined): TypeInfo | undefined {
    return inferExpressionType(e, this.res);
  }
}

/** Type of simple expressions: literals, columns, variables, CAST/CONVERT, parentheses. */
export function inferExpressionType(e: A.Expression | undefined, res: Resolution): TypeInfo | undefined {
  if (!e) return undefined;
  switch (e.kind) {
    case 'Literal':
      switch (e.literalType) {
        case 'string': return { name: 'varchar', maxLength: e.value.length };
        case 'nstring': return { name: 'nvarchar', maxLength: e.value.length };
        case 'integer': return { name: 'int' };
        case 'decimal': return { name: 'decimal' };
        case 'float': return { name: 'float' };
        case 'money': return { name: 'money' };
        case 'binary': return { name: 'varbinary' };
        default: return undefined;
      }
    case 'ColumnRef': {
      const b = res.columns.get(e);
      return b?.column ? res.typeOf(b.column) : undefined;
    }
    case 'Variable': return res.variables.get(e)?.type;
    case 'Cast': return dataTypeToInfo(e.dataType);
    case 'Paren': return inferExpressionType(e.expr, res);
    default: return undefined;
  }
}

export type { ColumnBinding, ColumnInfo, AnyNode };

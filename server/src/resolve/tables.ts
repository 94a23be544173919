// Table references: what an object name denotes (schema table or view, CTE, temp table, table
// variable, trigger/OUTPUT pseudo table, another database) and the sources a FROM list brings.
import type * as A from '../sql/ast';
import { expr } from './expressions';
import { query } from './queries';
import type { Ctx, ResolverState, Scope } from './state';
import { dataTypeToInfo, type Source, type SourceColumn } from './types';
import type { ColumnInfo } from '../schema/model';

/**
 * Columns of a table the script defines (CREATE TABLE #t / dbo.Abi, DECLARE @t TABLE, RETURNS @t TABLE),
 * with what the INSERT rules need: nullability (NULL unless NOT NULL, PRIMARY KEY or IDENTITY is written),
 * identity, computed and whether there is a default.
 */
export function defColumns(def: A.TableDefinition | undefined): SourceColumn[] {
  return (def?.columns ?? []).map((c) => {
    const type = dataTypeToInfo(c.dataType);
    const info: ColumnInfo = {
      name: c.name.name,
      type: type?.name ?? '',
      nullable: c.nullable ?? !(c.primaryKey || c.identity),
      identity: !!c.identity,
      computed: !!c.computed,
    };
    if (type?.maxLength !== undefined) info.maxLength = type.maxLength;
    if (type?.precision !== undefined) { info.precision = type.precision; info.scale = type.scale; }
    if (c.default) info.default = 'default';
    return { name: c.name.name, type, info };
  });
}

/** Finds what an object name denotes, without recording anything. */
export function lookupTable(r: ResolverState, name: A.ObjectName | undefined, ctx?: Ctx): Source | undefined {
  if (!name?.name) return undefined;
  const n = name.name.name;
  const k = r.key(n);
  const first = n.charCodeAt(0);
  if (first === 64 /* @ */) {
    const tv = r.batchTableVars.get(k);
    if (!tv && !r.batchVars.has(k) && !r.reportedTableVars.has(name.name)) {
      r.reportedTableVars.add(name.name);
      r.res.undeclared.push({ kind: 'Variable', name: n, system: false, range: name.name.range });
    }
    return tv ?? { name: n, kind: 'tableVariable' };
  }
  if (first === 35 /* # */) return r.res.createdTables.get(k) ?? { name: n, kind: 'temp' };
  // Another database or server: not checked.
  if (name.server || name.database?.name) return { name: n, kind: 'external' };
  const written = name.schema?.name;
  // [$(Skeem)].Menetlus: a SQLCMD variable as the schema (deployment scripts): look the table up by its name alone
  const sch = written && written.includes('$(') ? undefined : written;
  if (sch && /^(sys|information_schema)$/i.test(sch)) return { name: n, kind: 'external' };
  if (!written && (k === 'inserted' || k === 'deleted')) {
    const trig = r.triggerScope?.sources.find((x) => x.name === k);
    return trig ? { ...trig } : { name: n, kind: k };
  }
  if (!written && ctx) {
    const cte = ctx.ctes.get(k);
    if (cte) return cte;
  }
  const created = r.res.createdTables.get(k);
  if (created) return created;
  const t = r.findSchemaTable(n, sch);
  if (t) {
    const cols = r.columnsOf(t);
    // A view whose columns the source could not work out is open: any column is accepted.
    return { name: n, kind: t.kind, table: t, columns: cols.length ? cols : undefined };
  }
  if (!written && /^(sys|dm_|fn_)/i.test(n)) return { name: n, kind: 'external' };
  return undefined;
}

/** Binds a table reference to a source named by its alias; an unknown table is recorded when there is a schema. */
export function tableRef(r: ResolverState, ref: A.TableRef, ctx: Ctx): Source {
  const found = lookupTable(r, ref.name, ctx);
  const alias = ref.alias?.name ?? ref.name?.name?.name ?? '';
  let src: Source;
  if (found) {
    // one object shape for every bound table (what a spread of `found` gave, without the spread)
    src = { name: alias, kind: found.kind, ref, range: ref.range };
    if (found.table !== undefined) src.table = found.table;
    if ('columns' in found) src.columns = found.columns;
  } else {
    src = { name: alias, kind: 'unknown', ref, range: ref.range };
    if (r.res.hasSchema) r.res.unknownTables.push(ref);
  }
  r.res.tables.set(ref, src);
  return src;
}

/** A statement's target given as a bare object name (INSERT, CREATE INDEX ON, TRUNCATE, DROP). */
export function targetFromName(r: ResolverState, name: A.ObjectName, ctx: Ctx, range: A.Span): Source {
  const fake = { kind: 'TableRef', name, hints: [], range: name?.range ?? range } as A.TableRef;
  return tableRef(r, fake, ctx);
}

/** A TableRef used as a DML target; binds it to a FROM alias if there is one. */
export function dmlTarget(r: ResolverState, ref: A.TableRef, fromSources: Source[], ctx: Ctx): Source {
  const parts = ref.name?.parts ?? [];
  if (parts.length === 1) {
    const n = r.key(ref.name.name.name);
    const hit = fromSources.find((s) => r.key(s.name) === n);
    if (hit) {
      r.res.tables.set(ref, hit);
      return hit;
    }
  }
  return tableRef(r, ref, ctx);
}

/** Records column names of INSERT/OUTPUT INTO targets that do not exist. */
export function checkTargetColumn(r: ResolverState, id: A.Identifier, target: Source): void {
  if (!target.columns) return;
  const key = r.key(id.name);
  const col = r.findColumn(target.columns, key);
  if (col) {
    if (r.addedInThisBatch(col)) r.res.sameBatchColumns.push({ ref: { kind: 'ColumnRef', parts: [id], column: id, range: id.range } as A.ColumnRef, source: target });
    return;
  }
  const fake = { kind: 'ColumnRef', parts: [id], column: id, range: id.range } as A.ColumnRef;
  r.res.unknownColumns.push({ ref: fake, candidates: r.columnNames(target.columns), source: target });
}

/** The ON conditions of the joins in a FROM list, resolved in the statement's scope. */
export function joinConditions(r: ResolverState, from: A.TableSource[], ctx: Ctx, s: Scope): void {
  const visit = (t: A.TableSource | undefined): void => {
    if (t?.kind !== 'Join') return;
    visit(t.left);
    visit(t.right);
    if (t.on) expr(r, t.on, ctx, s);
  };
  for (const t of from) visit(t);
}

/** The columns a PIVOT / UNPIVOT leaves: the source's minus the consumed plus the new ones (open when unknown). */
function pivotColumns(r: ResolverState, cols: SourceColumn[] | undefined, pivot: A.DerivedTable['pivot']): SourceColumn[] | undefined {
  if (!pivot) return cols;
  if (!cols || pivot.shape === 'unknown') return undefined;
  const removed = new Set(pivot.removed.map((n) => r.key(n)));
  return [...cols.filter((c) => !removed.has(r.key(c.name))), ...pivot.added.map((name) => ({ name }))];
}

/** Columns of built-in table functions with a fixed result: OPENJSON without WITH, STRING_SPLIT. */
function builtinFunctionColumns(r: ResolverState, call: A.FunctionCall | undefined): SourceColumn[] | undefined {
  const parts = call?.name?.parts ?? [];
  if (parts.length !== 1) return undefined;
  switch (r.lower(parts[0].name)) {
    case 'openjson':
      return [
        { name: 'key', type: { name: 'nvarchar', maxLength: 4000 } },
        { name: 'value', type: { name: 'nvarchar', maxLength: -1 } },
        { name: 'type', type: { name: 'int' } },
      ];
    case 'string_split': {
      const cols: SourceColumn[] = [{ name: 'value', type: { name: 'nvarchar', maxLength: -1 } }];
      if ((call?.args?.length ?? 0) >= 3) cols.push({ name: 'ordinal', type: { name: 'bigint' } });
      return cols;
    }
    default:
      return undefined;
  }
}

/** Sources introduced by a FROM list; derived tables and APPLY see the sources to their left. */
export function fromSources(r: ResolverState, from: A.TableSource[], ctx: Ctx, outer: Scope | undefined): Source[] {
  const out: Source[] = [];
  const add = (t: A.TableSource | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case 'Join':
        add(t.left);
        add(t.right);
        return;
      case 'TableRef':
        out.push(tableRef(r, t, ctx));
        return;
      case 'DerivedTable': {
        const cols = query(r, t.query, ctx, { sources: [...out], parent: outer });
        out.push({
          name: t.alias?.name ?? '', kind: 'derived', range: t.range,
          columns: t.columns ? t.columns.map((c) => ({ name: c.name })) : pivotColumns(r, cols, t.pivot),
        });
        return;
      }
      case 'TableFunctionRef': {
        const lateral: Scope = { sources: [...out], parent: outer };
        for (const a of t.call?.args ?? []) expr(r, a, ctx, lateral);
        const cols = t.withColumns ? t.withColumns.map((c) => ({ name: c.name.name, type: dataTypeToInfo(c.dataType) }))
          : t.columns ? t.columns.map((c) => ({ name: c.name })) : builtinFunctionColumns(r, t.call);
        out.push({ name: t.alias?.name ?? t.call?.name?.name?.name ?? '', kind: 'function', columns: cols, range: t.range });
        return;
      }
      case 'ValuesTable':
        for (const row of t.rows ?? []) for (const e of row) expr(r, e, ctx, outer);
        out.push({ name: t.alias?.name ?? '', kind: 'values', columns: t.columns?.map((c) => ({ name: c.name })), range: t.range });
        return;
    }
  };
  for (const t of from) add(t);
  return out;
}

// Statements: DML targets and scopes (INSERT, UPDATE, DELETE, MERGE, OUTPUT), declarations,
// control flow, and what DDL in the script creates or changes.
import type * as A from '../sql/ast';
import { columnRef } from './columns';
import { alterTable, createIndex, dropOrTruncate, tableDefinition } from './ddl';
import { isExistenceGuard } from './existenceGuard';
import { expr, exprsIn } from './expressions';
import { query, selectItem, withCtes } from './queries';
import type { Ctx, ResolverState, Scope } from './state';
import { checkTargetColumn, defColumns, dmlTarget, fromSources, joinConditions, lookupTable, tableRef, targetFromName } from './tables';
import { dataTypeToInfo, type Source } from './types';
import { declareVariable, variableRef } from './variables';

export function statement(r: ResolverState, st: A.Statement, ctx: Ctx, scope?: Scope): void {
  if (!st) return;
  switch (st.kind) {
    case 'SelectStatement':
      query(r, st.query, withCtes(r, st.with, ctx, scope), scope);
      return;
    case 'Insert': return insert(r, st, ctx, scope);
    case 'Update':
    case 'Delete': return changeRows(r, st, ctx, scope);
    case 'Merge': return merge(r, st, ctx, scope);
    case 'Declare':
      for (const item of st.items ?? []) {
        if (item.cursor) {
          r.res.cursorNames.push(item.name);
          query(r, item.cursor.query, withCtes(r, item.cursor.with, ctx, scope), scope);
          continue;
        }
        if (item.init) expr(r, item.init, ctx, scope);
        declareVariable(r, item.name.name, item.table ? undefined : dataTypeToInfo(item.dataType), !!item.table, item.range);
        if (item.table) r.batchTableVars.set(r.key(item.name.name), { name: item.name.name, kind: 'tableVariable', columns: defColumns(item.table) });
      }
      return;
    case 'SetVariable':
      variableRef(r, st.variable);
      if (st.cursor) query(r, st.cursor.query, withCtes(r, st.cursor.with, ctx, scope), scope);
      else expr(r, st.value, ctx, scope);
      return;
    case 'If':
      expr(r, st.condition, ctx, scope);
      statement(r, st.then, isExistenceGuard(st.condition) ? { ...ctx, existenceGuarded: true } : ctx, scope);
      if (st.else) statement(r, st.else, ctx, scope);
      return;
    case 'While':
      expr(r, st.condition, ctx, scope);
      statement(r, st.body, ctx, scope);
      return;
    case 'Block':
      for (const s of st.statements ?? []) statement(r, s, ctx, scope);
      return;
    case 'TryCatch':
      for (const s of st.tryStatements ?? []) statement(r, s, ctx, scope);
      for (const s of st.catchStatements ?? []) statement(r, s, ctx, scope);
      return;
    case 'CreateTable': {
      const n = st.name.name.name;
      const created: Source = { name: n, kind: n.startsWith('#') ? 'temp' : 'created', columns: defColumns(st.definition) };
      r.res.createdTables.set(r.key(n), created);
      tableDefinition(r, st.definition, created, ctx);
      return;
    }
    case 'AlterTable': return alterTable(r, st, ctx);
    case 'CreateIndex': return createIndex(r, st, ctx);
    case 'Drop':
    case 'Truncate': return dropOrTruncate(r, st, ctx);
    case 'CreateView': {
      // A view the script creates reads (and through it, changes) permanent rows: kind 'view', its columns
      // from the select list (or the view's column list); open when the select list cannot be known.
      const n = st.name.name.name;
      r.res.createdTables.set(r.key(n), { name: n, kind: 'view' });
      let cols = query(r, st.query, withCtes(r, st.with, ctx, undefined), undefined);
      if (cols && st.columns?.length) cols = st.columns.length === cols.length ? cols.map((c, i) => ({ ...c, name: st.columns![i].name })) : undefined;
      if (cols && cols.every((c) => c.name)) r.res.createdTables.set(r.key(n), { name: n, kind: 'view', columns: cols });
      return;
    }
    case 'CreateRoutine': return routine(r, st, ctx, scope);
    case 'Exec':
      if (st.returnVariable) variableRef(r, st.returnVariable);
      if (st.procedureVariable) variableRef(r, st.procedureVariable);
      for (const a of st.args ?? []) expr(r, a.value, ctx, scope);
      for (const d of st.dynamic ?? []) expr(r, d, ctx, scope);
      return;
    case 'Fetch':
      for (const v of st.into ?? []) variableRef(r, v);
      return;
    case 'Cursor':
      return;
    default:
      // Other statements: resolve any expressions (variables) inside them without table scope.
      exprsIn(r, st, ctx, scope, false);
  }
}

/** A procedure, function or trigger body: its own variables; a trigger sees inserted/deleted of its table. */
function routine(r: ResolverState, st: A.CreateRoutineStatement, ctx: Ctx, scope: Scope | undefined): void {
  const saved = r.batchVars;
  const savedTv = r.batchTableVars;
  r.batchVars = new Map();
  r.batchTableVars = new Map();
  for (const p of st.parameters ?? []) declareVariable(r, p.name.name, dataTypeToInfo(p.dataType), false, p.range);
  if (st.returns?.variable) {
    declareVariable(r, st.returns.variable.name, undefined, true, st.returns.range);
    if (st.returns.table) r.batchTableVars.set(r.key(st.returns.variable.name), { name: st.returns.variable.name, kind: 'tableVariable', columns: defColumns(st.returns.table) });
  }
  let trig: Scope | undefined;
  if (st.routineType === 'TRIGGER' && st.triggerTable) {
    const t = lookupTable(r, st.triggerTable);
    trig = { sources: [{ name: 'inserted', kind: 'inserted', table: t?.table, columns: t?.columns }, { name: 'deleted', kind: 'deleted', table: t?.table, columns: t?.columns }] };
  }
  r.triggerScope = trig;
  for (const s of st.body ?? []) statement(r, s, ctx, scope);
  r.triggerScope = undefined;
  r.batchVars = saved;
  r.batchTableVars = savedTv;
}

/** OUTPUT sees inserted/deleted (the target's columns) and, for UPDATE/DELETE/MERGE, the other sources. */
function outputScope(r: ResolverState, out: A.OutputClause | undefined, target: Source | undefined, extra: Source[], ctx: Ctx, scope: Scope | undefined): void {
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
  for (const item of out.items ?? []) selectItem(r, item, ctx, s);
  if (out.into) {
    const t = lookupTable(r, out.into.target);
    if (t?.columns && out.into.columns) for (const c of out.into.columns) checkTargetColumn(r, c, t);
  }
}

/** SET items: the column belongs to the target, the value is resolved in the statement's scope. */
function setItems(r: ResolverState, items: A.SetItem[] | undefined, target: Source | undefined, ctx: Ctx, s: Scope): void {
  for (const item of items ?? []) {
    if (item.variable) variableRef(r, item.variable);
    if (item.column && target) columnRef(r, item.column, { sources: [target] });
    expr(r, item.value, ctx, s);
  }
}

function insert(r: ResolverState, st: A.InsertStatement, ctx0: Ctx, scope?: Scope): void {
  const ctx = withCtes(r, st.with, ctx0, scope);
  if (st.top) expr(r, st.top.expr, ctx, scope);
  const target = targetFromName(r, st.target, ctx, st.range);
  r.res.dmlTargets.set(st, target);
  if (target.columns && st.columns) for (const c of st.columns) checkTargetColumn(r, c, target);
  const src = st.source;
  if (src?.kind === 'Values') for (const row of src.rows ?? []) for (const e of row) expr(r, e, ctx, scope);
  else if (src?.kind === 'Query') query(r, src.query, ctx, scope);
  else if (src?.kind === 'Exec') statement(r, src.exec, ctx, scope);
  outputScope(r, st.output, target, [], ctx, scope);
}

/** UPDATE and DELETE: FROM sources, the target (a FROM alias or a table), SET, WHERE, OUTPUT. */
function changeRows(r: ResolverState, st: A.UpdateStatement | A.DeleteStatement, ctx0: Ctx, scope?: Scope): void {
  const ctx = withCtes(r, st.with, ctx0, scope);
  if (st.top) expr(r, st.top.expr, ctx, scope);
  const from = st.from ?? [];
  const sources = fromSources(r, from, ctx, scope);
  const target = st.target ? dmlTarget(r, st.target, sources, ctx) : undefined;
  if (target) r.res.dmlTargets.set(st, target);
  const s: Scope = { sources: sources.length ? sources : target ? [target] : [], parent: scope };
  r.pushScope(st.range, s);
  joinConditions(r, from, ctx, s);
  if (st.kind === 'Update') setItems(r, st.set, target, ctx, s);
  if (st.where) expr(r, st.where, ctx, s);
  outputScope(r, st.output, target, sources.filter((x) => x !== target), ctx, scope);
}

function merge(r: ResolverState, st: A.MergeStatement, ctx0: Ctx, scope?: Scope): void {
  const ctx = withCtes(r, st.with, ctx0, scope);
  const target = st.target ? tableRef(r, st.target, ctx) : undefined;
  if (target) r.res.dmlTargets.set(st, target);
  const srcSources = st.source ? fromSources(r, [st.source], ctx, scope) : [];
  const s: Scope = { sources: target ? [target, ...srcSources] : srcSources, parent: scope };
  r.pushScope(st.range, s);
  if (st.source) joinConditions(r, [st.source], ctx, s);
  expr(r, st.on, ctx, s);
  for (const cl of st.clauses ?? []) {
    if (cl.condition) expr(r, cl.condition, ctx, s);
    const a = cl.action;
    if (a?.kind === 'MergeUpdate') setItems(r, a.set, target, ctx, s);
    else if (a?.kind === 'MergeInsert') {
      if (target && a.columns) for (const c of a.columns) checkTargetColumn(r, c, target);
      const insScope: Scope = { sources: srcSources, parent: scope };
      for (const v of a.values ?? []) expr(r, v, ctx, insScope);
    }
  }
  outputScope(r, st.output, target, srcSources, ctx, scope);
}

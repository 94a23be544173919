// Schema checks inside DDL in a fix script: CREATE TABLE constraints, ALTER TABLE actions,
// CREATE INDEX, DROP TABLE and TRUNCATE TABLE name real tables and columns.
import type * as A from '../sql/ast';
import { columnRef } from './columns';
import { expr } from './expressions';
import type { Ctx, ResolverState, Scope } from './state';
import { checkTargetColumn, lookupTable, targetFromName } from './tables';
import { dataTypeToInfo, type Source } from './types';

/** Has the source a known column list to check names against? */
function checkable(src: Source | undefined): src is Source & { columns: NonNullable<Source['columns']> } {
  return !!src?.columns && src.kind !== 'unknown' && src.kind !== 'external';
}

/** FOREIGN KEY ... REFERENCES t (cols): the referenced table and its columns exist. */
function references(r: ResolverState, ref: { table: A.ObjectName; columns: A.Identifier[] } | undefined, ctx: Ctx): void {
  if (!ref?.table) return;
  const t = targetFromName(r, ref.table, ctx, ref.table.range);
  if (checkable(t)) for (const c of ref.columns ?? []) checkTargetColumn(r, c, t);
}

/** Inline parts of a column definition: computed, default and CHECK expressions, REFERENCES. */
export function columnDefinition(r: ResolverState, col: A.ColumnDefinition, table: Source, ctx: Ctx): void {
  const s: Scope = { sources: [table] };
  if (col.computed) expr(r, col.computed, ctx, s);
  if (col.check) expr(r, col.check, ctx, s);
  if (col.default) expr(r, col.default, ctx, undefined);
  references(r, col.references, ctx);
}

/** A table constraint: its columns belong to the table; CHECK is an expression over them. */
export function tableConstraint(r: ResolverState, c: A.TableConstraint, table: Source, ctx: Ctx): void {
  if (checkable(table)) for (const id of c.columns ?? []) checkTargetColumn(r, id, table);
  if (c.check) expr(r, c.check, ctx, { sources: [table] });
  if (c.default) expr(r, c.default, ctx, undefined);
  references(r, c.references, ctx);
}

export function tableDefinition(r: ResolverState, def: A.TableDefinition | undefined, table: Source, ctx: Ctx): void {
  for (const col of def?.columns ?? []) columnDefinition(r, col, table, ctx);
  for (const c of def?.constraints ?? []) tableConstraint(r, c, table, ctx);
}

export function alterTable(r: ResolverState, st: A.AlterTableStatement, ctx: Ctx): void {
  if (!st.table) return;
  const was = r.inDdl;
  r.inDdl = true;
  try {
    alterTableActions(r, st, ctx);
  } finally {
    r.inDdl = was;
  }
}

function alterTableActions(r: ResolverState, st: A.AlterTableStatement & { table: A.ObjectName }, ctx: Ctx): void {
  const target = targetFromName(r, st.table, ctx, st.range);
  for (const a of st.actions ?? []) {
    if (a.kind === 'AddColumns') {
      const cols = a.columns.map((c) => ({ name: c.name.name, type: dataTypeToInfo(c.dataType) }));
      const t = lookupTable(r, st.table, ctx);
      if (t?.table) r.addColumns(t.table, cols);
      else if (t?.columns) t.columns.push(...cols);
    }
    // the table as it is after the actions so far (ADD c, CONSTRAINT ck CHECK (c > 0) sees c)
    const now = lookupTable(r, st.table, ctx);
    const table: Source = now && target.kind !== 'unknown' ? { ...now, ref: target.ref, range: target.range } : target;
    switch (a.kind) {
      case 'AddColumns':
        for (const c of a.columns) columnDefinition(r, c, table, ctx);
        break;
      case 'AddConstraints':
        for (const c of a.constraints) {
          tableConstraint(r, c, table, ctx);
          // ADD CONSTRAINT df DEFAULT (0) FOR col: INSERT may omit col from now on
          if (c.constraintType === 'DEFAULT' && c.columns?.length === 1) r.markDefault(now, c.columns[0].name);
        }
        break;
      case 'DropColumns':
        if (!a.ifExists && !ctx.existenceGuarded && checkable(table)) for (const id of a.columns) checkTargetColumn(r, id, table);
        break;
      case 'AlterColumn':
        if (checkable(table)) checkTargetColumn(r, a.column.name, table);
        columnDefinition(r, a.column, table, ctx);
        break;
    }
  }
}

export function createIndex(r: ResolverState, st: A.CreateIndexStatement, ctx: Ctx): void {
  if (!st.table) return;
  const was = r.inDdl;
  r.inDdl = true;
  try {
    const target = targetFromName(r, st.table, ctx, st.range);
    const s: Scope = { sources: [target] };
    for (const o of st.columns ?? []) if (o?.expr?.kind === 'ColumnRef') columnRef(r, o.expr, s);
    if (checkable(target)) for (const id of st.include ?? []) checkTargetColumn(r, id, target);
    if (st.where) expr(r, st.where, ctx, s);
  } finally {
    r.inDdl = was;
  }
}

/** DROP TABLE (without IF EXISTS or an OBJECT_ID/sys.tables guard) and TRUNCATE TABLE name a table that must exist. */
export function dropOrTruncate(r: ResolverState, st: A.DropStatement | A.TruncateStatement, ctx: Ctx): void {
  if (st.kind === 'Truncate') {
    if (st.table) targetFromName(r, st.table, ctx, st.range);
    return;
  }
  if (st.objectType !== 'TABLE' || st.ifExists || ctx.existenceGuarded) return;
  for (const n of st.names ?? []) targetFromName(r, n, ctx, st.range);
}

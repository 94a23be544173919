// Generic tree walking, driven by one table of child keys per node kind (add a row when adding
// a kind). Kind-less helper objects (CASE whens, OUTPUT INTO, RETURNS, REFERENCES) are looked
// through: their node-valued fields are visited as children of the owning node.

import type { Script, Span } from './ast';

export interface AnyNode {
  kind: string;
  range: Span;
}

const CHILD_KEYS: Record<string, readonly string[]> = {
  Script: ['batches'],
  Batch: ['statements'],
  Comment: [],
  Identifier: [],
  ObjectName: ['parts'],
  DataType: [],
  Literal: [],
  ColumnRef: ['parts'],
  Star: ['qualifier'],
  Variable: [],
  Unary: ['operand'],
  Binary: ['left', 'right'],
  IsNull: ['expr'],
  Like: ['expr', 'pattern', 'escape'],
  Between: ['expr', 'low', 'high'],
  In: ['expr', 'list', 'subquery'],
  Exists: ['query'],
  Subquery: ['query'],
  Quantified: ['left', 'query'],
  Case: ['operand', 'whens', 'else'],
  Cast: ['expr', 'dataType', 'style'],
  FunctionCall: ['name', 'args', 'withinGroup', 'over'],
  Over: ['partitionBy', 'orderBy'],
  Paren: ['expr'],
  Collate: ['expr'],
  NextValueFor: ['sequence'],
  With: ['ctes'],
  Cte: ['name', 'columns', 'query'],
  Top: ['expr'],
  SelectColumn: ['expr', 'alias'],
  SelectAssign: ['variable', 'expr'],
  OrderItem: ['expr'],
  Select: ['top', 'columns', 'into', 'from', 'where', 'groupBy', 'having', 'orderBy', 'offset', 'fetch'],
  SetOperation: ['left', 'right', 'orderBy', 'offset', 'fetch'],
  ParenQuery: ['query', 'orderBy'],
  TableRef: ['name', 'alias'],
  DerivedTable: ['query', 'alias', 'columns'],
  TableFunctionRef: ['call', 'alias', 'columns', 'withColumns'],
  ValuesTable: ['rows', 'alias', 'columns'],
  Join: ['left', 'right', 'on'],
  SelectStatement: ['with', 'query'],
  Output: ['items', 'into'],
  Values: ['rows'],
  Query: ['query'],
  Exec: ['exec', 'returnVariable', 'procedure', 'procedureVariable', 'args', 'dynamic'],
  DefaultValues: [],
  Insert: ['with', 'top', 'target', 'columns', 'output', 'source'],
  SetItem: ['column', 'variable', 'value'],
  Update: ['with', 'top', 'target', 'set', 'output', 'from', 'where', 'currentOf'],
  Delete: ['with', 'top', 'target', 'output', 'from', 'where', 'currentOf'],
  MergeUpdate: ['set'],
  MergeDelete: [],
  MergeInsert: ['columns', 'values'],
  MergeClause: ['condition', 'action'],
  Merge: ['with', 'top', 'target', 'source', 'on', 'clauses', 'output'],
  CursorDefinition: ['query', 'forUpdate'],
  DeclareItem: ['name', 'dataType', 'init', 'table', 'cursor'],
  Declare: ['items'],
  SetVariable: ['variable', 'value', 'cursor'],
  SetOption: [],
  SetIdentityInsert: ['table'],
  If: ['condition', 'then', 'else'],
  While: ['condition', 'body'],
  Block: ['statements'],
  TryCatch: ['tryStatements', 'catchStatements'],
  Throw: ['args'],
  Raiserror: ['args'],
  Print: ['expr'],
  Return: ['expr'],
  Goto: ['label'],
  Label: ['label'],
  Break: [],
  Continue: [],
  Waitfor: ['delay', 'time'],
  Transaction: ['name'],
  ExecArgument: ['value'],
  Cursor: ['cursor'],
  Fetch: ['cursor', 'into'],
  Use: ['database'],
  ColumnDefinition: ['name', 'dataType', 'computed', 'default', 'defaultName', 'references'],
  TableConstraint: ['name', 'columns', 'references', 'check', 'default'],
  TableDefinition: ['columns', 'constraints'],
  CreateTable: ['name', 'definition'],
  AddColumns: ['columns'],
  AddConstraints: ['constraints'],
  DropColumns: ['columns'],
  DropConstraints: ['names'],
  AlterColumn: ['column'],
  OtherAlter: [],
  AlterTable: ['table', 'actions'],
  CreateView: ['name', 'columns', 'with', 'query'],
  CreateIndex: ['name', 'table', 'columns', 'include', 'where'],
  RoutineParameter: ['name', 'dataType', 'default'],
  CreateRoutine: ['name', 'parameters', 'returns', 'triggerTable', 'body'],
  Drop: ['names', 'on'],
  Truncate: ['table'],
  Permission: ['on', 'principals'],
  Other: [],
  Empty: [],
  Error: [],
};

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as AnyNode).kind === 'string';
}

function visitValue(v: unknown, cb: (child: AnyNode) => void): void {
  if (v === undefined || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const e of v) visitValue(e, cb);
    return;
  }
  if (isNode(v)) {
    cb(v);
    return;
  }
  // kind-less helper object: look through it
  for (const key of Object.keys(v)) if (key !== 'range') visitValue((v as Record<string, unknown>)[key], cb);
}

/** Calls `cb` for each direct child node, in source order of the table's keys. */
export function forEachChild(node: AnyNode, cb: (child: AnyNode) => void): void {
  const keys = CHILD_KEYS[node.kind];
  if (!keys) return;
  const rec = node as unknown as Record<string, unknown>;
  for (const key of keys) visitValue(rec[key], cb);
}

/** Depth-first pre-order walk; return false from `cb` to skip a node's children. */
export function walk(node: AnyNode, cb: (node: AnyNode, parent: AnyNode | undefined) => boolean | void): void {
  const visit = (n: AnyNode, parent: AnyNode | undefined): void => {
    if (cb(n, parent) === false) return;
    forEachChild(n, (c) => visit(c, n));
  };
  visit(node, undefined);
}

/** The path from the script down to the innermost node whose range contains `offset`. */
export function nodeAt(script: Script, offset: number): AnyNode[] {
  const path: AnyNode[] = [script];
  let current: AnyNode = script;
  for (;;) {
    let inside: AnyNode | undefined;
    let atEnd: AnyNode | undefined;
    forEachChild(current, (c) => {
      if (inside) return;
      if (c.range.start <= offset && offset < c.range.end) inside = c;
      else if (c.range.end === offset && c.range.start <= offset) atEnd = c;
    });
    const next = inside ?? atEnd;
    if (!next || next === current) return path;
    path.push(next);
    current = next;
  }
}

export function childKeys(kind: string): readonly string[] | undefined {
  return CHILD_KEYS[kind];
}

// The one tree walker (parser, resolver, rules, features), driven by one table of child keys per
// node kind: add a row when adding a kind (test/unit/sql/visit.test.ts proves the table complete).
// Kind-less helper objects (CASE whens, OUTPUT INTO, RETURNS, REFERENCES) are looked through:
// their node-valued fields are visited as children of the owning node.

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
  ColumnDefinition: ['name', 'dataType', 'computed', 'default', 'defaultName', 'references', 'check'],
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

/** Appends the nodes in a field value to out: arrays (also nested) flattened, kind-less helpers looked through. */
function pushValue(v: unknown, out: AnyNode[]): void {
  if (v === undefined || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) pushValue(v[i], out);
    return;
  }
  if (typeof (v as AnyNode).kind === 'string') {
    out.push(v as AnyNode);
    return;
  }
  // kind-less helper object: look through it
  for (const key in v) if (key !== 'range') pushValue((v as Record<string, unknown>)[key], out);
}

/** Appends node's direct children to out, in the order of the table's keys. */
function pushChildren(node: AnyNode, out: AnyNode[]): void {
  const keys = CHILD_KEYS[node.kind];
  if (!keys) return;
  const rec = node as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const v = rec[keys[i]];
    if (v !== undefined && v !== null) pushValue(v, out);
  }
}

/** Calls `cb` for each direct child node, in source order of the table's keys. */
export function forEachChild(node: object, cb: (child: AnyNode) => void): void {
  if (!isNode(node)) return;
  const children: AnyNode[] = [];
  pushChildren(node, children);
  for (let i = 0; i < children.length; i++) cb(children[i]);
}

/** Depth-first pre-order walk; return false from `cb` to skip a node's children. */
export function walk(node: object, cb: (node: AnyNode, parent: AnyNode | undefined) => boolean | void, parent?: AnyNode): void {
  if (!isNode(node)) return;
  // Parallel stacks, children pushed in place and reversed: no closure or tuple per node.
  const nodes: AnyNode[] = [node];
  const parents: (AnyNode | undefined)[] = [parent];
  while (nodes.length) {
    const n = nodes.pop()!;
    const p = parents.pop();
    if (cb(n, p) === false) continue;
    const base = nodes.length;
    pushChildren(n, nodes);
    for (let i = base, j = nodes.length - 1; i < j; i++, j--) {
      const t = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = t;
    }
    for (let i = base; i < nodes.length; i++) parents.push(n);
  }
}

const nodeIndexCache = new WeakMap<object, Map<string, AnyNode[]>>();

/** All nodes under root grouped by kind, in document order; built by one walk and cached per root (trees are immutable). */
export function nodesByKind(root: object): Map<string, AnyNode[]> {
  let idx = nodeIndexCache.get(root);
  if (!idx) {
    const m = new Map<string, AnyNode[]>();
    walk(root, (n) => {
      const list = m.get(n.kind);
      if (list) list.push(n);
      else m.set(n.kind, [n]);
    });
    idx = m;
    nodeIndexCache.set(root, idx);
  }
  return idx;
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

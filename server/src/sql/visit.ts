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
  AtTimeZone: ['expr', 'zone'],
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
  CursorDefinition: ['with', 'query', 'forUpdate'],
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

/** Like pushValue, last node first (a stack then pops them in order). */
function pushValueReversed(v: unknown, out: AnyNode[]): void {
  if (v === undefined || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) pushValueReversed(v[i], out);
    return;
  }
  if (typeof (v as AnyNode).kind === 'string') {
    out.push(v as AnyNode);
    return;
  }
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i >= 0; i--) if (keys[i] !== 'range') pushValueReversed((v as Record<string, unknown>)[keys[i]], out);
}

/** Pushes node's direct children onto a stack, last child first. */
function pushChildrenReversed(node: AnyNode, out: AnyNode[]): void {
  const keys = CHILD_KEYS[node.kind];
  if (!keys) return;
  const rec = node as unknown as Record<string, unknown>;
  for (let i = keys.length - 1; i >= 0; i--) {
    const v = rec[keys[i]];
    if (v !== undefined && v !== null) pushValueReversed(v, out);
  }
}

/** Depth-first pre-order walk; return false from `cb` to skip a node's children. */
export function walk(node: object, cb: (node: AnyNode, parent: AnyNode | undefined) => boolean | void, parent?: AnyNode): void {
  if (!isNode(node)) return;
  // Parallel stacks, children pushed last first: no closure, tuple or reversal per node.
  const nodes: AnyNode[] = [node];
  const parents: (AnyNode | undefined)[] = [parent];
  while (nodes.length) {
    const n = nodes.pop()!;
    const p = parents.pop();
    if (cb(n, p) === false) continue;
    const base = nodes.length;
    pushChildrenReversed(n, nodes);
    for (let i = base; i < nodes.length; i++) parents.push(n);
  }
}

/**
 * Names are a third of all nodes and no rule looks them up by kind (the resolver reads them where
 * they stand), so the index skips them; asking for them is a programming error, not an empty list.
 */
const UNINDEXED_KINDS: ReadonlySet<string> = new Set(['Identifier', 'ObjectName']);

class NodeIndex extends Map<string, AnyNode[]> {
  override get(kind: string): AnyNode[] | undefined {
    if (UNINDEXED_KINDS.has(kind)) throw new Error(`nodesByKind does not index ${kind} nodes`);
    return super.get(kind);
  }
}

const nodeIndexCache = new WeakMap<object, Map<string, AnyNode[]>>();

/** Recursion is fast for ordinary trees; deeper than this (a + 1 + 1 ... chains) an explicit stack takes over. */
const MAX_INDEX_RECURSION = 500;

/** One kind's nodes while an index is built, with the kind's child keys: one map look-up per node. */
interface IndexEntry {
  keys: readonly string[] | undefined;
  nodes: AnyNode[];
}
type IndexDraft = Map<string, IndexEntry>;

function entryOf(kind: string, draft: IndexDraft): IndexEntry {
  let e = draft.get(kind);
  if (e === undefined) {
    e = { keys: CHILD_KEYS[kind], nodes: [] };
    draft.set(kind, e);
  }
  return e;
}

/** Adds the nodes in a field value to the index, pre-order (arrays flattened, kind-less helpers looked through). */
function indexValue(v: unknown, draft: IndexDraft, depth: number): void {
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) indexValue(v[i], draft, depth);
    return;
  }
  if (typeof (v as AnyNode).kind === 'string') {
    if (depth < MAX_INDEX_RECURSION) indexNode(v as AnyNode, draft, depth + 1);
    else indexSubtree(v as AnyNode, draft);
    return;
  }
  for (const key in v) if (key !== 'range') indexValue((v as Record<string, unknown>)[key], draft, depth);
}

/** Adds a node and, pre-order, its descendants. */
function indexNode(n: AnyNode, draft: IndexDraft, depth: number): void {
  if (UNINDEXED_KINDS.has(n.kind)) return; // their children are names too
  const e = entryOf(n.kind, draft);
  e.nodes.push(n);
  const keys = e.keys;
  if (!keys) return;
  const rec = n as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const v = rec[keys[i]];
    if (v !== undefined && v !== null) indexValue(v, draft, depth);
  }
}

/** indexNode with an explicit stack, for any depth. */
function indexSubtree(root: AnyNode, draft: IndexDraft): void {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (UNINDEXED_KINDS.has(n.kind)) continue;
    entryOf(n.kind, draft).nodes.push(n);
    pushChildrenReversed(n, stack);
  }
}

function finishIndex(draft: IndexDraft): Map<string, AnyNode[]> {
  const index = new NodeIndex();
  for (const [kind, e] of draft) index.set(kind, e.nodes);
  return index;
}

/**
 * All nodes under root grouped by kind, in document order, except names (Identifier, ObjectName:
 * get() throws for them); built by one walk and cached per root (trees are immutable).
 */
export function nodesByKind(root: object): Map<string, AnyNode[]> {
  let idx = nodeIndexCache.get(root);
  if (!idx) {
    const draft: IndexDraft = new Map();
    if (isNode(root)) indexNode(root, draft, 0);
    idx = finishIndex(draft);
    nodeIndexCache.set(root, idx);
  }
  return idx;
}

/**
 * Builds a root's nodesByKind index while its tree is being built, so each subtree is walked while
 * it is still in the CPU cache: add the root's children in document order, then finish with the root.
 */
export class NodeIndexBuilder {
  private readonly draft: IndexDraft = new Map();

  /** The root comes first in document order: its kind's list is made now and the root added at finish. */
  constructor(private readonly rootKind: string) {
    entryOf(rootKind, this.draft);
  }

  /** Adds a complete child subtree of the root (the next in document order). */
  add(node: AnyNode): void {
    indexNode(node, this.draft, 0);
  }

  /** Adds the root and makes the index what nodesByKind(root) returns. */
  finish(root: AnyNode): void {
    if (root.kind !== this.rootKind || nodeIndexCache.has(root)) return;
    this.draft.get(this.rootKind)!.nodes.push(root);
    nodeIndexCache.set(root, finishIndex(this.draft));
  }
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

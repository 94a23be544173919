// Generic traversal over the syntax tree: every object child with a `range` is visited, so new
// node kinds and optional fields are covered without touching this file.
import type { Span } from '../sql/ast';

export interface AnyNode {
  kind?: string;
  range: Span;
  [key: string]: unknown;
}

function isNodeLike(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'range' in (v as object);
}

/** Calls fn for each direct child (objects carrying a range, also inside arrays and nested arrays). */
export function forEachChild(node: object, fn: (child: AnyNode) => void): void {
  const children: AnyNode[] = [];
  pushChildren(node, children);
  for (const child of children) fn(child);
}

/** Appends node's direct children to out, in the order forEachChild visits them (no callback per child). */
function pushChildren(node: object, out: AnyNode[]): void {
  for (const key in node) {
    if (key === 'range' || key === 'errorRange' || key === 'parent') continue;
    const v = (node as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const item of v) {
        if (Array.isArray(item)) {
          for (const inner of item) if (isNodeLike(inner)) out.push(inner);
        } else if (isNodeLike(item)) out.push(item);
      }
    } else if (isNodeLike(v)) out.push(v);
  }
}

/** Depth-first pre-order walk; return false from fn to skip a node's children. */
export function walk(node: object, fn: (n: AnyNode, parent: AnyNode | undefined) => boolean | void, parent?: AnyNode): void {
  // Parallel stacks, children pushed in place and reversed: no tuple, list or closure per node.
  const nodes: AnyNode[] = [node as AnyNode];
  const parents: (AnyNode | undefined)[] = [parent];
  while (nodes.length) {
    const n = nodes.pop()!;
    const p = parents.pop();
    if (fn(n, p) === false) continue;
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

/** All nodes under root grouped by kind, in document order; built by one walk and cached per root. */
export function nodesByKind(root: object): Map<string, AnyNode[]> {
  let idx = nodeIndexCache.get(root);
  if (!idx) {
    const m = new Map<string, AnyNode[]>();
    walk(root, (n) => {
      if (!n.kind) return;
      const list = m.get(n.kind);
      if (list) list.push(n);
      else m.set(n.kind, [n]);
    });
    idx = m;
    nodeIndexCache.set(root, idx);
  }
  return idx;
}

// Shared helpers for the SQL parser tests.
import * as assert from 'assert';
import type { Script, SelectQuery, Statement } from '../../../server/src/sql/ast';
import { parseScript } from '../../../server/src/sql/parser';
import { walk, type AnyNode } from '../../../server/src/sql/visit';

export function statements(text: string): Statement[] {
  return parseScript(text).batches.flatMap((b) => b.statements);
}

/** Parses a single statement and asserts there is exactly one, of the given kind. */
export function one<K extends Statement['kind']>(text: string, kind: K): Extract<Statement, { kind: K }> {
  const list = statements(text).filter((s) => s.kind !== 'Empty');
  assert.strictEqual(list.length, 1, `expected one statement, got ${list.map((s) => s.kind).join(', ')}`);
  const s = list[0];
  if (s.kind === 'Error') assert.fail(`parse error: ${s.message}`);
  assert.strictEqual(s.kind, kind);
  return s as Extract<Statement, { kind: K }>;
}

export function errors(script: Script): Extract<Statement, { kind: 'Error' }>[] {
  const out: Extract<Statement, { kind: 'Error' }>[] = [];
  walk(script as AnyNode, (n) => {
    if (n.kind === 'Error') out.push(n as unknown as Extract<Statement, { kind: 'Error' }>);
  });
  return out;
}

export function textOf(text: string, node: { range: { start: number; end: number } }): string {
  return text.slice(node.range.start, node.range.end);
}

/** Asserts the text parses without any Error node (the message and text of each otherwise). */
export function noErrors(text: string): void {
  const errs = errors(parseScript(text)).map((e) => `${e.message} at ${text.slice(e.errorRange.start, e.errorRange.start + 30)}`);
  assert.deepStrictEqual(errs, [], text);
}

/** The query of a single SELECT statement, asserted to be a plain SELECT. */
export function select(text: string): SelectQuery {
  const s = one(text, 'SelectStatement');
  assert.strictEqual(s.query.kind, 'Select');
  return s.query as SelectQuery;
}

/** The kinds of every node of the parsed text, in walk order. */
export function walkKinds(text: string): string[] {
  const out: string[] = [];
  walk(parseScript(text) as AnyNode, (n) => {
    out.push(n.kind);
  });
  return out;
}

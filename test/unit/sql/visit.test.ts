import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { nodeAt, walk, type AnyNode } from '../../../server/src/sql/visit';

describe('visit', () => {
  const text = "UPDATE m SET Staatus = N'LÕPETATUD' FROM dbo.Menetlus m WHERE m.MenetlusId = 5";

  it('walks every node with a range inside its parent', () => {
    const script = parseScript(text);
    const kinds = new Set<string>();
    walk(script as AnyNode, (n, parent) => {
      kinds.add(n.kind);
      if (parent) assert.ok(n.range.start >= parent.range.start && n.range.end <= parent.range.end, `${n.kind} outside ${parent.kind}`);
    });
    for (const k of ['Update', 'SetItem', 'ColumnRef', 'Literal', 'TableRef', 'ObjectName', 'Binary', 'Identifier']) assert.ok(kinds.has(k), k);
  });

  it('skips children when the callback returns false', () => {
    const seen: string[] = [];
    walk(parseScript(text) as AnyNode, (n) => {
      seen.push(n.kind);
      return n.kind !== 'Update';
    });
    assert.deepStrictEqual(seen, ['Script', 'Batch', 'Update']);
  });

  it('nodeAt returns the innermost path at an offset', () => {
    const script = parseScript(text);
    const path = nodeAt(script, text.indexOf('MenetlusId'));
    assert.deepStrictEqual(path.map((n) => n.kind).slice(0, 3), ['Script', 'Batch', 'Update']);
    assert.strictEqual(path[path.length - 1].kind, 'Identifier');
    assert.strictEqual(path[path.length - 2].kind, 'ColumnRef');
    assert.ok(path.some((n) => n.kind === 'Update'));
  });
});

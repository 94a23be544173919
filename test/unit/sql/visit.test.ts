import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { forEachChild, nodeAt, nodesByKind, walk, type AnyNode } from '../../../server/src/sql/visit';
import { corpusFiles } from './corpus';

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

  /** Every object with a kind reachable through any property (the table-free reference walk). */
  function nodesByPropertyScan(root: object): Set<object> {
    const seen = new Set<object>();
    const visit = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) return v.forEach(visit);
      if (typeof (v as AnyNode).kind === 'string') seen.add(v);
      for (const [k, x] of Object.entries(v)) if (k !== 'range' && k !== 'errorRange' && k !== 'comments') visit(x); // comments are not tree children
    };
    visit(root);
    return seen;
  }

  const extra = [
    "CREATE TABLE #t (Id int NOT NULL PRIMARY KEY, Kood nvarchar(20) REFERENCES dbo.Klassifikaator(Kood) CHECK (Kood <> N''))",
    "CREATE OR ALTER FUNCTION dbo.f(@id int) RETURNS @r TABLE (x int) AS BEGIN INSERT @r SELECT CASE WHEN @id > 0 THEN 1 ELSE 0 END RETURN END",
    "DELETE FROM dbo.Menetlus OUTPUT deleted.MenetlusId INTO #arhiiv (Id) WHERE MenetlusId = 7",
    "MERGE dbo.Klassifikaator AS t USING (VALUES (N'A', N'Ä')) s (Kood, Nimetus) ON t.Kood = s.Kood WHEN MATCHED THEN UPDATE SET Nimetus = s.Nimetus WHEN NOT MATCHED THEN INSERT (Kood) VALUES (s.Kood) OUTPUT $action;",
  ].map((text, i) => ({ name: `extra-${i}`, text }));

  it('the child-key table reaches every node a property scan finds (corpus and odd shapes)', () => {
    for (const f of [...corpusFiles(), ...extra]) {
      const script = parseScript(f.text);
      const byTable = new Set<object>();
      walk(script, (n) => void byTable.add(n));
      const byScan = nodesByPropertyScan(script);
      const missed = [...byScan].filter((n) => !byTable.has(n)).map((n) => (n as AnyNode).kind);
      assert.deepStrictEqual(missed, [], f.name);
      assert.strictEqual(byTable.size, byScan.size, f.name);
    }
  });

  it('nodesByKind lists nodes in document order and forEachChild agrees with walk', () => {
    const script = parseScript("SELECT a.Nimi FROM dbo.Isik a WHERE a.Isikukood = '38001010000' AND a.Nimi LIKE N'Õ%'");
    const refs = nodesByKind(script).get('ColumnRef') ?? [];
    assert.deepStrictEqual(refs.map((r) => r.range.start), [...refs.map((r) => r.range.start)].sort((x, y) => x - y));
    assert.strictEqual(refs.length, 3);
    const direct: string[] = [];
    forEachChild(script.batches[0].statements[0], (c) => direct.push(c.kind));
    assert.deepStrictEqual(direct, ['Select']);
  });
  it('nodesByKind gives the walk order for every kind, also on chains too deep to recurse through', () => {
    const deep = "SELECT N'Õie' + Nimi" + ' + 1'.repeat(20000) + " FROM dbo.Isik WHERE Isikukood = '38001010000'" + ' AND Nimi = N\'Mänd\''.repeat(3000) + '\nGO\n';
    // parseScript builds the index batch by batch; a Script assembled elsewhere (incremental parsing) is indexed by a walk
    const scripts = [deep, ...corpusFiles().map((f) => f.text)].map((t) => parseScript(t));
    for (const script of [...scripts, ...scripts.map((x) => ({ ...x }))]) {
      const expected = new Map<string, AnyNode[]>();
      walk(script, (n) => {
        if (n.kind === 'Identifier' || n.kind === 'ObjectName') return;
        const l = expected.get(n.kind);
        if (l) l.push(n);
        else expected.set(n.kind, [n]);
      });
      const actual = nodesByKind(script);
      assert.deepStrictEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      for (const [kind, nodes] of expected) {
        const got = actual.get(kind)!;
        assert.strictEqual(got.length, nodes.length, kind);
        assert.ok(nodes.every((n, i) => n === got[i]), `${kind} order`);
      }
    }
    assert.strictEqual(nodesByKind(parseScript(deep)).get('Binary')?.length, 1 + 20000 + 1 + 3000 * 2);
  });
  it('a script parsed without the index (schema reader) gets the same index on demand', () => {
    const text = "UPDATE dbo.Isik SET Nimi = N'Kask' WHERE IsikId IN (SELECT IsikId FROM #valik)\nGO\nDELETE FROM dbo.Arest WHERE ArestId = 1\n";
    const eager = nodesByKind(parseScript(text));
    const lazy = nodesByKind(parseScript(text, { index: false }));
    assert.deepStrictEqual([...lazy.keys()].sort(), [...eager.keys()].sort());
    for (const [kind, nodes] of eager) assert.deepStrictEqual(lazy.get(kind)!.map((n) => n.range), nodes.map((n) => n.range), kind);
  });
  it('nodesByKind leaves names out and refuses to be asked for them', () => {
    const index = nodesByKind(parseScript('UPDATE [dbo].[Isik] SET Nimi = N\'Kask\' WHERE IsikId = 7\nGO\n'));
    assert.strictEqual(index.get('ColumnRef')?.length, 2);
    assert.throws(() => index.get('Identifier'), /does not index Identifier/);
    assert.throws(() => index.get('ObjectName'), /does not index ObjectName/);
  });
});

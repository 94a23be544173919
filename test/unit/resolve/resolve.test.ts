import { strict as assert } from 'node:assert';
import { parseScript } from '../../../server/src/sql/parser';
import { resolveScript, scopeAt, variableAt, inferExpressionType } from '../../../server/src/resolve';
import type { ColumnRef } from '../../../server/src/sql/ast';
import { walk } from '../../../server/src/sql/visit';
import { fixtureSchema } from '../rules/helpers';

function columnRefs(script: object): ColumnRef[] {
  const out: ColumnRef[] = [];
  walk(script, (n) => { if (n.kind === 'ColumnRef') out.push(n as unknown as ColumnRef); });
  return out;
}

describe('resolve', () => {
  it('binds aliased columns to schema columns', () => {
    const script = parseScript('SELECT m.Number, t.Kuupaev FROM dbo.Menetlus m JOIN dbo.Toiming t ON t.MenetlusId = m.MenetlusId');
    const res = resolveScript(script, fixtureSchema());
    const refs = columnRefs(script);
    const number = refs.find((r) => r.column.name === 'Number')!;
    assert.equal(res.columns.get(number)?.source.table?.name, 'Menetlus');
    assert.equal(res.columns.get(number)?.column?.info?.type, 'nvarchar');
    assert.equal(res.unknownColumns.length, 0);
  });
  it('binds MERGE source and target columns', () => {
    const script = parseScript("MERGE dbo.MenetluseStaatus t USING (SELECT N'A' AS Kood, N'Avatud' AS Nimetus) s ON t.Kood = s.Kood WHEN MATCHED THEN UPDATE SET Nimetus = s.Nimetus;");
    const res = resolveScript(script, fixtureSchema());
    assert.equal(res.unknownColumns.length, 0);
    const sNimetus = columnRefs(script).find((r) => r.qualifier?.[0].name === 's' && r.column.name === 'Nimetus')!;
    assert.equal(res.columns.get(sNimetus)?.source.kind, 'derived');
  });
  it('gives the scope at an offset and variable declarations with types', () => {
    const text = 'DECLARE @summa decimal(12,2) = 10;\nSELECT a.Summa FROM dbo.Arest a WHERE a.Summa > @summa';
    const script = parseScript(text);
    const res = resolveScript(script, fixtureSchema(), { scopes: true });
    const scope = scopeAt(res, text.indexOf('a.Summa >'));
    assert.deepEqual(scope.map((s) => s.name), ['a']);
    assert.deepEqual(resolveScript(script, fixtureSchema()).scopes, [], 'a check does not record scopes');
    const decl = variableAt(res, text.lastIndexOf('@summa') + 1);
    assert.equal(decl?.type?.name, 'decimal');
    assert.equal(decl?.type?.precision, 12);
    const ref = columnRefs(script)[0];
    assert.equal(inferExpressionType(ref, res)?.name, 'decimal');
  });
  it('scopes variables to their batch and records undeclared uses', () => {
    const res = resolveScript(parseScript('DECLARE @a int = 1;\nPRINT @a;\nGO\nPRINT @a;'));
    assert.equal(res.undeclared.length, 1);
  });
  it('never throws on broken input', () => {
    for (const t of ['SELECT FROM WHERE', 'UPDATE SET', 'MERGE INTO', 'WITH x AS (', "INSERT INTO #t (a) VALUES (1,"]) {
      assert.doesNotThrow(() => resolveScript(parseScript(t), fixtureSchema()));
    }
  });
});

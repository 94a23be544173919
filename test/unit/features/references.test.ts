import * as assert from 'node:assert/strict';
import { checkScript } from '../../../server/src/check';
import { resolvedReferences, resolvedSymbolAt } from '../../../server/src/features/references';
import { MENETLUS, schema, VOLGNIK } from './schemaFixture';

const SCRIPT = [
  'SELECT m.Staatus, v.Nimi INTO #varu FROM dbo.Menetlus m JOIN dbo.Volgnik v ON v.VolgnikId = m.VolgnikId;',
  "UPDATE m SET Staatus = N'LÕPETATUD' FROM [dbo].[Menetlus] AS m WHERE m.MenetlusId = 42;",
  'GO',
  "INSERT INTO dbo.Menetlus (Number, Staatus, VolgnikId) VALUES (N'2024-17', N'AVATUD', 7);",
  'SELECT Staatus FROM #varu;',
  "SELECT 'Menetlus.Staatus' AS Staatus; -- Menetlus Staatus",
  'WITH Menetlus AS (SELECT 1 AS Staatus) SELECT Staatus FROM Menetlus;',
  '',
].join('\n');

const res = checkScript(SCRIPT, { schema }).resolution;
const words = (spans: { start: number; end: number }[]) => spans.map((s) => SCRIPT.slice(s.start, s.end));
const lineOf = (offset: number) => SCRIPT.slice(0, offset).split('\n').length - 1;

describe('find references by resolution', () => {
  it('resolves the name under the cursor through aliases, qualifiers and INSERT column lists', () => {
    assert.equal(resolvedSymbolAt(res, SCRIPT.indexOf('m.Staatus') + 3, schema)?.column, 'Staatus');
    assert.equal(resolvedSymbolAt(res, SCRIPT.indexOf('m.Staatus'), schema)?.table, MENETLUS);
    assert.equal(resolvedSymbolAt(res, SCRIPT.indexOf('v.Nimi') + 2, schema)?.table, VOLGNIK);
    const ins = resolvedSymbolAt(res, SCRIPT.indexOf('Number, Staatus') + 1, schema);
    assert.deepEqual([ins?.table.name, ins?.column], ['Menetlus', 'Number']);
  });

  it('a column: every binding to Menetlus.Staatus, not the temp table, CTE, string or comment of that name', () => {
    const spans = resolvedReferences(res, { table: MENETLUS, column: 'Staatus' }, schema);
    assert.deepEqual(words(spans), ['Staatus', 'Staatus', 'Staatus']);
    assert.deepEqual(spans.map((s) => lineOf(s.start)), [0, 1, 3]);
  });

  it('a table: FROM, JOIN, bracketed, INSERT target; not the CTE named Menetlus', () => {
    const spans = resolvedReferences(res, { table: MENETLUS }, schema);
    assert.deepEqual(spans.map((s) => lineOf(s.start)), [0, 1, 3]);
    assert.deepEqual(words(spans), ['Menetlus', '[Menetlus]', 'Menetlus']);
  });

  it('nothing for a temp table under the cursor', () => {
    assert.equal(resolvedSymbolAt(res, SCRIPT.indexOf('#varu;') + 2, schema), undefined);
  });
});

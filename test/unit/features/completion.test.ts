import * as assert from 'node:assert/strict';
import { complete } from '../../../server/src/features/completion';
import { schema } from './schemaFixture';

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return complete(textWithCursor.replace('|', ''), offset, schema);
}
const labels = (r: ReturnType<typeof at>) => r.items.map((i) => i.label);

describe('completion', () => {
  it('lists the columns of the aliased table after `m.`', () => {
    const r = at('SELECT m.| FROM dbo.Menetlus m JOIN dbo.Volgnik v ON v.VolgnikId = m.VolgnikId');
    assert.deepEqual(labels(r).slice(0, 1), ['MenetlusId']); // the key ranks first
    assert.ok(labels(r).includes('NoudeSumma'));
    assert.ok(!labels(r).includes('Nimi'));
    assert.match(r.items.find((i) => i.label === 'Number')!.detail!, /nvarchar\(20\) NOT NULL/);
  });

  it('filters alias columns by the typed prefix and replaces only the word', () => {
    const text = 'UPDATE m SET m.Sta| FROM dbo.Menetlus AS m';
    const r = at(text);
    assert.deepEqual(labels(r), ['Staatus']);
    assert.equal(r.replaceStart, text.indexOf('Sta'));
  });

  it('offers tables after FROM and tables of a schema after `menetlus.`', () => {
    assert.ok(labels(at('SELECT * FROM Vol|')).includes('Volgnik'));
    assert.deepEqual(labels(at('SELECT * FROM menetlus.|')), ['Toiming']);
  });

  it('offers unqualified columns of the tables in scope', () => {
    const l = labels(at('SELECT * FROM dbo.Volgnik WHERE Isi|'));
    assert.ok(l.includes('Isikukood'));
    assert.ok(!l.includes('Number'));
  });

  it('offers variables of the current batch only, with their type', () => {
    const r = at("DECLARE @vana int;\nGO\nDECLARE @menetlusId int = 5, @staatus nvarchar(10);\nSELECT @|");
    assert.deepEqual(labels(r).sort(), ['@menetlusId', '@staatus']);
    assert.equal(r.items.find((i) => i.label === '@staatus')!.detail, 'nvarchar(10)');
  });

  it('offers temp tables created earlier, across GO', () => {
    assert.deepEqual(labels(at('SELECT * INTO #varu_Menetlus FROM dbo.Menetlus;\nGO\nSELECT * FROM #v|')), ['#varu_Menetlus']);
  });

  it("offers an INSERT target's columns, without those already listed, identity last", () => {
    const l = labels(at('INSERT INTO dbo.Menetlus (Number, |'));
    assert.ok(!l.includes('Number'));
    assert.equal(l[l.length - 1], 'MenetlusId');
    assert.ok(l.includes('Staatus'));
  });

  it('offers statement starts at the start of a line', () => {
    const l = labels(at('SET XACT_ABORT ON;\nUPD|'));
    assert.equal(l[0], 'UPDATE');
  });

  it('lists the columns of a temp table made by SELECT INTO in an earlier batch (through the resolver)', () => {
    const r = at('SELECT m.MenetlusId, m.Staatus INTO #varu FROM dbo.Menetlus m;\nGO\nSELECT v.| FROM #varu v;');
    assert.deepEqual(labels(r), ['MenetlusId', 'Staatus']);
    assert.match(r.items[1].detail!, /nvarchar\(10\) — v|nvarchar\(10\) NOT NULL/);
  });

  it("offers a CTE's columns, not the base table's", () => {
    const l = labels(at('WITH viimased AS (SELECT MenetlusId, Number FROM dbo.Menetlus)\nSELECT | FROM viimased;'));
    assert.ok(l.includes('MenetlusId') && l.includes('Number'), l.join(','));
    assert.ok(!l.includes('Staatus'));
  });

  it('offers the columns of the innermost query at the cursor', () => {
    const l = labels(at('SELECT Nimi FROM dbo.Volgnik WHERE VolgnikId IN (SELECT VolgnikId FROM dbo.Menetlus WHERE Sta|)'));
    assert.ok(l.includes('Staatus'), l.join(','));
    assert.ok(!l.includes('Isikukood'));
  });

  it('still finds the alias when the rest of the statement is broken', () => {
    assert.ok(labels(at('SELECT m.| FROM dbo.Menetlus m WHERE m.Staatus = ')).includes('NoudeSumma'));
  });

  it('offers a variable declared in the batch with the DECLARE type, not a later one', () => {
    const r = at('DECLARE @summa decimal(12,2) = 0;\nUPDATE dbo.Menetlus SET NoudeSumma = @| WHERE MenetlusId = 1;\nDECLARE @hiljem int;');
    assert.deepEqual(labels(r), ['@summa']);
    assert.equal(r.items[0].detail, 'decimal(12,2)');
  });

  it('never throws on odd input', () => {
    for (const t of ['', '.', '[', 'FROM [', 'm.[x', "N'õäöü", '@', '#', 'INSERT INTO (']) {
      for (let i = 0; i <= t.length; i++) complete(t, i, schema);
    }
  });
});

// Tables the script itself defines: what their columns carry for the INSERT rules, and how long they live.
import { strict as assert } from 'node:assert';
import { parseScript } from '../../../server/src/sql/parser';
import { resolveScript } from '../../../server/src/resolve';
import { fixtureSchema } from '../rules/helpers';

const created = (sql: string, name: string) => resolveScript(parseScript(sql), fixtureSchema()).createdTables.get(name.toLowerCase());

describe('tables defined by the script', () => {
  it('CREATE TABLE #t columns carry nullability, identity, computed and default', () => {
    const t = created(`CREATE TABLE #k (Id int IDENTITY(1,1), Kood nvarchar(10) NOT NULL, Nimetus nvarchar(50) NOT NULL DEFAULT (N'-'),
  Markus nvarchar(200), Pikkus AS LEN(Kood), Vota int PRIMARY KEY);`, '#k')!;
    const info = Object.fromEntries(t.columns!.map((c) => [c.name, c.info!]));
    assert.equal(info.Id.identity, true);
    assert.equal(info.Id.nullable, false);
    assert.equal(info.Kood.nullable, false);
    assert.equal(info.Kood.maxLength, 10);
    assert.equal(info.Nimetus.default !== undefined, true);
    assert.equal(info.Markus.nullable, true, 'no NULL/NOT NULL written: nullable');
    assert.equal(info.Pikkus.computed, true);
    assert.equal(info.Vota.nullable, false, 'PRIMARY KEY is NOT NULL');
  });

  it('SELECT INTO copies nullability and identity from one table, never defaults or computed definitions', () => {
    const one = created('SELECT * INTO #isik FROM dbo.Isik WHERE 1 = 0;', '#isik')!;
    const col = (name: string) => one.columns!.find((c) => c.name === name)!.info!;
    assert.equal(col('IsikId').identity, true);
    assert.equal(col('Perenimi').nullable, false);
    assert.equal(col('OnJuriidiline').default, undefined, 'SELECT INTO does not copy DEFAULT (0)');
    const noue = created('SELECT * INTO #noue FROM dbo.Noue;', '#noue')!;
    assert.equal(noue.columns!.find((c) => c.name === 'Jaak')!.info!.computed, false);
    const joined = created('SELECT a.ArestId, m.Number INTO #a FROM dbo.Arest a JOIN dbo.Menetlus m ON m.MenetlusId = a.MenetlusId;', '#a')!;
    assert.equal(joined.columns!.find((c) => c.name === 'ArestId')!.info!.identity, false, 'a join drops IDENTITY');
  });

  it('a table variable ends with its batch', () => {
    const res = resolveScript(parseScript('DECLARE @t TABLE (Id int NOT NULL);\nINSERT INTO @t (Id) VALUES (1);\nGO\nSELECT COUNT(*) FROM @t;'), fixtureSchema());
    assert.deepEqual(res.undeclared.map((v) => v.name), ['@t']);
  });
});

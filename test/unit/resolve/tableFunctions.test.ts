import { strict as assert } from 'node:assert';
import { findings, tx } from '../rules/helpers';

/** Texts of the unknown-column findings. */
function unknownColumns(sql: string): string[] {
  return findings(sql).filter((f) => f.code === 'unknown-column').map((f) => sql.slice(f.range.start, f.range.end));
}

describe('resolve: table functions', () => {
  const json = "DECLARE @json nvarchar(max) = N'[{\"id\":1,\"staatus\":\"LÕPETATUD\",\"andmed\":{}}]';\n";

  it('OPENJSON ... WITH (col type \'$.path\' [AS JSON]) gives the source its columns', () => {
    const sql = json + tx(`SELECT j.MenetlusId, j.Staatus, j.Andmed FROM OPENJSON(@json) WITH (MenetlusId int '$.id', Staatus nvarchar(10) '$.staatus', Andmed nvarchar(max) '$.andmed' AS JSON) AS j;
UPDATE m SET Staatus = j.Staatus FROM dbo.Menetlus m JOIN OPENJSON(@json, N'$') WITH ([Id] int '$.id', Staatus nvarchar(10)) j ON j.Id = m.MenetlusId;`);
    assert.deepEqual(unknownColumns(sql), []);
  });

  it('reports a column that the WITH list does not declare, qualified or not', () => {
    const sql = json + `SELECT j.MenetlusId, j.Vale FROM OPENJSON(@json) WITH (MenetlusId int '$.id') AS j;
SELECT Puudu FROM OPENJSON(@json, '$.read') WITH (MenetlusId int) j;`;
    assert.deepEqual(unknownColumns(sql), ['Vale', 'Puudu']);
  });

  it('OPENJSON without WITH has key, value, type; STRING_SPLIT has value (and ordinal with enable_ordinal)', () => {
    assert.deepEqual(unknownColumns(json + "SELECT [key], value, type FROM OPENJSON(@json);\nSELECT s.value, s.ordinal FROM STRING_SPLIT(N'Õie,Ülle', N',', 1) s;"), []);
    assert.deepEqual(unknownColumns(json + "SELECT Nimi FROM OPENJSON(@json);\nSELECT s.ordinal FROM STRING_SPLIT(N'Õie,Ülle', N',') s;"), ['Nimi', 'ordinal']);
  });

  it('keeps other table functions open (no columns known)', () => {
    assert.deepEqual(unknownColumns('SELECT f.Mida FROM dbo.fn_MenetluseToimingud(5) f;'), []);
  });
});

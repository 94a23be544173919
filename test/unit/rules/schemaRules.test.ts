import { strict as assert } from 'node:assert';
import { codes, findings, tx } from './helpers';

const has = (sql: string, code: string) => codes(sql).filter((c) => c === code).length;

describe('schema rules', () => {
  describe('unknown-table', () => {
    it('flags a misspelled table with a suggestion', () => {
      const f = findings(tx("UPDATE dbo.Menetlu SET Staatus = N'LOPET' WHERE MenetlusId = 1;")).filter((x) => x.code === 'unknown-table');
      assert.equal(f.length, 1);
      assert.deepEqual(f[0].data?.suggestions, ['Menetlus']);
    });
    it('does not flag known tables, temp tables, CTEs, sys views, other databases', () => {
      const sql = `CREATE TABLE #m (Id int);
WITH c AS (SELECT MenetlusId FROM dbo.Menetlus) SELECT * FROM c JOIN #m ON #m.Id = c.MenetlusId;
SELECT name FROM sys.tables; SELECT * FROM INFORMATION_SCHEMA.COLUMNS; SELECT * FROM Arhiiv.dbo.VanaMenetlus;
DECLARE @t TABLE (Id int); SELECT Id FROM @t; SELECT * FROM STRING_SPLIT(N'a,b', ',');`;
      assert.equal(has(sql, 'unknown-table'), 0);
    });
    it('stays silent without a schema', () => {
      assert.deepEqual(codes('SELECT * FROM dbo.Puudub', { schema: false }).filter((c) => c === 'unknown-table'), []);
    });
  });

  describe('unknown-column', () => {
    it('flags a misspelled column with a suggestion', () => {
      const f = findings('SELECT m.Numbr FROM dbo.Menetlus m').filter((x) => x.code === 'unknown-column');
      assert.equal(f.length, 1);
      assert.deepEqual(f[0].data?.suggestions, ['Number']);
    });
    it('flags unknown INSERT column list names', () => {
      assert.equal(has(tx("INSERT INTO dbo.Makse (MenetlusId, Summa, MakseKuupaev, Vale) VALUES (1, 10.5, '2024-01-31', 1);"), 'unknown-column'), 1);
    });
    it('resolves aliases, CTE columns, derived tables, ORDER BY aliases, OUTPUT inserted/deleted, correlated subqueries', () => {
      const sql = `WITH s (Kood2) AS (SELECT Kood FROM dbo.MenetluseStaatus)
SELECT d.Nr, s.Kood2 FROM (SELECT Number AS Nr, Staatus FROM dbo.Menetlus) d JOIN s ON s.Kood2 = d.Staatus ORDER BY Nr;
SELECT m.Number AS Nr FROM dbo.Menetlus m WHERE EXISTS (SELECT 1 FROM dbo.Toiming t WHERE t.MenetlusId = m.MenetlusId) ORDER BY Nr;
UPDATE dbo.Arest SET Staatus = N'LOPET' OUTPUT deleted.Staatus, inserted.Staatus, inserted.ArestId WHERE ArestId = 4;
SELECT x.Kood FROM dbo.Menetlus m CROSS APPLY (SELECT TOP 1 s.Kood FROM dbo.MenetluseStaatus s WHERE s.Kood = m.Staatus) x;
SELECT DATEADD(day, 1, AlgusKuupaev) FROM dbo.Menetlus;`;
      assert.deepEqual(codes(sql).filter((c) => c === 'unknown-column'), []);
    });
    it('does not flag columns of an unknown table (unknown-table only)', () => {
      const c = codes('SELECT a.Foo, a.Bar FROM dbo.Puudub a');
      assert.deepEqual(c.filter((x) => x === 'unknown-column'), []);
      assert.equal(c.filter((x) => x === 'unknown-table').length, 1);
    });
    it('knows temp table columns from CREATE TABLE and SELECT INTO across GO', () => {
      const sql = `SELECT MenetlusId, Number INTO #vanad FROM dbo.Menetlus WHERE AlgusKuupaev < '2020-01-01';\nGO\nSELECT Number, Puudu FROM #vanad;`;
      assert.equal(has(sql, 'unknown-column'), 1);
    });
  });

  describe('ambiguous-column', () => {
    it('flags an unqualified column two tables have', () => {
      assert.equal(has('SELECT MenetlusId FROM dbo.Menetlus m JOIN dbo.Toiming t ON t.MenetlusId = m.MenetlusId', 'ambiguous-column'), 1);
    });
    it('does not flag a qualified or unique column', () => {
      assert.equal(has('SELECT m.MenetlusId, ToiminguLiik FROM dbo.Menetlus m JOIN dbo.Toiming t ON t.MenetlusId = m.MenetlusId', 'ambiguous-column'), 0);
    });
  });

  describe('insert-arity', () => {
    it('flags VALUES and SELECT with the wrong width', () => {
      assert.equal(has(tx("INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates) VALUES (N'X', N'Ükski');"), 'insert-arity'), 1);
      assert.equal(has(tx('INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates) SELECT Kood, Nimetus FROM dbo.MenetluseStaatus;'), 'insert-arity'), 1);
    });
    it('accepts matching widths, and no column list that matches the insertable columns', () => {
      assert.equal(has(tx("INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates) VALUES (N'X', N'Ükski', '2024-01-01'), (N'Y', N'Teine', '2024-01-01');"), 'insert-arity'), 0);
      assert.equal(has(tx("INSERT INTO dbo.MenetluseStaatus VALUES (N'X', N'Ükski', '2024-01-01', NULL, N'None', N'Нет', 90);"), 'insert-arity'), 0);
    });
  });

  describe('type-mismatch', () => {
    it("flags 'abc' to int, an impossible date, a bad comparison", () => {
      assert.equal(has(tx("UPDATE dbo.Menetlus SET KohtutaiturId = 'abc' WHERE MenetlusId = 1;"), 'type-mismatch'), 1);
      assert.equal(has(tx("UPDATE dbo.Menetlus SET AlgusKuupaev = '2024-02-30' WHERE MenetlusId = 1;"), 'type-mismatch'), 1);
      assert.equal(has("SELECT * FROM dbo.Menetlus WHERE MenetlusId = 'x12'", 'type-mismatch'), 1);
    });
    it("accepts implicit conversions: '12' to int, '2024-01-31' to date, 2024-02-29 leap day", () => {
      assert.equal(has(tx("UPDATE dbo.Menetlus SET KohtutaiturId = '12', AlgusKuupaev = '2024-01-31', LoppKuupaev = '2024-02-29' WHERE MenetlusId = '7';"), 'type-mismatch'), 0);
    });
  });

  describe('string-truncation', () => {
    it('flags a string longer than the column', () => {
      assert.equal(has(tx("UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD_LIIGA_PIKK' WHERE MenetlusId = 1;"), 'string-truncation'), 1);
    });
    it('accepts a fitting string and nvarchar(max)', () => {
      assert.equal(has(tx("UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD', Markus = N'${'x'.repeat(5000)}' WHERE MenetlusId = 1;"), 'string-truncation'), 0);
    });
  });

  describe('missing-not-null', () => {
    it('flags an omitted NOT NULL column without default', () => {
      assert.equal(has(tx("INSERT INTO dbo.Toiming (MenetlusId, ToiminguLiik, Kuupaev) VALUES (5, N'PARANDUS', GETDATE());"), 'missing-not-null'), 1);
    });
    it('accepts omitting identity, defaulted and nullable columns', () => {
      assert.equal(has(tx("INSERT INTO dbo.Isik (Perenimi) VALUES (N'Tamm');"), 'missing-not-null'), 0);
    });
  });

  describe('null-into-not-null', () => {
    it('flags NULL into a NOT NULL column', () => {
      assert.equal(has(tx("UPDATE dbo.MenetluseStaatus SET Nimetus = NULL WHERE Kood = N'X';"), 'null-into-not-null'), 1);
    });
    it('accepts NULL into a nullable column', () => {
      assert.equal(has(tx("UPDATE dbo.MenetluseStaatus SET KehtivKuni = NULL WHERE Kood = N'X';"), 'null-into-not-null'), 0);
    });
  });

  describe('identity-insert', () => {
    it('flags an identity column without IDENTITY_INSERT', () => {
      assert.equal(has(tx("INSERT INTO dbo.Isik (IsikId, Perenimi) VALUES (1, N'Tamm');"), 'identity-insert'), 1);
    });
    it('accepts it inside SET IDENTITY_INSERT ON', () => {
      assert.equal(has(tx("SET IDENTITY_INSERT dbo.Isik ON;\nINSERT INTO dbo.Isik (IsikId, Perenimi) VALUES (1, N'Tamm');\nSET IDENTITY_INSERT dbo.Isik OFF;\nUPDATE dbo.Isik SET Eesnimi = N'Mari' WHERE IsikId = 1;"), 'identity-insert'), 0);
    });
  });

  it('schema rules stay silent without a schema', () => {
    const c = codes(tx("INSERT INTO dbo.Isik (IsikId, Perenimi, Vale) VALUES (1, NULL);"), { schema: false });
    for (const id of ['unknown-column', 'insert-arity', 'identity-insert', 'null-into-not-null', 'missing-not-null']) assert.ok(!c.includes(id), id);
  });
});

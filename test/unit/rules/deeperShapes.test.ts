// Misses and false alarms found by the second hunt (corpus 6x): procedures, CTE updates, UNION inserts,
// CASE results, per-path transactions, per-transaction row-count guards, script-defined tables.
import { strict as assert } from 'node:assert';
import { codes, tx } from './helpers';

const count = (sql: string, code: string) => codes(sql).filter((c) => c === code).length;

describe('second hunt: deeper shapes', () => {
  describe('update-without-where through a CTE', () => {
    it('flags a CTE whose query picks every row', () => {
      assert.equal(count(tx("WITH koik AS (SELECT ArestId, Staatus FROM dbo.Arest)\nUPDATE koik SET Staatus = N'X';"), 'update-without-where'), 1);
      assert.equal(count(tx('WITH a AS (SELECT * FROM dbo.Toiming), b AS (SELECT * FROM a)\nDELETE FROM b;'), 'delete-without-where'), 1);
    });
    it('accepts a CTE that filters (WHERE, TOP, a join, a filtering CTE it reads) or reads a temp table', () => {
      const ok = [
        "WITH v AS (SELECT a.Staatus FROM dbo.Arest a WHERE a.LopetatudKuupaev IS NULL)\nUPDATE v SET Staatus = N'LOPP';",
        "WITH v AS (SELECT TOP (10) t.ToimingId FROM dbo.Toiming t ORDER BY t.Kuupaev)\nDELETE FROM v;",
        "WITH v AS (SELECT a.Staatus FROM dbo.Arest a JOIN dbo.Menetlus m ON m.MenetlusId = a.MenetlusId)\nUPDATE v SET Staatus = N'LOPP';",
        "WITH a AS (SELECT * FROM dbo.Toiming WHERE Kasutaja = 'import'), b AS (SELECT * FROM a)\nDELETE FROM b;",
        "WITH v AS (SELECT * FROM #valik)\nUPDATE v SET Olek = 1;",
      ];
      for (const sql of ok) assert.equal(count(tx(sql), 'update-without-where') + count(tx(sql), 'delete-without-where'), 0, sql);
    });
  });

  describe('undeclared-variable in methods of a variable', () => {
    it('flags @doc.value(...) and @g.Lat of an undeclared variable, not of a declared one', () => {
      const sql = "DECLARE @x xml = N'<isik kood=\"1\"/>';\nSELECT @x.value('(/isik/@kood)[1]', 'int'), @doc.value('(/a)[1]', 'int'), @g.Lat;";
      assert.equal(count(sql, 'undeclared-variable'), 2);
      assert.equal(count(sql.replace('DECLARE @x xml', 'DECLARE @doc xml, @g geography, @x xml'), 'undeclared-variable'), 0);
    });
  });

  describe('where-missing through a linked server', () => {
    it('leaves UPDATE/DELETE OPENQUERY alone (the pass-through query picks the rows) but not a local table', () => {
      const remote = "UPDATE OPENQUERY(ARHIIV, 'SELECT Staatus FROM etaitur.dbo.Menetlus WHERE MenetlusId = 5') SET Staatus = N'SULETUD';\nDELETE OPENQUERY(ARHIIV, 'SELECT * FROM etaitur.dbo.Toiming WHERE ToimingId = 9');";
      assert.equal(count(tx(remote), 'update-without-where') + count(tx(remote), 'delete-without-where'), 0);
      assert.equal(count(tx("UPDATE dbo.Menetlus SET Staatus = N'SULETUD';"), 'update-without-where'), 1);
    });
  });

  describe('insert-arity across UNION ALL branches', () => {
    it('flags a later branch with another width', () => {
      const sql = "INSERT INTO dbo.Klassifikaator (Tyyp, Kood, Nimetus)\nSELECT N'T', N'A', N'Aa'\nUNION ALL\nSELECT N'T', N'B';";
      assert.equal(count(tx(sql), 'insert-arity'), 1);
      assert.equal(count(tx(sql.replace("N'B';", "N'B', N'Bb';")), 'insert-arity'), 0);
    });
  });

  describe('null-into-not-null: DEFAULT for a column without a default', () => {
    it('flags DEFAULT into a NOT NULL column without a default, accepts it where a default exists or NULL is allowed', () => {
      assert.equal(count(tx("INSERT INTO dbo.Isik (Eesnimi, Perenimi) VALUES (N'Jüri', DEFAULT);"), 'null-into-not-null'), 1);
      assert.equal(count(tx("INSERT INTO dbo.Isik (Perenimi, OnJuriidiline, Eesnimi) VALUES (N'Tamm', DEFAULT, DEFAULT);"), 'null-into-not-null'), 0);
    });
  });

  describe('type-mismatch and string-truncation: result literals, decimal strings, datetime precision', () => {
    it('checks CASE/IIF results and ISNULL/COALESCE fallbacks', () => {
      assert.equal(count(tx("UPDATE dbo.Arest SET Summa = CASE WHEN Summa < 0 THEN 0 ELSE 'palju' END WHERE ArestId = 1;"), 'type-mismatch'), 1);
      assert.equal(count(tx("UPDATE dbo.Arest SET Summa = ISNULL(Summa, 'null') WHERE ArestId = 1;"), 'type-mismatch'), 1);
      assert.equal(count(tx("UPDATE dbo.Arest SET Staatus = IIF(Summa > 1, N'SUUR', N'VÄIKE_AREST_X') WHERE ArestId = 1;"), 'string-truncation'), 1);
      assert.equal(count(tx("UPDATE dbo.Arest SET Staatus = CASE WHEN Summa > 1 THEN N'SUUR' ELSE N'VÄIKE' END, Summa = COALESCE(Summa, 0) WHERE ArestId = 1;"), 'type-mismatch') + count(tx("UPDATE dbo.Arest SET Staatus = CASE WHEN Summa > 1 THEN N'SUUR' ELSE N'VÄIKE' END WHERE ArestId = 1;"), 'string-truncation'), 0);
    });
    it('an ISNULL fallback longer than the column is cut to the first argument, not a truncation error', () => {
      assert.equal(count(tx("UPDATE dbo.Arest SET Staatus = ISNULL(Staatus, N'MÄÄRAMATA_OLEK') WHERE ArestId = 1;"), 'string-truncation'), 0);
    });
    it("flags an exponent string into decimal ('1e3'), accepts it into float", () => {
      assert.equal(count(tx("UPDATE dbo.Menetlus SET NoudeSumma = '1e3' WHERE MenetlusId = 1;"), 'type-mismatch'), 1);
      assert.equal(count(tx("UPDATE dbo.Menetlus SET NoudeSumma = '1000.50' WHERE MenetlusId = 1;"), 'type-mismatch'), 0);
    });
    it('flags more than three fractional digits into datetime, accepts them into datetime2', () => {
      assert.equal(count(tx("UPDATE dbo.Menetlus SET Muudetud = '2026-11-24T10:15:30.1234567' WHERE MenetlusId = 1;"), 'type-mismatch'), 1);
      assert.equal(count(tx("UPDATE dbo.Menetlus SET Muudetud = '2026-11-24T10:15:30.123' WHERE MenetlusId = 1;"), 'type-mismatch'), 0);
      assert.equal(count(tx("UPDATE dbo.Logi SET Aeg = '2026-11-24T10:15:30.1234567' WHERE LogiId = 1;"), 'type-mismatch'), 0);
    });
  });

  describe('literals that reach a column through a VALUES source or a derived SELECT list', () => {
    it('checks MERGE USING (VALUES ...) rows, derived UNION ALL lists and UPDATE ... FROM (VALUES ...)', () => {
      const merge = (row: string) => tx(`MERGE dbo.MenetluseStaatus AS t
USING (VALUES (N'AKTIIVNE', N'Aktiivne', '2026-01-01'), ${row}) AS s (Kood, Nimetus, Alates) ON t.Kood = s.Kood
WHEN MATCHED THEN UPDATE SET t.Nimetus = s.Nimetus
WHEN NOT MATCHED THEN INSERT (Kood, Nimetus, KehtivAlates) VALUES (s.Kood, s.Nimetus, s.Alates);`);
      assert.equal(count(merge("(N'PEATATUD_AJUTISELT', N'Peatatud', '2026-01-01')"), 'string-truncation'), 1);
      assert.equal(count(merge("(N'LOPP', NULL, '2026-01-01')"), 'null-into-not-null'), 1);
      assert.equal(count(merge("(N'LOPP', N'Lõpetatud', '2026-02-30')"), 'type-mismatch'), 1);
      assert.deepEqual(codes(merge("(N'LOPP', N'Lõpetatud', '2026-02-01')")), []);
      const derived = tx(`INSERT INTO dbo.Kohtutaitur (Nimi, Piirkond)
SELECT x.Nimi, x.Piirkond FROM (SELECT N'Mari Maasikas' AS Nimi, N'Harju' AS Piirkond
  UNION ALL SELECT N'Jaan Tamm', N'Põhja-Eesti ringkond, väga pikk piirkonna nimi mis ei mahu') x;`);
      assert.equal(count(derived, 'string-truncation'), 1);
      assert.equal(count(tx("UPDATE a SET a.Staatus = v.Uus FROM dbo.Arest a JOIN (VALUES (1, N'LOPP'), (2, N'LÕPETATUD_X1')) v (Id, Uus) ON v.Id = a.ArestId;"), 'string-truncation'), 1);
    });
  });

  describe('type-mismatch: variable values', () => {
    it('flags what fails under every DATEFORMAT in DECLARE and SET; not dateformat-dependent strings, not silent truncation', () => {
      assert.equal(count("DECLARE @id int = 'x1', @d date = '2026-02-30', @s decimal(5,2) = 12345.67;", 'type-mismatch'), 3);
      assert.equal(count("DECLARE @id int;\nSET @id = 'kaks';", 'type-mismatch'), 1);
      assert.equal(count("DECLARE @d date = '24.11.2026', @b bit = 'true', @n nvarchar(5) = N'pikk string', @i int = '42';", 'type-mismatch') + count("DECLARE @n nvarchar(5) = N'pikk string';", 'string-truncation'), 0);
    });
  });

  describe('schema rules on tables the script defines', () => {
    it('#temp and @table columns: missing-not-null, null-into-not-null, identity-insert, arity without identity', () => {
      const k = "CREATE TABLE #k (Id int IDENTITY(1,1) NOT NULL, Kood nvarchar(10) NOT NULL, Nimetus nvarchar(50) NOT NULL DEFAULT (N'-'));\n";
      assert.equal(count(k + "INSERT INTO #k (Nimetus) VALUES (N'x');", 'missing-not-null'), 1);
      assert.equal(count(k + "INSERT INTO #k (Id, Kood) VALUES (5, N'C');", 'identity-insert'), 1);
      assert.equal(count(k + "SET IDENTITY_INSERT #k ON;\nINSERT INTO #k (Id, Kood) VALUES (5, N'C');", 'identity-insert'), 0);
      assert.equal(count(k + "INSERT INTO #k VALUES (N'D', DEFAULT);\nINSERT INTO #k (Kood) VALUES (N'A');", 'insert-arity') + count(k + "INSERT INTO #k (Kood) VALUES (N'A');", 'missing-not-null'), 0);
      const t = 'DECLARE @t TABLE (Rida int IDENTITY(1,1), MenetlusId int NOT NULL, Markus nvarchar(20) NULL);\n';
      assert.equal(count(t + "INSERT INTO @t (MenetlusId, Markus) VALUES (NULL, N'x');", 'null-into-not-null'), 1);
      assert.equal(count(t + "INSERT INTO @t (Markus) VALUES (N'x');", 'missing-not-null'), 1);
      assert.equal(count(t + 'INSERT INTO @t (MenetlusId) VALUES (1);', 'missing-not-null'), 0);
    });
    it('ALTER TABLE ... ADD CONSTRAINT ... DEFAULT ... FOR col lets an INSERT omit col (work and schema tables)', () => {
      const t = 'CREATE TABLE #t (Id int NOT NULL, Lisa int NOT NULL);\n';
      assert.equal(count(t + 'INSERT INTO #t (Id) VALUES (1);', 'missing-not-null'), 1);
      assert.equal(count(t + 'ALTER TABLE #t ADD CONSTRAINT DF_t_Lisa DEFAULT (0) FOR Lisa;\nINSERT INTO #t (Id) VALUES (1);', 'missing-not-null'), 0);
      const makse = tx('INSERT INTO dbo.Makse (MenetlusId, Summa) VALUES (1, 10);');
      assert.equal(count(makse, 'missing-not-null'), 1);
      assert.equal(count('ALTER TABLE dbo.Makse ADD CONSTRAINT DF_Makse_Kuupaev DEFAULT (CAST(GETDATE() AS date)) FOR MakseKuupaev;\nGO\n' + makse, 'missing-not-null'), 0);
    });
    it('SELECT INTO from a join: the copied id is no identity column', () => {
      const sql = 'SELECT a.ArestId, m.Number INTO #a FROM dbo.Arest a JOIN dbo.Menetlus m ON m.MenetlusId = a.MenetlusId WHERE m.MenetlusId = 1;\n';
      assert.equal(count(sql + "INSERT INTO #a (ArestId, Number) VALUES (1, N'1/2026');", 'identity-insert'), 0);
      assert.equal(count('SELECT a.ArestId INTO #a FROM dbo.Arest a WHERE a.MenetlusId = 1;\nINSERT INTO #a (ArestId) VALUES (1);', 'identity-insert'), 1);
    });
  });

  describe('unknown-column: a column ALTER TABLE ADD gives in the same batch', () => {
    it('flags DML and SELECT in the batch of the ALTER, accepts DDL there and everything after GO', () => {
      const alter = "IF COL_LENGTH(N'dbo.Arest', N'Pohjus') IS NULL\n    ALTER TABLE dbo.Arest ADD Pohjus nvarchar(200) NULL, CONSTRAINT CK_Arest_Pohjus CHECK (Pohjus <> N'');\n"
        + 'CREATE INDEX IX_Arest_Pohjus ON dbo.Arest (Pohjus) WHERE Pohjus IS NOT NULL;\n';
      assert.equal(count(alter, 'unknown-column'), 0);
      assert.equal(count(alter + "UPDATE dbo.Arest SET Pohjus = N'x' WHERE ArestId = 1;\nSELECT a.Pohjus FROM dbo.Arest a;", 'unknown-column'), 2);
      assert.equal(count(alter + "GO\nUPDATE dbo.Arest SET Pohjus = N'x' WHERE ArestId = 1;\nSELECT a.Pohjus FROM dbo.Arest a;", 'unknown-column'), 0);
    });
  });

  describe('views the script creates', () => {
    it('know their columns and count as permanent data for the safety rules', () => {
      const view = 'CREATE VIEW dbo.vArest2 AS SELECT a.ArestId, a.Pank FROM dbo.Arest a WHERE a.LopetatudKuupaev IS NULL;\nGO\n';
      assert.equal(count(view + 'SELECT v.ArestId, v.Summa FROM dbo.vArest2 v;', 'unknown-column'), 1);
      assert.equal(count(view + 'SELECT v.ArestId, v.Pank FROM dbo.vArest2 v;', 'unknown-column'), 0);
      assert.equal(count(view + 'UPDATE dbo.vArest2 SET Pank = NULL;', 'update-without-where'), 1);
      assert.equal(count('CREATE VIEW dbo.vA (Id, Pangad) AS SELECT a.ArestId, a.Pank FROM dbo.Arest a;\nGO\nSELECT Id, Pangad, Pank FROM dbo.vA;', 'unknown-column'), 1);
    });
  });

  describe('transactions per path', () => {
    it('no-transaction: a change after BEGIN TRAN inside an IF runs bare on the other path', () => {
      const sql = 'SET XACT_ABORT ON;\nIF EXISTS (SELECT 1 FROM dbo.Arest WHERE ArestId = 5)\n    BEGIN TRAN;\nUPDATE dbo.Arest SET Pank = NULL WHERE ArestId = 5;\nIF @@TRANCOUNT > 0 COMMIT;';
      assert.equal(count(sql, 'no-transaction'), 1);
      assert.equal(count(sql.replace('IF EXISTS (SELECT 1 FROM dbo.Arest WHERE ArestId = 5)\n    BEGIN TRAN;', 'IF @@TRANCOUNT = 0 BEGIN TRAN;'), 'no-transaction'), 0);
    });
    it('unbalanced-transaction: COMMIT after IF ... ROLLBACK (the rollback path commits nothing)', () => {
      const body = "SET XACT_ABORT ON;\nBEGIN TRAN;\nUPDATE dbo.Kasutaja SET Aktiivne = 1 WHERE Kasutajanimi = 'uus';\n";
      assert.equal(count(body + 'IF @@ROWCOUNT <> 1 ROLLBACK;\nCOMMIT;', 'unbalanced-transaction'), 1);
      assert.equal(count(body + 'IF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END\nCOMMIT;', 'unbalanced-transaction'), 0);
      assert.equal(count(body + 'IF @@ROWCOUNT <> 1 ROLLBACK;\nIF @@TRANCOUNT > 0 COMMIT;', 'unbalanced-transaction'), 0);
    });
    it('RAISERROR 11-19 jumps to CATCH inside TRY, and goes on outside it', () => {
      const body = "BEGIN TRAN;\nUPDATE dbo.Arest SET Pank = NULL WHERE ArestId = 1;\nIF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RAISERROR(N'vale', 16, 1); END\nCOMMIT;\n";
      assert.equal(count(`SET XACT_ABORT ON;\nBEGIN TRY\n${body}END TRY\nBEGIN CATCH\n    IF @@TRANCOUNT > 0 ROLLBACK;\n    THROW;\nEND CATCH`, 'unbalanced-transaction'), 0);
      assert.equal(count(`SET XACT_ABORT ON;\n${body}`, 'unbalanced-transaction'), 1);
      assert.equal(count(`SET XACT_ABORT ON;\n${body.replace("16, 1", "10, 1")}`.replace('BEGIN TRY', ''), 'unbalanced-transaction'), 1);
    });
    it('WHILE @@TRANCOUNT > 0 ROLLBACK leaves nothing open', () => {
      const sql = (handler: string) => `SET XACT_ABORT ON;\nBEGIN TRY\n    BEGIN TRAN;\n    UPDATE dbo.Arest SET Pank = NULL WHERE ArestId = 1;\n    IF @@ROWCOUNT <> 1 THROW 50001, N'vale', 1;\n    COMMIT;\nEND TRY\nBEGIN CATCH\n    ${handler}\n    PRINT ERROR_MESSAGE();\nEND CATCH`;
      assert.equal(count(sql('WHILE @@TRANCOUNT > 0 ROLLBACK TRANSACTION;'), 'unbalanced-transaction'), 0);
      assert.equal(count(sql('WHILE @@TRANCOUNT > 0 BREAK;'), 'unbalanced-transaction'), 1);
    });
    it('BREAK and CONTINUE leave the loop body with the states they have', () => {
      const loop = (exit: string) => `SET XACT_ABORT ON;\nWHILE 1 = 1\nBEGIN\n    BEGIN TRAN;\n    DELETE TOP (500) FROM dbo.Logi WHERE Tase = 'DEBUG';\n    IF @@ROWCOUNT = 0 ${exit}\n    COMMIT;\nEND`;
      assert.equal(count(loop('BEGIN ROLLBACK; BREAK; END'), 'unbalanced-transaction'), 0);
      assert.equal(count(loop('BEGIN COMMIT; BREAK; END'), 'unbalanced-transaction'), 0);
      assert.equal(count(loop('BEGIN ROLLBACK; CONTINUE; END'), 'unbalanced-transaction'), 0);
      assert.equal(count(loop('BREAK;'), 'unbalanced-transaction'), 1);
    });
    it('no-rowcount-guard: a guard in another transaction does not cover this COMMIT', () => {
      const guarded = "BEGIN TRAN;\nUPDATE dbo.Kasutaja SET Aktiivne = 1 WHERE Kasutajanimi = 'a';\nIF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END\nCOMMIT;\n";
      const bare = "BEGIN TRAN;\nUPDATE dbo.Kasutaja SET Aktiivne = 0 WHERE Kasutajanimi = 'b';\nCOMMIT;\n";
      assert.equal(count('SET XACT_ABORT ON;\n' + guarded + bare, 'no-rowcount-guard'), 1);
      assert.equal(count('SET XACT_ABORT ON;\n' + guarded + guarded, 'no-rowcount-guard'), 0);
      assert.equal(count('SET XACT_ABORT ON;\nDECLARE @n bigint;\n' + bare.replace('COMMIT;', 'SET @n = ROWCOUNT_BIG();\nIF @n > 1 BEGIN ROLLBACK; RETURN; END\nCOMMIT;'), 'no-rowcount-guard'), 0);
    });
    it('missing-xact-abort: a procedure body is judged on its own', () => {
      const proc = (body: string) => `SET XACT_ABORT ON;\nGO\nCREATE PROCEDURE dbo.usp_X @Id int AS\nBEGIN\n${body}\nBEGIN TRAN;\nUPDATE dbo.Arest SET Pank = NULL WHERE ArestId = @Id;\nIF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN 1; END\nCOMMIT;\nEND`;
      assert.equal(count(proc(''), 'missing-xact-abort'), 1);
      assert.equal(count(proc('SET XACT_ABORT ON;'), 'missing-xact-abort'), 0);
    });
  });

  describe('personal-data-literal: 11 digits that are not a code', () => {
    it('ignores the bytes of a binary literal, phone numbers with 372, longer numbers; flags codes in comments and numbers', () => {
      assert.equal(count('UPDATE dbo.Dokument SET Sisu = 0xAB38503171231FF WHERE DokumentId = 1;', 'personal-data-literal'), 0);
      assert.equal(count('UPDATE dbo.Dokument SET Sisu = 0x38503171231 WHERE DokumentId = 1;', 'personal-data-literal'), 0);
      assert.equal(count("UPDATE dbo.Makse SET Viitenumber = '37255512345' WHERE MakseId = 1;", 'personal-data-literal'), 0);
      assert.equal(count("UPDATE dbo.Makse SET Viitenumber = '385031712310' WHERE MakseId = 1;", 'personal-data-literal'), 0);
      assert.equal(count('/* isik 38503171231 */ SELECT 1;', 'personal-data-literal'), 1);
      assert.equal(count('SELECT IsikId FROM dbo.Isik WHERE Isikukood = 38503171231;', 'personal-data-literal'), 1);
      assert.equal(count("SELECT IsikId FROM dbo.Isik WHERE Isikukood = 'x38503171231';", 'personal-data-literal'), 1);
    });
  });
});

// False alarms and misses found by running realistic fix scripts (corpus 5x) through the checker.
import { strict as assert } from 'node:assert';
import { codes, findings } from './helpers';

const count = (sql: string, code: string) => codes(sql).filter((c) => c === code).length;

describe('false alarms found on real fix scripts', () => {
  describe('unknown-table: DROP TABLE behind an existence guard', () => {
    it('accepts IF OBJECT_ID(...) IS NOT NULL DROP TABLE of a table absent from the schema', () => {
      assert.equal(count("IF OBJECT_ID(N'dbo.MenetlusParandus_6140', N'U') IS NOT NULL\n    DROP TABLE dbo.MenetlusParandus_6140;", 'unknown-table'), 0);
      assert.equal(count("IF OBJECT_ID(N'dbo.Abi') IS NOT NULL BEGIN\n  PRINT N'kustutan';\n  DROP TABLE [dbo].[Abi];\nEND", 'unknown-table'), 0);
    });
    it('accepts IF EXISTS (SELECT ... FROM sys.tables / INFORMATION_SCHEMA.TABLES) DROP TABLE', () => {
      assert.equal(count("IF EXISTS (SELECT 1 FROM sys.tables WHERE name = N'VanaAruanne') DROP TABLE dbo.VanaAruanne;", 'unknown-table'), 0);
      assert.equal(count("IF EXISTS (SELECT * FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = N'Vana') DROP TABLE dbo.Vana;", 'unknown-table'), 0);
    });
    it('accepts ALTER TABLE ... DROP COLUMN behind COL_LENGTH or sys.columns', () => {
      const sql = `IF COL_LENGTH(N'dbo.Menetlus', N'VanaVeerg') IS NOT NULL
    ALTER TABLE dbo.Menetlus DROP COLUMN VanaVeerg;
GO
IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.Menetlus') AND name = N'VanaOlek')
    ALTER TABLE dbo.Menetlus DROP COLUMN VanaOlek;`;
      assert.equal(count(sql, 'unknown-column'), 0);
      assert.equal(count('ALTER TABLE dbo.Menetlus DROP COLUMN VanaVeerg;', 'unknown-column'), 1);
    });
    it('still flags an unguarded drop, a drop in the ELSE branch, and a guard that tests data', () => {
      assert.equal(count('DROP TABLE dbo.MenetlusParandus_6140;', 'unknown-table'), 1);
      assert.equal(count("IF OBJECT_ID(N'dbo.Abi') IS NULL PRINT N'puudub'; ELSE DROP TABLE dbo.Abi;", 'unknown-table'), 1);
      assert.equal(count("IF EXISTS (SELECT 1 FROM dbo.Menetlus WHERE Staatus = N'X') DROP TABLE dbo.Abi;", 'unknown-table'), 1);
      assert.equal(count("IF OBJECT_ID(N'dbo.Abi') IS NOT NULL TRUNCATE TABLE dbo.Puudub;", 'unknown-table'), 1);
    });
  });

  describe('ambiguous-column: ORDER BY binds to the select list first', () => {
    it('accepts ORDER BY a plain select-list column whose name several joined tables have', () => {
      const sql = `SELECT m.MenetlusId, m.Number, mk.Summa
FROM dbo.Menetlus m JOIN dbo.Makse mk ON mk.MenetlusId = m.MenetlusId
ORDER BY MenetlusId, mk.MakseKuupaev DESC;`;
      assert.equal(count(sql, 'ambiguous-column'), 0);
    });
    it('still flags it when the select list has the name twice or not at all', () => {
      assert.equal(count('SELECT m.MenetlusId, mk.MenetlusId FROM dbo.Menetlus m JOIN dbo.Makse mk ON mk.MenetlusId = m.MenetlusId ORDER BY MenetlusId;', 'ambiguous-column'), 1);
      assert.equal(count('SELECT m.Number FROM dbo.Menetlus m JOIN dbo.Makse mk ON mk.MenetlusId = m.MenetlusId ORDER BY MenetlusId;', 'ambiguous-column'), 1);
    });
  });

  describe('top-without-order-by: batching loops', () => {
    it('accepts DELETE/UPDATE TOP (n) inside WHILE (every matching row is reached)', () => {
      const sql = `SET XACT_ABORT ON;
WHILE 1 = 1
BEGIN
    BEGIN TRAN;
    DELETE TOP (500) FROM dbo.Logi WHERE Aeg < '20250101' AND Tase = 'DEBUG';
    IF @@ROWCOUNT = 0 BEGIN COMMIT; BREAK; END
    COMMIT;
END
WHILE 1 = 1
BEGIN
    UPDATE TOP (500) t SET t.Saadetud = '20261124' FROM dbo.Teavitus t WHERE t.Saadetud IS NULL;
    IF @@ROWCOUNT = 0 BREAK;
END`;
      assert.equal(count(sql, 'top-without-order-by'), 0);
    });
    it('accepts DELETE TOP (n) in a batch repeated with GO n', () => {
      assert.equal(count("DELETE TOP (5000) FROM dbo.Logi WHERE Aeg < '20250101';\nGO 100\n", 'top-without-order-by'), 0);
      assert.equal(count("DELETE TOP (5000) FROM dbo.Logi WHERE Aeg < '20250101';\nGO\n", 'top-without-order-by'), 1);
    });
    it('still flags a single UPDATE TOP outside a loop', () => {
      assert.equal(count("IF 1 = 1 BEGIN DELETE TOP (10) FROM dbo.Toiming WHERE Kasutaja = 'vana'; END", 'top-without-order-by'), 1);
    });
  });

  describe('destructive-statement: work tables the script created', () => {
    it('accepts dropping or truncating a permanent work table created earlier in the script', () => {
      const sql = `SELECT m.MenetlusId INTO dbo.Abi_6140 FROM dbo.Menetlus m WHERE m.Staatus = N'PEAT';
GO
CREATE TABLE dbo.Abi_6141 (Id int NOT NULL);
TRUNCATE TABLE dbo.Abi_6141;
DROP TABLE dbo.Abi_6140, Abi_6141;`;
      assert.equal(count(sql, 'destructive-statement'), 0);
    });
    it('still flags a drop before the table is (re)created, and drops of other tables', () => {
      assert.equal(count("IF OBJECT_ID(N'dbo.Abi') IS NOT NULL DROP TABLE dbo.Abi;\nCREATE TABLE dbo.Abi (Id int);", 'destructive-statement'), 1);
      assert.equal(count('CREATE TABLE dbo.Abi (Id int);\nDROP TABLE dbo.Teavitus;\nDROP TABLE muu.Abi;', 'destructive-statement'), 2);
    });
  });

  describe('missing-xact-abort: SET XACT_ABORT ON only protects what follows', () => {
    it('flags a transaction that starts before the first SET XACT_ABORT ON', () => {
      const sql = "BEGIN TRAN;\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1;\nCOMMIT;\nGO\nSET XACT_ABORT ON;\nBEGIN TRAN;\nCOMMIT;";
      assert.equal(count(sql, 'missing-xact-abort'), 1);
    });
    it('accepts SET XACT_ABORT ON in an earlier batch (a session setting)', () => {
      const sql = "SET XACT_ABORT ON;\nGO\nBEGIN TRAN;\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1;\nCOMMIT;";
      assert.equal(count(sql, 'missing-xact-abort'), 0);
    });
  });

  describe('type-mismatch: what SQL Server converts, and overflow', () => {
    it('accepts implicit conversions SQL Server allows', () => {
      const sql = `UPDATE dbo.Noue SET Summa = 150 WHERE NoueId = '77';
UPDATE dbo.Kohtutaitur SET Aktiivne = 0 WHERE KohtutaiturId = 12;
UPDATE dbo.Kasutaja SET Aktiivne = 'true' WHERE Kasutajanimi = N'mari.tamm';
UPDATE dbo.Isik SET Registrikood = N'12345678', Loodud = '2026-11-24T10:15:00' WHERE OnJuriidiline = 1;
UPDATE dbo.Menetlus SET NoudeSumma = 9999999999.99 WHERE MenetlusId = 3000000000;
UPDATE dbo.Makse SET Summa = -12.5 WHERE Summa BETWEEN 0 AND 99999999999 OR MenetlusId IN (1, 5000000000);`;
      assert.deepEqual(codes(sql).filter((c) => c === 'type-mismatch'), []);
    });
    it('flags a value with more integer digits than a decimal column holds (SET, VALUES)', () => {
      assert.equal(count('UPDATE dbo.Menetlus SET NoudeSumma = 12345678901.12 WHERE MenetlusId = 1;', 'type-mismatch'), 1);
      assert.equal(count("INSERT INTO dbo.Makse (MenetlusId, Summa, MakseKuupaev) VALUES (1, '12345678901', '20261124');", 'type-mismatch'), 1);
    });
    it('says a string without digits is no date at all, not a DATEFORMAT question', () => {
      const f = findings("UPDATE dbo.Toiming SET Kuupaev = 'abc' WHERE ToimingId = 1;").filter((x) => x.code === 'type-mismatch');
      assert.equal(f.length, 1);
      assert.match(f[0].message, /cannot be converted to datetime/);
    });
    it('still flags a string that cannot become the compared integer', () => {
      assert.equal(count("SELECT 1 FROM dbo.Menetlus WHERE MenetlusId = '3000000000';", 'type-mismatch'), 1);
      assert.equal(count('UPDATE dbo.Makse SET MenetlusId = 3000000000 WHERE MakseId = 1;', 'type-mismatch'), 1);
    });
  });

  describe('update-without-where / no-transaction: work tables the script created', () => {
    it('accepts changing every row of a table the script made itself', () => {
      const sql = `SELECT m.MenetlusId, m.Number INTO dbo.Menetlus_varu_6101 FROM dbo.Menetlus m WHERE m.Staatus = N'PEAT';
UPDATE dbo.Menetlus_varu_6101 SET Number = LTRIM(Number);
CREATE TABLE dbo.Abi_6102 (Id int NOT NULL);
INSERT INTO dbo.Abi_6102 (Id) VALUES (1);
DELETE FROM dbo.Abi_6102;`;
      const found = codes(sql);
      assert.deepEqual(found.filter((c) => ['update-without-where', 'delete-without-where', 'no-transaction'].includes(c)), []);
    });
    it('still flags the same statements on a schema table', () => {
      const sql = "UPDATE dbo.Menetlus SET Number = LTRIM(Number);\nDELETE FROM dbo.Makse;";
      assert.equal(count(sql, 'update-without-where'), 1);
      assert.equal(count(sql, 'delete-without-where'), 1);
      assert.equal(count(sql, 'no-transaction'), 2);
    });
  });

  describe('always-true-condition: misses', () => {
    it('flags WHERE 1 = 1 on its own in UPDATE and DELETE', () => {
      assert.equal(count('UPDATE dbo.Makse SET Selgitus = NULL WHERE 1 = 1;', 'always-true-condition'), 1);
      assert.equal(count("DELETE FROM dbo.Makse WHERE (N'a' = N'a');", 'always-true-condition'), 1);
    });
    it('accepts WHERE 1 = 1 AND ... (generated scripts) and 1 = 0', () => {
      assert.equal(count('UPDATE dbo.Makse SET Selgitus = NULL WHERE 1 = 1 AND MakseId = 5;', 'always-true-condition'), 0);
      assert.equal(count('DELETE FROM dbo.Makse WHERE 1 = 0;', 'always-true-condition'), 0);
    });
  });

  describe('rowcount-after-other-statement: misses', () => {
    it('flags @@ROWCOUNT read right after SET IDENTITY_INSERT ... OFF or DDL', () => {
      const sql = `SET XACT_ABORT ON;
BEGIN TRAN;
SET IDENTITY_INSERT dbo.Isik ON;
INSERT INTO dbo.Isik (IsikId, Perenimi) VALUES (40512, N'Õunapuu');
SET IDENTITY_INSERT dbo.Isik OFF;
IF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END
COMMIT;`;
      const f = findings(sql).filter((x) => x.code === 'rowcount-after-other-statement');
      assert.equal(f.length, 1);
      assert.match(f[0].message, /SET IDENTITY_INSERT/);
      assert.equal(count("UPDATE dbo.Makse SET Summa = 1 WHERE MakseId = 1;\nDROP TABLE #x;\nIF @@ROWCOUNT = 0 PRINT N'x';", 'rowcount-after-other-statement'), 1);
    });
    it('accepts the check right after the INSERT', () => {
      const sql = "SET IDENTITY_INSERT dbo.Isik ON;\nINSERT INTO dbo.Isik (IsikId, Perenimi) VALUES (40512, N'Õunapuu');\nIF @@ROWCOUNT <> 1 PRINT N'viga';\nSET IDENTITY_INSERT dbo.Isik OFF;";
      assert.equal(count(sql, 'rowcount-after-other-statement'), 0);
    });
  });

  describe('equals-null: misses', () => {
    it('flags CASE x WHEN NULL, not CASE WHEN x IS NULL', () => {
      assert.equal(count("SELECT CASE Staatus WHEN NULL THEN N'puudub' ELSE Staatus END FROM dbo.Menetlus;", 'equals-null'), 1);
      assert.equal(count("SELECT CASE WHEN Staatus IS NULL THEN N'puudub' WHEN Staatus = N'A' THEN N'avatud' END FROM dbo.Menetlus;", 'equals-null'), 0);
    });
  });

  describe('nolock-then-modify: a NOLOCK read after the change', () => {
    it('accepts a WITH (NOLOCK) check of the result after the last change', () => {
      const sql = `SET XACT_ABORT ON;
BEGIN TRAN;
UPDATE dbo.Volgnik SET Aadress = N'Tartu mnt 5, Tallinn' WHERE VolgnikId = 77812;
IF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END
COMMIT;
SELECT v.VolgnikId, v.Aadress FROM dbo.Volgnik v WITH (NOLOCK) WHERE v.VolgnikId = 77812;`;
      assert.equal(count(sql, 'nolock-then-modify'), 0);
    });
    it('still flags a NOLOCK read before the change, inside it, or in the same loop', () => {
      assert.equal(count('SELECT v.VolgnikId INTO #v FROM dbo.Volgnik v WITH (NOLOCK) WHERE v.Aadress IS NULL;\nDELETE v FROM dbo.Volgnik v JOIN #v ON #v.VolgnikId = v.VolgnikId;', 'nolock-then-modify'), 1);
      assert.equal(count('UPDATE v SET v.Aadress = NULL FROM dbo.Volgnik v JOIN dbo.Volgnik w WITH (NOLOCK) ON w.VolgnikId = v.VolgnikId;', 'nolock-then-modify'), 1);
      const loop = `DECLARE @id int = 0;
WHILE 1 = 1
BEGIN
  DELETE FROM dbo.Volgnik WHERE VolgnikId = @id;
  SELECT @id = MIN(VolgnikId) FROM dbo.Volgnik WITH (NOLOCK) WHERE VolgnikId > @id;
  IF @id IS NULL BREAK;
END`;
      assert.equal(count(loop, 'nolock-then-modify'), 1);
    });
  });

  describe('no-transaction: error logging in CATCH', () => {
    it('accepts an INSERT into a log table in CATCH after ROLLBACK, not one after COMMIT in TRY', () => {
      const sql = `SET XACT_ABORT ON;
BEGIN TRY
  BEGIN TRAN;
  UPDATE dbo.Makse SET Summa = 1 WHERE MakseId = 1;
  IF @@ROWCOUNT <> 1 THROW 50000, N'Vale ridade arv', 1;
  COMMIT;
  INSERT INTO dbo.Logi (Tase, Teade) VALUES ('INFO', N'Parandus #6101 tehtud');
END TRY
BEGIN CATCH
  IF @@TRANCOUNT > 0 ROLLBACK;
  INSERT INTO dbo.Logi (Tase, Teade) VALUES ('ERROR', ERROR_MESSAGE());
  THROW;
END CATCH`;
      const f = findings(sql).filter((x) => x.code === 'no-transaction');
      assert.equal(f.length, 1);
      assert.equal(sql.slice(f[0].range.start).startsWith("INSERT INTO dbo.Logi (Tase, Teade) VALUES ('INFO'"), true);
    });
  });

  describe('insert-arity: misses', () => {
    it('flags MERGE ... WHEN NOT MATCHED THEN INSERT with fewer VALUES than columns', () => {
      const sql = `MERGE dbo.MenetluseStaatus AS t
USING (VALUES (N'UUS', N'Uus')) AS s (Kood, Nimetus) ON t.Kood = s.Kood
WHEN NOT MATCHED THEN INSERT (Kood, Nimetus, KehtivAlates) VALUES (s.Kood, s.Nimetus);`;
      assert.equal(count(sql, 'insert-arity'), 1);
      assert.equal(count(sql.replace('VALUES (s.Kood, s.Nimetus)', "VALUES (s.Kood, s.Nimetus, '20260101')"), 'insert-arity'), 0);
    });
    it('counts SELECT * and t.* over known tables', () => {
      assert.equal(count('INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates) SELECT * FROM dbo.MenetluseStaatus WHERE 1 = 0;', 'insert-arity'), 1);
      const ok = `CREATE TABLE #s (Kood nvarchar(10), Nimetus nvarchar(100), KehtivAlates date);
INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates) SELECT * FROM #s;
INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates, Jarjekord) SELECT s.*, 1 FROM #s s JOIN dbo.Menetlus m ON m.Staatus = s.Kood;`;
      assert.equal(count(ok, 'insert-arity'), 0);
      assert.equal(count('INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus) SELECT x.* FROM (SELECT Kood FROM dbo.Klassifikaator) x;', 'insert-arity'), 0);
    });
  });
});

import { strict as assert } from 'node:assert';
import { codes, tx } from './helpers';

const count = (sql: string, code: string, schema = true) => codes(sql, { schema }).filter((c) => c === code).length;

describe('safety rules', () => {
  describe('update-without-where / delete-without-where', () => {
    it('flags UPDATE and DELETE of permanent tables without WHERE', () => {
      assert.equal(count(tx("UPDATE dbo.Menetlus SET Staatus = N'AVATUD';"), 'update-without-where'), 1);
      assert.equal(count(tx('DELETE FROM dbo.Toiming;'), 'delete-without-where'), 1);
    });
    it('accepts WHERE, temp tables, table variables, inner joins, CURRENT OF', () => {
      const sql = tx(`DECLARE @t TABLE (Id int); CREATE TABLE #x (Id int);
UPDATE dbo.Menetlus SET Staatus = N'AVATUD' WHERE MenetlusId = 3;
DELETE FROM #x; DELETE FROM @t; UPDATE #x SET Id = 1;
UPDATE m SET m.Staatus = N'AVATUD' FROM dbo.Menetlus m JOIN #x ON #x.Id = m.MenetlusId;
DELETE t FROM dbo.Toiming t WHERE t.ToimingId = 9;`);
      assert.equal(count(sql, 'update-without-where'), 0);
      assert.equal(count(sql, 'delete-without-where'), 0);
    });
  });

  describe('no-transaction', () => {
    it('flags a data change outside a transaction', () => {
      assert.equal(count("UPDATE dbo.Menetlus SET Staatus = N'AVATUD' WHERE MenetlusId = 3;", 'no-transaction'), 1);
    });
    it('does not flag changes inside a transaction, across GO, or to temp tables', () => {
      assert.equal(count("BEGIN TRAN\nGO\nUPDATE dbo.Menetlus SET Staatus = N'AVATUD' WHERE MenetlusId = 3;\nCOMMIT", 'no-transaction'), 0);
      assert.equal(count('CREATE TABLE #x (Id int); INSERT INTO #x VALUES (1); DECLARE @t TABLE (Id int); INSERT INTO @t VALUES (1); SELECT * INTO #y FROM #x;', 'no-transaction'), 0);
    });
  });

  describe('unbalanced-transaction', () => {
    it('flags a BEGIN TRAN without COMMIT, and a path that skips it', () => {
      assert.equal(count("BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1\n-- COMMIT", 'unbalanced-transaction'), 1);
      assert.equal(count("BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1\nIF @@ROWCOUNT = 1 COMMIT", 'unbalanced-transaction'), 1);
      assert.equal(count("BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1\nIF @@ROWCOUNT <> 1 RETURN\nCOMMIT", 'unbalanced-transaction'), 1);
    });
    it('understands TRY/CATCH with IF @@TRANCOUNT > 0 ROLLBACK', () => {
      const sql = `SET XACT_ABORT ON;
BEGIN TRY
  BEGIN TRAN;
  UPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1;
  IF @@ROWCOUNT <> 1 THROW 50001, N'Oodati üht rida', 1;
  COMMIT;
END TRY
BEGIN CATCH
  IF @@TRANCOUNT > 0 ROLLBACK;
  THROW;
END CATCH`;
      assert.equal(count(sql, 'unbalanced-transaction'), 0);
    });
    it('understands IF/ELSE and legacy GOTO error handling', () => {
      const ifElse = "BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1\nIF @@ROWCOUNT = 1 COMMIT ELSE ROLLBACK";
      assert.equal(count(ifElse, 'unbalanced-transaction'), 0);
      const legacy = `DECLARE @err int
BEGIN TRANSACTION
UPDATE dbo.Arest SET Staatus = N'LOPET' WHERE ArestId = 7
SELECT @err = @@ERROR
IF @err <> 0 GOTO Viga
DELETE FROM dbo.Toiming WHERE ToimingId = 9
IF @@ERROR <> 0 GOTO Viga
COMMIT TRANSACTION
GOTO Lopp
Viga:
ROLLBACK TRANSACTION
Lopp:`;
      assert.equal(count(legacy, 'unbalanced-transaction'), 0);
    });
  });

  describe('destructive-statement', () => {
    it('flags TRUNCATE, DROP TABLE and DROP COLUMN of permanent tables', () => {
      assert.equal(count('TRUNCATE TABLE dbo.Logi; DROP TABLE dbo.Teavitus; ALTER TABLE dbo.Isik DROP COLUMN Registrikood;', 'destructive-statement'), 3);
    });
    it('does not flag temp tables', () => {
      assert.equal(count('CREATE TABLE #x (Id int); TRUNCATE TABLE #x; DROP TABLE #x; DROP TABLE IF EXISTS #y;', 'destructive-statement'), 0);
    });
  });

  describe('personal-data-literal', () => {
    it('flags a valid isikukood in a literal or comment', () => {
      assert.equal(count("-- võlgnik 48506151233\nSELECT IsikId FROM dbo.Isik WHERE Isikukood = '39001010000'", 'personal-data-literal'), 2);
    });
    it('ignores 11-digit numbers with a wrong check digit or date', () => {
      assert.equal(count("SELECT IsikId FROM dbo.Isik WHERE Isikukood IN ('39001010001', '39013010000', '12345678901')", 'personal-data-literal'), 0);
    });
  });

  describe('undeclared-variable', () => {
    it('flags a variable not declared in its batch (GO ends the scope)', () => {
      assert.equal(count("DECLARE @id int = 5\nGO\nSELECT * FROM dbo.Menetlus WHERE MenetlusId = @id", 'undeclared-variable'), 1);
    });
    it('accepts declared variables, procedure parameters, system variables', () => {
      const sql = `DECLARE @id int = 5; SELECT @id = MenetlusId FROM dbo.Menetlus WHERE MenetlusId = @id; PRINT @@ROWCOUNT;
GO
CREATE PROCEDURE dbo.p_Parandus @MenetlusId int AS BEGIN SELECT Number FROM dbo.Menetlus WHERE MenetlusId = @MenetlusId; END`;
      assert.equal(count(sql, 'undeclared-variable'), 0);
    });
  });

  describe('syntax-error', () => {
    it('reports an unparsable statement and continues', () => {
      const c = codes("UPDATE dbo.Menetlus SET WHERE;\nSELECT Numbr FROM dbo.Menetlus;");
      assert.ok(c.includes('syntax-error'));
      assert.ok(c.includes('unknown-column'));
    });
    it('is silent for valid T-SQL', () => {
      assert.equal(count(tx("MERGE dbo.MenetluseStaatus AS t USING (VALUES (N'A', N'Avatud')) AS s (Kood, Nimetus) ON t.Kood = s.Kood WHEN MATCHED THEN UPDATE SET Nimetus = s.Nimetus WHEN NOT MATCHED THEN INSERT (Kood, Nimetus, KehtivAlates) VALUES (s.Kood, s.Nimetus, '2024-01-01') OUTPUT $action, inserted.Kood;"), 'syntax-error'), 0);
    });
  });
});

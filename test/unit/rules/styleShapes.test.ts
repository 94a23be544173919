// Third hunt (corpus 8x): the style of real scripts. Legacy SET ROWCOUNT limits, one finding per mistake per
// line, and COMMITs reached from more than one BEGIN TRAN.
import { strict as assert } from 'node:assert';
import { findings, tx } from './helpers';

function lines(sql: string, code: string): number[] {
  return findings(sql).filter((f) => f.code === code).map((f) => sql.slice(0, f.range.start).split('\n').length);
}

describe('style shapes of real fix scripts (corpus 8x)', () => {
  describe('top-without-order-by: SET ROWCOUNT n is TOP (n) for the statements after it', () => {
    it('flags UPDATE/DELETE under SET ROWCOUNT n at the statement, until SET ROWCOUNT 0, also across GO', () => {
      const sql = tx([
        'SET ROWCOUNT 500',
        "DELETE FROM dbo.Logi WHERE Aeg < '2020-01-01'",
        'GO',
        "UPDATE dbo.Kasutaja SET Aktiivne = 0 WHERE Kasutajanimi LIKE 'test%'",
        'SET ROWCOUNT 0',
        "DELETE FROM dbo.Logi WHERE Tase = 'DEBUG'",
      ].join('\n'));
      assert.deepStrictEqual(lines(sql, 'top-without-order-by'), [4, 6]);
    });
    it('does not flag the batching loop (SET ROWCOUNT n; WHILE ... DELETE ... BREAK) nor a routine using its own setting', () => {
      const loop = tx("SET ROWCOUNT 1000\nWHILE 1 = 1\nBEGIN\n  DELETE FROM dbo.Logi WHERE Aeg < '2020-01-01'\n  IF @@ROWCOUNT = 0 BREAK\nEND\nSET ROWCOUNT 0");
      assert.deepStrictEqual(lines(loop, 'top-without-order-by'), []);
      const proc = "SET ROWCOUNT 10\nGO\nCREATE PROCEDURE dbo.p_Puhasta AS\nDELETE FROM dbo.Logi WHERE Tase = 'DEBUG'\nGO";
      assert.deepStrictEqual(lines(proc, 'top-without-order-by'), []);
    });
    it('reports a TOP statement once even under SET ROWCOUNT', () => {
      const sql = tx("SET ROWCOUNT 5\nUPDATE TOP (10) dbo.Kasutaja SET Aktiivne = 0 WHERE Aktiivne = 1");
      assert.strictEqual(lines(sql, 'top-without-order-by').length, 1);
    });
  });

  describe('one finding per mistake per line', () => {
    it('an unknown table named twice in one statement line is reported once, at its first use', () => {
      const sql = tx("UPDATE dbo.Menetlused SET Staatus = N'x' FROM dbo.Menetlused WHERE dbo.Menetlused.MenetlusId = 1;");
      const f = findings(sql).filter((x) => x.code === 'unknown-table');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(sql.indexOf('dbo.Menetlused'), f[0].range.start);
    });
    it('but each line (each statement) that uses it gets its own finding', () => {
      const sql = tx("UPDATE dbo.Menetlused SET Staatus = N'x' WHERE MenetlusId = 1;\nDELETE FROM dbo.Menetlused WHERE MenetlusId = 2;");
      assert.deepStrictEqual(lines(sql, 'unknown-table'), [3, 4]);
    });
    it('a misspelt column twice on a line is one unknown-column; on two lines, two', () => {
      const one = tx("UPDATE m SET m.Markuss = N'z' FROM dbo.Menetlus m WHERE m.Markuss IS NULL AND m.MenetlusId = 3;");
      assert.deepStrictEqual(lines(one, 'unknown-column'), [3]);
      const two = tx("UPDATE m SET m.Markuss = N'z'\n  FROM dbo.Menetlus m\n WHERE m.Markuss IS NULL AND m.MenetlusId = 3;");
      assert.deepStrictEqual(lines(two, 'unknown-column'), [3, 5]);
    });
    it('an undeclared variable used twice on a line is one undeclared-variable; different variables are two', () => {
      const sql = tx("UPDATE dbo.Menetlus SET Markus = N'x' WHERE MenetlusId = @id OR KohtutaiturId = @id OR MenetlusId = @teine;");
      assert.deepStrictEqual(lines(sql, 'undeclared-variable'), [3, 3]);
    });
  });

  describe('no-rowcount-guard: a COMMIT reached from several BEGIN TRANs', () => {
    it('reports the COMMIT when the change after the first BEGIN TRAN is unguarded, whichever path re-opened it (SQL Compare #tmpErrors pattern)', () => {
      const sql = [
        'CREATE TABLE #tmpErrors (Error int)',
        'GO',
        'BEGIN TRANSACTION',
        'GO',
        "UPDATE [dbo].[Teavitus] SET [Kanal]='EPOST' WHERE [Kanal]='E-POST'",
        'GO',
        'IF @@ERROR<>0 AND @@TRANCOUNT>0 ROLLBACK TRANSACTION',
        'GO',
        'IF @@TRANCOUNT=0 BEGIN INSERT INTO #tmpErrors (Error) SELECT 1 BEGIN TRANSACTION END',
        'GO',
        'IF @@TRANCOUNT>0 BEGIN',
        'COMMIT TRANSACTION',
        'END',
        'GO',
      ].join('\n');
      assert.deepStrictEqual(lines(sql, 'no-rowcount-guard'), [12]);
    });
  });
  describe('no-transaction: constant dynamic SQL that changes a permanent table', () => {
    it("flags EXEC sp_executesql N'UPDATE ...' and EXEC (N'DELETE ...') outside a transaction", () => {
      const sql = "EXEC sp_executesql N'UPDATE dbo.Menetlus SET Staatus = @s WHERE MenetlusId = @id', N'@s nvarchar(10), @id int', @s = N'LOPP', @id = 1\n" +
        "EXEC (N'/* #7070 */ DELETE FROM [dbo].[Logi] WHERE Tase = ''DEBUG''')\n" +
        "EXECUTE sys.sp_executesql @stmt = N'INSERT INTO dbo.Logi (Tase, Teade) VALUES (''INFO'', N''x'')'";
      assert.deepStrictEqual(lines(sql, 'no-transaction'), [1, 2, 3]);
    });
    it('does not flag dynamic SELECTs, #temp targets, text in a variable, or the same EXEC inside a transaction', () => {
      const sql = "DECLARE @c int, @sql nvarchar(max) = N'UPDATE dbo.Menetlus SET Staatus = N''X'' WHERE MenetlusId = 1'\n" +
        "EXEC sp_executesql @sql\n" +
        "EXEC sp_executesql N'SELECT @c = COUNT(*) FROM dbo.Makse', N'@c int OUTPUT', @c = @c OUTPUT\n" +
        "EXEC (N'DELETE FROM #valik WHERE Id = 1')\n" +
        tx("EXEC sp_executesql N'UPDATE dbo.Menetlus SET Markus = NULL WHERE MenetlusId = 2'");
      assert.deepStrictEqual(lines(sql, 'no-transaction'), []);
    });
  });

  describe('unbalanced-transaction: ROLLBACK with no transaction open on any path', () => {
    it('flags COMMIT then ROLLBACK both left uncommented, at the ROLLBACK', () => {
      const sql = "SET XACT_ABORT ON\nBEGIN TRAN\nDELETE FROM dbo.Makse WHERE MakseId = 1\nIF @@ROWCOUNT <> 1 BEGIN ROLLBACK; RETURN; END\nCOMMIT\nROLLBACK\n";
      assert.deepStrictEqual(lines(sql, 'unbalanced-transaction'), [6]);
    });
    it('does not flag a ROLLBACK some path reaches with a transaction open, a guarded one, nor one in a procedure or trigger', () => {
      const sql = [
        'SET XACT_ABORT ON',
        'BEGIN TRY',
        '  BEGIN TRAN',
        '  DELETE FROM dbo.Makse WHERE MakseId = 1',
        '  IF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT',
        'END TRY',
        'BEGIN CATCH',
        '  ROLLBACK;',
        '  IF @@TRANCOUNT > 0 ROLLBACK;',
        '  THROW;',
        'END CATCH',
        'GO',
        "CREATE TRIGGER dbo.trg_Makse ON dbo.Makse AFTER DELETE AS IF EXISTS (SELECT 1 FROM deleted WHERE Summa > 1000) ROLLBACK",
        'GO',
      ].join('\n');
      assert.deepStrictEqual(lines(sql, 'unbalanced-transaction'), []);
    });
  });

  describe('equals-null: SET ANSI_NULLS OFF in legacy scripts', () => {
    it('is silent while ANSI_NULLS is OFF (= NULL then matches NULLs) and reports again after SET ANSI_NULLS ON', () => {
      const sql = "SET ANSI_NULLS OFF\nGO\nSELECT ArestId FROM dbo.Arest WHERE LopetatudKuupaev = NULL\nSELECT CASE Pank WHEN NULL THEN 1 END FROM dbo.Arest\nGO\n" +
        "SET ANSI_NULLS, QUOTED_IDENTIFIER ON\nGO\nSELECT ArestId FROM dbo.Arest WHERE Pank <> NULL\n";
      assert.deepStrictEqual(lines(sql, 'equals-null'), [8]);
    });
  });

  describe('type-mismatch: dates under a pinned SET DATEFORMAT', () => {
    it("accepts '24.11.2026' after SET DATEFORMAT dmy, reports impossible dates in that order, and reports it again without or under mdy", () => {
      const sql = tx([
        "UPDATE dbo.Menetlus SET LoppKuupaev = '24.11.2026' WHERE MenetlusId = 1",
        'SET DATEFORMAT dmy',
        "UPDATE dbo.Menetlus SET LoppKuupaev = '24.11.2026', Muudetud = '24.11.2026 10:15' WHERE MenetlusId = 1",
        "UPDATE dbo.Menetlus SET LoppKuupaev = '31.02.2026' WHERE MenetlusId = 1",
        "SET DATEFORMAT 'mdy'",
        "UPDATE dbo.Menetlus SET LoppKuupaev = '24.11.2026' WHERE MenetlusId = 1",
        "UPDATE dbo.Menetlus SET LoppKuupaev = '11/24/2026' WHERE MenetlusId = 1",
      ].join('\n'));
      assert.deepStrictEqual(lines(sql, 'type-mismatch'), [3, 6, 8]);
    });
  });

  describe('personal-data-literal: once per code per line', () => {
    it('reports a code repeated on one line once, but each line and each different code', () => {
      const sql = "-- Redmine #7100: isik 38503124213 palus nime parandada\n" +
        "UPDATE dbo.Isik SET Eesnimi = N'Jaan' WHERE Isikukood = '38503124213' OR Isikukood = N'38503124213' OR Isikukood = '49207150223'\n";
      assert.deepStrictEqual(lines(sql, 'personal-data-literal'), [1, 2, 2]);
    });
  });

  describe('SQLCMD variable as the schema ([$(Skeem)].Menetlus in deployment scripts)', () => {
    it('binds the table by its name, so its columns are checked; a name no schema has is still unknown', () => {
      const sql = ":setvar Skeem dbo\nSELECT Staatus, Puudub FROM $(Skeem).Menetlus\nSELECT COUNT(*) FROM [$(Skeem)].[Menetlused]\n";
      assert.deepStrictEqual(lines(sql, 'unknown-column'), [2]);
      assert.deepStrictEqual(lines(sql, 'unknown-table'), [3]);
    });
  });
});

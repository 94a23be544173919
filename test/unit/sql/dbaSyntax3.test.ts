// Third hunt: the STYLE of real fix scripts (lower case, no semicolons, one line, comments between tokens,
// SSMS / sqlpackage / SQL Compare output, legacy idioms). Cases that must parse, and legacy syntax that
// SQL Server itself rejects and so must stay a syntax-error.
import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, noErrors, statements } from './helpers';

describe('parser: fix-script styles, third hunt', () => {
  it('old-style outer joins *= and =* are syntax errors (SQL Server 2012+) with a message that says so, and the next statement parses', () => {
    const text = "SELECT m.Number FROM dbo.Menetlus m, dbo.Volgnik v WHERE m.MenetlusId *= v.MenetlusId\n" +
      "SELECT m.Number FROM dbo.Menetlus m, dbo.Volgnik v WHERE m.MenetlusId =* v.MenetlusId\n" +
      "UPDATE dbo.Menetlus SET Markus = N'x' WHERE MenetlusId = 1\n";
    const errs = errors(parseScript(text));
    assert.strictEqual(errs.length, 2);
    assert.match(errs[0].message, /outer join \*= .*LEFT JOIN/);
    assert.match(errs[1].message, /outer join =\* .*RIGHT JOIN/);
    assert.strictEqual(text.slice(errs[0].errorRange.start, errs[0].errorRange.end), '*=');
    assert.ok(statements(text).some((s) => s.kind === 'Update'));
  });

  it('compound assignment *= still parses in SET, UPDATE SET and SELECT @v *=, and = * with a space is still an error', () => {
    noErrors("DECLARE @n int = 2\nSET @n *= 2\nSELECT @n *= 3\nUPDATE dbo.Noue SET Summa *= 1.1 WHERE NoueId = 1\nSELECT COUNT(*) FROM dbo.Noue WHERE Summa = 2*3");
    assert.strictEqual(errors(parseScript('SELECT 1 FROM dbo.Noue WHERE Summa = * 2')).length, 1);
  });

  it('one-line scripts in lower case without semicolons split into their statements', () => {
    const text = "begin tran\tupdate dbo.menetlus set staatus = N'LOPP' where menetlusid = 1\tif @@rowcount <> 1 begin rollback raiserror(N'viga', 16, 1) return end\tdelete from dbo.arest where arestid = 2 commit";
    noErrors(text);
    assert.deepStrictEqual(statements(text).map((s) => s.kind), ['Transaction', 'Update', 'If', 'Delete', 'Transaction']);
  });

  it('comments between every token, nested block comments and comment markers inside strings', () => {
    const text = "update /*x*/ dbo /*a*/ . /*b*/ Menetlus -- y\n set /* v */ Staatus /* = */ = /* u */ N'-- pole kommentaar /* ega see */' -- z\n where /* w */ MenetlusId = 1\n/* väline /* pesastatud */ ikka kommentaar */\ndelete dbo.Arest where ArestId = 2";
    noErrors(text);
    assert.deepStrictEqual(statements(text).map((s) => s.kind), ['Update', 'Delete']);
  });

  it('CRLF line endings, tabs and trailing whitespace after GO', () => {
    noErrors("SET XACT_ABORT ON;   \r\nBEGIN TRAN;\t\r\nUPDATE dbo.Menetlus\r\n   SET Markus = N'x'  \r\n WHERE MenetlusId = 5;\r\nCOMMIT;\r\nGO   \r\ngo\t\r\nSELECT 1\r\n");
    assert.strictEqual(parseScript('SELECT 1\r\nGO  \r\nSELECT 2\r\n').batches.length, 2);
  });

  it('SQL Compare / sqlpackage deployment idioms parse', () => {
    noErrors([
      'SET NUMERIC_ROUNDABORT OFF',
      'GO',
      'SET ANSI_PADDING, ANSI_WARNINGS, CONCAT_NULL_YIELDS_NULL, ARITHABORT, QUOTED_IDENTIFIER, ANSI_NULLS ON',
      'GO',
      ':on error exit',
      'GO',
      "IF EXISTS (SELECT * FROM tempdb..sysobjects WHERE id=OBJECT_ID('tempdb..#tmpErrors')) DROP TABLE #tmpErrors",
      'GO',
      'CREATE TABLE #tmpErrors (Error int)',
      'GO',
      'IF @@ERROR <> 0 SET NOEXEC ON',
      'GO',
      'ALTER TABLE [dbo].[Makse] ADD',
      '[Allikas] [nvarchar] (20) COLLATE Estonian_CI_AS NULL',
      'GO',
      'IF @@ERROR<>0 AND @@TRANCOUNT>0 ROLLBACK TRANSACTION',
      'GO',
      'IF @@TRANCOUNT=0 BEGIN INSERT INTO #tmpErrors (Error) SELECT 1 BEGIN TRANSACTION END',
      'GO',
      'SET NOEXEC OFF',
      'GO',
    ].join('\n'));
  });

  it('legacy idioms: SET ROWCOUNT, RAISERROR ... WITH SETERROR, DELETE alias FROM, comma joins, WHERE CURRENT OF', () => {
    noErrors([
      'SET ROWCOUNT 500',
      "DELETE FROM dbo.Logi WHERE Aeg < '2020-01-01'",
      'SET ROWCOUNT 0',
      "DELETE t FROM dbo.Toiming t JOIN dbo.Menetlus m ON m.MenetlusId = t.MenetlusId WHERE m.Staatus = N'X'",
      "RAISERROR('Liiga palju ridu', 16, 1) WITH SETERROR",
      "UPDATE m SET Markus = N'x' FROM dbo.Menetlus m, dbo.Volgnik v WHERE m.MenetlusId = v.MenetlusId",
      'DECLARE k CURSOR FOR SELECT IsikId FROM dbo.Isik FOR UPDATE OF Eesnimi',
      "UPDATE dbo.Isik SET Eesnimi = N'x' WHERE CURRENT OF k",
    ].join('\n'));
  });
});

describe('parser: conditions where values belong, and values where conditions belong (junior mistakes SQL Server rejects)', () => {
  it("UPDATE ... SET a = x AND b = y is a syntax error at the value, on the SET line, and the next statement parses", () => {
    const text = "UPDATE dbo.Menetlus\n   SET Staatus = @s AND Markus = @m\n WHERE MenetlusId = 1\nDELETE FROM dbo.Arest WHERE ArestId = 2";
    const errs = errors(parseScript(text));
    assert.strictEqual(errs.length, 1);
    assert.match(errs[0].message, /comma, not AND/);
    assert.strictEqual(text.slice(0, errs[0].errorRange.start).split('\n').length, 2);
    assert.ok(statements(text).some((s) => s.kind === 'Delete'));
  });
  it('SET @b = 1 > 0 is a syntax error; SET @v = col = expr, CASE WHEN conditions and comparisons in WHERE are not', () => {
    assert.match(errors(parseScript('DECLARE @b bit\nSET @b = 1 > 0'))[0]?.message ?? '', /CASE WHEN/);
    noErrors("DECLARE @b nvarchar(10)\nUPDATE dbo.Menetlus SET @b = Staatus = N'X', Markus = CASE WHEN NoudeSumma > 0 AND Staatus <> N'LOPP' THEN N'a' END WHERE MenetlusId = 2 AND NOT (Staatus IS NULL)");
  });
  it("a bare literal joined by AND/OR (WHERE Staatus = N'A' OR N'B') is a syntax error at the literal", () => {
    const text = "DELETE FROM dbo.Makse WHERE Selgitus = N'A' OR N'B'\nSELECT 1 FROM dbo.Makse WHERE 1 AND MakseId = 2";
    const errs = errors(parseScript(text));
    assert.deepStrictEqual(errs.map((e) => text.slice(e.errorRange.start, e.errorRange.end)), ["N'B'", '1']);
  });
  it('BETWEEN bounds, FOR SYSTEM_TIME BETWEEN x AND y, MERGE WHEN MATCHED AND, window frames and SQLCMD filters still parse', () => {
    noErrors([
      "SELECT * FROM dbo.Makse WHERE Summa BETWEEN 1 AND 10 AND MakseKuupaev NOT BETWEEN '2026-01-01' AND '2026-02-01'",
      "SELECT * FROM dbo.Menetlus FOR SYSTEM_TIME BETWEEN '2024-01-01' AND '2024-02-01' m",
      'SELECT SUM(Summa) OVER (ORDER BY MakseId ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM dbo.Makse',
      "MERGE dbo.Klassifikaator t USING #k s ON t.Kood = s.Kood WHEN MATCHED AND t.Nimetus <> s.Nimetus THEN UPDATE SET Nimetus = s.Nimetus;",
      'SELECT 1 FROM dbo.Makse WHERE MakseId = 1 AND $(Filter)',
    ].join('\n'));
  });
});

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

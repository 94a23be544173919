import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, statements, textOf } from './helpers';

describe('parser: error recovery', () => {
  it('a broken statement in the middle becomes an Error and the next statement parses', () => {
    const text = "BEGIN TRAN;\nUPDATE dbo.Menetlus SET WHERE MenetlusId = 5;\nSELECT * FROM dbo.Menetlus WHERE MenetlusId = 5;\nCOMMIT;";
    const list = statements(text);
    assert.deepStrictEqual(list.map((s) => s.kind), ['Transaction', 'Error', 'SelectStatement', 'Transaction']);
    const err = list[1];
    assert.ok(err.kind === 'Error');
    if (err.kind === 'Error') {
      assert.strictEqual(err.partial, 'UPDATE');
      assert.strictEqual(textOf(text, err), 'UPDATE dbo.Menetlus SET WHERE MenetlusId = 5');
      assert.strictEqual(text.slice(err.errorRange.start, err.errorRange.end), 'WHERE');
    }
  });

  it('resumes at a statement keyword on a new line without a semicolon', () => {
    const list = statements("UPDATE dbo.Volgnik SET Nimi = WHERE VolgnikId = 1\nPRINT N'järgmine'");
    assert.deepStrictEqual(list.map((s) => s.kind), ['Error', 'Print']);
  });

  it('an error inside BEGIN...END does not swallow the END (and ELSE still attaches)', () => {
    const text = "IF @x = 1\nBEGIN\n  UPDATE dbo.Volgnik SET Nimi = N'Ülle' WHERE\n  PRINT N'muudetud';\nEND\nELSE\n  PRINT N'ei leitud';\nSELECT 1";
    const list = statements(text);
    assert.deepStrictEqual(list.map((s) => s.kind), ['If', 'SelectStatement']);
    const s = list[0];
    assert.ok(s.kind === 'If' && s.then.kind === 'Block' && s.else?.kind === 'Print');
    if (s.kind === 'If' && s.then.kind === 'Block') assert.deepStrictEqual(s.then.statements.map((x) => x.kind), ['Error', 'Print']);
  });

  it('an error inside TRY keeps the TRY/CATCH structure', () => {
    const text = "BEGIN TRY\n  BEGIN TRAN;\n  INSERT INTO dbo.Toiming (MenetlusId, LiikKood VALUES (1, 'X');\n  COMMIT;\nEND TRY\nBEGIN CATCH\n  ROLLBACK;\nEND CATCH\nPRINT 1";
    const list = statements(text);
    assert.deepStrictEqual(list.map((s) => s.kind), ['TryCatch', 'Print']);
    const tc = list[0];
    if (tc.kind === 'TryCatch') {
      assert.deepStrictEqual(tc.tryStatements.map((x) => x.kind), ['Transaction', 'Error', 'Transaction']);
      assert.deepStrictEqual(tc.catchStatements.map((x) => x.kind), ['Transaction']);
    }
  });

  it('a CASE ... END inside a broken statement does not end the enclosing block', () => {
    const list = statements('BEGIN\n  SELECT CASE WHEN 1 = 1 THEN 2 END FROM WHERE\n  PRINT 1\nEND\nPRINT 2');
    assert.deepStrictEqual(list.map((s) => s.kind), ['Block', 'Print']);
  });

  it('a missing END is reported inside the block and the block is kept', () => {
    const list = statements('BEGIN\n  PRINT 1\n  PRINT 2');
    assert.strictEqual(list[0].kind, 'Block');
    if (list[0].kind === 'Block') {
      assert.deepStrictEqual(list[0].statements.map((s) => s.kind), ['Print', 'Print', 'Error']);
    }
  });

  it('errors never cross a GO', () => {
    const s = parseScript("SELECT * FROM (SELECT 1\nGO\nPRINT N'pärast'");
    assert.strictEqual(s.batches.length, 2);
    assert.strictEqual(s.batches[0].statements[0].kind, 'Error');
    assert.strictEqual(s.batches[1].statements[0].kind, 'Print');
  });

  it('stray END and ELSE become errors, unterminated strings are reported', () => {
    assert.deepStrictEqual(statements('END\nPRINT 1').map((s) => s.kind), ['Error', 'Print']);
    assert.strictEqual(errors(parseScript("PRINT 'pooleli")).length, 1);
    assert.strictEqual(errors(parseScript('SELECT 1 /* pooleli')).length, 1);
  });
});

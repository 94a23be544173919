import { strict as assert } from 'node:assert';
import { codes } from './helpers';

const count = (sql: string, code: string) => codes(sql).filter((c) => c === code).length;
const UPD = "UPDATE dbo.Menetlus SET Staatus = N'A' WHERE MenetlusId = 1";

describe('review rules (own ids)', () => {
  it('missing-xact-abort: flags a bare transaction, not one with XACT_ABORT or TRY/CATCH', () => {
    assert.equal(count(`BEGIN TRAN\n${UPD}\nCOMMIT`, 'missing-xact-abort'), 1);
    assert.equal(count(`SET XACT_ABORT ON\nBEGIN TRAN\n${UPD}\nCOMMIT`, 'missing-xact-abort'), 0);
  });
  it('no-rowcount-guard: flags COMMIT with no @@ROWCOUNT check', () => {
    assert.equal(count(`BEGIN TRAN\n${UPD}\nCOMMIT`, 'no-rowcount-guard'), 1);
    assert.equal(count(`BEGIN TRAN\n${UPD}\nIF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT`, 'no-rowcount-guard'), 0);
    // A guard over the rows an OUTPUT ... INTO captured counts too; a COUNT over another table does not.
    const outputGuard = (from: string) => `DECLARE @Muudetud TABLE (Id int);
BEGIN TRAN
UPDATE dbo.Menetlus SET Staatus = N'03' OUTPUT inserted.MenetlusId INTO @Muudetud (Id) WHERE MenetlusId = 5;
IF (SELECT COUNT(*) FROM ${from}) > 1 THROW 50001, N'Liiga palju ridu', 1;
COMMIT`;
    assert.equal(count(outputGuard('@Muudetud'), 'no-rowcount-guard'), 0);
    assert.equal(count(outputGuard('dbo.Toiming'), 'no-rowcount-guard'), 1);
  });
  it('rowcount-after-other-statement: flags @@ROWCOUNT after PRINT, not right after the change', () => {
    assert.equal(count(`BEGIN TRAN\n${UPD}\nPRINT N'Uuendatud'\nIF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT`, 'rowcount-after-other-statement'), 1);
    assert.equal(count(`BEGIN TRAN\n${UPD}\nIF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT`, 'rowcount-after-other-statement'), 0);
  });
  it('equals-null: flags = NULL, not IS NULL or SET x = NULL', () => {
    assert.equal(count('SELECT * FROM dbo.Menetlus WHERE LoppKuupaev = NULL', 'equals-null'), 1);
    assert.equal(count('SELECT * FROM dbo.Menetlus WHERE LoppKuupaev IS NULL', 'equals-null'), 0);
  });
  it('nolock-then-modify: flags NOLOCK reads of a modified table', () => {
    assert.equal(count(`SELECT MenetlusId FROM dbo.Menetlus WITH (NOLOCK) WHERE Staatus = N'A';\n${UPD}`, 'nolock-then-modify'), 1);
    assert.equal(count(`SELECT ArestId FROM dbo.Arest WITH (NOLOCK);\n${UPD}`, 'nolock-then-modify'), 0);
  });
  it('non-ascii-without-n: flags õäöü in a non-N literal', () => {
    assert.equal(count("SELECT * FROM dbo.Isik WHERE Perenimi = 'Mägi'", 'non-ascii-without-n'), 1);
    assert.equal(count("SELECT * FROM dbo.Isik WHERE Perenimi = N'Mägi'", 'non-ascii-without-n'), 0);
  });
  it('top-without-order-by: flags UPDATE TOP', () => {
    assert.equal(count("UPDATE TOP (10) dbo.Menetlus SET Staatus = N'A' WHERE Staatus = N'B'", 'top-without-order-by'), 1);
    assert.equal(count(UPD, 'top-without-order-by'), 0);
  });
  it('always-true-condition: flags OR 1=1 in a data change', () => {
    assert.equal(count("DELETE FROM dbo.Toiming WHERE ToimingId = 5 OR 1 = 1", 'always-true-condition'), 1);
    assert.equal(count('DELETE FROM dbo.Toiming WHERE ToimingId = 5 OR ToimingId = 6', 'always-true-condition'), 0);
  });
});

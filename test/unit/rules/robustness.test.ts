import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { checkScript } from '../../../server/src/check/checkScript';
import { codes, fixtureSchema } from './helpers';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');

describe('checker robustness and precision', () => {
  it('checkScript never throws on prefixes of the corpus (what the server sees while typing)', function () {
    if (!existsSync(CORPUS)) this.skip();
    const schema = fixtureSchema();
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.sql'))) {
      const text = readFileSync(path.join(CORPUS, f), 'utf8');
      for (let i = 0; i <= text.length; i += 29) {
        assert.doesNotThrow(() => checkScript(text.slice(0, i), { schema }), `${f} prefix ${i}`);
      }
    }
  });

  it('a careful, correct fix script produces no findings', () => {
    const sql = `SELECT * INTO dbo.Menetlus_bak_20241124 FROM dbo.Menetlus WHERE MenetlusId IN (101, 102);
SET XACT_ABORT ON;
DECLARE @oodatud int = 2, @muudetud int;
BEGIN TRY
    BEGIN TRANSACTION Parandus;
    WITH sihid AS (SELECT m.MenetlusId, m.Staatus FROM dbo.Menetlus AS m WHERE m.MenetlusId IN (101, 102))
    UPDATE sihid SET Staatus = N'LOPET';
    SET @muudetud = @@ROWCOUNT;
    IF @muudetud <> @oodatud RAISERROR(N'Oodati %d rida', 16, 1, @oodatud);
    INSERT INTO dbo.Toiming (MenetlusId, ToiminguLiik, Kuupaev, Kasutaja)
    SELECT MenetlusId, N'PARANDUS', SYSDATETIME(), SUSER_SNAME() FROM dbo.Menetlus WHERE MenetlusId IN (101, 102);
    SELECT TOP (10) t.ToimingId, t.Kuupaev AS Aeg, CURRENT_TIMESTAMP FROM dbo.Toiming t ORDER BY Aeg DESC;
    IF XACT_STATE() = 1 COMMIT TRANSACTION Parandus;
END TRY
BEGIN CATCH
    IF XACT_STATE() <> 0 ROLLBACK TRANSACTION Parandus;
    THROW;
END CATCH;
GO
CREATE OR ALTER TRIGGER dbo.trg_Menetlus ON dbo.Menetlus AFTER UPDATE AS
BEGIN
  IF NOT UPDATE(Staatus) RETURN;
  INSERT INTO dbo.Logi (Tase, Teade) SELECT 'INFO', i.Number FROM inserted i JOIN deleted d ON d.MenetlusId = i.MenetlusId;
END
GO
SELECT k.Kood, x.cnt FROM dbo.Klassifikaator k OUTER APPLY (SELECT COUNT(*) AS cnt FROM dbo.Menetlus m WHERE m.Staatus = k.Kood) x;
SELECT s.value FROM STRING_SPLIT(N'1,2', ',') s;`;
    assert.deepEqual(codes(sql), []);
  });
});

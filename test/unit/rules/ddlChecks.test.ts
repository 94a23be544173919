import { strict as assert } from 'node:assert';
import { findings } from './helpers';

/** "code: text of the range" for the findings of one rule. */
function found(sql: string, code: string): string[] {
  return findings(sql).filter((f) => f.code === code).map((f) => `${code}: ${sql.slice(f.range.start, f.range.end)}`);
}

describe('schema checks inside DDL', () => {
  describe('CREATE INDEX', () => {
    it('flags an unknown table, key column, INCLUDE column and a filter column', () => {
      const sql = `CREATE INDEX IX_Menetlus_Staatus ON dbo.Menetlus (Staatus, Staatuss) INCLUDE (Number, Numbr) WHERE AlgusKuupaevv IS NOT NULL;
CREATE INDEX IX_Puudub ON dbo.Menetlusx (Staatus);`;
      assert.deepEqual(found(sql, 'unknown-column'), ['unknown-column: Staatuss', 'unknown-column: Numbr', 'unknown-column: AlgusKuupaevv']);
      assert.deepEqual(found(sql, 'unknown-table'), ['unknown-table: dbo.Menetlusx']);
    });
    it('accepts real columns and a temp table created in the script', () => {
      const sql = `CREATE UNIQUE NONCLUSTERED INDEX UX_Menetlus_Number ON dbo.Menetlus (Number DESC) INCLUDE (Staatus) WHERE LoppKuupaev IS NULL;
CREATE TABLE #valik (MenetlusId int NOT NULL, Märkus nvarchar(200) NULL);
CREATE CLUSTERED INDEX IX_valik ON #valik (MenetlusId) INCLUDE ([Märkus]);`;
      assert.deepEqual([...found(sql, 'unknown-column'), ...found(sql, 'unknown-table')], []);
    });
  });

  describe('ALTER TABLE', () => {
    it('flags unknown columns in DROP COLUMN, ALTER COLUMN, constraint column lists, CHECK and REFERENCES', () => {
      const sql = `ALTER TABLE dbo.Arest ALTER COLUMN Kommentaar nvarchar(1000) NULL;
ALTER TABLE dbo.Arest DROP COLUMN Markus;
ALTER TABLE dbo.Menetlus ADD CONSTRAINT CK_Menetlus_Kuupaev CHECK (LoppKuupaev >= AlgusKuupaev0);
ALTER TABLE dbo.Menetlus WITH CHECK ADD CONSTRAINT FK_Menetlus_Sulgemine FOREIGN KEY (SulgemiseKood) REFERENCES dbo.Klassifikaator (KlassifikaatorKood);
ALTER TABLE dbo.Menetlus ADD CONSTRAINT DF_Menetlus_Staatus DEFAULT (N'UUS') FOR Staatuss;
ALTER TABLE dbo.Puudub ADD Uus int NULL;`;
      assert.deepEqual(found(sql, 'unknown-column'), [
        'unknown-column: Kommentaar', 'unknown-column: Markus', 'unknown-column: AlgusKuupaev0',
        'unknown-column: SulgemiseKood', 'unknown-column: KlassifikaatorKood', 'unknown-column: Staatuss',
      ]);
      assert.deepEqual(found(sql, 'unknown-table'), ['unknown-table: dbo.Puudub']);
    });
    it('accepts columns added earlier in the script or in the same statement, and DROP COLUMN IF EXISTS', () => {
      const sql = `ALTER TABLE dbo.Menetlus ADD SulgemiseKood int NULL, CONSTRAINT CK_Sulgemine CHECK (SulgemiseKood > 0);
GO
ALTER TABLE dbo.Menetlus ADD CONSTRAINT FK_Menetlus_Sulgemine FOREIGN KEY (SulgemiseKood) REFERENCES dbo.Klassifikaator (KlassifikaatorId);
ALTER TABLE dbo.Menetlus ALTER COLUMN Number nvarchar(40) NOT NULL;
ALTER TABLE dbo.Menetlus DROP COLUMN IF EXISTS VanaOlek;
ALTER TABLE dbo.Arest ADD Kommentaar nvarchar(400) NULL CHECK (LEN(Kommentaar) > 0);`;
      assert.deepEqual([...found(sql, 'unknown-column'), ...found(sql, 'unknown-table')], []);
    });
  });

  describe('CREATE TABLE', () => {
    it('checks CHECK constraints (inline and table-level), key columns and REFERENCES', () => {
      const sql = `CREATE TABLE #makse (
  MakseId int NOT NULL PRIMARY KEY,
  Summa decimal(12,2) NOT NULL CHECK (Summ > 0),
  Kuupaev date NOT NULL,
  CONSTRAINT CK_makse CHECK (Kuupaev <= SYSDATETIME() AND Kuupäev IS NOT NULL),
  UNIQUE (MakseIdd)
);
CREATE TABLE dbo.MakseLogi (Id int NOT NULL, MenetlusId int NOT NULL REFERENCES dbo.Menetluss (MenetlusId), IsikId int REFERENCES dbo.Isik (IsikIdd));`;
      assert.deepEqual(found(sql, 'unknown-column'), ['unknown-column: Summ', 'unknown-column: Kuupäev', 'unknown-column: MakseIdd', 'unknown-column: IsikIdd']);
      assert.deepEqual(found(sql, 'unknown-table'), ['unknown-table: dbo.Menetluss']);
    });
    it('accepts a well-formed table with its own columns in CHECK and a computed column', () => {
      const sql = `CREATE TABLE dbo.Tagastus (
  TagastusId int IDENTITY(1,1) NOT NULL PRIMARY KEY,
  MenetlusId int NOT NULL REFERENCES dbo.Menetlus (MenetlusId),
  Summa decimal(12,2) NOT NULL CHECK (Summa > 0),
  Tasu decimal(12,2) NOT NULL DEFAULT (0),
  Kokku AS (Summa + Tasu),
  CONSTRAINT CK_Tagastus CHECK (Tasu <= Summa)
);`;
      assert.deepEqual([...found(sql, 'unknown-column'), ...found(sql, 'unknown-table')], []);
    });
  });

  describe('DROP TABLE and TRUNCATE TABLE', () => {
    it('flag a permanent table that is not in the schema', () => {
      const sql = 'TRUNCATE TABLE dbo.ImportPuhver;\nDROP TABLE dbo.VanaMenetlus, dbo.Toiming;';
      assert.deepEqual(found(sql, 'unknown-table'), ['unknown-table: dbo.ImportPuhver', 'unknown-table: dbo.VanaMenetlus']);
    });
    it('accept schema tables, temp tables, tables created in the script, IF EXISTS and other databases', () => {
      const sql = `CREATE TABLE dbo.Abi (Id int);
SELECT MenetlusId INTO #ajutine FROM dbo.Menetlus;
GO
TRUNCATE TABLE dbo.Toiming;
TRUNCATE TABLE #ajutine;
DROP TABLE #ajutine, dbo.Abi;
DROP TABLE IF EXISTS dbo.ImportPuhver_vana;
DROP TABLE #polnudkunagi;
TRUNCATE TABLE Arhiiv.dbo.VanaMenetlus;`;
      assert.deepEqual(found(sql, 'unknown-table'), []);
    });
  });
});

// Fifth hunt: constructs found in public line-of-business T-SQL (vendor upgrade scripts, ERP/CRM procedures,
// migration folders, support scripts). The cases are our own wording; only the shape of the construct comes from the hunt.
import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, noErrors, statements } from './helpers';

describe('parser: constructs from public scripts, fifth hunt', () => {
  it('a column constraint may carry a column list, as if it were a table constraint written inline', () => {
    const text = "CREATE TABLE dbo.Toimik (\n  ToimikId int NOT NULL CONSTRAINT PK_Toimik PRIMARY KEY CLUSTERED (ToimikId ASC),\n" +
      "  Kood nvarchar(20) NOT NULL CONSTRAINT UQ_Toimik_Kood UNIQUE (Kood),\n" +
      "  VolgnikId int NULL CONSTRAINT FK_Toimik_Volgnik FOREIGN KEY (VolgnikId) REFERENCES dbo.Volgnik (VolgnikId),\n" +
      "  Loodud datetime NOT NULL DEFAULT GETDATE()\n  CONSTRAINT CK_Toimik CHECK (ToimikId > 0),\n)";
    noErrors(text);
    const create = statements(text)[0];
    assert.strictEqual(create.kind, 'CreateTable');
    assert.ok(errors(parseScript('CREATE TABLE dbo.Toimik (ToimikId int PRIMARY KEY (ToimikId)')).length > 0, 'an unclosed list is still an error');
  });

  it('a column PRIMARY KEY / UNIQUE may name its filegroup after its options', () => {
    noErrors("CREATE TABLE [dbo].[Nõue] (\n  [NõueId] INT NOT NULL IDENTITY(1,1) PRIMARY KEY CLUSTERED ON [PRIMARY],\n" +
      "  [Viide] NVARCHAR(30) NOT NULL UNIQUE NONCLUSTERED WITH (FILLFACTOR = 90) ON [INDEKSID],\n  [Summa] DECIMAL(18,2) NULL\n)");
    assert.ok(errors(parseScript('CREATE TABLE dbo.Nõue (NõueId int PRIMARY KEY ON)')).length > 0, 'ON needs a filegroup');
  });

  it('ALTER TABLE ... ADD ends before ENABLE/DISABLE TRIGGER on the next line', () => {
    const text = "ALTER TABLE dbo.Volgnik ADD Markus nvarchar(200) NULL\nDISABLE TRIGGER dbo.trg_Volgnik_Logi ON dbo.Volgnik\n" +
      "UPDATE dbo.Volgnik SET Markus = N'parandatud' WHERE VolgnikId = 7\nENABLE TRIGGER dbo.trg_Volgnik_Logi ON dbo.Volgnik";
    noErrors(text);
    assert.strictEqual(statements(text).length, 4);
  });
});

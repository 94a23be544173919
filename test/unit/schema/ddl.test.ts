import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DdlSchemaSource, loadDdlSchema, schemaFromDdlTexts } from '../../../server/src/schema/ddlSource';
import { Schema, TableInfo } from '../../../server/src/schema/model';
import { generateDdlFiles } from '../../bench/generateSchema';

const fixtures = path.resolve(__dirname, '../../fixtures');

function table(schema: Schema, name: string): TableInfo {
  const t = schema.findTable(name);
  assert.ok(t, `table ${name} not found among ${schema.tables.map((x) => x.name).join(', ')}`);
  return t;
}

function col(schema: Schema, tableName: string, column: string) {
  const c = schema.findColumn(table(schema, tableName), column);
  assert.ok(c, `column ${tableName}.${column} not found`);
  return c;
}

describe('DDL schema source', () => {
  describe('CREATE TABLE', () => {
    const ddl = `CREATE TABLE [dbo].[Menetlus]
(
    [MenetlusId] INT IDENTITY (1, 1) NOT NULL,
    [Number] NVARCHAR (20) NOT NULL,
    Staatus nvarchar(10) NOT NULL CONSTRAINT FK_Menetlus_Staatus REFERENCES dbo.MenetluseStaatus (Kood),
    [NoudeSumma] DECIMAL (12, 2) NULL,
    Markus nvarchar(max),
    Sisu varbinary(MAX) NULL,
    Kood char NOT NULL,
    Loodud datetime2(0) NOT NULL CONSTRAINT DF_Menetlus_Loodud DEFAULT (sysdatetime()),
    Aasta AS (datepart(year, Loodud)) PERSISTED,
    [Kõrvaline ]]veerg] int NULL UNIQUE,
    CONSTRAINT [PK_Menetlus] PRIMARY KEY CLUSTERED ([MenetlusId] ASC),
    CONSTRAINT UQ_Menetlus_Number UNIQUE (Number)
);
GO
CREATE TABLE arhiiv.Menetlus (MenetlusId int NOT NULL PRIMARY KEY, Arhiveeritud datetime NULL);
GO
CREATE TABLE #ajutine (Id int);
`;
    const { schema, warnings } = schemaFromDdlTexts([{ path: '/db/Menetlus.sql', text: ddl }]);

    it('reads types, lengths in characters, MAX as -1, precision and scale', () => {
      assert.deepEqual(warnings, []);
      assert.equal(col(schema, 'Menetlus', 'Number').type, 'nvarchar');
      assert.equal(col(schema, 'Menetlus', 'Number').maxLength, 20);
      assert.equal(col(schema, 'Menetlus', 'Markus').maxLength, -1);
      assert.equal(col(schema, 'Menetlus', 'Sisu').maxLength, -1);
      assert.equal(col(schema, 'Menetlus', 'Kood').maxLength, 1, 'char without a length is char(1)');
      const summa = col(schema, 'Menetlus', 'NoudeSumma');
      assert.deepEqual([summa.type, summa.precision, summa.scale], ['decimal', 12, 2]);
      assert.equal(col(schema, 'Menetlus', 'Loodud').scale, 0);
    });

    it('reads nullability (default nullable), identity, computed and default text', () => {
      assert.equal(col(schema, 'Menetlus', 'Number').nullable, false);
      assert.equal(col(schema, 'Menetlus', 'Markus').nullable, true);
      assert.equal(col(schema, 'Menetlus', 'MenetlusId').identity, true);
      assert.equal(col(schema, 'Menetlus', 'Number').identity, false);
      assert.equal(col(schema, 'Menetlus', 'Aasta').computed, true);
      assert.equal(col(schema, 'Menetlus', 'Loodud').default, '(sysdatetime())');
      assert.ok(col(schema, 'Menetlus', 'Kõrvaline ]veerg'), 'bracketed name with ]] escape');
    });

    it('reads inline and table-level keys and foreign keys', () => {
      const t = table(schema, 'Menetlus');
      assert.deepEqual(t.primaryKey, { name: 'PK_Menetlus', kind: 'primary', columns: ['MenetlusId'] });
      assert.deepEqual(t.uniqueKeys.map((u) => u.columns), [['Kõrvaline ]veerg'], ['Number']]);
      assert.deepEqual(t.foreignKeys, [{ name: 'FK_Menetlus_Staatus', columns: ['Staatus'], refSchema: 'dbo', refTable: 'MenetluseStaatus', refColumns: ['Kood'] }]);
      const arhiiv = schema.findTable('Menetlus', 'arhiiv');
      assert.ok(arhiiv);
      assert.equal(schema.findColumn(arhiiv, 'MenetlusId')?.nullable, false, 'a primary key column is NOT NULL');
    });

    it('keeps schemas apart and skips temp tables', () => {
      assert.equal(schema.size, 2);
      assert.ok(schema.findTable('Menetlus', 'arhiiv')?.columns.some((c) => c.name === 'Arhiveeritud'));
      assert.equal(schema.findTable('Menetlus')?.schema, 'dbo', 'default schema wins');
      assert.equal(schema.findTable('#ajutine'), undefined);
    });

    it('records source locations of the table and of each column', () => {
      const t = table(schema, 'Menetlus');
      assert.equal(t.location?.file, '/db/Menetlus.sql');
      assert.deepEqual(t.location?.start, { line: 0, character: 0 });
      const number = col(schema, 'Menetlus', 'Number');
      assert.deepEqual(number.location?.start, { line: 3, character: 4 });
      assert.equal(number.location?.end.line, 3);
    });

    it('matches names case-insensitively by default and exactly with caseSensitive', () => {
      assert.ok(schema.findTable('MENETLUS'));
      assert.ok(schema.findColumn(table(schema, 'menetlus'), 'noudesumma'));
      const cs = schemaFromDdlTexts([{ path: 'a.sql', text: ddl }], { caseSensitive: true }).schema;
      assert.equal(cs.findTable('MENETLUS'), undefined);
      const t = cs.findTable('Menetlus');
      assert.ok(t);
      assert.equal(cs.findColumn(t, 'noudesumma'), undefined);
      assert.ok(cs.findColumn(t, 'NoudeSumma'));
    });
  });

  describe('ALTER, DROP and descriptions', () => {
    it('applies ALTER TABLE ADD column/constraint, DROP COLUMN, ALTER COLUMN and DROP TABLE in file order', async () => {
      const r = await loadDdlSchema([path.join(fixtures, 'schema-migrations')]);
      assert.deepEqual(r.warnings, []);
      const s = r.schema;
      assert.equal(s.findTable('Ajutine'), undefined, 'dropped in 010');
      const names = table(s, 'Toiming').columns.map((c) => c.name);
      assert.deepEqual(names, ['ToimingId', 'MenetlusId', 'ToiminguLiik', 'Kuupaev', 'Kasutaja', 'Kirjeldus']);
      assert.equal(col(s, 'Toiming', 'Kasutaja').nullable, false);
      assert.equal(col(s, 'Toiming', 'Kasutaja').default, '(suser_sname())');
      assert.equal(col(s, 'Toiming', 'ToiminguLiik').maxLength, 40, '003 widened it before 010 ran');
      assert.deepEqual(table(s, 'Toiming').uniqueKeys, [{ name: 'UQ_Toiming_Liik', kind: 'unique', columns: ['MenetlusId', 'ToiminguLiik'] }]);
      assert.equal(table(s, 'Toiming').description, 'Menetlustoiming (procedural act)');
      assert.match(r.description, /DDL: 1 tables, 0 views from 4 files/);
    });

    it('reads MS_Description from positional and named arguments with N strings', () => {
      const { schema } = schemaFromDdlTexts([
        { path: 't.sql', text: `CREATE TABLE dbo.Arest (ArestId int NOT NULL, Summa decimal(12,2) NOT NULL);\nGO\n` },
        {
          path: 'd.sql',
          text: `EXEC sp_addextendedproperty N'MS_Description', N'Arestimine: vara arest õäöüšž', N'SCHEMA', N'dbo', N'TABLE', N'Arest';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Arestitud summa eurodes',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'AREST', @level2type = N'COLUMN', @level2name = N'summa';
EXEC sp_addextendedproperty @name = N'Muu', @value = N'ei ole kirjeldus', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Arest';`,
        },
      ]);
      assert.equal(table(schema, 'Arest').description, 'Arestimine: vara arest õäöüšž');
      assert.equal(col(schema, 'Arest', 'Summa').description, 'Arestitud summa eurodes');
    });
  });

  describe('SSDT project folder', () => {
    let schema: Schema;
    let warnings: string[];
    before(async () => {
      const r = await new DdlSchemaSource([path.join(fixtures, 'schema-ssdt')]).load();
      schema = r.schema;
      warnings = r.warnings;
    });

    it('loads Tables/ recursively, with ALTER TABLE ADD CONSTRAINT FOREIGN KEY and a BOM-prefixed file', () => {
      assert.deepEqual(warnings, []);
      assert.deepEqual(schema.tables.filter((t) => t.kind === 'table').map((t) => t.name).sort(), ['Isik', 'Menetlus', 'MenetluseStaatus', 'Volgnik']);
      assert.deepEqual(table(schema, 'Volgnik').foreignKeys.map((f) => [f.name, f.refTable, f.refColumns[0]]), [
        ['FK_Volgnik_Menetlus', 'Menetlus', 'MenetlusId'],
        ['FK_Volgnik_Isik', 'Isik', 'IsikId'],
      ]);
      assert.equal(table(schema, 'MenetluseStaatus').description, 'Menetluse staatuste klassifikaator');
      assert.equal(col(schema, 'Menetlus', 'Number').description, 'Menetluse number kujul 123/2024/456');
      assert.equal(col(schema, 'Volgnik', 'Roll').default, "(N'VÕLGNIK')");
      assert.ok(table(schema, 'Menetlus').location?.file.endsWith(path.join('Tables', 'dbo.Menetlus.sql')));
    });

    it('takes view columns from the select list: aliases, names, * expanded, types carried over', () => {
      const v = table(schema, 'vMenetluseVolgnik');
      assert.equal(v.kind, 'view');
      assert.deepEqual(v.columns.map((c) => c.name), ['MenetlusId', 'MenetluseNumber', 'IsikId', 'Isikukood', 'Eesnimi', 'Perenimi', 'Roll', 'Nimi', 'Summa']);
      assert.equal(col(schema, 'vMenetluseVolgnik', 'MenetluseNumber').type, 'nvarchar');
      assert.equal(col(schema, 'vMenetluseVolgnik', 'MenetluseNumber').maxLength, 20);
      assert.equal(col(schema, 'vMenetluseVolgnik', 'Isikukood').maxLength, 11);
      assert.equal(col(schema, 'vMenetluseVolgnik', 'MenetlusId').identity, false, 'a view column is never an identity');
      assert.equal(col(schema, 'vMenetluseVolgnik', 'Summa').precision, 14, 'CAST gives the type');
      assert.deepEqual(col(schema, 'vMenetluseVolgnik', 'MenetluseNumber').location?.start, { line: 3, character: 7 }, 'go-to-definition lands on the select item');
    });

    it('names view columns from CREATE VIEW (a, b) and the first branch of a UNION', () => {
      const v = table(schema, 'vKoikStaatused');
      assert.deepEqual(v.columns.map((c) => [c.name, c.type]), [['StaatuseKood', 'nvarchar'], ['StaatuseNimetus', 'nvarchar']]);
    });

    it('ignores data scripts', () => {
      assert.equal(schema.tables.length, 6);
    });
  });

  it('reads the shared fixture schema etaitur.sql', async () => {
    const r = await loadDdlSchema([path.join(fixtures, 'schema', 'etaitur.sql')]);
    assert.deepEqual(r.warnings, []);
    assert.ok(r.schema.size >= 15, `only ${r.schema.size} tables`);
    assert.equal(col(r.schema, 'Menetlus', 'Number').description, 'Menetluse number, nt 123/2024/456');
    assert.equal(col(r.schema, 'Noue', 'Jaak').computed, true);
    assert.equal(table(r.schema, 'Kasutaja').uniqueKeys[0]?.columns[0], 'Kasutajanimi');
    const view = table(r.schema, 'vAktiivneMenetlus');
    assert.deepEqual(view.columns.map((c) => c.name), ['MenetlusId', 'Number', 'Staatus', 'StaatuseNimetus', 'AlgusKuupaev']);
    assert.equal(col(r.schema, 'vAktiivneMenetlus', 'StaatuseNimetus').maxLength, 100);
  });

  it('survives views over unknown tables, views over views and a view that reads itself', () => {
    const { schema } = schemaFromDdlTexts([
      {
        path: 'v.sql',
        text: `CREATE VIEW dbo.vVälis AS SELECT x.*, x.Nimi AS VäliNimi FROM teine.dbo.Tabel x;
GO
CREATE VIEW dbo.vA AS SELECT a.Kood FROM dbo.vB a;
GO
CREATE OR ALTER VIEW dbo.vB AS SELECT k.Kood, k.Nimetus FROM dbo.Klassifikaator k;
GO
CREATE VIEW dbo.vIse AS SELECT * FROM dbo.vIse;
GO
CREATE TABLE dbo.Klassifikaator (Kood nvarchar(20) NOT NULL, Nimetus nvarchar(200) NOT NULL);`,
      },
    ]);
    assert.deepEqual(table(schema, 'vVälis').columns, [], 'x.* over another database: the columns are not known, so the view is open');
    assert.equal(col(schema, 'vA', 'Kood').maxLength, 20, 'vA reads vB, defined later, which reads a table defined later still');
    assert.deepEqual(table(schema, 'vIse').columns, []);
  });

  it('applies constraints and descriptions from files that sort before the table', () => {
    const { schema, warnings } = schemaFromDdlTexts([
      { path: 'Constraints/FK_Arest_Menetlus.sql', text: 'ALTER TABLE dbo.Arest ADD CONSTRAINT FK_Arest_Menetlus FOREIGN KEY (MenetlusId) REFERENCES dbo.Menetlus (MenetlusId);' },
      { path: 'Descriptions/Arest.sql', text: "EXEC sp_addextendedproperty N'MS_Description', N'Vara arest', N'SCHEMA', N'dbo', N'TABLE', N'Arest';" },
      { path: 'Tables/dbo.Arest.sql', text: 'CREATE TABLE dbo.Arest (ArestId int NOT NULL PRIMARY KEY, MenetlusId int NOT NULL);' },
      { path: 'Tables/zz.sql', text: 'ALTER TABLE dbo.Puudub ADD X int NULL;' },
    ]);
    assert.deepEqual(table(schema, 'Arest').foreignKeys.map((f) => f.name), ['FK_Arest_Menetlus']);
    assert.equal(table(schema, 'Arest').description, 'Vara arest');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /zz\.sql:1: ALTER TABLE of unknown table Puudub/);
  });

  it('gives columns of alias types (CREATE TYPE ... FROM, in any file) the base type and its nullability', () => {
    const { schema } = schemaFromDdlTexts([
      {
        path: 'Tables/dbo.Volgnik.sql',
        text: `CREATE TABLE [dbo].[Volgnik] (
    [VolgnikId] INT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    [Isikukood] [dbo].[Isikukood],
    [VanaKood] dbo.Isikukood NULL,
    [Volg] [menetlus].[Summa] NOT NULL,
    [Markus] Tekst,
    [Muu] dbo.Puudub NOT NULL
);`,
      },
      {
        path: 'Types/tyybid.sql',
        text: `CREATE TYPE [dbo].[Isikukood] FROM NCHAR(11) NOT NULL
GO
CREATE TYPE [menetlus].[Summa] FROM decimal (18, 2) NULL
GO
CREATE TYPE Tekst FROM nvarchar(max)
GO
CREATE TYPE dbo.IdList AS TABLE (Id int NOT NULL)
GO`,
      },
    ]);
    const fields = (name: string) => {
      const c = col(schema, 'Volgnik', name);
      return [c.type, c.maxLength ?? c.precision, c.scale, c.nullable];
    };
    assert.deepEqual(fields('Isikukood'), ['nchar', 11, undefined, false], 'NOT NULL from the type');
    assert.deepEqual(fields('VanaKood'), ['nchar', 11, undefined, true], 'the column says NULL');
    assert.deepEqual(fields('Volg'), ['decimal', 18, 2, false]);
    assert.deepEqual(fields('Markus'), ['nvarchar', -1, undefined, true], 'default schema');
    assert.deepEqual(fields('Muu'), ['dbo.puudub', undefined, undefined, false], 'unknown type left as written');
  });

  it('reads idempotent migration scripts: DDL inside IF/BEGIN, EXEC(N\'CREATE VIEW ...\'), sp_rename', () => {
    const { schema, warnings } = schemaFromDdlTexts([
      {
        path: 'migrations.sql',
        text: `IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] ([MigrationId] nvarchar(150) NOT NULL, CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId]));
END;
GO
BEGIN TRANSACTION;
GO
IF NOT EXISTS(SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20240101120000_Algne')
BEGIN
    CREATE TABLE [Volgnik] ([Id] int NOT NULL IDENTITY, [Nimi] nvarchar(200) NOT NULL, CONSTRAINT [PK_Volgnik] PRIMARY KEY ([Id]));
END;
GO
IF NOT EXISTS(SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20240301090000_Staatus')
BEGIN
    ALTER TABLE [Volgnik] ADD [Staatus] int NOT NULL DEFAULT 0;
    EXEC sp_rename N'[Volgnik].[Nimi]', N'TaisNimi', N'COLUMN';
    EXEC sp_rename N'[PK_Volgnik]', N'PK_Volgnikud';
    EXEC(N'CREATE VIEW [vVolgnik] AS
SELECT [Id], [TaisNimi] FROM [Volgnik] WHERE [Staatus] <> 9 AND [TaisNimi] <> N''''');
END;
GO
CREATE TABLE dbo.Sissenoue (Id int NOT NULL);
EXEC sp_rename @objname = N'dbo.Sissenoue', @newname = N'Noue';
GO
COMMIT;
GO
CREATE PROCEDURE dbo.LooAjutine AS BEGIN CREATE TABLE dbo.PoleSkeem (x int); END
GO`,
      },
    ]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(schema.tables.map((t) => t.name).sort(), ['Noue', 'Volgnik', '__EFMigrationsHistory', 'vVolgnik']);
    assert.deepEqual(table(schema, 'Volgnik').columns.map((c) => c.name), ['Id', 'TaisNimi', 'Staatus']);
    assert.equal(col(schema, 'Volgnik', 'Staatus').default, '0');
    assert.deepEqual(table(schema, 'vVolgnik').columns.map((c) => [c.name, c.type]), [['Id', 'int'], ['TaisNimi', 'nvarchar']]);
    assert.equal(table(schema, 'vVolgnik').location?.start.line, 17, 'the view is located (0-based) on its line inside the EXEC string');
  });

  describe('bad input', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-ddl-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('turns a broken or unreadable file into a warning and still loads the others', async () => {
      await fs.mkdir(path.join(dir, 'Tables'));
      await fs.writeFile(path.join(dir, 'Tables', 'Isik.sql'), 'CREATE TABLE dbo.Isik (IsikId int NOT NULL PRIMARY KEY, Perenimi nvarchar(100) NOT NULL);\n');
      await fs.writeFile(path.join(dir, 'Tables', 'Katki.sql'), 'CREATE TABLE dbo.Katki (Id int NOT NULL,, ))) (((\nGO\nSELEKT * FROM\n');
      await fs.writeFile(path.join(dir, 'Tables', 'Prügi.sql'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81]));
      const r = await loadDdlSchema([dir, path.join(dir, 'puudub')]);
      assert.ok(r.schema.findTable('Isik'));
      assert.ok(r.warnings.some((w) => w.includes('puudub') && w.includes('ENOENT')), r.warnings.join('\n'));
      assert.ok(r.warnings.some((w) => w.includes('Katki.sql')), r.warnings.join('\n'));
    });

    it('parses every prefix of a DDL file without throwing', () => {
      const text = generateDdlFiles({ tables: 2 }).map((f) => f.text).join('\n');
      for (let n = 0; n <= text.length; n += 3) schemaFromDdlTexts([{ path: 'p.sql', text: text.slice(0, n) }]);
    });

    it('can be cancelled', async () => {
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(loadDdlSchema([path.join(fixtures, 'schema-ssdt')], {}, ac.signal), { name: 'AbortError' });
    });
  });

  it('reads a generated 100-table schema with keys and FKs', () => {
    const files = generateDdlFiles({ tables: 100, columnsPerTable: 20 });
    const { schema, warnings } = schemaFromDdlTexts(files);
    assert.deepEqual(warnings, []);
    assert.equal(schema.size, 100);
    assert.equal(schema.tables.reduce((n, t) => n + t.columns.length, 0), 2000);
    assert.ok(schema.tables.every((t) => t.primaryKey && t.description));
    assert.ok(schema.tables.slice(1).every((t) => t.foreignKeys.length > 0));
  });
});

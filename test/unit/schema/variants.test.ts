// The ways real teams write a SQL Server schema (test/fixtures/schema/variants/<style>/schema), each read
// as SQL Server would have it, and a fix script per style checked against it with exact findings.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkScript } from '../../../server/src/check/checkScript';
import { listDdlFiles, loadDdlSchema, schemaFromDdlTexts } from '../../../server/src/schema/ddlSource';
import { decodeSqlFile } from '../../../server/src/files/sqlFileText';
import type { ColumnInfo, Schema, SchemaLoadResult, TableInfo } from '../../../server/src/schema/model';
import { LineIndex } from '../../../server/src/text/lineIndex';

const variants = path.resolve(__dirname, '../../fixtures/schema/variants');

function load(style: string): Promise<SchemaLoadResult> {
  return loadDdlSchema([path.join(variants, style, 'schema')]);
}

function table(schema: Schema, name: string, schemaName?: string): TableInfo {
  const t = schema.findTable(name, schemaName);
  assert.ok(t, `${schemaName ?? ''}.${name} not found among ${schema.tables.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return t;
}

/** A column as one line: "nvarchar(20) NOT NULL IDENTITY COMPUTED DEFAULT (x)". */
function columnText(c: ColumnInfo | undefined): string {
  if (!c) return 'missing';
  const size = c.maxLength !== undefined ? `(${c.maxLength === -1 ? 'max' : c.maxLength})` : c.precision !== undefined ? `(${c.precision},${c.scale})` : c.scale !== undefined ? `(${c.scale})` : '';
  return [c.type + size, c.nullable ? 'NULL' : 'NOT NULL', c.identity && 'IDENTITY', c.computed && 'COMPUTED', c.default !== undefined && `DEFAULT ${c.default}`].filter(Boolean).join(' ');
}

function columns(schema: Schema, name: string, schemaName?: string): Record<string, string> {
  const t = table(schema, name, schemaName);
  return Object.fromEntries(t.columns.map((c) => [c.name, columnText(c)]));
}

/** The fix script's findings as "line:code" (1-based lines), in order. */
function check(style: string, schema: Schema): string[] {
  const text = readFileSync(path.join(variants, style, 'fix-script.sql'), 'utf8');
  const lines = new LineIndex(text);
  return checkScript(text, { schema }).findings.map((f) => `${lines.positionAt(f.range.start).line + 1}:${f.code}`);
}

describe('DDL schema variants', () => {
  describe('SSMS "Generate Scripts" with every option on', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('ssms-generate-scripts');
    });

    it('loads the file as SSMS saves it (UTF-16 LE, BOM, CRLF) without warnings: banners, USE, SET, functions, triggers, procedures and ALTER DATABASE are not schema', () => {
      assert.deepEqual([...readFileSync(path.join(variants, 'ssms-generate-scripts', 'schema', 'schema.sql')).subarray(0, 4)], [0xff, 0xfe, 0x55, 0x00], 'the fixture is UTF-16 LE');
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(r.schema.tables.map((t) => `${t.kind} ${t.schema}.${t.name}`).sort(), [
        'table dbo.Kohtutaitur',
        'table menetlus.Menetlus',
        'table menetlus.Toiming',
        'view menetlus.vAktiivneMenetlus',
        'view menetlus.vMenetlus',
      ]);
    });

    it('reads [type](n), IDENTITY NOT FOR REPLICATION, computed columns and defaults added by ALTER TABLE ... FOR', () => {
      assert.deepEqual(columns(r.schema, 'Kohtutaitur'), {
        KohtutaiturId: 'int NOT NULL IDENTITY',
        Nimi: 'nvarchar(100) NOT NULL',
        Piirkond: 'nvarchar(50) NULL',
        Aktiivne: 'bit NOT NULL DEFAULT ((1))',
        Loodud: 'datetime2(0) NOT NULL DEFAULT (sysdatetime())',
      });
      const m = columns(r.schema, 'Menetlus', 'menetlus');
      assert.equal(m.Staatus, "nvarchar(10) NOT NULL DEFAULT (N'UUS')");
      assert.equal(m.NoudeSumma, 'decimal(12,2) NULL');
      assert.equal(m.Markus, 'nvarchar(max) NULL');
      assert.equal(m.Aasta, 'int NULL COMPUTED', 'the type SQL Server derives for datepart()');
      assert.equal(columns(r.schema, 'Toiming', 'menetlus').Kasutaja, 'varchar(50) NOT NULL DEFAULT (suser_sname())');
    });

    it('reads keys and WITH CHECK / WITH NOCHECK foreign keys, and descriptions of tables, columns and views', () => {
      const m = table(r.schema, 'Menetlus', 'menetlus');
      assert.deepEqual(m.primaryKey, { name: 'PK_Menetlus', kind: 'primary', columns: ['MenetlusId'] });
      assert.deepEqual(m.uniqueKeys.map((u) => [u.name, u.columns]), [['UQ_Menetlus_Number', ['Number']]]);
      assert.deepEqual(m.foreignKeys.map((f) => [f.name, `${f.refSchema}.${f.refTable}`]), [['FK_Menetlus_Kohtutaitur', 'dbo.Kohtutaitur']]);
      assert.deepEqual(table(r.schema, 'Toiming', 'menetlus').foreignKeys.map((f) => f.name), ['FK_Toiming_Menetlus']);
      assert.deepEqual(table(r.schema, 'Toiming', 'menetlus').primaryKey?.columns, ['ToimingId']);
      assert.equal(m.description, 'Täitemenetlus');
      assert.equal(r.schema.findColumn(m, 'Number')?.description, 'Menetluse number kujul 123/2024/456');
      assert.equal(table(r.schema, 'vAktiivneMenetlus', 'menetlus').description, 'Aktiivsete menetluste vaade');
    });

    it('takes columns of a SCHEMABINDING view, and of a view with a column list over it', () => {
      assert.deepEqual(columns(r.schema, 'vMenetlus', 'menetlus'), {
        MenetlusId: 'int NOT NULL',
        Number: 'nvarchar(20) NOT NULL',
        Staatus: 'nvarchar(10) NOT NULL',
        TaituriNimi: 'nvarchar(100) NOT NULL',
      });
      assert.deepEqual(Object.keys(columns(r.schema, 'vAktiivneMenetlus', 'menetlus')), ['Id', 'MenetluseNumber', 'Taitur']);
    });

    it('checks the fix script: defaults from ALTER TABLE keep INSERTs quiet, a too-long string and a view column renamed by the column list are found', () => {
      assert.deepEqual(check('ssms-generate-scripts', r.schema), ['15:string-truncation', '19:unknown-column']);
    });
  });

  describe('SSDT project folder', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('ssdt-project');
    });

    it('loads every folder, skips the .sqlproj and the data in post-deployment scripts, reads a BOM file', () => {
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(r.schema.tables.map((t) => `${t.kind} ${t.schema}.${t.name}`).sort(), [
        'table dbo.Isik',
        'table dbo.MenetluseStaatus',
        'table menetlus.Volgnik',
        'view dbo.vVolgnik',
      ]);
      assert.equal(table(r.schema, 'Isik').description, 'Füüsiline või juriidiline isik', 'the BOM-prefixed file');
      assert.match(r.description, /DDL: 3 tables, 1 views, 1 synonyms from 10 files/);
    });

    it('gives alias-type columns the base type and NOT NULL of CREATE TYPE, in a view too', () => {
      assert.equal(columns(r.schema, 'Isik').Isikukood, 'nchar(11) NOT NULL');
      assert.equal(columns(r.schema, 'Volgnik', 'menetlus').Volg, 'decimal(14,2) NOT NULL');
      assert.equal(columns(r.schema, 'vVolgnik').Isikukood, 'nchar(11) NOT NULL');
      assert.equal(columns(r.schema, 'Volgnik', 'menetlus').Roll, "nvarchar(20) NOT NULL DEFAULT (N'VÕLGNIK')");
    });

    it('resolves the synonym menetlus.Isik to dbo.Isik', () => {
      assert.deepEqual(r.schema.synonyms, [{ schema: 'menetlus', name: 'Isik', targetSchema: 'dbo', targetName: 'Isik' }]);
      assert.equal(r.schema.findTable('Isik', 'menetlus'), table(r.schema, 'Isik', 'dbo'));
    });

    it('checks the fix script: alias-type NOT NULL and length, the synonym\'s columns, the alias decimal type', () => {
      assert.deepEqual(check('ssdt-project', r.schema), ['6:missing-not-null', '7:string-truncation', '11:unknown-column', '15:type-mismatch', '18:no-rowcount-guard']);
    });
  });

  describe('migration folders (Flyway, DbUp, EF Core idempotent script)', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('migrations');
    });

    it('applies every migration in version order (V9 before V10) without warnings', () => {
      assert.deepEqual(r.warnings, []);
      assert.equal(table(r.schema, 'Arve', 'arhiiv').columns.map((c) => c.name).join(), 'ArveId,Number', 'V10 dropped and re-created V9\'s table, V12 moved it');
      assert.equal(r.schema.findTable('Arve', 'dbo'), undefined);
      assert.equal(r.schema.findTable('Ajutine'), undefined);
      assert.equal(r.schema.findTable('Makse'), undefined, 'renamed to Laekumine');
      assert.match(r.description, /from 12 files$/, 'U2__ (Flyway undo) and *.down.sql (golang-migrate) are left out');
      assert.deepEqual(Object.keys(columns(r.schema, 'Sissenoudja')), ['SissenoudjaId', 'Nimi', 'Arveldusarve', 'Pank']);
    });

    it('follows guarded ADDs, ALTER COLUMN (type, length, nullability; the default kept) and sp_rename', () => {
      assert.deepEqual(columns(r.schema, 'Volgnik'), {
        VolgnikId: 'int NOT NULL IDENTITY',
        MenetlusId: 'int NOT NULL',
        TaisNimi: 'nvarchar(100) NOT NULL',
        Isikukood: 'char(11) NOT NULL',
        Markus: 'nvarchar(1000) NULL',
        Staatus: "nvarchar(10) NOT NULL DEFAULT (N'AKTIIVNE')",
        Email: 'nvarchar(100) NULL',
        KehtibAlates: 'datetime2(7) NOT NULL COMPUTED DEFAULT SYSUTCDATETIME()',
        KehtibKuni: "datetime2(7) NOT NULL COMPUTED DEFAULT CONVERT(datetime2, '9999-12-31 23:59:59.9999999')",
      });
      assert.deepEqual(Object.keys(columns(r.schema, 'VolgnikAjalugu')), Object.keys(columns(r.schema, 'Volgnik')), 'history table of ALTER TABLE ... SET (SYSTEM_VERSIONING = ON ...)');
    });

    it('drops defaults by constraint name, by SQL Server\'s generated name and through EF Core\'s @var0 look-up', () => {
      assert.deepEqual(columns(r.schema, 'Laekumine'), {
        MakseId: 'int NOT NULL IDENTITY',
        VolgnikId: 'int NOT NULL',
        Summa: 'decimal(10,2) NOT NULL DEFAULT (1.00)',
        Kuupaev: 'date NOT NULL',
        Liik: 'nvarchar(10) NULL',
      });
      assert.deepEqual(table(r.schema, 'Laekumine').foreignKeys, [
        { name: 'FK_Laekumine_Liik', columns: ['Liik'], refSchema: 'dbo', refTable: 'LaekumiseLiik', refColumns: ['LiigiKood'] },
      ], 'renames of the referenced table, its column and the constraint are followed');
      assert.equal(table(r.schema, 'Volgnik').primaryKey?.name, 'PK_Volgnik', 'a column-level CONSTRAINT name');
      assert.equal(columns(r.schema, 'Kohtutaitur').Piirkond, "nvarchar(50) NOT NULL DEFAULT (N'Tallinn')");
      assert.deepEqual(columns(r.schema, 'Noue'), {
        Id: 'int NOT NULL IDENTITY',
        VolgnikId: 'int NOT NULL',
        Summa: 'decimal(18,2) NOT NULL',
        Kirjeldus: "nvarchar(500) NOT NULL DEFAULT N''",
        LoodudAeg: 'datetime2(7) NOT NULL',
        Staatus: 'smallint NOT NULL',
      });
      assert.deepEqual(Object.keys(columns(r.schema, 'vNoue')), ['Id', 'Summa', 'Staatus']);
    });

    it('checks the fix script against the final state', () => {
      assert.deepEqual(check('migrations', r.schema), [
        '6:personal-data-literal',
        '7:missing-not-null',
        '7:unknown-column',
        '13:missing-not-null',
        '14:unknown-table',
        '20:missing-not-null',
        '22:no-rowcount-guard',
      ]);
    });
  });

  describe('special columns and synonyms', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('special-columns');
    });

    it('marks GENERATED ALWAYS period columns as written by the server; rowversion, PERSISTED, NEXT VALUE FOR, NEWSEQUENTIALID read as SQL Server has them', () => {
      assert.deepEqual(r.warnings, []);
      const v = columns(r.schema, 'Volgnik', 'menetlus');
      assert.equal(v.KehtibAlates, 'datetime2(7) NOT NULL COMPUTED');
      assert.equal(v.KehtibKuni, 'datetime2(7) NOT NULL COMPUTED');
      const t = columns(r.schema, 'Toimik');
      assert.equal(t.ToimikId, 'uniqueidentifier NOT NULL DEFAULT (NEWSEQUENTIALID())');
      assert.equal(t.Number, 'int NOT NULL DEFAULT (NEXT VALUE FOR dbo.ToimikuNumber)');
      assert.match(t.KokkuSumma, /NOT NULL COMPUTED$/);
      assert.equal(t.Versioon, 'rowversion NOT NULL');
      assert.equal(columns(r.schema, 'Vara').Omadused, 'xml NULL', 'the column set');
      assert.equal(columns(r.schema, 'Arestiakt').Kinnitatud, 'bit NOT NULL DEFAULT 0');
    });

    it('keeps a declared history table and creates the one SQL Server would create', () => {
      assert.equal(columns(r.schema, 'VolgnikAjalugu', 'ajalugu').KehtibAlates, 'datetime2(7) NOT NULL');
      assert.deepEqual(columns(r.schema, 'MaksuAjalugu_History'), {
        MakseId: 'int NOT NULL',
        Summa: 'money NOT NULL',
        AlgusAeg: 'datetime2(7) NOT NULL',
        LoppAeg: 'datetime2(7) NOT NULL',
      });
    });

    it('resolves the synonym dbo.Volgnik, qualified or not, before a unique match in another schema', () => {
      const target = table(r.schema, 'Volgnik', 'menetlus');
      assert.equal(r.schema.findTable('Volgnik', 'dbo'), target);
      assert.equal(r.schema.findTable('VOLGNIK'), target);
      assert.equal(r.schema.findSynonym('volgnik')?.targetSchema, 'menetlus');
    });

    it('checks the fix script: only the really missing NOT NULL column is reported', () => {
      assert.deepEqual(check('special-columns', r.schema), ['20:missing-not-null', '21:no-rowcount-guard']);
    });
  });

  describe('names: spaces, ]] in brackets, Estonian letters, two schemas with the same table', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('names-and-case');
    });

    it('reads bracketed and quoted names as SQL Server does', () => {
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0], /00-andmebaas\.sql:2: the database collation Estonian_CS_AS is case-sensitive; .*"caseSensitive": true/);
      assert.deepEqual(Object.keys(columns(r.schema, 'Võlgnik', 'menetlus')), ['VõlgnikId', 'Ees- ja perenimi', 'Sünniaeg', 'Märkus [sisemine]', 'Õiguslik vorm', 'Jõustumise kuupäev']);
      assert.equal(table(r.schema, 'Võlgnik', 'menetlus').columns[3].description, 'Võlgniku märkus, ainult sisekasutuseks');
      assert.ok(r.schema.findColumn(table(r.schema, 'nõue', 'MENETLUS'), 'ÜLE ANTUD'), 'renamed, found case-insensitively with Estonian letters');
      assert.ok(r.schema.findTable('ametikoha piirkond', 'täitur õigus'));
      assert.equal(columns(r.schema, 'v Võlgnikud', 'menetlus')['Summa €'], 'decimal(12,2) NULL', 'outer-joined: nullable in the view');
      assert.deepEqual(Object.keys(columns(r.schema, 'Šokolaaditehase võlg', 'menetlus')), ['Id', 'Žürii otsus', 'Märkus'], 'a windows-1257 file');
    });

    it('keeps same-named tables of two schemas apart; an unqualified name is the default schema\'s, or ambiguous', () => {
      assert.equal(r.schema.findTable('Menetlus')?.schema, 'dbo');
      assert.equal(r.schema.findTable('Võlgnik'), undefined, 'in menetlus and arhiiv, not in dbo');
      assert.notEqual(table(r.schema, 'Võlgnik', 'arhiiv'), table(r.schema, 'Võlgnik', 'menetlus'));
    });

    it('checks the fix script', () => {
      assert.deepEqual(check('names-and-case', r.schema), ['8:missing-not-null', '10:unknown-column', '16:unknown-column', '18:unknown-table', '19:no-rowcount-guard']);
    });

    it('matches names exactly when told the collation is case-sensitive (and then does not warn)', async () => {
      const cs = await loadDdlSchema([path.join(variants, 'names-and-case', 'schema')], { caseSensitive: true });
      assert.deepEqual(cs.warnings, []);
      assert.deepEqual(check('names-and-case', cs.schema), ['6:unknown-table', '8:missing-not-null', '10:unknown-column', '16:unknown-column', '18:unknown-table', '19:no-rowcount-guard']);
    });
  });
  describe('deployment scripts: Redgate SQL Compare and SqlPackage (table rebuild through tmp_ms_xx_ and sp_rename)', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('deployment-scripts');
    });

    it('ends with the rebuilt table under its own name, its renamed key, and the columns added by ALTER', () => {
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(r.schema.tables.map((t) => t.name).sort(), ['Menetlus', 'Volgnik']);
      assert.deepEqual(columns(r.schema, 'Menetlus'), {
        MenetlusId: 'int NOT NULL IDENTITY',
        Number: 'nvarchar(20) NOT NULL',
        Staatus: 'nvarchar(10) NOT NULL',
        Markus: 'nvarchar(max) NULL',
      });
      assert.deepEqual(table(r.schema, 'Menetlus').primaryKey, { name: 'PK_Menetlus', kind: 'primary', columns: ['MenetlusId'] });
      assert.equal(columns(r.schema, 'Volgnik').Staatus, "nvarchar(10) NOT NULL DEFAULT (N'AKTIIVNE')");
      assert.deepEqual(table(r.schema, 'Volgnik').primaryKey?.name, 'PK_Volgnik');
    });

    it('checks the fix script', () => {
      assert.deepEqual(check('deployment-scripts', r.schema), ['4:missing-not-null', '5:unknown-column']);
    });
  });

  describe('statements beside the schema: database, security, storage, legacy defaults, dynamic DDL', () => {
    let r: SchemaLoadResult;
    before(async () => {
      r = await load('other-statements');
    });

    it('warns only about the real syntax error, with its file and line', () => {
      assert.equal(r.warnings.length, 1, r.warnings.join('\n'));
      assert.match(r.warnings[0], /03-viga\.sql:2: syntax error/);
      assert.ok(r.schema.findTable('PaneTahele'), 'the statement after the error is read');
    });

    it('reads typed xml, CREATE EXTERNAL TABLE, sysname, sp_bindefault, sp_executesql views with a CTE and SELECT INTO copies', () => {
      assert.deepEqual(columns(r.schema, 'Dokument'), {
        DokumentId: 'bigint NOT NULL DEFAULT (NEXT VALUE FOR dbo.DokumendiNumber)',
        Aasta: 'int NOT NULL',
        Pealkiri: 'nvarchar(200) NOT NULL',
        Sisu: 'xml NULL',
        Manus: 'varbinary(max) NULL',
        Rg: 'uniqueidentifier NOT NULL DEFAULT newid()',
        Koostaja: 'nvarchar(128) NOT NULL',
        Tase: 'int NOT NULL DEFAULT dbo.dfNull',
      });
      assert.deepEqual(columns(r.schema, 'RegistriIsik'), { Isikukood: 'char(11) NOT NULL', Nimi: 'nvarchar(200) NULL' });
      assert.deepEqual(columns(r.schema, 'vDokument'), { DokumentId: 'bigint NOT NULL', Pealkiri: 'nvarchar(200) NOT NULL' });
      assert.deepEqual(columns(r.schema, 'Dokument_varu_2024'), { DokumentId: 'bigint NOT NULL', Pealkiri: 'nvarchar(200) NOT NULL' });
      assert.equal(table(r.schema, 'Dokument').location?.start.line, 1, 'a repaired statement keeps its place');
    });

    it('checks the fix script: the synonym to another database is open, the rest is checked', () => {
      assert.deepEqual(check('other-statements', r.schema), ['4:missing-not-null', '5:null-into-not-null', '8:unknown-column']);
    });
  });
  it('reads every prefix of every variant\'s files without throwing (what the server sees while a schema file is typed)', async () => {
    const files = await listDdlFiles([variants], []);
    assert.ok(files.length >= 25, `${files.length} files`);
    for (const file of files) {
      const text = decodeSqlFile(readFileSync(file));
      for (let n = 0; n <= text.length; n += 17) schemaFromDdlTexts([{ path: file, text: text.slice(0, n) }]);
    }
  });
  it('leaves a view open (any column) when a * covers columns it cannot know: a function, another database', () => {
    const { schema } = schemaFromDdlTexts([
      {
        path: 'vaated.sql',
        text: `CREATE TABLE dbo.Isik (IsikId int NOT NULL PRIMARY KEY, Perenimi nvarchar(100) NOT NULL);
GO
CREATE VIEW dbo.vRegistriIsik AS SELECT r.*, i.Perenimi AS KohalikNimi FROM Register.dbo.Isik r JOIN dbo.Isik i ON i.IsikId = r.IsikId;
GO
CREATE VIEW dbo.vFunktsioon AS SELECT f.*, i.Perenimi FROM dbo.Isik i CROSS APPLY dbo.fnAadressid(i.IsikId) f;
GO
CREATE VIEW dbo.vLoend AS SELECT i.IsikId, f.Aadress FROM dbo.Isik i CROSS APPLY dbo.fnAadressid(i.IsikId) f;`,
      },
    ]);
    assert.deepEqual(table(schema, 'vRegistriIsik').columns, []);
    assert.deepEqual(table(schema, 'vFunktsioon').columns, []);
    assert.deepEqual(table(schema, 'vLoend').columns.map((c) => `${c.name} ${columnText(c)}`), ['IsikId int NOT NULL', 'Aadress sql_variant NULL']);
  });
});

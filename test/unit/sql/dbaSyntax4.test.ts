// Fourth hunt: constructs found in public, third-party T-SQL scripts (DBA toolkits, test frameworks, migration
// folders). The cases are our own wording; only the shape of the construct comes from the hunt.
import * as assert from 'assert';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, noErrors, statements } from './helpers';

describe('parser: constructs from public scripts, fourth hunt', () => {
  it('MERGE target without an alias before USING (USING is not reserved, so it is no alias)', () => {
    const text = "MERGE dbo.Isik USING dbo.IsikUus ON Isik.IsikId = IsikUus.IsikId\n" +
      "WHEN MATCHED THEN UPDATE SET Nimi = IsikUus.Nimi\nWHEN NOT MATCHED THEN INSERT (IsikId, Nimi) VALUES (IsikUus.IsikId, N'Mari');\n" +
      "MERGE INTO dbo.Isik USING (SELECT 1 AS IsikId) AS u ON Isik.IsikId = u.IsikId WHEN MATCHED THEN DELETE;\n" +
      "MERGE dbo.Isik AS i USING dbo.IsikUus AS u ON i.IsikId = u.IsikId WHEN MATCHED THEN DELETE;\n" +
      "MERGE dbo.Isik i USING dbo.IsikUus u ON i.IsikId = u.IsikId WHEN MATCHED THEN DELETE;\n" +
      "MERGE dbo.Isik WITH (HOLDLOCK) USING dbo.IsikUus ON Isik.IsikId = IsikUus.IsikId WHEN MATCHED THEN DELETE;\n" +
      "MERGE INTO dbo.Isik AS i WITH (HOLDLOCK) USING dbo.IsikUus AS u ON i.IsikId = u.IsikId WHEN MATCHED THEN DELETE;";
    noErrors(text);
    const merges = statements(text).filter((s) => s.kind === 'Merge');
    assert.strictEqual(merges.length, 6);
    const aliases = merges.map((m) => (m.kind === 'Merge' ? m.target.alias?.name : undefined));
    assert.deepStrictEqual(aliases, [undefined, undefined, 'i', 'i', undefined, 'i']);
  });

  it('a static method of a schema-qualified CLR type: schema.Type::Method()', () => {
    noErrors("SELECT N'CREATE UNIQUE INDEX ' + tSQLt.Private::CreateUniqueObjectName() + N' ON dbo.Isik (Kood)'\n" +
      "SELECT dbo.Asukoht::Parse(N'59.43 24.75').ToString(), geography::Point(59.43, 24.75, 4326)");
  });

  it('GRANT/DENY/REVOKE on a securable class of several words: XML SCHEMA COLLECTION::, ASYMMETRIC KEY::', () => {
    noErrors("GRANT REFERENCES ON XML SCHEMA COLLECTION::dbo.IsikuSkeem TO [ametnik]\n" +
      "GRANT CONTROL ON ASYMMETRIC KEY::IsikuVoti TO [ametnik]\nDENY ALTER ON SERVER ROLE::kontroll TO [ametnik]\n" +
      "GRANT EXECUTE ON SCHEMA::dbo TO [ametnik]");
    assert.strictEqual(errors(parseScript('GRANT SELECT ON XML SCHEMA COLLECTION:: TO [ametnik]')).length, 1);
  });

  it('a binary constant continued over lines with a backslash before each line break (LF and CRLF)', () => {
    const text = "DECLARE @tabel varbinary(64)\nSELECT @tabel = 0x\\\n00FF10\\\r\nA0B1\nSELECT @tabel ^ 1 AS Kontroll";
    noErrors(text);
    assert.deepStrictEqual(statements(text).map((s) => s.kind), ['Declare', 'SelectStatement', 'SelectStatement']);
    assert.ok(errors(parseScript('SELECT 0x00\\ 11')).length > 0, 'a backslash not before a line break is still an error');
  });

  it('the old ::function spelling of system table-valued functions in FROM', () => {
    const text = "SELECT [Current LSN], Operation FROM ::fn_dblog(NULL, NULL) WHERE Operation = N'LOP_DELETE_ROWS'\n" +
      "SELECT * FROM ::fn_virtualfilestats(DB_ID(N'Kohus'), -1) AS f";
    noErrors(text);
    assert.strictEqual(statements(text).length, 2);
    assert.ok(errors(parseScript('SELECT * FROM ::')).length > 0);
  });

  it('EXEC (string) WITH RESULT SETS and WITH CHANGE_TRACKING_CONTEXT before a data change', () => {
    noErrors("EXEC (N'SELECT Nimi FROM dbo.Isik') WITH RESULT SETS ((Nimi nvarchar(100)))\n" +
      "EXEC (N'SELECT 1') AT [KAUGSERVER] WITH RESULT SETS NONE\n" +
      "DECLARE @kontekst varbinary(128) = CAST(N'parandus' AS varbinary(128))\n" +
      "WITH CHANGE_TRACKING_CONTEXT (@kontekst) UPDATE dbo.Isik SET Nimi = N'Jüri' WHERE IsikId = 3");
  });

  it('a procedure or function parameter may state NULL or NOT NULL after its type, before the default', () => {
    const text = "CREATE PROCEDURE dbo.LisaIsik\n  @Kood binary(8) NULL,\n  @Nimi nvarchar(100) NOT NULL = N'Mari',\n  @Tulemus int NULL = 0 OUTPUT\nAS\nSELECT @Kood, @Nimi\nGO\n" +
      "CREATE FUNCTION dbo.Vanus (@Synniaeg date NULL) RETURNS int AS BEGIN RETURN DATEDIFF(year, @Synniaeg, GETDATE()) END";
    noErrors(text);
    assert.ok(errors(parseScript('CREATE PROCEDURE dbo.Vigane @Kood int NULL NULL AS SELECT 1')).length > 0);
  });

  it('graph SHORTEST_PATH queries: FOR PATH table sources and WITHIN GROUP (GRAPH PATH) aggregates', () => {
    const text = "SELECT i1.Nimi, STRING_AGG(i2.Nimi, N'->') WITHIN GROUP (GRAPH PATH) AS Tee,\n" +
      "  LAST_VALUE(i2.Nimi) WITHIN GROUP (GRAPH PATH) AS Viimane, COUNT(i2.IsikId) WITHIN GROUP (GRAPH PATH) AS Samme\n" +
      "FROM dbo.Isik AS i1, dbo.Tunneb FOR PATH AS t, dbo.Isik FOR PATH AS i2\n" +
      "WHERE MATCH(SHORTEST_PATH(i1(-(t)->i2)+)) AND i1.Nimi = N'Jüri'";
    noErrors(text);
    assert.strictEqual(statements(text).length, 1);
    assert.ok(errors(parseScript('SELECT STRING_AGG(Nimi, N\',\') WITHIN GROUP (GRAPH) FROM dbo.Isik')).length > 0);
  });
});

// Syntax that real DBA fix scripts use and the parser once reported as a syntax-error (false alarms).
import * as assert from 'assert';
import type { Expression, Join, TableFunctionRef, TableRef } from '../../../server/src/sql/ast';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, noErrors, one, select, statements, walkKinds as kinds } from './helpers';

function firstExpr(text: string): Expression {
  const c = select(text).columns[0];
  assert.strictEqual(c.kind, 'SelectColumn');
  return (c as { expr: Expression }).expr;
}

describe('parser: DBA fix-script syntax (former false syntax errors)', () => {
  it('TOP (n) * keeps the star as the select list, not a product', () => {
    const q = select('SELECT TOP (10) * FROM dbo.Makse ORDER BY Summa DESC');
    assert.strictEqual(q.top?.expr.kind, 'Paren');
    assert.strictEqual(q.columns[0].kind, 'Star');
    assert.strictEqual(q.from.length, 1);
    noErrors(";WITH d AS (SELECT TOP (100) * FROM dbo.Logi ORDER BY LogiId) DELETE FROM d;");
    noErrors('SELECT TOP (@n) * FROM dbo.Logi; SELECT TOP (5) PERCENT * FROM dbo.Logi;');
  });

  it('AT TIME ZONE, also chained, is a postfix expression', () => {
    const e = firstExpr("SELECT l.Aeg AT TIME ZONE 'UTC' AT TIME ZONE 'FLE Standard Time' AS EestiAeg FROM dbo.Logi l");
    assert.strictEqual(e.kind, 'AtTimeZone');
    assert.strictEqual(e.kind === 'AtTimeZone' && e.expr.kind, 'AtTimeZone');
    assert.ok(kinds('SELECT SYSDATETIMEOFFSET() AT TIME ZONE @tz').includes('Variable'), 'the zone is walked');
  });

  it("(SELECT ... FOR XML PATH(''), TYPE).value(...) is a method call on the subquery", () => {
    const text = "SELECT STUFF((SELECT N', ' + i.Perenimi FROM dbo.Isik i FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, N'')";
    const e = firstExpr(text);
    assert.strictEqual(e.kind, 'FunctionCall');
    const inner = e.kind === 'FunctionCall' ? e.args[0] : undefined;
    assert.strictEqual(inner?.kind, 'FunctionCall');
    if (inner?.kind === 'FunctionCall') {
      assert.strictEqual(inner.name.name.name, 'value');
      assert.deepStrictEqual(inner.args.map((a) => a.kind), ['Subquery', 'Literal', 'Literal']);
    }
  });

  it('xml methods on variables in FROM and SET @x.modify', () => {
    const q = select("SELECT n.c.value('@id', 'int') FROM @x.nodes('/menetlused/m') AS n(c)");
    const tf = q.from[0] as TableFunctionRef;
    assert.strictEqual(tf.kind, 'TableFunctionRef');
    assert.deepStrictEqual(tf.columns?.map((c) => c.name), ['c']);
    noErrors("DECLARE @x xml; SET @x.modify('delete /a/b'); SELECT 1;");
    assert.deepStrictEqual(statements("SET @x.modify('delete /a')\nSELECT 1").map((s) => s.kind), ['Other', 'SelectStatement']);
  });

  it('TABLESAMPLE with REPEATABLE, then alias', () => {
    const q = select('SELECT * FROM dbo.Makse TABLESAMPLE SYSTEM (10 PERCENT) REPEATABLE (42) mk WHERE mk.Summa > 0');
    assert.strictEqual((q.from[0] as TableRef).alias?.name, 'mk');
    assert.ok(q.where);
  });

  it('GROUPING SETS with tuples and (), ROLLUP/CUBE with nested lists, legacy WITH ROLLUP', () => {
    const q = select('SELECT a, b, SUM(c) FROM t GROUP BY GROUPING SETS ((a, b), (a), ())');
    assert.deepStrictEqual(q.groupBy.map((g) => g.kind), ['ColumnRef', 'ColumnRef', 'ColumnRef']);
    noErrors('SELECT a FROM t GROUP BY ROLLUP ((a, b), c); SELECT a FROM t GROUP BY CUBE (a, b), c;');
    assert.deepStrictEqual(statements('SELECT a, SUM(c) FROM t GROUP BY a, b WITH ROLLUP\nSELECT 1').map((s) => s.kind), ['SelectStatement', 'SelectStatement']);
    noErrors('SELECT a FROM t GROUP BY a WITH CUBE');
  });

  it('FOR SYSTEM_TIME on a table', () => {
    for (const clause of ["AS OF '2024-01-01'", "BETWEEN '2024-01-01' AND '2024-02-01'", "FROM @a TO @b", "CONTAINED IN ('2024-01-01', '2024-02-01')", 'ALL']) {
      const q = select(`SELECT m.Staatus FROM dbo.Menetlus FOR SYSTEM_TIME ${clause} AS m WHERE m.MenetlusId = 1`);
      assert.strictEqual((q.from[0] as TableRef).alias?.name, 'm', clause);
      assert.ok(q.where, clause);
    }
  });

  it('EXECUTE AS / REVERT are statements, not procedure calls', () => {
    assert.deepStrictEqual(statements("EXECUTE AS USER = N'aruandlus';\nSELECT 1;\nREVERT;").filter((s) => s.kind !== 'Empty').map((s) => s.kind), ['Other', 'SelectStatement', 'Other']);
    noErrors("EXEC AS LOGIN = 'x' WITH NO REVERT;");
  });

  it('IGNORE NULLS / RESPECT NULLS before OVER', () => {
    const e = firstExpr('SELECT FIRST_VALUE(x) IGNORE NULLS OVER (ORDER BY y) FROM t');
    assert.ok(e.kind === 'FunctionCall' && e.over);
    noErrors('SELECT LAST_VALUE(x) RESPECT NULLS OVER (ORDER BY y) FROM t');
  });

  it('nested join: A LEFT JOIN B JOIN C ON ... ON ...', () => {
    const q = select('SELECT 1 FROM dbo.Menetlus m LEFT JOIN dbo.Volgnik v JOIN dbo.Isik i ON i.IsikId = v.IsikId ON v.MenetlusId = m.MenetlusId WHERE m.MenetlusId = 1');
    const j = q.from[0] as Join;
    assert.strictEqual(j.joinType, 'LEFT');
    assert.strictEqual(j.right.kind, 'Join');
    assert.ok(q.where);
    // an ordinary chain is still left-deep
    const q2 = select('SELECT 1 FROM a JOIN b ON b.x = a.x JOIN c ON c.x = b.x');
    const j2 = q2.from[0] as Join;
    assert.strictEqual(j2.left.kind, 'Join');
    assert.strictEqual(j2.right.kind, 'TableRef');
    // a join without its ON is still an error
    assert.ok(errors(parseScript('SELECT 1 FROM a JOIN b JOIN c ON c.x = b.x')).length > 0);
  });

  it('OPENQUERY / OPENROWSET / OPENXML are table sources', () => {
    const q = select("SELECT j.BulkColumn FROM OPENROWSET(BULK N'C:\\andmed\\isikud.json', SINGLE_CLOB) AS j");
    assert.strictEqual(q.from[0].kind, 'TableFunctionRef');
    noErrors("SELECT * FROM OPENQUERY([SRV], 'SELECT 1') q; SELECT * FROM OPENXML(@h, '/a', 2) WITH (Id int '@id') x;");
  });

  it('DOUBLE PRECISION type, IS [NOT] DISTINCT FROM, JSON_OBJECT key: value', () => {
    const e = firstExpr('SELECT CAST(x AS double precision) FROM t');
    assert.ok(e.kind === 'Cast' && e.dataType.name === 'float');
    noErrors('DECLARE @d double precision = 1; SELECT 1 FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM @d;');
    const d = select('SELECT 1 FROM dbo.Isik i WHERE i.Eesnimi IS NOT DISTINCT FROM NULL').where;
    assert.ok(d?.kind === 'Binary' && d.op === 'IS NOT DISTINCT FROM' && d.right.kind === 'Literal');
    noErrors("SELECT JSON_OBJECT('nimi': i.Perenimi, 'id': i.IsikId ABSENT ON NULL), JSON_ARRAY(1, N'õ' NULL ON NULL) FROM dbo.Isik i");
  });

  it('function options RETURNS NULL ON NULL INPUT, CALLED ON NULL INPUT, INLINE = OFF', () => {
    const f = one('CREATE FUNCTION dbo.fn_Jaak (@MenetlusId int) RETURNS decimal(12,2) WITH RETURNS NULL ON NULL INPUT, SCHEMABINDING AS BEGIN RETURN 0 END', 'CreateRoutine');
    assert.strictEqual(f.routineType, 'FUNCTION');
    noErrors('CREATE FUNCTION dbo.f (@x int) RETURNS int WITH CALLED ON NULL INPUT, INLINE = OFF AS BEGIN RETURN @x END');
  });

  it('WITH XMLNAMESPACES before a query, alone or with CTEs', () => {
    noErrors("WITH XMLNAMESPACES ('urn:etaitur' AS e) SELECT 1 AS [e:id] FOR XML PATH('rida');");
    const s = one("WITH XMLNAMESPACES (DEFAULT 'urn:x'), m AS (SELECT 1 AS MenetlusId) SELECT MenetlusId FROM m", 'SelectStatement');
    assert.deepStrictEqual(s.with?.ctes.map((c) => c.name.name), ['m']);
  });

  it('CAST(...) / CONVERT(...) followed by an xml method', () => {
    const e = firstExpr("SELECT CAST(N'<a><b>1</b></a>' AS xml).value('(/a/b)[1]', 'int')");
    assert.ok(e.kind === 'FunctionCall' && e.args[0].kind === 'Cast');
    noErrors("SELECT CONVERT(xml, @s).query('/a'), TRY_CAST(@s AS xml).exist('/a') FROM dbo.Dokument");
  });

  it('UPDATE SET col.modify(...) / col.WRITE(...) keeps the column and the call', () => {
    const u = one("UPDATE d SET d.Sisu.WRITE(0x00, 0, NULL), Pealkiri = N'Õiend' FROM dbo.Dokument d WHERE d.DokumentId = 7", 'Update');
    assert.strictEqual(u.set.length, 2);
    assert.deepStrictEqual(u.set[0].column?.parts.map((x) => x.name), ['d', 'Sisu']);
    assert.strictEqual(u.set[0].op, '.');
    assert.ok(u.set[0].value.kind === 'FunctionCall' && u.set[0].value.name.name.name === 'WRITE');
    assert.strictEqual(u.set[1].column?.column.name, 'Pealkiri');
    noErrors("UPDATE dbo.Dokument SET XmlVeerg.modify('delete /a') WHERE DokumentId = 1;");
    // a one-part name followed by ( is still an error
    assert.ok(errors(parseScript('UPDATE dbo.Dokument SET Sisu(1) = 2')).length > 0);
  });

  it('TRIM(BOTH | LEADING | TRAILING chars FROM x)', () => {
    noErrors("SELECT TRIM(BOTH ' ' FROM i.Perenimi), TRIM(LEADING '0' FROM i.Registrikood), TRIM(TRAILING FROM x) FROM dbo.Isik i");
    const e = firstExpr('SELECT TRIM(LEADING) FROM t');
    assert.ok(e.kind === 'FunctionCall' && e.args[0].kind === 'ColumnRef', 'a column named LEADING is still an argument');
  });

  it('ALTER COLUMN c ADD MASKED / DROP ROWGUIDCOL', () => {
    const a = one("ALTER TABLE dbo.Isik ALTER COLUMN Isikukood ADD MASKED WITH (FUNCTION = 'partial(2,\"XXXXXXX\",2)')", 'AlterTable');
    assert.strictEqual(a.actions[0].kind, 'OtherAlter');
    noErrors('ALTER TABLE dbo.Teavitus ALTER COLUMN Guid DROP ROWGUIDCOL;');
    assert.strictEqual(one('ALTER TABLE dbo.Isik ALTER COLUMN Eesnimi nvarchar(100) NULL', 'AlterTable').actions[0].kind, 'AlterColumn');
  });

  it('DISABLE/ENABLE TRIGGER after a table without a semicolon is a statement, not an alias', () => {
    const list = statements('SELECT * FROM dbo.Arest\nDISABLE TRIGGER dbo.trg_Arest_Logi ON dbo.Arest\nUPDATE dbo.Arest SET Staatus = N\'LÕPETATUD\' WHERE ArestId = 1\nENABLE TRIGGER ALL ON dbo.Arest');
    assert.deepStrictEqual(list.map((s) => s.kind), ['SelectStatement', 'Other', 'Update', 'Other']);
    const tran = statements('BEGIN TRANSACTION\nDISABLE TRIGGER trg_Arest_Logi ON dbo.Arest\nCOMMIT TRANSACTION\nENABLE TRIGGER trg_Arest_Logi ON dbo.Arest');
    assert.deepStrictEqual(tran.map((s) => s.kind), ['Transaction', 'Other', 'Transaction', 'Other']);
    // a table aliased "disable" still works
    const q = select('SELECT d.x FROM dbo.K disable JOIN dbo.L d ON d.x = disable.x');
    assert.strictEqual(((q.from[0] as Join).left as TableRef).alias?.name, 'disable');
  });

  it('OPEN/CLOSE SYMMETRIC KEY and MASTER KEY are not cursor statements', () => {
    const text = "OPEN SYMMETRIC KEY IsikuVoti DECRYPTION BY CERTIFICATE IsikuSert;\nSELECT CONVERT(nvarchar(11), DECRYPTBYKEY(i.Isikukood)) FROM dbo.Isik i;\nCLOSE SYMMETRIC KEY IsikuVoti;\nCLOSE ALL SYMMETRIC KEYS;\nOPEN MASTER KEY DECRYPTION BY PASSWORD = N'x';\nCLOSE MASTER KEY;";
    noErrors(text);
    assert.deepStrictEqual(statements(text).filter((s) => s.kind !== 'Empty').map((s) => s.kind), ['Other', 'SelectStatement', 'Other', 'Other', 'Other', 'Other']);
    assert.strictEqual(one('OPEN Kursor', 'Cursor').action, 'open');
  });

  it('PIVOT / UNPIVOT on a derived table give it the pivoted column list', () => {
    const q = select('SELECT p.MenetlusId, p.[1], p.[2] FROM (SELECT mk.MenetlusId, MONTH(mk.MakseKuupaev) AS Kuu, mk.Summa FROM dbo.Makse mk) AS s PIVOT (SUM(Summa) FOR Kuu IN ([1], [2])) AS p');
    const d = q.from[0];
    assert.strictEqual(d.kind, 'DerivedTable');
    if (d.kind === 'DerivedTable') {
      assert.strictEqual(d.alias?.name, 'p');
      assert.deepStrictEqual(d.columns?.map((c) => c.name), ['MenetlusId', '1', '2']);
    }
    const u = select('SELECT u.Liik FROM (SELECT n.MenetlusId, n.Summa AS Noue, n.Jaak FROM dbo.Noue n) AS s UNPIVOT (Summa FOR Liik IN (Noue, Jaak)) AS u').from[0];
    assert.deepStrictEqual(u.kind === 'DerivedTable' && u.columns?.map((c) => c.name), ['MenetlusId', 'Summa', 'Liik']);
    // a computed aggregate argument consumes no known column; a * select list leaves the columns unknown
    const c = select('SELECT 1 FROM (SELECT a, b, c FROM t) s PIVOT (SUM(b * 2) FOR c IN ([x])) p').from[0];
    assert.deepStrictEqual(c.kind === 'DerivedTable' && c.columns?.map((x) => x.name), ['a', 'b', 'x']);
    const star = select('SELECT 1 FROM (SELECT * FROM t) s PIVOT (SUM(b) FOR c IN ([x])) p').from[0];
    assert.strictEqual(star.kind === 'DerivedTable' && star.columns, undefined);
    // an odd clause is skipped, not an error
    noErrors('SELECT 1 FROM (SELECT a FROM t) s PIVOT (SUM(a) FOR c IN (SELECT 1)) p');
  });

  it('FOR BROWSE, FOR XML AUTO, FOR JSON options end the query', () => {
    assert.strictEqual(select('SELECT * FROM dbo.Isik FOR BROWSE').forClause, 'FOR BROWSE');
    assert.strictEqual(select("SELECT * FROM dbo.Isik FOR XML RAW('rida'), ROOT('read'), ELEMENTS XSINIL").forClause, "FOR XML RAW('rida'), ROOT('read'), ELEMENTS XSINIL");
    noErrors('SELECT * FROM dbo.Isik FOR JSON AUTO, INCLUDE_NULL_VALUES, WITHOUT_ARRAY_WRAPPER\nSELECT 1');
  });

  it('WINDOW clause and OVER w (SQL Server 2022)', () => {
    const q = select('SELECT SUM(mk.Summa) OVER w AS Kokku, ROW_NUMBER() OVER (w ORDER BY mk.MakseKuupaev) AS Nr FROM dbo.Makse mk WINDOW w AS (PARTITION BY mk.MenetlusId) ORDER BY Nr');
    assert.strictEqual((q.from[0] as TableRef).alias?.name, 'mk');
    assert.strictEqual(q.orderBy.length, 1);
    noErrors('SELECT ROW_NUMBER() OVER v FROM t WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b)');
    // a table aliased window
    assert.strictEqual((select('SELECT window.a FROM t window').from[0] as TableRef).alias?.name, 'window');
  });

  it('!! shell lines are SQLCMD commands', () => {
    assert.deepStrictEqual(statements('!!dir C:\\varukoopia\nSELECT 1').map((s) => s.kind), ['Other', 'SelectStatement']);
    // a lone ! is still an error
    assert.ok(errors(parseScript('! SELECT 1')).length > 0);
  });
});

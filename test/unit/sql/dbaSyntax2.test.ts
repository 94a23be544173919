// Second hunt for syntax that real DBA / SSDT / migration scripts use and the parser once reported
// as a syntax-error (false alarms). Each case failed before its fix.
import * as assert from 'assert';
import type { DerivedTable, Expression, FunctionCall, SelectQuery, TableFunctionRef } from '../../../server/src/sql/ast';
import { lex } from '../../../server/src/sql/lexer';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, noErrors, one, select, walkKinds } from './helpers';

function exprs(text: string): Expression[] {
  return select(text).columns.map((c) => {
    assert.strictEqual(c.kind, 'SelectColumn');
    return (c as { expr: Expression }).expr;
  });
}

function call(e: Expression | undefined): FunctionCall {
  assert.strictEqual(e?.kind, 'FunctionCall');
  return e as FunctionCall;
}

function fnName(e: Expression | undefined): string {
  return call(e).name.parts.map((p) => p.name).join('.');
}

describe('parser: DBA fix-script syntax, second hunt (former false syntax errors)', () => {
  it('ODBC escapes {d ...}, {ts ...}, {t ...}, {guid ...} are literals spanning the braces', () => {
    const text = "SELECT * FROM dbo.Logi WHERE Aeg >= {d '2026-11-24'} AND Aeg < {ts '2026-11-25 00:00:00'}";
    const w = select(text).where;
    assert.ok(w?.kind === 'Binary' && w.left.kind === 'Binary' && w.right.kind === 'Binary');
    if (w?.kind === 'Binary' && w.left.kind === 'Binary' && w.right.kind === 'Binary') {
      const d = w.left.right;
      assert.ok(d.kind === 'Literal' && d.literalType === 'string' && d.value === '2026-11-24');
      assert.strictEqual(text.slice(d.range.start, d.range.end), "{d '2026-11-24'}");
      assert.strictEqual(d.kind === 'Literal' && d.raw, "{d '2026-11-24'}");
      assert.ok(w.right.right.kind === 'Literal' && w.right.right.value === '2026-11-25 00:00:00');
    }
    noErrors("SELECT {t '10:00:00'}, {guid '6F9619FF-8B86-D011-B42D-00C04FC964FF'}");
  });

  it('ODBC {fn ...} is the function call, also with the ODBC CONVERT(value, type) order', () => {
    const [u, c, cd] = exprs('SELECT {fn UCASE(i.Perenimi)}, {fn CONVERT(i.IsikId, SQL_VARCHAR)}, {fn CURDATE()} FROM dbo.Isik i');
    assert.strictEqual(fnName(u), 'UCASE');
    assert.strictEqual(call(u).args[0].kind, 'ColumnRef');
    assert.deepStrictEqual(call(c).args.map((a) => a.kind), ['ColumnRef', 'ColumnRef']);
    assert.strictEqual(fnName(cd), 'CURDATE');
  });

  it('a stray { or an unknown escape is still a syntax error', () => {
    assert.strictEqual(errors(parseScript("SELECT {x '1'}")).length, 1);
    assert.strictEqual(errors(parseScript("SELECT {d '2026-01-01'")).length, 1);
  });

  it('CONTAINS / FREETEXT with a column list, *, PROPERTY() and LANGUAGE', () => {
    const w = select("SELECT d.DokumentId FROM dbo.Dokument d WHERE CONTAINS((d.Pealkiri, d.Sisu), N'\"võlg*\"')").where;
    assert.strictEqual(fnName(w), 'CONTAINS');
    assert.deepStrictEqual(call(w).args.map((a) => a.kind), ['ColumnRef', 'ColumnRef', 'Literal']);
    const star = select("SELECT 1 FROM dbo.Dokument WHERE CONTAINS(*, N'täitur')").where;
    assert.deepStrictEqual(call(star).args.map((a) => a.kind), ['Star', 'Literal']);
    noErrors("SELECT 1 FROM dbo.Dokument WHERE FREETEXT((Pealkiri, Sisu), N'võlgnik', LANGUAGE 1061) AND CONTAINS(Sisu, N'x', LANGUAGE N'Estonian')");
    noErrors("SELECT 1 FROM dbo.Dokument WHERE CONTAINS(PROPERTY(Sisu, 'Title'), N'otsus')");
  });

  it('CONTAINSTABLE / FREETEXTTABLE / CHANGETABLE are table sources', () => {
    const s = select("SELECT k.[KEY], k.[RANK] FROM CONTAINSTABLE(dbo.Dokument, (Pealkiri, Sisu), N'võlg', 10) AS k");
    assert.strictEqual(s.from[0].kind, 'TableFunctionRef');
    assert.strictEqual((s.from[0] as TableFunctionRef).alias?.name, 'k');
    noErrors("SELECT * FROM FREETEXTTABLE(dbo.Dokument, *, N'täitmine') ft");
    noErrors('SELECT ct.IsikId, ct.SYS_CHANGE_OPERATION FROM CHANGETABLE(CHANGES dbo.Isik, @versioon) AS ct');
  });

  it('|| concatenates (SQL Server 2025) and ||= assigns in SET, SELECT and UPDATE', () => {
    const [e] = exprs("SELECT i.Eesnimi || N' ' || i.Perenimi FROM dbo.Isik i");
    assert.ok(e.kind === 'Binary' && e.op === '||' && e.left.kind === 'Binary' && e.left.op === '||');
    const set = one("SET @nimi ||= N' (arhiveeritud)'", 'SetVariable');
    assert.strictEqual(set.op, '||=');
    noErrors("SELECT @s ||= Perenimi FROM dbo.Isik; UPDATE dbo.Isik SET Markus ||= N'.' WHERE IsikId = 1;");
    assert.deepStrictEqual(lex('a||b |= c ||= d').tokens.filter((t) => t.type === 'op').map((t) => t.text), ['||', '|=', '||=']);
  });

  it('static methods of CLR types (geography::Point, hierarchyid::GetRoot) and chained methods', () => {
    const [p, d] = exprs('SELECT geography::Point(59.437, 24.7536, 4326), @h.GetDescendant(NULL, NULL).ToString()');
    assert.strictEqual(fnName(p), 'geography.Point');
    assert.strictEqual(call(p).args.length, 3);
    assert.strictEqual(fnName(d), 'ToString');
    assert.strictEqual(fnName(call(d).args[0]), '@h.GetDescendant');
    noErrors("DECLARE @juur hierarchyid = hierarchyid::GetRoot(); UPDATE dbo.Aadress SET Asukoht = geography::STGeomFromText('POINT(24.7 59.4)', 4326) WHERE AadressId = 1;");
  });

  it('CLR type properties without parentheses: @g.Lat, geography::Point(...).Lat, a.Asukoht.STBuffer(5).STArea()', () => {
    const [lat, plat, chain] = exprs('SELECT @g.Lat, geography::Point(59.4, 24.7, 4326).Lat, a.Asukoht.STBuffer(5).STArea() FROM dbo.Aadress a');
    assert.strictEqual(fnName(lat), '@g.Lat');
    assert.strictEqual(call(lat).args.length, 0);
    assert.strictEqual(fnName(plat), 'Lat');
    assert.strictEqual(fnName(call(plat).args[0]), 'geography.Point');
    assert.strictEqual(fnName(chain), 'STArea');
    noErrors('DECLARE @g geography = geography::Point(59.4, 24.7, 4326); SELECT @g.STSrid, hierarchyid::Parse(\'/1/2/\').GetLevel();');
  });

  it('bit shifts << and >> (SQL Server 2022); < < apart stays an error', () => {
    const [l, r] = exprs('SELECT Lipud << 2, Lipud >> 1 FROM dbo.Toimik');
    assert.ok(l.kind === 'Binary' && l.op === '<<' && r.kind === 'Binary' && r.op === '>>');
    const w = select('SELECT 1 FROM dbo.Toimik WHERE Lipud >> 1 > 0').where;
    assert.ok(w?.kind === 'Binary' && w.op === '>' && w.left.kind === 'Binary' && w.left.op === '>>');
    assert.strictEqual(errors(parseScript('SELECT a < < 2')).length, 1);
  });

  it('JSON_ARRAYAGG(x ORDER BY y) keeps the order list', () => {
    const [a] = exprs('SELECT JSON_ARRAYAGG(i.Perenimi ORDER BY i.Perenimi DESC NULL ON NULL) FROM dbo.Isik i');
    assert.strictEqual(call(a).withinGroup?.length, 1);
  });

  it('NEXT VALUE FOR seq OVER (ORDER BY ...)', () => {
    const [n] = exprs('SELECT NEXT VALUE FOR dbo.sq_Toimik OVER (ORDER BY t.Nimi) FROM #uued t');
    assert.strictEqual(n.kind, 'NextValueFor');
  });

  it('MATCH graph pattern and CREATE TABLE ... AS NODE / AS EDGE', () => {
    noErrors('CREATE TABLE dbo.Isikud (IsikId int) AS NODE; CREATE TABLE dbo.Tunneb AS EDGE;');
    noErrors('SELECT a.IsikId FROM dbo.Isikud a, dbo.Tunneb t, dbo.Isikud b WHERE MATCH(a-(t)->b) AND a.IsikId = 1');
    assert.strictEqual(one('CREATE TABLE dbo.Seos (Kaal int) AS EDGE ON [PRIMARY]', 'CreateTable').definition.columns?.length, 1);
  });

  it('composable DML: FROM (MERGE | UPDATE | DELETE ... OUTPUT ...) AS m takes the OUTPUT names as columns', () => {
    const text = `INSERT INTO arhiiv.Logi (Tegevus, Kood)
SELECT m.Tegevus, m.Kood FROM (
  MERGE dbo.Klassifikaator AS t USING #uued AS s ON t.Kood = s.Kood
  WHEN MATCHED THEN UPDATE SET t.Nimetus = s.Nimetus
  OUTPUT $action AS Tegevus, inserted.Kood) AS m WHERE m.Tegevus = N'UPDATE';`;
    const ins = one(text, 'Insert');
    assert.strictEqual(ins.source.kind, 'Query');
    const q = ins.source.kind === 'Query' ? (ins.source.query as SelectQuery) : undefined;
    const tf = q?.from[0] as TableFunctionRef;
    assert.strictEqual(tf.kind, 'TableFunctionRef');
    assert.deepStrictEqual(tf.columns?.map((c) => c.name), ['Tegevus', 'Kood']);
    noErrors('SELECT d.IsikId FROM (DELETE FROM dbo.Logi OUTPUT deleted.IsikId WHERE Aeg < @piir) AS d');
    assert.strictEqual((select('SELECT * FROM (DELETE dbo.Logi OUTPUT deleted.*) AS d').from[0] as TableFunctionRef).columns, undefined);
  });

  it('OPENDATASOURCE(...).db.schema.table is one table source', () => {
    noErrors("SELECT i.Nimi FROM OPENDATASOURCE('MSOLEDBSQL', 'Data Source=vana;Integrated Security=SSPI').Taitur.dbo.Isik AS i");
    noErrors("SELECT * FROM OPENDATASOURCE('MSOLEDBSQL', 'Data Source=vana').Taitur..Isik");
  });

  it('INSERT INTO / UPDATE / DELETE OPENQUERY(...) target a remote rowset (server part set)', () => {
    const ins = one("INSERT INTO OPENQUERY([VANA], 'SELECT IsikId, Nimi FROM TaiturVana.dbo.Isik') VALUES (17, N'Mari')", 'Insert');
    assert.strictEqual(ins.target.name.name, 'OPENQUERY');
    assert.strictEqual(ins.target.server?.name, 'OPENQUERY');
    const upd = one("UPDATE OPENQUERY(VANA, 'SELECT Nimi FROM TaiturVana.dbo.Isik WHERE IsikId = 17') SET Nimi = N'Mari Maasikas'", 'Update');
    assert.ok(upd.target.name.server);
    assert.strictEqual(upd.set.length, 1);
    noErrors("DELETE OPENQUERY(VANA, 'SELECT IsikId FROM TaiturVana.dbo.Logi WHERE Aeg < ''2020-01-01''')");
    noErrors("INSERT INTO OPENDATASOURCE('MSOLEDBSQL', 'Data Source=vana').TaiturVana.dbo.Logi (Tekst) VALUES (N'üle kantud')");
  });

  it('memory-optimized PRIMARY KEY NONCLUSTERED HASH (...) and ALTER TABLE DROP PERIOD FOR SYSTEM_TIME', () => {
    const t = one('CREATE TABLE dbo.Sessioon (SessioonId int NOT NULL, CONSTRAINT PK_Sessioon PRIMARY KEY NONCLUSTERED HASH (SessioonId) WITH (BUCKET_COUNT = 1024)) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_ONLY)', 'CreateTable');
    assert.deepStrictEqual(t.definition.constraints.map((c) => [c.constraintType, c.columns.map((x) => x.name)]), [['PRIMARY KEY', ['SessioonId']]]);
    const a = one('ALTER TABLE dbo.Isik DROP PERIOD FOR SYSTEM_TIME', 'AlterTable');
    assert.deepStrictEqual(a.actions.map((x) => x.kind), ['OtherAlter']);
  });

  it('PIVOT / UNPIVOT over a table or a join: a derived table over SELECT * FROM it, with the column change', () => {
    const pv = select('SELECT pv.KohtutaiturId, pv.[PANK] FROM dbo.KuuKokkuvote k PIVOT (MAX(k.Summa) FOR k.Liik IN ([PANK], [TOOTASU])) AS pv').from[0] as DerivedTable;
    assert.strictEqual(pv.kind, 'DerivedTable');
    assert.strictEqual(pv.alias?.name, 'pv');
    assert.deepStrictEqual(pv.pivot, { removed: ['Summa', 'Liik'], added: ['PANK', 'TOOTASU'] });
    const inner = pv.query as SelectQuery;
    assert.deepStrictEqual(inner.columns.map((c) => c.kind), ['Star']);
    assert.strictEqual(inner.from[0].kind === 'TableRef' && inner.from[0].alias?.name, 'k', 'the table keeps its own alias');
    const u = select('SELECT u.Kuu FROM dbo.KuuAruanne UNPIVOT (Summa FOR Kuu IN (Jaanuar, Veebruar)) u').from[0] as DerivedTable;
    assert.deepStrictEqual(u.pivot, { removed: ['Jaanuar', 'Veebruar'], added: ['Summa', 'Kuu'] });
    const j = select('SELECT p.[1] FROM dbo.Makse m JOIN dbo.Menetlus mn ON mn.MenetlusId = m.MenetlusId PIVOT (SUM(m.Summa) FOR mn.Kuu IN ([1], [2])) AS p JOIN dbo.Isik i ON i.IsikId = p.IsikId');
    assert.strictEqual(j.from.length, 1);
    assert.ok(j.from[0].kind === 'Join' && j.from[0].left.kind === 'DerivedTable' && j.from[0].left.query.kind === 'Select' && j.from[0].left.query.from[0].kind === 'Join');
    const odd = select('SELECT 1 FROM dbo.T PIVOT (SUM(a) FOR c IN (SELECT 1)) p').from[0] as DerivedTable;
    assert.strictEqual(odd.pivot?.shape, 'unknown');
  });

  it('procedure parameter @c CURSOR VARYING OUTPUT', () => {
    const r = one('CREATE PROCEDURE dbo.p_Toimingud @c CURSOR VARYING OUTPUT AS SET @c = CURSOR FORWARD_ONLY STATIC FOR SELECT ToimingId FROM dbo.Toiming; OPEN @c;', 'CreateRoutine');
    assert.deepStrictEqual(r.parameters.map((x) => [x.name.name, x.dataType.name, x.output]), [['@c', 'cursor', true]]);
  });

  it('END CONVERSATION is a statement, also inside BEGIN...END', () => {
    const text = 'IF @h IS NOT NULL\nBEGIN\n  END CONVERSATION @h WITH CLEANUP;\n  PRINT 1\nEND\nEND CONVERSATION @h2';
    noErrors(text);
    const st = parseScript(text).batches[0].statements;
    assert.deepStrictEqual(st.map((s) => s.kind), ['If', 'Other']);
    const then = st[0].kind === 'If' ? st[0].then : undefined;
    assert.deepStrictEqual(then?.kind === 'Block' && then.statements.map((s) => s.kind), ['Other', 'Print']);
  });

  it('DECLARE c CURSOR FOR WITH cte AS (...) SELECT keeps the CTE', () => {
    const d = one('DECLARE k CURSOR LOCAL FAST_FORWARD FOR WITH v AS (SELECT VolgnikId FROM dbo.Volgnik) SELECT VolgnikId FROM v', 'Declare');
    const c = d.items[0].cursor;
    assert.strictEqual(c?.with?.ctes[0].name.name, 'v');
    assert.ok(walkKinds('DECLARE k CURSOR FOR WITH v AS (SELECT 1 AS a) SELECT a FROM v').includes('Cte'), 'the walk reaches the CTE');
  });

  it('a bracketed procedure name as the first statement of a batch is a call without EXEC', () => {
    const text = "-- kommentaar\n[dbo].[p_Parandus] @IsikId = 17, @Nimi = N'Mari'\nGO\nSELECT 1\n[dbo].[p_Parandus] 1";
    const errs = errors(parseScript(text));
    assert.strictEqual(errs.length, 1, 'only the first statement of a batch may omit EXEC');
    assert.strictEqual(parseScript(text).batches[0].statements[0].kind, 'Exec');
  });

  it('SELECT ... INTO t ON [filegroup] FROM ...', () => {
    const q = select('SELECT * INTO arhiiv.Logi_2026 ON [ARHIIV] FROM dbo.Logi WHERE Aeg < \'2026-01-01\'');
    assert.strictEqual(q.into?.name.name, 'Logi_2026');
    assert.strictEqual(q.from.length, 1);
  });

  it('OPENROWSET(BULK ...) WITH (col type [COLLATE c] ordinal) column list', () => {
    const q = select("SELECT r.Nimi FROM OPENROWSET(BULK 'https://konto.blob.core.windows.net/import/isikud.csv', FORMAT = 'CSV', FIRSTROW = 2) WITH (IsikId int 1, Nimi varchar(50) COLLATE Latin1_General_100_BIN2_UTF8 2) AS r");
    const tf = q.from[0] as TableFunctionRef;
    assert.deepStrictEqual(tf.withColumns?.map((c) => c.name.name), ['IsikId', 'Nimi']);
  });

  it('an unnamed timestamp column (SQL Server 2000 style) is named timestamp', () => {
    const t = one('CREATE TABLE dbo.VanaLogi (LogiId int NOT NULL, timestamp)', 'CreateTable');
    assert.deepStrictEqual(t.definition.columns.map((c) => [c.name.name, c.dataType?.name]), [['LogiId', 'int'], ['timestamp', 'timestamp']]);
  });

  it('OUTPUT ... INTO ... followed by a second OUTPUT list', () => {
    const d = one('DELETE FROM dbo.Logi OUTPUT deleted.* INTO arhiiv.Logi OUTPUT deleted.LogiId, deleted.Aeg WHERE Aeg < @piir', 'Delete');
    assert.strictEqual(d.output?.into?.target.name.name, 'Logi');
    assert.ok(d.where, 'the WHERE after the second list is kept');
    noErrors('INSERT INTO dbo.Isik (Nimi) OUTPUT inserted.IsikId INTO @uued OUTPUT inserted.IsikId VALUES (N\'Mari\')');
    noErrors('MERGE dbo.K AS t USING #uued AS s ON t.Kood = s.Kood WHEN MATCHED THEN DELETE OUTPUT $action, deleted.Kood INTO @log OUTPUT $action;');
  });

  it('legacy index options WITH FILLFACTOR = 80, PAD_INDEX without parentheses', () => {
    const ix = one('CREATE INDEX IX_Makse_Kp ON dbo.Makse (Kuupaev) WITH FILLFACTOR = 80, PAD_INDEX', 'CreateIndex');
    assert.strictEqual(ix.columns.length, 1);
    noErrors('CREATE UNIQUE INDEX UX_Kood ON dbo.Riik (Kood) WITH IGNORE_DUP_KEY ON [PRIMARY]\nGO');
  });

  it('a skipped statement continues over a line that starts with WITH (not a CTE) or ALTER DATABASE\'s SET', () => {
    const text = `BACKUP DATABASE [Taitur] TO DISK = N'D:\\varukoopia\\Taitur.bak'
WITH COPY_ONLY, COMPRESSION, STATS = 10;
ALTER DATABASE [Taitur]
SET READ_COMMITTED_SNAPSHOT ON
WITH ROLLBACK IMMEDIATE
SET NOCOUNT ON
CREATE CLUSTERED COLUMNSTORE INDEX CCI_Makse ON arhiiv.Makse
WITH (DROP_EXISTING = ON)
DBCC CHECKDB (N'Taitur')
WITH NO_INFOMSGS, ALL_ERRORMSGS
UPDATE STATISTICS dbo.Makse
WITH FULLSCAN
WITH uued AS (SELECT 1 AS Id) SELECT Id FROM uued`;
    noErrors(text);
    const kinds = parseScript(text).batches[0].statements.map((s) => s.kind);
    assert.deepStrictEqual(kinds, ['Other', 'Other', 'SetOption', 'Other', 'Other', 'Other', 'SelectStatement']);
    // a SET after the first action of ALTER DATABASE is a new statement
    const sets = parseScript("ALTER DATABASE Taitur MODIFY FILE (NAME = N'Taitur_log', SIZE = 1024MB)\nSET XACT_ABORT ON").batches[0].statements;
    assert.deepStrictEqual(sets.map((s) => s.kind), ['Other', 'SetOption']);
    assert.strictEqual(parseScript('ALTER DATABASE SCOPED CONFIGURATION FOR SECONDARY\nSET MAXDOP = PRIMARY').batches[0].statements.length, 1);
    noErrors("CREATE USER [DOMEEN\\mari] FOR LOGIN [DOMEEN\\mari]\nWITH DEFAULT_SCHEMA = dbo;\nEXECUTE AS USER = N'mari'\nWITH NO REVERT;");
  });

  it('a skipped statement ends at END / ELSE on the same line (CASE ... END and ROW END excepted)', () => {
    noErrors('IF @Read = 0 DBCC FREEPROCCACHE ELSE PRINT N\'jäi alles\'');
    noErrors('BEGIN TRY CHECKPOINT END TRY BEGIN CATCH PRINT ERROR_MESSAGE() END CATCH');
    noErrors("IF @x = 1 BEGIN ALTER DATABASE Taitur SET OFFLINE END ELSE BEGIN EXECUTE AS USER = N'kontroll' END");
    noErrors("WHILE 1 = 1 BEGIN DBCC CHECKIDENT ('dbo.Logi', RESEED, 0) BREAK END");
    const w = one('IF @x = 1 BEGIN WAITFOR DELAY CASE WHEN @y = 1 THEN \'00:00:01\' ELSE \'00:00:02\' END END ELSE PRINT 1', 'If');
    assert.strictEqual(w.else?.kind, 'Print');
    noErrors('ALTER TABLE dbo.Isik ADD PERIOD FOR SYSTEM_TIME (Alates, Kuni), Kuni2 datetime2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL');
    noErrors('IF COL_LENGTH(\'dbo.Isik\', \'Markus\') IS NULL BEGIN ALTER TABLE dbo.Isik ADD Markus nvarchar(200) NULL END ELSE PRINT 1');
    noErrors('IF @x = 1 ALTER TABLE dbo.Isik ALTER COLUMN Markus nvarchar(400) NULL ELSE PRINT 1');
    noErrors('BEGIN ALTER TABLE dbo.Isik ADD Alates datetime2 GENERATED ALWAYS AS ROW START NOT NULL DEFAULT SYSUTCDATETIME(), Kuni datetime2 GENERATED ALWAYS AS ROW END NOT NULL DEFAULT \'9999-12-31\' END');
  });

  it('RETURN followed by a reserved-word function (NULLIF, COALESCE, LEFT, CURRENT_TIMESTAMP) or an ODBC escape', () => {
    for (const e of ["NULLIF(@Nimi, N'')", 'COALESCE(@a, 0)', 'LEFT(@Nimi, 1)', 'CURRENT_TIMESTAMP', "{d '2026-11-24'}"]) {
      const fn = one(`CREATE FUNCTION dbo.f (@Nimi nvarchar(10), @a int) RETURNS sql_variant AS BEGIN RETURN ${e} END`, 'CreateRoutine');
      const ret = fn.body?.[0]?.kind === 'Block' ? fn.body[0].statements[0] : undefined;
      assert.ok(ret?.kind === 'Return' && ret.expr !== undefined, e);
    }
    const p = one('CREATE PROCEDURE dbo.p AS\nRETURN\nSELECT 1', 'CreateRoutine');
    assert.deepStrictEqual(p.body?.map((s) => s.kind), ['Return', 'SelectStatement']);
  });

  it('an empty BEGIN...END or BEGIN TRY...END TRY is the syntax error SQL Server reports; a label or an empty CATCH is fine', () => {
    const msgs = (text: string): string[] => errors(parseScript(text)).map((e) => `${e.message}@${text.slice(e.errorRange.start, e.errorRange.end)}`);
    assert.deepStrictEqual(msgs('IF @x = 1\nBEGIN\n  -- hiljem\nEND\nPRINT 1'), ['BEGIN...END needs at least one statement@END']);
    assert.deepStrictEqual(msgs('BEGIN; END;'), ['BEGIN...END needs at least one statement@END']);
    assert.deepStrictEqual(msgs('BEGIN TRY END TRY BEGIN CATCH SELECT 1 END CATCH'), ['BEGIN TRY needs at least one statement@END']);
    noErrors('BEGIN TRY DELETE FROM #ajutine; END TRY BEGIN CATCH END CATCH');
    noErrors('IF @x = 1 BEGIN Paigalhoidja: END ELSE PRINT 1');
    const ifs = one('IF @x = 1 BEGIN END ELSE PRINT 1', 'If');
    assert.strictEqual(ifs.else?.kind, 'Print', 'the IF keeps its ELSE');
  });

  it('inline function RETURN (WITH cte AS (...) SELECT ...) keeps the CTE with its query', () => {
    const fn = one(`CREATE OR ALTER FUNCTION dbo.fn_Volad (@IsikId int) RETURNS TABLE AS RETURN
(
    WITH v AS (SELECT v.MenetlusId FROM dbo.Volgnik v WHERE v.IsikId = @IsikId)
    SELECT m.Number FROM dbo.Menetlus m JOIN v ON v.MenetlusId = m.MenetlusId
);`, 'CreateRoutine');
    const body = fn.body[0];
    assert.strictEqual(body.kind, 'SelectStatement');
    assert.strictEqual(body.kind === 'SelectStatement' && body.with?.ctes[0].name.name, 'v');
  });

  it('BEGIN ATOMIC WITH (...) in a natively compiled procedure', () => {
    noErrors(`CREATE PROCEDURE dbo.p_Loendur @IsikId int WITH NATIVE_COMPILATION, SCHEMABINDING AS
BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english')
  UPDATE dbo.Loendur SET Arv += 1 WHERE IsikId = @IsikId;
END`);
  });
});

describe('parser: data type spellings (second hunt, lead)', () => {
  it('reads NATIONAL CHARACTER [VARYING], CHAR VARYING, BINARY VARYING and typed xml', () => {
    const st = one(
      `DECLARE @nimi national character varying(200) = N'Õnne Kask', @kood NATIONAL CHAR(11), @v char varying(10),
  @b binary varying(16), @dok xml(CONTENT dbo.MenetlusSkeem), @d XML(dbo.MenetlusSkeem), @c character(2);`,
      'Declare',
    );
    assert.deepStrictEqual(
      st.items.map((i) => [i.dataType?.name, i.dataType?.params]),
      [['nvarchar', [200]], ['nchar', [11]], ['varchar', [10]], ['varbinary', [16]], ['xml', []], ['xml', []], ['char', [2]]],
    );
  });
  it('takes WITHIN as a name (only WITHIN GROUP is reserved)', () => {
    noErrors(`SELECT t.Within, STRING_AGG(t.Nimi, N', ') WITHIN GROUP (ORDER BY t.Nimi) AS Nimed FROM dbo.Tsoon AS t GROUP BY t.Within;`);
  });
});

import * as assert from 'assert';
import type { Expression, QueryExpression, SelectQuery } from '../../../server/src/sql/ast';
import { parseScript } from '../../../server/src/sql/parser';
import { errors, one, statements, textOf } from './helpers';

function select(text: string): SelectQuery {
  const s = one(text, 'SelectStatement');
  assert.strictEqual(s.query.kind, 'Select');
  return s.query as SelectQuery;
}

function expr(text: string): Expression {
  const q = select(`SELECT ${text}`);
  const c = q.columns[0];
  assert.strictEqual(c.kind, 'SelectColumn');
  return (c as { expr: Expression }).expr;
}

describe('parser: script and batches', () => {
  it('splits batches at GO and GO n on its own line, not inside strings or comments', () => {
    const text = "SELECT 'GO'\nGO\n/*\nGO\n*/ PRINT N'üks'\nGO 5\nSELECT 1 -- GO\n";
    const s = parseScript(text);
    assert.strictEqual(s.batches.length, 3);
    assert.strictEqual(s.batches[1].go?.count, 5);
    assert.strictEqual(textOf(text, s.batches[0].go!), 'GO');
    assert.deepStrictEqual(s.batches.map((b) => b.statements.map((x) => x.kind)), [['SelectStatement'], ['Print'], ['SelectStatement']]);
    assert.strictEqual(s.comments.length, 2);
  });

  it('does not treat a column named go as a batch separator mid-line', () => {
    assert.strictEqual(parseScript('SELECT go FROM t').batches.length, 1);
  });

  it('parses statements without semicolons', () => {
    const kinds = statements('SELECT 1 SELECT 2\nUPDATE dbo.Isik SET Nimi = N\'Õie\' WHERE IsikId = 1 DELETE FROM dbo.Isik WHERE 1 = 0').map((s) => s.kind);
    assert.deepStrictEqual(kinds, ['SelectStatement', 'SelectStatement', 'Update', 'Delete']);
  });

  it('splits batches exactly at GO lines: GO; and GO n, first line, last line, GO x is not a separator', () => {
    const cases: [string, string[], (number | undefined)[]][] = [
      ['GO\nSELECT 1', ['GO', '\nSELECT 1'], [undefined, undefined]],
      ['SELECT 1\nGO;\nPRINT N\'Õ\'\nGO 3', ['SELECT 1\nGO;', "\nPRINT N'Õ'\nGO 3"], [undefined, 3]],
      ['SELECT 1\nGO\n\n', ['SELECT 1\nGO'], [undefined]],
      ['SELECT 1\nGO 2 x\nSELECT 2', ['SELECT 1\nGO 2 x\nSELECT 2'], [undefined]],
      ['SELECT 1\n  go  \r\nSELECT 2\nGO', ['SELECT 1\n  go', '  \r\nSELECT 2\nGO'], [undefined, undefined]],
    ];
    for (const [text, batches, counts] of cases) {
      const s = parseScript(text);
      assert.deepStrictEqual(s.batches.map((b) => textOf(text, b)), batches, JSON.stringify(text));
      assert.deepStrictEqual(s.batches.map((b) => b.go?.count), counts, JSON.stringify(text));
    }
  });

  it('gives an empty script one empty batch', () => {
    const s = parseScript('');
    assert.strictEqual(s.batches.length, 1);
    assert.strictEqual(s.batches[0].statements.length, 0);
  });
});

describe('parser: SELECT', () => {
  it('parses columns, aliases in all three forms, FROM, WHERE, GROUP BY, HAVING, ORDER BY', () => {
    const q = select("SELECT DISTINCT TOP (10) m.MenetlusId, Arv = COUNT(*), SUM(a.Summa) AS Kokku, m.Staatus 'Olek' FROM dbo.Menetlus m JOIN dbo.Arest a ON a.MenetlusId = m.MenetlusId WHERE m.Staatus = N'AKTIIVNE' GROUP BY m.MenetlusId, m.Staatus HAVING COUNT(*) > 1 ORDER BY Kokku DESC, 1");
    assert.strictEqual(q.distinct, true);
    assert.ok(q.top);
    assert.deepStrictEqual(q.columns.map((c) => (c.kind === 'SelectColumn' ? c.alias?.name : c.kind)), [undefined, 'Arv', 'Kokku', 'Olek']);
    assert.strictEqual(q.from[0].kind, 'Join');
    assert.strictEqual(q.groupBy.length, 2);
    assert.ok(q.having);
    assert.deepStrictEqual(q.orderBy.map((o) => o.direction), ['DESC', undefined]);
  });

  it('parses every join type and APPLY', () => {
    const q = select('SELECT * FROM a INNER JOIN b ON 1=1 LEFT OUTER JOIN c ON 1=1 RIGHT JOIN d ON 1=1 FULL JOIN e ON 1=1 CROSS JOIN f CROSS APPLY dbo.fn(a.x) g OUTER APPLY (SELECT TOP 1 * FROM h WHERE h.x = a.x) i');
    const types: string[] = [];
    let t = q.from[0];
    while (t.kind === 'Join') {
      types.unshift(t.joinType);
      t = t.left;
    }
    assert.deepStrictEqual(types, ['INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'CROSS APPLY', 'OUTER APPLY']);
  });

  it('parses CTEs, derived tables, VALUES tables and table hints', () => {
    const s = one("WITH x (Id) AS (SELECT MenetlusId FROM dbo.Menetlus WITH (NOLOCK)), y AS (SELECT 1 AS Id) SELECT * FROM x JOIN (SELECT Id FROM y) d ON d.Id = x.Id JOIN dbo.Arest a (NOLOCK) ON a.ArestId = x.Id CROSS JOIN (VALUES (1, N'ä'), (2, N'ö')) v (Nr, Taht)", 'SelectStatement');
    assert.deepStrictEqual(s.with?.ctes.map((c) => c.name.name), ['x', 'y']);
    const inner = ((s.with!.ctes[0].query as SelectQuery).from[0]);
    assert.ok(inner.kind === 'TableRef' && inner.hints[0] === 'NOLOCK');
    const q = s.query as SelectQuery;
    const j = q.from[0];
    assert.ok(j.kind === 'Join' && j.right.kind === 'ValuesTable' && j.right.columns?.length === 2);
    assert.ok(j.kind === 'Join' && j.left.kind === 'Join' && j.left.right.kind === 'TableRef' && j.left.right.hints[0] === 'NOLOCK');
  });

  it('parses set operations with the final ORDER BY on the whole', () => {
    const s = one('SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT a FROM v ORDER BY a', 'SelectStatement');
    assert.strictEqual(s.query.kind, 'SetOperation');
    if (s.query.kind === 'SetOperation') {
      assert.strictEqual(s.query.op, 'EXCEPT');
      assert.strictEqual(s.query.orderBy.length, 1);
    }
  });

  it('binds INTERSECT tighter than UNION and EXCEPT, keeping the final ORDER BY on the whole', () => {
    /** The set-operation tree as text: (left op right), selects by their first table. */
    const shape = (q: QueryExpression): string =>
      q.kind === 'SetOperation' ? `(${shape(q.left)} ${q.op} ${shape(q.right)})` : q.kind === 'Select' && q.from[0]?.kind === 'TableRef' ? q.from[0].name.name.name : q.kind;
    const top = (text: string) => one(text, 'SelectStatement').query;
    assert.strictEqual(shape(top('SELECT Isikukood FROM Isik UNION SELECT Isikukood FROM Volgnik INTERSECT SELECT Isikukood FROM Sissenoudja')), '(Isik UNION (Volgnik INTERSECT Sissenoudja))');
    assert.strictEqual(shape(top('SELECT a FROM t INTERSECT SELECT a FROM u EXCEPT SELECT a FROM v INTERSECT SELECT a FROM w')), '((t INTERSECT u) EXCEPT (v INTERSECT w))');
    assert.strictEqual(shape(top('SELECT a FROM t EXCEPT SELECT a FROM u UNION ALL SELECT a FROM v')), '((t EXCEPT u) UNION ALL v)');
    assert.strictEqual(shape(top('SELECT a FROM t INTERSECT SELECT a FROM u INTERSECT SELECT a FROM v')), '((t INTERSECT u) INTERSECT v)');
    const q = top('SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v ORDER BY a DESC');
    assert.ok(q.kind === 'SetOperation' && q.op === 'UNION' && q.orderBy.length === 1);
    assert.ok(q.kind === 'SetOperation' && q.right.kind === 'SetOperation' && q.right.orderBy.length === 0 && q.right.right.kind === 'Select' && q.right.right.orderBy.length === 0);
  });

  it('parses INTO, OFFSET/FETCH, window functions and OPTION', () => {
    const s = one('SELECT MenetlusId, ROW_NUMBER() OVER (PARTITION BY VolgnikId ORDER BY AlgusKuupaev DESC) rn INTO #t FROM dbo.Menetlus ORDER BY 1 OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY OPTION (RECOMPILE)', 'SelectStatement');
    const q = s.query as SelectQuery;
    assert.strictEqual(q.into?.name.name, '#t');
    assert.ok(q.offset && q.fetch);
    assert.strictEqual(s.option, 'OPTION (RECOMPILE)');
    const c = q.columns[1];
    assert.ok(c.kind === 'SelectColumn' && c.expr.kind === 'FunctionCall' && c.expr.over?.partitionBy.length === 1 && c.alias?.name === 'rn');
  });

  it('accepts non-reserved keywords as column names unbracketed', () => {
    const q = select('SELECT Name, Type, Date, Value, Code, Text, [Status] FROM dbo.Seadistus WHERE Type = 1');
    assert.deepStrictEqual(q.columns.map((c) => c.kind === 'SelectColumn' && c.expr.kind === 'ColumnRef' && c.expr.column.name), ['Name', 'Type', 'Date', 'Value', 'Code', 'Text', 'Status']);
  });
});

describe('parser: expressions', () => {
  it('respects precedence: AND over OR, * over +, NOT over AND', () => {
    const e = expr('1 + 2 * 3');
    assert.ok(e.kind === 'Binary' && e.op === '+' && e.right.kind === 'Binary' && e.right.op === '*');
    const w = select('SELECT 1 WHERE a = 1 OR NOT b = 2 AND c = 3').where!;
    assert.ok(w.kind === 'Binary' && w.op === 'OR' && w.right.kind === 'Binary' && w.right.op === 'AND' && w.right.left.kind === 'Unary');
  });

  it('parses predicates: LIKE ESCAPE, BETWEEN, IN list and subquery, IS NOT NULL, EXISTS, ANY/ALL', () => {
    const w = select("SELECT 1 WHERE Nimi NOT LIKE N'Õ%' ESCAPE '\\' AND Summa BETWEEN 1 AND 10 AND Id IN (1, 2) AND Id NOT IN (SELECT Id FROM t) AND x IS NOT NULL AND EXISTS (SELECT 1) AND Summa > ALL (SELECT Summa FROM dbo.Makse)").where!;
    const kinds: string[] = [];
    let e: Expression = w;
    while (e.kind === 'Binary' && e.op === 'AND') {
      kinds.unshift(e.right.kind);
      e = e.left;
    }
    kinds.unshift(e.kind);
    assert.deepStrictEqual(kinds, ['Like', 'Between', 'In', 'In', 'IsNull', 'Exists', 'Quantified']);
  });

  it('parses CASE, CAST/CONVERT/TRY_CAST/TRY_CONVERT, IIF, COLLATE and unary operators', () => {
    const c = expr("CASE WHEN x = 1 THEN N'üks' WHEN x = 2 THEN 'kaks' ELSE NULL END");
    assert.ok(c.kind === 'Case' && c.whens.length === 2 && c.else);
    const cv = expr('CONVERT(nvarchar(50), d, 104)');
    assert.ok(cv.kind === 'Cast' && cv.fn === 'CONVERT' && cv.dataType.name === 'nvarchar' && cv.dataType.params[0] === 50 && cv.style);
    const tc = expr('TRY_CAST(x AS decimal(18, 2))');
    assert.ok(tc.kind === 'Cast' && tc.fn === 'TRY_CAST' && tc.dataType.params.join() === '18,2');
    const iif = expr("IIF(a > 0, 'j', 'e')");
    assert.ok(iif.kind === 'FunctionCall' && iif.args.length === 3);
    assert.strictEqual(expr('Nimi COLLATE Estonian_CI_AS').kind, 'Collate');
    const u = expr('-~x');
    assert.ok(u.kind === 'Unary' && u.op === '-' && u.operand.kind === 'Unary');
  });

  it('keeps literals typed and string values unescaped', () => {
    const q = select("SELECT N'Õun''ad', 'x', 1, 1.5, 1e3, $12.50, 0xFF, NULL");
    assert.deepStrictEqual(
      q.columns.map((c) => c.kind === 'SelectColumn' && c.expr.kind === 'Literal' && `${c.expr.literalType}:${c.expr.value}`),
      ["nstring:Õun'ad", 'string:x', 'integer:1', 'decimal:1.5', 'float:1e3', 'money:$12.50', 'binary:0xFF', 'null:NULL'],
    );
  });

  it('parses multi-part names and variables', () => {
    const e = expr('srv.db.dbo.Menetlus');
    assert.ok(e.kind === 'ColumnRef' && e.parts.length === 4 && e.qualifier?.length === 3);
    const v = expr('@@ROWCOUNT');
    assert.ok(v.kind === 'Variable' && v.system);
  });
});

describe('parser: DML', () => {
  it('INSERT with columns and multi-row VALUES; ranges per row', () => {
    const text = "INSERT INTO dbo.Klassifikaator (Tyyp, Kood, Nimetus) VALUES ('A', 'B', N'Ä'), ('C', 'D', N'Ö')";
    const s = one(text, 'Insert');
    assert.deepStrictEqual(s.columns?.map((c) => c.name), ['Tyyp', 'Kood', 'Nimetus']);
    assert.ok(s.source.kind === 'Values' && s.source.rows.length === 2);
    if (s.source.kind === 'Values') assert.strictEqual(text.slice(s.source.rowRanges[1].start, s.source.rowRanges[1].end), "('C', 'D', N'Ö')");
    assert.strictEqual(textOf(text, s), text);
  });

  it('INSERT ... SELECT, EXEC and DEFAULT VALUES, with OUTPUT', () => {
    assert.strictEqual(one('INSERT #t (a) SELECT a FROM b', 'Insert').source.kind, 'Query');
    assert.strictEqual(one('INSERT INTO #t EXEC dbo.usp_X @a = 1', 'Insert').source.kind, 'Exec');
    assert.strictEqual(one('INSERT INTO dbo.Kontroll DEFAULT VALUES', 'Insert').source.kind, 'DefaultValues');
    const o = one('INSERT INTO dbo.Isik (Nimi) OUTPUT inserted.IsikId INTO @ids (Id) VALUES (N\'Õie\')', 'Insert');
    assert.strictEqual(o.output?.into?.target.name.name, '@ids');
  });

  it('UPDATE with TOP, alias target, FROM/JOIN, compound assignment, OUTPUT and WHERE', () => {
    const s = one("UPDATE TOP (5) m SET m.Staatus = N'X', Summa += 1, @v = Summa = 0 OUTPUT deleted.Staatus FROM dbo.Menetlus m JOIN dbo.Arest a ON a.MenetlusId = m.MenetlusId WHERE a.ArestId = 1", 'Update');
    assert.strictEqual(s.target.name.name.name, 'm');
    assert.deepStrictEqual(s.set.map((i) => i.op), ['=', '+=', '=']);
    assert.strictEqual(s.set[0].column?.qualifier?.[0].name, 'm');
    assert.strictEqual(s.set[2].variable?.name, '@v');
    assert.strictEqual(s.set[2].column?.column.name, 'Summa');
    assert.ok(s.top && s.output && s.where);
    assert.strictEqual(s.from.length, 1);
  });

  it('UPDATE/DELETE WHERE CURRENT OF, DELETE without FROM keyword, table hints on target', () => {
    assert.strictEqual(one('UPDATE dbo.Arest SET Summa = 1 WHERE CURRENT OF c', 'Update').currentOf?.name, 'c');
    const d = one('DELETE dbo.Toiming WITH (ROWLOCK) WHERE ToimingId = 1', 'Delete');
    assert.deepStrictEqual(d.target.hints, ['ROWLOCK']);
    assert.ok(d.where);
    assert.strictEqual(one('DELETE FROM dbo.Toiming', 'Delete').where, undefined);
  });

  it('MERGE with every clause and OUTPUT $action', () => {
    const s = one("MERGE INTO dbo.Klassifikaator AS t USING #uus AS s ON t.Kood = s.Kood WHEN MATCHED AND t.Nimetus <> s.Nimetus THEN UPDATE SET Nimetus = s.Nimetus WHEN NOT MATCHED THEN INSERT (Kood, Nimetus) VALUES (s.Kood, s.Nimetus) WHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT $action, inserted.Kood;", 'Merge');
    assert.strictEqual(s.target.alias?.name, 't');
    assert.deepStrictEqual(s.clauses.map((c) => `${c.match}/${c.action.kind}`), ['MATCHED/MergeUpdate', 'NOT MATCHED BY TARGET/MergeInsert', 'NOT MATCHED BY SOURCE/MergeDelete']);
    const first = s.output?.items[0];
    assert.ok(first?.kind === 'SelectColumn' && first.expr.kind === 'ColumnRef' && first.expr.column.name === '$action');
  });
});

describe('parser: declarations and SET', () => {
  it('DECLARE scalars with initialisers, a TABLE variable and a cursor', () => {
    const d = one('DECLARE @a int = 1, @b nvarchar(max), @c decimal(18, 2)', 'Declare');
    assert.deepStrictEqual(d.items.map((i) => `${i.name.name}:${i.dataType?.name}`), ['@a:int', '@b:nvarchar', '@c:decimal']);
    assert.deepStrictEqual(d.items[1].dataType?.params, ['max']);
    const t = one('DECLARE @t TABLE (Id int NOT NULL PRIMARY KEY, Nimi nvarchar(100) NULL)', 'Declare');
    assert.strictEqual(t.items[0].table?.columns.length, 2);
    const c = one('DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT Id FROM dbo.Isik FOR UPDATE OF Nimi', 'Declare');
    assert.deepStrictEqual(c.items[0].cursor?.options, ['LOCAL', 'FAST_FORWARD']);
    assert.deepStrictEqual((c.items[0].cursor?.forUpdate as { name: string }[]).map((i) => i.name), ['Nimi']);
  });

  it('SET variable, session options, IDENTITY_INSERT, isolation level', () => {
    const v = one('SET @x += 5', 'SetVariable');
    assert.strictEqual(v.op, '+=');
    const o = one('SET XACT_ABORT ON', 'SetOption');
    assert.deepStrictEqual([o.options, o.value], [['XACT_ABORT'], 'ON']);
    assert.deepStrictEqual(one('SET ANSI_NULLS, QUOTED_IDENTIFIER OFF', 'SetOption').options, ['ANSI_NULLS', 'QUOTED_IDENTIFIER']);
    assert.strictEqual(one('SET LOCK_TIMEOUT 5000', 'SetOption').value, '5000');
    const ii = one('SET IDENTITY_INSERT dbo.Klassifikaator ON', 'SetIdentityInsert');
    assert.ok(ii.on && ii.table.name.name === 'Klassifikaator');
    assert.strictEqual(one('SET TRANSACTION ISOLATION LEVEL READ COMMITTED', 'SetOption').value, 'READ COMMITTED');
  });
});

describe('parser: control flow and transactions', () => {
  it('IF/ELSE with blocks, WHILE with BREAK/CONTINUE', () => {
    const s = one('IF @a = 1 BEGIN PRINT 1; PRINT 2 END ELSE IF @a = 2 PRINT 3 ELSE BEGIN RETURN END', 'If');
    assert.ok(s.then.kind === 'Block' && s.then.statements.length === 2);
    assert.ok(s.else?.kind === 'If' && s.else.else?.kind === 'Block');
    const w = one('WHILE 1 = 1 BEGIN IF @i > 10 BREAK; SET @i += 1; CONTINUE; END', 'While');
    assert.ok(w.body.kind === 'Block' && w.body.statements.map((x) => x.kind).join() === 'If,SetVariable,Continue');
  });

  it('TRY/CATCH with THROW and RAISERROR', () => {
    const s = one("BEGIN TRY SELECT 1/0 END TRY BEGIN CATCH RAISERROR(N'viga: %s', 16, 1, 'x') WITH NOWAIT; THROW 50000, N'Ümber', 1; END CATCH", 'TryCatch');
    assert.deepStrictEqual(s.tryStatements.map((x) => x.kind), ['SelectStatement']);
    assert.deepStrictEqual(s.catchStatements.map((x) => x.kind), ['Raiserror', 'Throw']);
    const r = s.catchStatements[0];
    assert.ok(r.kind === 'Raiserror' && r.options[0] === 'NOWAIT' && r.args.length === 4);
  });

  it('transactions: BEGIN/COMMIT/ROLLBACK/SAVE, named, ranges exactly cover their text', () => {
    const text = 'BEGIN TRAN Parandus\nSAVE TRANSACTION sp1\nROLLBACK TRANSACTION sp1\nCOMMIT TRANSACTION Parandus;\nCOMMIT\nROLLBACK WORK';
    const list = statements(text);
    assert.deepStrictEqual(list.map((s) => s.kind === 'Transaction' && `${s.action}:${s.name && 'name' in s.name ? s.name.name : ''}`), ['begin:Parandus', 'save:sp1', 'rollback:sp1', 'commit:Parandus', 'commit:', 'rollback:']);
    assert.deepStrictEqual(list.map((s) => textOf(text, s)), ['BEGIN TRAN Parandus', 'SAVE TRANSACTION sp1', 'ROLLBACK TRANSACTION sp1', 'COMMIT TRANSACTION Parandus', 'COMMIT', 'ROLLBACK WORK']);
  });

  it('GOTO and labels, RETURN with and without value, WAITFOR, PRINT', () => {
    const kinds = statements("IF @@ERROR <> 0 GOTO Viga\nRETURN\nViga:\nPRINT N'viga'\nRETURN -1\nWAITFOR DELAY '00:00:01'").map((s) => s.kind);
    assert.deepStrictEqual(kinds, ['If', 'Return', 'Label', 'Print', 'Return', 'Waitfor']);
  });

  it('EXEC with return variable, named and OUTPUT arguments, sp_executesql, EXEC(string), bare call', () => {
    const e = one("EXEC @rc = dbo.usp_Sulge @MenetlusId = 5, @Tulem = @t OUTPUT, 'x', DEFAULT", 'Exec');
    assert.strictEqual(e.returnVariable?.name, '@rc');
    assert.deepStrictEqual(e.args.map((a) => `${a.name ?? ''}:${a.output}`), ['@MenetlusId:false', '@Tulem:true', ':false', ':false']);
    const sp = one("EXECUTE sp_executesql @sql, N'@id int', @id = 1", 'Exec');
    assert.strictEqual(sp.procedure?.name.name, 'sp_executesql');
    assert.strictEqual(one("EXEC ('SELECT ' + @x)", 'Exec').dynamic?.length, 1);
    assert.strictEqual(one("sp_help 'dbo.Menetlus'", 'Exec').procedure?.name.name, 'sp_help');
  });

  it('cursor statements', () => {
    const kinds = statements('OPEN c FETCH NEXT FROM c INTO @a, @b CLOSE c DEALLOCATE c').map((s) => s.kind);
    assert.deepStrictEqual(kinds, ['Cursor', 'Fetch', 'Cursor', 'Cursor']);
    const f = statements('FETCH ABSOLUTE 5 FROM c INTO @a')[0];
    assert.ok(f.kind === 'Fetch' && f.direction === 'ABSOLUTE 5' && f.into.length === 1);
  });
});

describe('parser: DDL and other statements', () => {
  it('CREATE TABLE with columns, identity, defaults, computed column and constraints', () => {
    const s = one("CREATE TABLE dbo.Arest (ArestId int IDENTITY(100, 2) NOT NULL CONSTRAINT PK_Arest PRIMARY KEY, MenetlusId int NOT NULL REFERENCES dbo.Menetlus (MenetlusId), Staatus nvarchar(20) NOT NULL CONSTRAINT DF_A DEFAULT (N'AKTIIVNE'), Summa decimal(18,2) NULL, Kood AS ('A' + Staatus), CONSTRAINT UQ_A UNIQUE (MenetlusId, Staatus), CONSTRAINT CK_A CHECK (Summa >= 0))", 'CreateTable');
    const c = s.definition.columns;
    assert.deepStrictEqual(c.map((x) => x.name.name), ['ArestId', 'MenetlusId', 'Staatus', 'Summa', 'Kood']);
    assert.deepStrictEqual(c[0].identity, { seed: 100, increment: 2 });
    assert.ok(c[0].primaryKey && c[0].nullable === false);
    assert.strictEqual(c[1].references?.table.name.name, 'Menetlus');
    assert.ok(c[2].default && c[2].defaultName?.name === 'DF_A');
    assert.ok(c[4].computed);
    assert.deepStrictEqual(s.definition.constraints.map((x) => x.constraintType), ['UNIQUE', 'CHECK']);
  });

  it('ALTER TABLE ADD/DROP COLUMN/ALTER COLUMN/WITH CHECK ADD CONSTRAINT/CHECK CONSTRAINT', () => {
    assert.strictEqual(one('ALTER TABLE dbo.Menetlus ADD Pohjus nvarchar(400) NULL, Kood int NOT NULL DEFAULT 0', 'AlterTable').actions[0].kind, 'AddColumns');
    const d = one('ALTER TABLE dbo.Menetlus DROP COLUMN IF EXISTS Vana, Vanem', 'AlterTable').actions[0];
    assert.ok(d.kind === 'DropColumns' && d.ifExists && d.columns.length === 2);
    assert.strictEqual(one('ALTER TABLE dbo.Arest ALTER COLUMN Summa decimal(19, 4) NOT NULL', 'AlterTable').actions[0].kind, 'AlterColumn');
    const fk = one('ALTER TABLE dbo.Arest WITH CHECK ADD CONSTRAINT FK_A FOREIGN KEY (MenetlusId) REFERENCES dbo.Menetlus (MenetlusId) ON DELETE CASCADE', 'AlterTable').actions[0];
    assert.ok(fk.kind === 'AddConstraints' && fk.constraints[0].constraintType === 'FOREIGN KEY');
    assert.strictEqual(one('ALTER TABLE dbo.Arest CHECK CONSTRAINT FK_A', 'AlterTable').actions[0].kind, 'OtherAlter');
  });

  it('CREATE OR ALTER PROCEDURE with parameters and body; ALTER FUNCTION; CREATE TRIGGER', () => {
    const p = one('CREATE OR ALTER PROCEDURE dbo.usp_X @a int, @b nvarchar(10) = NULL OUTPUT AS BEGIN SET NOCOUNT ON; SELECT @a END', 'CreateRoutine');
    assert.ok(p.orAlter && p.routineType === 'PROCEDURE');
    assert.deepStrictEqual(p.parameters.map((x) => `${x.name.name}:${x.output}`), ['@a:false', '@b:true']);
    assert.strictEqual(p.body[0].kind, 'Block');
    const f = one('ALTER FUNCTION dbo.fn(@x int) RETURNS TABLE AS RETURN (SELECT @x AS x)', 'CreateRoutine');
    assert.ok(f.alter && f.routineType === 'FUNCTION' && f.body[0].kind === 'Return');
    const t = one('CREATE TRIGGER dbo.trg ON dbo.Menetlus AFTER INSERT, UPDATE AS SELECT 1', 'CreateRoutine');
    assert.deepStrictEqual(t.triggerEvents, ['INSERT', 'UPDATE']);
  });

  it('CREATE VIEW and INDEX, DROP IF EXISTS, TRUNCATE, USE, GRANT/DENY/REVOKE', () => {
    assert.strictEqual(one('CREATE VIEW dbo.v AS SELECT 1 AS x', 'CreateView').name.name.name, 'v');
    const ix = one('CREATE UNIQUE NONCLUSTERED INDEX IX_A ON dbo.Arest (MenetlusId, Summa DESC) INCLUDE (Staatus) WHERE Staatus IS NOT NULL', 'CreateIndex');
    assert.ok(ix.unique && ix.clustered === false && ix.columns.length === 2 && ix.include.length === 1 && ix.where);
    const d = one('DROP TABLE IF EXISTS dbo.A, #b', 'Drop');
    assert.ok(d.ifExists && d.objectType === 'TABLE' && d.names.length === 2);
    assert.strictEqual(one('DROP INDEX IX_A ON dbo.Arest', 'Drop').on?.name.name, 'Arest');
    assert.strictEqual(one('TRUNCATE TABLE dbo.ImportPuhver', 'Truncate').table.name.name, 'ImportPuhver');
    assert.strictEqual(one('USE [eTäitur]', 'Use').database.name, 'eTäitur');
    const g = one('GRANT SELECT, INSERT ON OBJECT::dbo.Arest TO Aruandlus, [eTaitur_App]', 'Permission');
    assert.deepStrictEqual([g.permissions, g.on?.name.name, g.principals.length], [['SELECT', 'INSERT'], 'Arest', 2]);
    assert.strictEqual(one('REVOKE EXECUTE ON dbo.usp_X FROM Aruandlus', 'Permission').action, 'REVOKE');
    assert.strictEqual(one('DENY DELETE ON dbo.Arest TO Aruandlus', 'Permission').action, 'DENY');
  });

  it('unmodelled statements parse as Other to their end', () => {
    const text = "DBCC CHECKIDENT ('dbo.Klassifikaator', RESEED, 3100)\nCREATE SEQUENCE dbo.s AS bigint START WITH 1\nBULK INSERT dbo.t FROM 'x.csv' WITH (FIRSTROW = 2)\nSELECT 1";
    const list = statements(text);
    assert.deepStrictEqual(list.map((s) => s.kind), ['Other', 'Other', 'Other', 'SelectStatement']);
    assert.strictEqual(textOf(text, list[0]), "DBCC CHECKIDENT ('dbo.Klassifikaator', RESEED, 3100)");
    assert.strictEqual(errors(parseScript(text)).length, 0);
  });
});

describe('parser: real-world extras', () => {
  it('SET option lists with multi-word names and word values', () => {
    assert.deepStrictEqual(one('SET STATISTICS IO, TIME ON', 'SetOption').options, ['STATISTICS IO', 'TIME']);
    assert.strictEqual(one('SET DATEFORMAT dmy', 'SetOption').value, 'DMY');
  });

  it('SQLCMD lines and $(variables), UPDATE STATISTICS and PIVOT parse without errors', () => {
    const text = ':setvar DbName "eTaitur"\nUSE [$(DbName)]\nUPDATE STATISTICS dbo.Menetlus WITH FULLSCAN\nSELECT * FROM (SELECT Staatus, Summa FROM dbo.Arest) s PIVOT (SUM(Summa) FOR Staatus IN ([A], [B])) AS pv\nSELECT $(Piir)';
    const script = parseScript(text);
    assert.deepStrictEqual(errors(script).map((e) => e.message), []);
    assert.deepStrictEqual(script.batches[0].statements.map((s) => s.kind), ['Other', 'Use', 'Other', 'SelectStatement', 'SelectStatement']);
  });
});

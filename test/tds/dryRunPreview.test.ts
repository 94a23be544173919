// Row previews of a dry run: which statements get one (pure), and over TDS what is sent around each
// batch (read-only SELECTs inside the transaction), what the report shows, and that ROLLBACK still ends it.
import * as assert from 'node:assert/strict';
import { planDryRun } from '../../server/src/live/dryRun/rewrite';
import { BEGIN_SQL, ROLLBACK_SQL, runDryRun, TRANCOUNT_SQL } from '../../server/src/live/dryRun/runner';
import { connectTedious } from '../../server/src/live/dryRun/connection';
import { renderDryRunMarkdown } from '../../server/src/live/dryRun/report';
import { afterSql, beforeSql, toRowTable } from '../../server/src/live/dryRun/preview';
import type { TdsReply, TdsRequest, TdsTestServer } from './server/server';
import { PASSWORD, profileFor, startServer } from './helpers';

const SCRIPT = [
  'SET XACT_ABORT ON;',
  'BEGIN TRAN;',
  "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE Number IN (N'2024/001', N'2024/002');",
  'IF @@ROWCOUNT <> 2 ROLLBACK ELSE COMMIT;',
  'GO',
  'DECLARE @id int = 5;',
  'DELETE FROM dbo.Arest WHERE MenetlusId = @id;',
  'DELETE FROM [dbo].[Võlgnik] WHERE Isikukood = N\'38001085718\';',
  'UPDATE m SET Markus = NULL FROM dbo.Menetlus m JOIN dbo.Arest a ON a.MenetlusId = m.Id WHERE a.Summa = 0;',
  'GO',
].join('\n');

const keys = (_schema: string | undefined, name: string) => (name === 'Menetlus' ? ['Id'] : name === 'Võlgnik' ? ['Id'] : undefined);

describe('dry run: row previews (pure)', () => {
  it('previews UPDATE/DELETE of a named table with a variable-free WHERE, and says why not for the rest', () => {
    const plan = planDryRun(SCRIPT, { database: 'eTaitur', preview: { keys } });
    assert.deepEqual(plan.batches[0].previews.map((p) => [p.line, p.statement, p.table, p.keyColumns]), [[3, 'UPDATE', 'dbo.Menetlus', ['Id']]]);
    assert.deepEqual(plan.batches[1].previews.map((p) => [p.line, p.statement, p.table]), [[8, 'DELETE', '[dbo].[Võlgnik]']]);
    assert.deepEqual(plan.previewSkipped.map((s) => s.line), [7, 9]);
    assert.match(plan.previewSkipped[0].reason, /variables/);
    assert.match(plan.previewSkipped[1].reason, /FROM clause/);
    assert.equal(planDryRun(SCRIPT).batches[0].previews.length, 0, 'no previews unless asked');
  });

  it('builds the before/after SELECTs: after by primary key, quoting values', () => {
    const t = { line: 3, statement: 'UPDATE' as const, table: 'dbo.Menetlus', where: "Number = N'O''Neil'", keyColumns: ['Id'] };
    assert.equal(beforeSql(t, 10), "SELECT TOP (11) * FROM dbo.Menetlus WHERE Number = N'O''Neil';");
    assert.deepEqual(afterSql(t, 10, [{ Id: 5 }, { Id: 6 }]), { sql: 'SELECT TOP (11) * FROM dbo.Menetlus WHERE ([Id] = 5) OR ([Id] = 6);', by: 'key' });
    assert.deepEqual(afterSql({ ...t, keyColumns: ['Kood'] }, 10, [{ Kood: "A'1" }]), { sql: "SELECT TOP (11) * FROM dbo.Menetlus WHERE ([Kood] = N'A''1');", by: 'key' });
    assert.equal(afterSql({ ...t, keyColumns: ['Loodud'] }, 10, [{ Loodud: new Date() }])?.by, 'where', 'a date key falls back to the WHERE');
    assert.equal(afterSql({ ...t, statement: 'DELETE', keyColumns: undefined }, 10, []), undefined);
  });

  it('masks personal codes and truncates long cells', () => {
    const table = toRowTable([{ Id: 1, Isikukood: '38001085718', Markus: 'x'.repeat(100), Loodud: new Date('2024-03-01T10:00:00Z'), Puudub: null }, { Id: 2 }], 1);
    assert.deepEqual(table.rows[0].slice(0, 2), ['1', '3**********']);
    assert.equal(table.rows[0][2].length, 60);
    assert.deepEqual(table.rows[0].slice(3), ['2024-03-01 10:00:00', 'NULL']);
    assert.equal(table.more, true);
  });
});

describe('dry run: row previews over TDS', () => {
  let server: TdsTestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const MENETLUS_COLS = [{ name: 'Id', type: 'int' as const }, { name: 'Number', type: 'nvarchar' as const }, { name: 'Staatus', type: 'nvarchar' as const }];
  const VOLGNIK_COLS = [{ name: 'Id', type: 'int' as const }, { name: 'Isikukood', type: 'varchar' as const }, { name: 'Nimi', type: 'nvarchar' as const }];
  const trancount = (n: number): TdsReply[] => [{ kind: 'result', columns: [{ name: 'trancount', type: 'int' }], rows: [[n]] }];

  async function run(handler: (r: TdsRequest) => TdsReply[]) {
    server = await startServer({ handler });
    const profile = profileFor(server.port);
    const plan = planDryRun(SCRIPT, { database: profile.database, preview: { keys } });
    const report = await runDryRun({ plan, profile, previewRows: 10, connect: () => connectTedious({ profile, password: PASSWORD }) });
    return { plan, report };
  }

  it('selects the rows before and after each batch, inside the transaction, and still rolls back', async () => {
    let updated = false;
    const { plan, report } = await run((r) => {
      if (r.sql === TRANCOUNT_SQL) return trancount(2);
      if (r.sql.startsWith('SELECT TOP (11) * FROM dbo.Menetlus WHERE Number IN'))
        return [{ kind: 'result', columns: MENETLUS_COLS, rows: [[5, '2024/001', 'AVATUD'], [6, '2024/002', 'AVATUD']] }];
      if (r.sql.startsWith('SELECT TOP (11) * FROM dbo.Menetlus WHERE ([Id] = 5) OR ([Id] = 6)'))
        return [{ kind: 'result', columns: MENETLUS_COLS, rows: [[5, '2024/001', updated ? 'LÕPETATUD' : 'AVATUD'], [6, '2024/002', updated ? 'LÕPETATUD' : 'AVATUD']] }];
      if (r.sql.includes("UPDATE dbo.Menetlus SET Staatus")) { updated = true; return [{ kind: 'done', rowCount: 2 }]; }
      if (r.sql.startsWith('SELECT TOP (11) * FROM [dbo].[Võlgnik]')) return [{ kind: 'result', columns: VOLGNIK_COLS, rows: updated ? [[9, '38001085718', 'Jüri Õunapuu']] : [] }];
      return [{ kind: 'done' }];
    });
    const b = plan.batches;
    assert.deepEqual(server!.statements, [
      BEGIN_SQL,
      "SELECT TOP (11) * FROM dbo.Menetlus WHERE Number IN (N'2024/001', N'2024/002');",
      b[0].text,
      TRANCOUNT_SQL,
      'SELECT TOP (11) * FROM dbo.Menetlus WHERE ([Id] = 5) OR ([Id] = 6);',
      "SELECT TOP (11) * FROM [dbo].[Võlgnik] WHERE Isikukood = N'38001085718';",
      b[1].text,
      TRANCOUNT_SQL,
      "SELECT TOP (11) * FROM [dbo].[Võlgnik] WHERE ([Id] = 9);",
      ROLLBACK_SQL,
    ]);
    assert.equal(report.status, 'completed');
    assert.equal(report.rolledBack, true);
    const p = report.batches[0].previews![0];
    assert.deepEqual(p.before?.rows, [['5', '2024/001', 'AVATUD'], ['6', '2024/002', 'AVATUD']]);
    assert.deepEqual(p.after?.rows, [['5', '2024/001', 'LÕPETATUD'], ['6', '2024/002', 'LÕPETATUD']]);
    assert.equal(p.afterBy, 'key');
    const md = renderDryRunMarkdown(report);
    assert.match(md, /### Rows of UPDATE dbo\.Menetlus \(line 3\)/);
    assert.match(md, /\| 5 \| 2024\/001 \| \*\*LÕPETATUD\*\* \|/);
    assert.match(md, /\| 9 \| 3\*{10} \| Jüri Õunapuu \|/, 'personal code masked');
    assert.ok(!md.includes('38001085718'.slice(1)));
    assert.match(md, /## No row preview/);
  });

  it('a failing preview SELECT is reported, checks @@TRANCOUNT, and the dry run goes on', async () => {
    const { report } = await run((r) => {
      if (r.sql === TRANCOUNT_SQL) return trancount(2);
      if (r.sql.startsWith('SELECT TOP (11) * FROM dbo.Menetlus')) return [{ kind: 'error', number: 207, message: "Invalid column name 'Number'." }];
      if (r.sql.includes('UPDATE dbo.Menetlus')) return [{ kind: 'done', rowCount: 2 }];
      return [{ kind: 'done' }];
    });
    assert.equal(report.status, 'completed');
    assert.match(report.batches[0].previews![0].error ?? '', /Invalid column name/);
    const sent = server!.statements;
    assert.equal(sent[2], TRANCOUNT_SQL, 'trancount checked right after the failed preview');
    assert.equal(sent.at(-1), ROLLBACK_SQL);
  });

  it('stops when a preview ended the transaction (XACT_ABORT), and still sends ROLLBACK', async () => {
    const { report } = await run((r) => {
      if (r.sql === TRANCOUNT_SQL) return trancount(0);
      if (r.sql.startsWith('SELECT TOP (11) * FROM dbo.Menetlus')) return [{ kind: 'error', number: 245, message: "Conversion failed when converting the nvarchar value '2024/001' to data type int." }];
      return [{ kind: 'done' }];
    });
    assert.equal(report.status, 'transactionLost');
    assert.ok(!server!.statements.some((s) => s.includes('UPDATE dbo.Menetlus SET')), 'the script did not run');
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
  });
});

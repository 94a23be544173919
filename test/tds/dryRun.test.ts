import * as assert from 'node:assert/strict';
import { planDryRun, SAVEPOINT } from '../../server/src/live/dryRun/rewrite';
import { BEGIN_SQL, ROLLBACK_SQL, runDryRun, TRANCOUNT_SQL } from '../../server/src/live/dryRun/runner';
import { connectTedious } from '../../server/src/live/dryRun/connection';
import { renderDryRunMarkdown } from '../../server/src/live/dryRun/report';
import { TdsReply, TdsRequest, TdsTestServer } from './server/server';
import { PASSWORD, profileFor, startServer } from './helpers';

const FIX = [
  'BEGIN TRAN',
  "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE Id = 5",
  "PRINT N'Menetlus lõpetatud'",
  'IF @@ROWCOUNT <> 1',
  '  ROLLBACK',
  'ELSE',
  '  COMMIT TRANSACTION',
  'GO',
  'BEGIN TRY',
  '  DELETE FROM dbo.Arest WHERE MenetlusId = 5;',
  'END TRY',
  'BEGIN CATCH',
  '  IF @@TRANCOUNT > 0 ROLLBACK TRAN;',
  '  THROW;',
  'END CATCH',
  'GO',
  '',
].join('\n');

describe('dry run: planning (pure)', () => {
  it('rewrites BEGIN/COMMIT/ROLLBACK so they cannot end the outer transaction, keeping lines', () => {
    const plan = planDryRun(FIX);
    assert.equal(plan.refused.length, 0);
    assert.equal(plan.batches.length, 2);
    const [b1, b2] = plan.batches;
    assert.equal(b1.text.split('\n').length, 8);
    assert.equal(b1.lineOffset, 0);
    assert.equal(b2.lineOffset, 7);
    assert.match(b1.text, new RegExp(`^SAVE TRANSACTION ${SAVEPOINT}\\n`));
    assert.ok(!/\bCOMMIT\b/i.test(b1.text + b2.text));
    assert.ok(!/ROLLBACK(\s+TRAN\w*)?\s*(;|\n|$)/i.test(b1.text + b2.text), 'no bare ROLLBACK is left');
    assert.match(b2.text, /IF @@TRANCOUNT > 0 BEGIN IF XACT_STATE\(\) = 1 ROLLBACK TRANSACTION etaitur_dry_run END;/);
    assert.deepEqual(plan.rewrites.map((r) => r.line), [1, 5, 7, 13]);
    assert.deepEqual(b1.countedStatementLines, [2]);
  });

  it('keeps ROLLBACK to the script’s own savepoint as it is', () => {
    const plan = planDryRun("SAVE TRAN enne_arest\nDELETE FROM dbo.Arest WHERE Id = 1\nROLLBACK TRAN enne_arest\n");
    assert.equal(plan.rewrites.length, 0);
    assert.match(plan.batches[0].text, /ROLLBACK TRAN enne_arest/);
  });

  it('refuses statements that cannot run in a transaction, naming their lines', () => {
    const plan = planDryRun(["UPDATE dbo.Isik SET Nimi = N'Žanna' WHERE Id = 1", 'GO', 'ALTER DATABASE eTaitur SET RECOVERY SIMPLE', 'GO', "BACKUP DATABASE eTaitur TO DISK = N'C:\\varu.bak'", 'DBCC SHRINKFILE (eTaitur_log, 100)', 'DBCC CHECKIDENT (N\'dbo.Toiming\', RESEED, 10)', 'USE master', "SELECT N'BACKUP DATABASE pole siin'", 'SET IMPLICIT_TRANSACTIONS OFF', 'USE eTaitur'].join('\n'), { database: 'eTaitur' });
    assert.deepEqual(plan.refused.map((r) => [r.line, r.what]), [[3, 'ALTER DATABASE'], [5, 'BACKUP'], [6, 'DBCC SHRINKFILE'], [8, 'USE master'], [10, 'SET IMPLICIT_TRANSACTIONS OFF']]);
  });

  it('never throws on bad input', () => {
    for (const text of ['', 'GO', "BEGIN TRAN\nUPDATE [dbo.Menetlus SET x = N'", 'COMMIT COMMIT ROLLBACK ))) GO 3']) {
      const plan = planDryRun(text);
      assert.ok(Array.isArray(plan.batches));
    }
  });
});

describe('dry run: runner over TDS', () => {
  let server: TdsTestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const run = (o: { handler: (r: TdsRequest) => TdsReply[]; script?: string; production?: boolean; confirm?: (db: string) => Promise<boolean>; signal?: AbortSignal; requestTimeoutMs?: number }) =>
    (async () => {
      server = await startServer({ handler: o.handler });
      const profile = profileFor(server.port, { production: o.production ?? false });
      return runDryRun({
        plan: planDryRun(o.script ?? FIX, { database: profile.database }),
        profile,
        confirm: o.confirm,
        signal: o.signal,
        connect: () => connectTedious({ profile, password: PASSWORD, requestTimeoutMs: o.requestTimeoutMs }),
      });
    })();

  const trancount = (n: number): TdsReply[] => [{ kind: 'result', columns: [{ name: 'trancount', type: 'int' }], rows: [[n]] }];
  const normal = (r: TdsRequest): TdsReply[] => {
    if (r.sql === TRANCOUNT_SQL) return trancount(2);
    if (r.sql.includes('UPDATE dbo.Menetlus')) return [{ kind: 'done', rowCount: 1 }, { kind: 'info', message: 'Menetlus lõpetatud', line: 3 }];
    if (r.sql.includes('DELETE FROM dbo.Arest')) return [{ kind: 'done', rowCount: 3 }];
    return [{ kind: 'done' }];
  };

  it('sends BEGIN, the rewritten batches with @@TRANCOUNT checks, and the final ROLLBACK', async () => {
    const report = await run({ handler: normal });
    const plan = planDryRun(FIX, { database: 'eTaitur' });
    assert.deepEqual(server!.statements, [BEGIN_SQL, plan.batches[0].text, TRANCOUNT_SQL, plan.batches[1].text, TRANCOUNT_SQL, ROLLBACK_SQL]);
    assert.equal(report.status, 'completed');
    assert.equal(report.rolledBack, true);
    assert.deepEqual(report.batches[0].counts, [{ line: 2, rows: 1 }]);
    assert.deepEqual(report.batches[0].messages, [{ line: 3, text: 'Menetlus lõpetatud' }]);
    assert.deepEqual(report.batches[1].counts, [{ rows: 3 }]);
    assert.equal(server!.logins[0].readOnlyIntent, false);
    const md = renderDryRunMarkdown(report);
    assert.match(md, /nothing was committed/);
    assert.match(md, /\| 2 \| 1 \|/);
  });

  it('reports errors at their script line and still rolls back', async () => {
    const report = await run({
      handler: (r) => (r.sql.includes('DELETE FROM dbo.Arest') ? [{ kind: 'error', number: 547, message: 'The DELETE statement conflicted with the REFERENCE constraint "FK_Toiming_Arest".', line: 3 }] : normal(r)),
    });
    assert.equal(report.status, 'completedWithErrors');
    assert.deepEqual(report.batches[1].errors.map((e) => [e.number, e.line]), [[547, 10]]);
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
  });

  it('rolls back after a cancel while a batch is running', async () => {
    const controller = new AbortController();
    const pending = run({ handler: (r) => (r.sql.includes('UPDATE dbo.Menetlus') ? [{ kind: 'delay', ms: 60_000 }, { kind: 'done', rowCount: 1 }] : normal(r)), signal: controller.signal });
    await new Promise((r) => setImmediate(r));
    while (!server?.statements.some((s) => s.includes('UPDATE dbo.Menetlus'))) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const report = await pending;
    assert.equal(report.status, 'cancelled');
    assert.ok(server!.attentions >= 1);
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
    assert.equal(report.rolledBack, true);
    assert.ok(!server!.statements.some((s) => s.includes('DELETE FROM dbo.Arest')), 'nothing runs after the cancel');
  });

  it('rolls back after a timeout', async () => {
    const report = await run({ requestTimeoutMs: 300, handler: (r) => (r.sql.includes('DELETE FROM dbo.Arest') ? [{ kind: 'delay', ms: 60_000 }] : normal(r)) });
    assert.equal(report.status, 'timeout');
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
  });

  it('stops when the script ended part of the transaction (@@TRANCOUNT dropped)', async () => {
    const report = await run({ handler: (r) => (r.sql === TRANCOUNT_SQL ? trancount(1) : normal(r)) });
    assert.equal(report.status, 'transactionLost');
    assert.ok(!server!.statements.some((s) => s.includes('DELETE FROM dbo.Arest')));
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
  });

  it('sends nothing for a refused script', async () => {
    const report = await run({ handler: normal, script: 'ALTER DATABASE eTaitur SET RECOVERY SIMPLE\nGO\nUPDATE dbo.Menetlus SET Staatus = 1' });
    assert.equal(report.status, 'refused');
    assert.equal(server!.logins.length, 0);
    assert.match(renderDryRunMarkdown(report), /\| 1 \| ALTER DATABASE \|/);
  });

  it('sends nothing on production unless the database name is confirmed', async () => {
    const asked: string[] = [];
    const report = await run({ handler: normal, production: true, confirm: async (db) => (asked.push(db), false) });
    assert.equal(report.status, 'notConfirmed');
    assert.deepEqual(asked, ['eTaitur']);
    assert.equal(server!.logins.length, 0);
    await server!.stop();
    const ok = await run({ handler: normal, production: true, confirm: async (db) => db === 'eTaitur' });
    assert.equal(ok.status, 'completed');
    assert.equal(server!.statements.at(-1), ROLLBACK_SQL);
  });
});

// A database log table (Serilog MSSqlServer sink layout) read through the real mssql driver.
import * as assert from 'node:assert/strict';
import { SqlLogError, readLogTablePage } from '../../client/src/logs/sqlLogReader';
import { DEFAULT_LOG_COLUMNS, SqlLogSourceConfig, buildLogTableQuery } from '../../client/src/logs/sqlLogTable';
import { TdsTestServer } from './server/server';
import type { TdsColumn, TdsValue } from './server/tokens';
import { PASSWORD, profileFor, startServer } from './helpers';

const SOURCE: SqlLogSourceConfig = { kind: 'sql', connection: 'test', table: 'dbo.Logs', columns: DEFAULT_LOG_COLUMNS, propertiesFormat: 'auto' };
const COLUMNS: TdsColumn[] = [
  { name: 't', type: 'datetime2' }, { name: 'l', type: 'nvarchar' }, { name: 'm', type: 'nvarchar(max)' },
  { name: 'mt', type: 'nvarchar(max)' }, { name: 'x', type: 'nvarchar(max)' }, { name: 'p', type: 'nvarchar(max)' },
];
const ROWS: TdsValue[][] = [
  [new Date('2026-11-24T09:15:02.120Z'), 'Error', 'Arestimine ebaõnnestus menetluses 12/2026/5', 'Arestimine ebaõnnestus menetluses {MenetlusNumber}',
    'System.InvalidOperationException: Arest on juba lõpetatud\n   at ETaitur.Arest.ArestService.Salvesta(Int32 menetlusId) in C:\\src\\ETaitur\\Arest\\ArestService.cs:line 87',
    "<properties><property key='MenetlusNumber'>12/2026/5</property><property key='UserId'>42</property><property key='SourceContext'>ETaitur.Arest.ArestService</property></properties>"],
  [new Date('2026-11-24T09:14:59.001Z'), 'Warning', 'Võlgniku 7 andmed puuduvad', null, null, '{"UserId":41,"SourceContext":"ETaitur.Volgnik.VolgnikController"}'],
];

describe('database log table over TDS', () => {
  let server: TdsTestServer;
  afterEach(async () => { await server?.stop(); });

  it('sends the parameterized page query with read-only intent and maps rows to entries', async () => {
    server = await startServer({ handler: (r) => (r.sql.includes('FROM [dbo].[Logs]') ? [{ kind: 'result', columns: COLUMNS, rows: ROWS }, { kind: 'done', rowCount: ROWS.length }] : [{ kind: 'done' }]) });
    const query = { text: "Arest 50%", minLevel: 'Warning' as const, fromMs: Date.UTC(2026, 10, 24), toMs: Date.UTC(2026, 10, 25) };
    const page = await readLogTablePage({ profile: profileFor(server.port), password: PASSWORD, source: SOURCE, query, limit: 100 });
    const built = buildLogTableQuery(SOURCE, query, 100);
    assert.deepEqual(server.statements, [built.sql]);
    const rpc = server.requests.find((r) => r.sql === built.sql)!;
    assert.equal(rpc.procedure, 'sp_executesql');
    // Values travel as parameters, never in the statement text.
    assert.ok(!rpc.sql.includes('Arest 50'));
    assert.match(rpc.paramsDeclaration ?? '', /@from datetime2\(3\).*@to datetime2\(3\).*@level0 nvarchar\(4000\).*@text nvarchar\(4000\).*@limit int/);
    assert.equal(server.logins[0].readOnlyIntent, true);
    assert.equal(page.rows, 2);
    const [a, b] = page.entries;
    assert.equal(a.level, 'Error');
    assert.equal(a.time, '2026-11-24T09:15:02.120Z');
    assert.deepEqual(a.properties, { MenetlusNumber: '12/2026/5', UserId: 42, SourceContext: 'ETaitur.Arest.ArestService' });
    assert.match(a.exception!, /ArestService\.cs:line 87/);
    assert.equal(a.file, 'sql:test/dbo.Logs');
    assert.equal(b.level, 'Warning');
    assert.deepEqual(b.properties, { UserId: 41, SourceContext: 'ETaitur.Volgnik.VolgnikController' });
  });

  it('applies property filters and regexes to the rows; load more uses OFFSET', async () => {
    server = await startServer({ handler: () => [{ kind: 'result', columns: COLUMNS, rows: ROWS }, { kind: 'done', rowCount: ROWS.length }] });
    const page = await readLogTablePage({
      profile: profileFor(server.port), password: PASSWORD, source: SOURCE, limit: 2, skip: 2,
      query: { text: 'Võlgniku \\d+', regex: true, properties: [{ name: 'UserId', op: '=', value: '41' }] },
    });
    assert.match(server.statements[0], /OFFSET @skip ROWS FETCH NEXT @limit ROWS ONLY/);
    assert.doesNotMatch(server.statements[0], /LIKE/);
    assert.equal(page.rows, 2);
    assert.deepEqual(page.entries.map((e) => [e.message, e.line]), [['Võlgniku 7 andmed puuduvad', 4]]);
  });

  it('a refused login is one clear error without the password', async () => {
    server = await startServer({ checkLogin: () => 'Login failed' });
    const err = await readLogTablePage({ profile: profileFor(server.port), password: PASSWORD, source: SOURCE, query: {}, limit: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof SqlLogError);
    assert.equal(err.info.kind, 'loginFailed');
    assert.ok(!err.message.includes(PASSWORD) && !err.info.detail.includes(PASSWORD));
  });
});

// Drift of a classifier file against the TDS test server's rows: the real mssql driver reads the table
// with one SELECT, and the comparison finds what differs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseClassifier } from '../../server/src/classifier/parse';
import { compareWithData, driftProblems } from '../../server/src/classifier/drift';
import { ClassifierReadError, driftQuery, readClassifierRows } from '../../server/src/classifier/readRows';
import type { TdsColumn, TdsValue } from './server/tokens';
import type { TdsTestServer } from './server/server';
import { PASSWORD, profileFor, startServer } from './helpers';

const KLASS = readFileSync(path.join(__dirname, '../fixtures/classifiers/menetluse-staatus.klass'), 'utf8');

const COLUMNS: TdsColumn[] = [
  { name: 'Kood', type: 'nvarchar' },
  { name: 'Nimetus', type: 'nvarchar' },
  { name: 'NimetusEn', type: 'nvarchar' },
  { name: 'NimetusRu', type: 'nvarchar' },
  { name: 'KehtivAlates', type: 'datetime2' },
  { name: 'KehtivKuni', type: 'datetime2' },
  { name: 'Jarjekord', type: 'int' },
];
const d = (s: string) => new Date(s + 'T00:00:00Z');

/** The table as the database holds it: 02 renamed, NO missing, 05 added. */
const ROWS: TdsValue[][] = [
  ['01', 'Menetluses', 'In proceedings', 'В производстве', d('2010-01-01'), null, 10],
  ['02', 'Peatatud ajutiselt', 'Suspended', 'Приостановлено', d('2010-01-01'), null, 20],
  ['03', 'Lõpetatud', 'Closed', 'Завершено', d('2010-01-01'), null, 30],
  ['05', 'Ühendatud', 'Merged', 'Объединено', d('2023-05-01'), null, 50],
];

describe('classifier drift over TDS', () => {
  let server: TdsTestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('reads the mapped columns with one SELECT and reports codes and values that differ', async () => {
    const file = parseClassifier(KLASS);
    const expected = driftQuery(file)!.sql;
    assert.equal(expected, 'SELECT [Kood], [Nimetus], [NimetusEn], [NimetusRu], [KehtivAlates], [KehtivKuni], [Jarjekord] FROM [dbo].[MenetluseStaatus];');
    server = await startServer({ handler: (r) => (r.sql === expected ? [{ kind: 'result', columns: COLUMNS, rows: ROWS }, { kind: 'done' }] : [{ kind: 'error', message: `unexpected: ${r.sql}`, number: 50000 }]) });
    const snapshot = await readClassifierRows(profileFor(server.port), PASSWORD, file, { requestTimeoutMs: 10_000, connectionTimeoutMs: 10_000 });
    assert.equal(snapshot.rows.length, 4);
    assert.equal(server.logins[0].readOnlyIntent, true);
    assert.deepEqual(server.statements, [expected]);
    const items = compareWithData(file, snapshot.rows);
    assert.deepEqual(items.map((i) => i.kind === 'differs' ? `${i.code} ${i.field}: ${i.fileValue} → ${i.dbValue}` : `${i.kind} ${i.code}`), [
      '02 et: Peatatud → Peatatud ajutiselt',
      'missingInDatabase NO',
      'missingInFile 05',
    ]);
    assert.equal(driftProblems(file, items)[2].message, 'Code 05 is in the database but not in this file (Ühendatud).');
  });

  it('a shared table is read with its type as a parameter', async () => {
    const file = parseClassifier('classifier DOKUMENDI_LIIK\ntable dbo.Klassifikaator\nkey Kood\ntype Tyyp = DOKUMENDI_LIIK\ncolumn et Nimetus\n\nvalue OTSUS\n  et Otsus\n');
    server = await startServer({ handler: () => [{ kind: 'result', columns: [{ name: 'Kood', type: 'nvarchar' }, { name: 'Tyyp', type: 'nvarchar' }, { name: 'Nimetus', type: 'nvarchar' }], rows: [['OTSUS', 'DOKUMENDI_LIIK', 'Otsus']] }, { kind: 'done' }] });
    const snapshot = await readClassifierRows(profileFor(server.port), PASSWORD, file, { requestTimeoutMs: 10_000 });
    const req = server.requests.filter((r) => !r.connectionSetup).pop()!;
    assert.equal(req.sql, 'SELECT [Kood], [Tyyp], [Nimetus] FROM [dbo].[Klassifikaator] WHERE [Tyyp] = @type;');
    assert.match(req.paramsDeclaration ?? '', /@type nvarchar/i);
    assert.deepEqual(compareWithData(file, snapshot.rows), []);
  });

  it('a refused login becomes a described error without the password', async () => {
    server = await startServer({ checkLogin: () => "Login failed for user 'workbench'." });
    await assert.rejects(readClassifierRows(profileFor(server.port), PASSWORD, parseClassifier(KLASS), { requestTimeoutMs: 10_000 }), (e: unknown) => {
      assert.ok(e instanceof ClassifierReadError);
      assert.equal(e.info.kind, 'loginFailed');
      assert.ok(!JSON.stringify(e.info).includes(PASSWORD));
      return true;
    });
  });
});

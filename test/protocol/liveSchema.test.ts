// The etaitur/liveSchema notification over stdio: the server checks against the client's live snapshot
// while it is set, reads it again when readAt changes, and goes back to the DDL settings on null.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { LiveSchemaNotification } from '../../server/src/shared/customMessages';
import { Schema, type TableInfo } from '../../server/src/schema/model';
import { serializeSnapshot, toSnapshot } from '../../server/src/schema/snapshotFormat';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');

const table = (name: string, columns: string[]): TableInfo => ({
  schema: 'dbo', name, kind: 'table', uniqueKeys: [], foreignKeys: [],
  columns: columns.map((c) => ({ name: c, type: 'int', nullable: false, identity: false, computed: false })),
});
const writeSnapshot = (file: string, tables: TableInfo[], at: string) =>
  fs.writeFileSync(file, serializeSnapshot(toSnapshot(new Schema(tables), { source: { kind: 'live', server: '127.0.0.1', database: 'eTaitur' }, generatedAt: new Date(at) })));

describe('language server: live schema notification', function () {
  let client: LspClient;
  let ws: string;
  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')), 'run npm run build first');
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-lsp-live-'));
    client = new LspClient(ROOT);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    await client.initialize(ws);
  });
  after(async () => { await client.stop(); fs.rmSync(ws, { recursive: true, force: true }); });

  it('switches to the live snapshot, follows its reloads, and back to DDL on null', async () => {
    const uri = pathToFileURL(path.join(ws, 'kontroll.sql')).toString();
    const unknown = (p: { diagnostics: { code?: string }[] }) => p.diagnostics.filter((d) => d.code === 'unknown-table' || d.code === 'unknown-column').length;
    const ddl = client.waitForDiagnostics((p) => p.uri === uri);
    client.open(uri, 'SELECT Id FROM dbo.UusTabel;\n');
    assert.equal(unknown(await ddl), 1, 'UusTabel is not in the DDL');

    const snapshot = path.join(ws, 'ETAITUR_TEST.schema.json');
    writeSnapshot(snapshot, [table('UusTabel', ['Id'])], '2026-11-24T18:00:00Z');
    const live = client.waitForDiagnostics((p) => p.uri === uri && unknown(p) === 0);
    await client.conn.sendNotification(LiveSchemaNotification.method, { profile: 'ETAITUR_TEST', snapshotPath: snapshot, readAt: '2026-11-24T18:00:00.000Z' } satisfies LiveSchemaNotification.Params);
    await live;

    writeSnapshot(snapshot, [table('TeineTabel', ['Id'])], '2026-11-24T19:00:00Z');
    const reloaded = client.waitForDiagnostics((p) => p.uri === uri && unknown(p) === 1);
    await client.conn.sendNotification(LiveSchemaNotification.method, { profile: 'ETAITUR_TEST', snapshotPath: snapshot, readAt: '2026-11-24T19:00:00.000Z' });
    await reloaded;

    await client.conn.sendNotification(LiveSchemaNotification.method, { snapshotPath: 42 }); // bad input: treated as null, no crash
    client.change(uri, 2, 'SELECT MenetlusId FROM dbo.Menetlus;\n');
    const back = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.equal(unknown(back), 0, 'Menetlus is in the DDL again');
    await client.conn.sendNotification(LiveSchemaNotification.method, null);
    assert.equal(client.proc.exitCode, null, 'server alive');
  });
});

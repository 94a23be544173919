// The language server's schema store with a live schema: the client's snapshot file wins over DDL
// settings while set, a rewritten file (new readAt) is read again, null or bad input goes back.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SchemaStore, parseLiveSchema } from '../../../server/src/lsp/schemaStore';
import { Schema, type TableInfo } from '../../../server/src/schema/model';
import { serializeSnapshot, toSnapshot } from '../../../server/src/schema/snapshotFormat';

const table = (name: string, columns: string[]): TableInfo => ({
  schema: 'dbo', name, kind: 'table', uniqueKeys: [], foreignKeys: [],
  columns: columns.map((c) => ({ name: c, type: 'nvarchar', maxLength: 100, nullable: true, identity: false, computed: false })),
});

async function writeSnapshot(file: string, tables: TableInfo[], at: Date): Promise<void> {
  const snap = toSnapshot(new Schema(tables), { source: { kind: 'live', server: 'sql01.koda.ee', database: 'eTaitur' }, generatedAt: at });
  await fs.writeFile(file, serializeSnapshot(snap), 'utf8');
}

describe('schema store: live schema from the client', () => {
  let dir: string;
  beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-store-')); });
  afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('uses the live snapshot instead of the DDL while set, and the DDL again after null', async () => {
    const ddl = path.join(dir, 'Tables.sql');
    await fs.writeFile(ddl, 'CREATE TABLE dbo.Menetlus (Id int NOT NULL, Number nvarchar(20) NOT NULL);\n', 'utf8');
    const live = path.join(dir, 'ETAITUR_TEST.schema.json');
    await writeSnapshot(live, [table('Menetlus', ['Id', 'Number', 'Staatus']), table('Võlgnik', ['Id', 'Isikukood'])], new Date('2026-11-24T18:00:00Z'));
    const loaded: string[] = [];
    const store = new SchemaStore(() => undefined, (l) => loaded.push(l.spec.snapshot || 'ddl'));
    const spec = { ddl: [ddl], snapshot: '', caseSensitive: false };
    assert.equal((await store.get(spec))?.result?.schema.size, 1);
    assert.equal(store.setLive({ profile: 'ETAITUR_TEST', snapshotPath: live, readAt: '2026-11-24T18:00:00.000Z' }), true);
    const viaLive = await store.get(spec);
    assert.equal(viaLive?.result?.schema.size, 2);
    assert.ok(viaLive?.result?.schema.findTable('võlgnik'));
    assert.equal((await store.get(undefined))?.result?.schema.size, 2, 'no settings: still the live schema');
    assert.equal(store.setLive({ profile: 'ETAITUR_TEST', snapshotPath: live, readAt: '2026-11-24T18:00:00.000Z' }), false, 'same params: no change');
    assert.equal(store.setLive(null), true);
    assert.equal((await store.get(spec))?.result?.schema.size, 1);
    assert.equal(await store.get(undefined), undefined);
    assert.deepEqual(loaded, ['ddl', live], 'the DDL schema stayed loaded meanwhile');
  });

  it('reads the rewritten snapshot when readAt changes', async () => {
    const live = path.join(dir, 'live.schema.json');
    await writeSnapshot(live, [table('Arest', ['Id'])], new Date('2026-11-24T18:00:00Z'));
    const store = new SchemaStore(() => undefined, () => undefined);
    store.setLive({ profile: 'p', snapshotPath: live, readAt: '2026-11-24T18:00:00.000Z' });
    assert.equal((await store.get(undefined))?.result?.schema.findTable('Arest')?.columns.length, 1);
    await writeSnapshot(live, [table('Arest', ['Id', 'Summa'])], new Date('2026-11-24T19:00:00Z'));
    assert.equal((await store.get(undefined))?.result?.schema.findTable('Arest')?.columns.length, 1, 'cached until told');
    assert.equal(store.setLive({ profile: 'p', snapshotPath: live, readAt: '2026-11-24T19:00:00.000Z' }), true);
    assert.equal((await store.get(undefined))?.result?.schema.findTable('Arest')?.columns.length, 2);
  });

  it('treats bad payloads as no live schema and never throws', () => {
    for (const bad of [undefined, null, 42, 'x', {}, { snapshotPath: 'relative/file.json' }, { snapshotPath: 7 }, []]) assert.equal(parseLiveSchema(bad), undefined);
    const store = new SchemaStore(() => undefined, () => undefined);
    assert.equal(store.setLive({ snapshotPath: '../x.json' }), false);
    assert.equal(store.liveSchema, undefined);
    assert.deepEqual(parseLiveSchema({ profile: 'ETAITUR_TEST', snapshotPath: path.resolve('/tmp/x.json'), readAt: 5 }), { profile: 'ETAITUR_TEST', snapshotPath: path.resolve('/tmp/x.json'), readAt: '' });
  });
});

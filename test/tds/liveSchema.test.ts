import * as assert from 'node:assert/strict';
import { LiveSchemaError, LiveSchemaSource } from '../../server/src/schema/live/liveSchemaSource';
import { CATALOG_QUERY, CHANGE_QUERY } from '../../server/src/schema/live/catalogQuery';
import { SchemaChangePoller } from '../../server/src/schema/live/changePoller';
import { parseSnapshot } from '../../server/src/schema/snapshotFormat';
import { TdsReply, TdsTestServer } from './server/server';
import { catalogReplies, catalogRepliesCutOff, changeStampReply } from './fixtures/catalog';
import { PASSWORD, profileFor, startServer } from './helpers';

describe('live schema over TDS', () => {
  let server: TdsTestServer;
  let source: LiveSchemaSource | undefined;
  afterEach(async () => {
    await source?.dispose();
    source = undefined;
    await server?.stop();
  });

  function newSource(extra: { requestTimeoutMs?: number; onSnapshot?: (json: string) => void } = {}) {
    source = new LiveSchemaSource({ profile: profileFor(server.port), password: PASSWORD, ...extra });
    return source;
  }

  it('reads the whole catalog in one batch into the schema model', async () => {
    server = await startServer({ handler: (r) => (r.sql === CATALOG_QUERY ? catalogReplies() : [{ kind: 'error', message: 'unexpected', number: 50000 }]) });
    const result = await newSource().load();
    assert.deepEqual(server.statements, [CATALOG_QUERY]);
    const login = server.logins[0];
    assert.equal(login.readOnlyIntent, true);
    assert.equal(login.database, 'eTaitur');
    assert.equal(login.password, PASSWORD);
    const s = result.schema;
    assert.equal(s.size, 5);
    const menetlus = s.findTable('menetlus')!;
    assert.equal(menetlus.description, 'Täitemenetlus');
    assert.deepEqual(menetlus.primaryKey, { name: 'PK_Menetlus', kind: 'primary', columns: ['Id'] });
    assert.deepEqual(menetlus.uniqueKeys.map((k) => k.columns), [['Number']]);
    assert.deepEqual(menetlus.foreignKeys, [{ name: 'FK_Menetlus_Volgnik', columns: ['VolgnikId'], refSchema: 'dbo', refTable: 'Võlgnik', refColumns: ['Id'] }]);
    const id = s.findColumn(menetlus, 'Id')!;
    assert.equal(id.identity, true);
    assert.equal(id.nullable, false);
    const number = s.findColumn(menetlus, 'Number')!;
    assert.equal(number.maxLength, 20);
    assert.equal(number.description, 'Menetluse number');
    assert.deepEqual([s.findColumn(menetlus, 'NoudeSumma')!.precision, s.findColumn(menetlus, 'NoudeSumma')!.scale], [18, 2]);
    assert.equal(s.findColumn(menetlus, 'Staatus')!.default, "(N'AVATUD')");
    assert.equal(s.findColumn(menetlus, 'Markus')!.maxLength, -1);
    assert.equal(s.findColumn(s.findTable('Võlgnik')!, 'TaisNimi')!.computed, true);
    assert.deepEqual(s.findTable('Klassifikaator', 'klass')!.primaryKey!.columns, ['Liik', 'Kood']);
    assert.equal(s.findTable('vAktiivsedMenetlused')!.kind, 'view');
    assert.equal(s.findTable('Volglane'), s.findTable('Võlgnik'), 'a synonym resolves to its target');
    assert.deepEqual(s.synonyms.map((x) => [x.name, x.targetDatabase ?? '']), [['Volglane', ''], ['ArhiiviMenetlus', 'eTaiturArhiiv']]);
    assert.deepEqual(result.warnings, []);
  });

  it('hands the loaded schema out as a snapshot that parses back', async () => {
    server = await startServer({ handler: () => catalogReplies() });
    let json = '';
    await newSource({ onSnapshot: (j) => (json = j) }).load();
    const parsed = parseSnapshot(json);
    assert.ok(parsed.ok);
    if (parsed.ok) assert.equal(parsed.schema.size, 5);
  });

  it('reports a refused login clearly, without the password', async () => {
    server = await startServer({ checkLogin: (l) => `Login failed for user '${l.user}'. Reason: Password did not match ${l.password}` });
    const err = await newSource().load().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof LiveSchemaError);
    assert.equal(err.info.kind, 'loginFailed');
    assert.equal(err.info.action, 'reenterPassword');
    assert.match(err.info.message.et, /Sisesta parool uuesti/);
    for (const text of [err.info.message.en, err.info.message.et, err.info.detail, err.message]) assert.ok(!text.includes(PASSWORD), text);
    assert.equal(server.statements.length, 0);
  });

  it('recovers from a connection dropped mid-read on the next load', async () => {
    let first = true;
    server = await startServer({
      handler: () => {
        const r = first ? catalogRepliesCutOff() : catalogReplies();
        first = false;
        return r;
      },
    });
    const src = newSource();
    const err = await src.load().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof LiveSchemaError);
    assert.equal(err.info.kind, 'unreachable');
    const again = await src.load();
    assert.equal(again.schema.size, 5);
    assert.equal(server.statements.filter((s) => s === CATALOG_QUERY).length, 2);
  });

  it('times out, cancels the request with ATTENTION and says so', async () => {
    server = await startServer({ handler: (): TdsReply[] => [{ kind: 'delay', ms: 60_000 }, ...catalogReplies()] });
    const err = await newSource({ requestTimeoutMs: 300 }).load().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof LiveSchemaError);
    assert.equal(err.info.kind, 'timeout');
    assert.ok(server.attentions >= 1);
  });

  it('maps permission denied on the catalog to its own message', async () => {
    server = await startServer({ handler: () => [{ kind: 'error', number: 229, message: "The SELECT permission was denied on the object 'objects', database 'mssqlsystemresource', schema 'sys'." }] });
    const err = await newSource().load().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof LiveSchemaError);
    assert.equal(err.info.kind, 'permissionDenied');
    assert.equal(err.info.action, 'openSettings');
  });

  it('reloads only when the change stamp over sys.objects changes', async () => {
    let checksum = 1234;
    server = await startServer({ handler: (r) => (r.sql === CHANGE_QUERY ? changeStampReply(42, checksum) : catalogReplies()) });
    const reloads: number[] = [];
    const poller = new SchemaChangePoller(newSource(), (r) => reloads.push(r.schema.size));
    assert.equal(await poller.check(), true);
    assert.equal(await poller.check(), false);
    assert.equal(await poller.check(), false);
    checksum = -98765;
    assert.equal(await poller.check(), true);
    assert.deepEqual(reloads, [5, 5]);
    assert.equal(server.statements.filter((s) => s === CATALOG_QUERY).length, 2);
    assert.equal(server.statements.filter((s) => s === CHANGE_QUERY).length, 4);
  });
});

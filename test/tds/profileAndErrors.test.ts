import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toMssqlConfig, validateProfile } from '../../server/src/live/profile';
import { describeLiveError } from '../../server/src/live/errors';
import { resolveCliConnection } from '../../server/src/live/cliConnection';
import { readSnapshotCache, writeSnapshotCache } from '../../server/src/schema/live/snapshotCache';
import { snapshotAge } from '../../server/src/schema/live/liveSchemaSource';
import { serializeSnapshot, toSnapshot } from '../../server/src/schema/snapshotFormat';
import { Schema } from '../../server/src/schema/model';

const RAW = { name: 'test-eTaitur', server: 'sql-test.kpk.local', port: 1433, database: 'eTaitur', authentication: { kind: 'sql', user: 'haldur' }, production: false };

describe('connection profiles', () => {
  it('validates a profile and fills the safe defaults', () => {
    const v = validateProfile(RAW);
    assert.ok(v.ok);
    if (v.ok) {
      assert.equal(v.profile.encrypt, true);
      assert.equal(v.profile.trustServerCertificate, false);
      assert.equal(v.profile.production, false);
    }
  });

  it('refuses a profile that carries a password, lacks fields or has a bad port', () => {
    const v = validateProfile({ ...RAW, password: 'x', port: 70000, database: '', authentication: { kind: 'ntlm', user: 'haldur' } });
    assert.ok(!v.ok);
    if (!v.ok) {
      assert.equal(v.errors.length, 4);
      assert.ok(v.errors.some((e) => e.includes('password')));
      assert.ok(v.errors.some((e) => e.includes('domain')));
    }
    assert.ok(!validateProfile(null).ok);
    assert.ok(!validateProfile('server=x').ok);
  });

  it('builds an NTLM config and ApplicationIntent=ReadOnly for schema reads', () => {
    const v = validateProfile({ ...RAW, authentication: { kind: 'ntlm', user: 'haldur', domain: 'KPK' } });
    assert.ok(v.ok);
    if (!v.ok) return;
    const c = toMssqlConfig(v.profile, 'pw', { readOnlyIntent: true });
    assert.deepEqual(c.authentication, { type: 'ntlm', options: { userName: 'haldur', password: 'pw', domain: 'KPK' } });
    assert.equal(c.options.readOnlyIntent, true);
  });

  it('CLI: takes the password from ETAITUR_DB_PASSWORD only', () => {
    assert.deepEqual(resolveCliConnection([RAW], 'prod', {}), { ok: false, error: 'No connection profile named "prod" (known: test-eTaitur).' });
    const missing = resolveCliConnection([RAW], 'test-eTaitur', {});
    assert.ok(!missing.ok && missing.error.includes('ETAITUR_DB_PASSWORD'));
    const ok = resolveCliConnection([RAW], 'test-eTaitur', { ETAITUR_DB_PASSWORD: 'Saladus1' });
    assert.ok(ok.ok && ok.password === 'Saladus1');
  });
});

describe('live error messages', () => {
  const ctx = { server: 'sql-test', database: 'eTaitur', user: 'haldur', password: 'Väga-Salajane9' };
  const cases: [unknown, string, string][] = [
    [{ code: 'ELOGIN', message: "Login failed for user 'haldur'. Väga-Salajane9" }, 'loginFailed', 'reenterPassword'],
    [{ code: 'ESOCKET', message: 'Failed to connect to sql-test:1433 - connect ECONNREFUSED' }, 'unreachable', 'openSettings'],
    [{ code: 'ETIMEOUT', message: 'Timeout: Request failed to complete in 15000ms' }, 'timeout', 'retry'],
    [{ number: 229, message: "The SELECT permission was denied on the object 'extended_properties'" }, 'permissionDenied', 'openSettings'],
    [new Error('Invalid object name Väga-Salajane9'), 'other', 'none'],
  ];
  for (const [err, kind, action] of cases) {
    it(`${kind}: one clear message in English and Estonian, never the password`, () => {
      const e = describeLiveError(err, ctx);
      assert.equal(e.kind, kind);
      assert.equal(e.action, action);
      assert.notEqual(e.message.en, e.message.et);
      for (const t of [e.message.en, e.message.et, e.detail]) assert.ok(!t.includes(ctx.password), t);
    });
  }
});

describe('snapshot cache', () => {
  it('writes the live schema and reads it back with its age', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-live-'));
    const file = path.join(dir, 'cache', 'eTaitur.schema.json');
    const schema = new Schema([{ schema: 'dbo', name: 'Toiming', kind: 'table', columns: [{ name: 'Id', type: 'int', nullable: false, identity: true, computed: false }], uniqueKeys: [], foreignKeys: [] }]);
    await writeSnapshotCache(file, serializeSnapshot(toSnapshot(schema, { source: { kind: 'live', database: 'eTaitur' }, generatedAt: new Date('2026-11-24T09:00:00Z') })));
    const cached = await readSnapshotCache(file, new Date('2026-11-24T12:30:00Z'));
    assert.ok(cached);
    assert.equal(cached.schema.findTable('toiming')?.columns[0].identity, true);
    assert.equal(cached.age, '3 h');
    assert.equal(await readSnapshotCache(path.join(dir, 'missing.json')), undefined);
    await fs.writeFile(path.join(dir, 'bad.json'), '{ not json');
    assert.equal(await readSnapshotCache(path.join(dir, 'bad.json')), undefined);
    await fs.rm(dir, { recursive: true });
  });

  it('describes ages', () => {
    const t = new Date('2026-11-24T12:00:00Z');
    assert.deepEqual(['2026-11-24T11:59:30Z', '2026-11-24T11:15:00Z', '2026-11-21T12:00:00Z'].map((d) => snapshotAge(new Date(d), t)), ['just now', '45 min', '3 d']);
  });
});

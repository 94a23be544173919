import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Schema, TableInfo } from '../../../server/src/schema/model';
import { parseSnapshot, parseTypeText, serializeSnapshot, toSnapshot } from '../../../server/src/schema/snapshotFormat';
import { SnapshotError, SnapshotExistsError, SnapshotSchemaSource, loadSnapshotSchema, writeSnapshot } from '../../../server/src/schema/snapshotSource';
import { generateSchema } from '../../bench/generateSchema';

const menetlus: TableInfo = {
  schema: 'dbo',
  name: 'Menetlus',
  kind: 'table',
  description: 'Täitemenetlus (enforcement proceeding)',
  columns: [
    { name: 'MenetlusId', type: 'int', nullable: false, identity: true, computed: false },
    { name: 'Number', type: 'nvarchar', maxLength: 20, nullable: false, identity: false, computed: false, description: 'Menetluse number, nt 123/2024/456' },
    { name: 'NoudeSumma', type: 'decimal', precision: 12, scale: 2, nullable: true, identity: false, computed: false },
    { name: 'Markus', type: 'nvarchar', maxLength: -1, nullable: true, identity: false, computed: false },
    { name: 'Loodud', type: 'datetime2', scale: 0, nullable: false, identity: false, computed: false, default: '(sysdatetime())' },
    { name: 'Aasta', type: 'int', nullable: true, identity: false, computed: true },
  ],
  primaryKey: { name: 'PK_Menetlus', kind: 'primary', columns: ['MenetlusId'] },
  uniqueKeys: [{ name: 'UQ_Menetlus_Number', kind: 'unique', columns: ['Number'] }],
  foreignKeys: [{ name: 'FK_Menetlus_Staatus', columns: ['Staatus'], refSchema: 'dbo', refTable: 'MenetluseStaatus', refColumns: ['Kood'] }],
};
const view: TableInfo = {
  schema: 'dbo', name: 'vAktiivneMenetlus', kind: 'view', uniqueKeys: [], foreignKeys: [],
  columns: [{ name: 'MenetlusId', type: 'int', nullable: false, identity: false, computed: false }],
};

function validSnapshot(): any {
  return JSON.parse(serializeSnapshot(toSnapshot(new Schema([menetlus, view]), { source: { kind: 'live', server: 'sql01', database: 'eTaitur' }, generatedAt: new Date('2026-11-24T08:00:00Z') })));
}

describe('schema snapshot', () => {
  it('round-trips every field of tables, views, keys and columns', () => {
    const text = serializeSnapshot(toSnapshot(new Schema([menetlus, view]), { source: { kind: 'ddl', paths: ['db/'] } }));
    const r = parseSnapshot(text);
    assert.ok(r.ok, !r.ok ? r.error : '');
    if (!r.ok) return;
    const { location: _a, ...expected } = menetlus;
    assert.deepEqual(r.schema.findTable('MENETLUS'), expected);
    assert.deepEqual(r.schema.findTable('vAktiivneMenetlus'), view);
    assert.deepEqual(r.source, { kind: 'ddl', paths: ['db/'] });
  });

  it('omits defaults to stay compact', () => {
    const s = toSnapshot(new Schema([menetlus]), { source: { kind: 'live' } });
    const col = s.tables[0].columns[3];
    assert.deepEqual(col, { name: 'Markus', type: 'nvarchar(max)' });
    assert.deepEqual(s.tables[0].columns[2], { name: 'NoudeSumma', type: 'decimal(12,2)' });
    assert.equal(s.tables[0].kind, undefined);
  });

  it('keeps the caseSensitive option and honours an override', () => {
    const s = toSnapshot(new Schema([menetlus], { caseSensitive: true, defaultSchema: 'dbo' }), { source: { kind: 'live' } });
    const r = parseSnapshot(JSON.stringify(s));
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.schema.findTable('menetlus'), undefined);
    assert.ok(r.schema.findTable('Menetlus'));
    const r2 = parseSnapshot(JSON.stringify(s), { caseSensitive: false });
    assert.ok(r2.ok && r2.schema.findTable('menetlus'));
  });

  const bad: [string, (s: any) => void, string, RegExp][] = [
    ['wrong format', (s) => { s.format = 'something-else'; }, '$.format', /not an e-Täitur schema snapshot/],
    ['future version', (s) => { s.version = 2; }, '$.version', /unsupported version/],
    ['missing tables', (s) => { delete s.tables; }, '$.tables', /expected an array/],
    ['column type a number', (s) => { s.tables[0].columns[1].type = 5; }, '$.tables[0].columns[1].type', /expected a string/],
    ['column without a name', (s) => { delete s.tables[1].columns[0].name; }, '$.tables[1].columns[0].name', /expected a string/],
    ['nullable as a string', (s) => { s.tables[0].columns[0].nullable = 'no'; }, '$.tables[0].columns[0].nullable', /true or false/],
    ['malformed type', (s) => { s.tables[0].columns[1].type = 'nvarchar(viiskümmend)'; }, '$.tables[0].columns[1].type', /expected a type such as/],
    ['length kept as a separate field (not in v1)', (s) => { s.tables[0].columns[1].maxLength = 20; }, '$.tables[0].columns[1].maxLength', /unknown field/],
    ['unknown field (typo)', (s) => { s.tables[0].columns[2].nulable = false; }, '$.tables[0].columns[2].nulable', /unknown field/],
    ['bad kind', (s) => { s.tables[1].kind = 'procedure'; }, '$.tables[1].kind', /"table" or "view"/],
    ['fk column count mismatch', (s) => { s.tables[0].foreignKeys[0].refColumns = ['Kood', 'Tyyp']; }, '$.tables[0].foreignKeys[0].refColumns', /1 columns but 2/],
    ['empty key', (s) => { s.tables[0].primaryKey.columns = []; }, '$.tables[0].primaryKey.columns', /at least one/],
    ['bad date', (s) => { s.generatedAt = 'eile'; }, '$.generatedAt', /ISO 8601/],
    ['duplicate table', (s) => { s.tables[1].name = 'MENETLUS'; s.tables[1].kind = 'table'; }, '$.tables[1].name', /duplicate table/],
    ['tables not an array', (s) => { s.tables = {}; }, '$.tables', /found an object/],
  ];
  for (const [what, mutate, jsonPath, message] of bad) {
    it(`rejects ${what} with the JSON path ${jsonPath}`, () => {
      const s = validSnapshot();
      mutate(s);
      const r = parseSnapshot(JSON.stringify(s));
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.path, jsonPath);
      assert.match(r.error, message);
    });
  }

  it('reads type text back into type, length, precision and scale', () => {
    const cases: [string, object][] = [
      ['int', { type: 'int' }],
      ['NVARCHAR(50)', { type: 'nvarchar', maxLength: 50 }],
      ['varbinary(max)', { type: 'varbinary', maxLength: -1 }],
      ['decimal(12,2)', { type: 'decimal', precision: 12, scale: 2 }],
      ['datetime2(3)', { type: 'datetime2', scale: 3 }],
      ['float(53)', { type: 'float', precision: 53 }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(parseTypeText(text), expected, text);
    assert.equal(parseTypeText('int)'), undefined);
    assert.equal(parseTypeText('decimal(max,2)'), undefined);
  });

  it('gives an error, not a crash, for every truncation and for garbage', () => {
    const text = JSON.stringify(validSnapshot());
    for (let n = 0; n < text.length; n += 7) {
      const r = parseSnapshot(text.slice(0, n));
      assert.equal(r.ok, false, `prefix of ${n} chars`);
    }
    for (const garbage of ['', 'null', '[]', '42', '"etaitur"', '\u0000\u0001', '{"format":"etaitur-schema","version":1,"generatedAt":"2026-01-01T00:00:00Z","source":null,"tables":[]}']) {
      const r = parseSnapshot(garbage);
      assert.equal(r.ok, false, JSON.stringify(garbage));
      if (!r.ok) assert.ok(r.error.length > 0 && r.path.startsWith('$'));
    }
  });

  describe('files', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-snap-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('writes, refuses to overwrite without intent, and loads through SnapshotSchemaSource', async () => {
      const file = path.join(dir, 'eTaitur.schema.json');
      const snap = toSnapshot(new Schema([menetlus]), { source: { kind: 'live', database: 'eTaitur' } });
      await writeSnapshot(file, snap, { overwrite: false });
      const first = await fs.readFile(file, 'utf8');
      const other = toSnapshot(new Schema([view]), { source: { kind: 'live' } });
      await assert.rejects(writeSnapshot(file, other, { overwrite: false }), SnapshotExistsError);
      assert.equal(await fs.readFile(file, 'utf8'), first);
      assert.deepEqual((await fs.readdir(dir)).sort(), ['eTaitur.schema.json'], 'no temp file left behind');
      const loaded = await new SnapshotSchemaSource(file).load();
      assert.ok(loaded.schema.findTable('Menetlus'));
      assert.match(loaded.description, /snapshot of eTaitur: 1 tables/);
      await writeSnapshot(file, other, { overwrite: true });
      const again = await loadSnapshotSchema(file);
      assert.equal(again.schema.findTable('Menetlus'), undefined);
      assert.ok(again.schema.findTable('vAktiivneMenetlus'));
    });

    it('reports a bad file with its name and JSON path', async () => {
      const file = path.join(dir, 'katki.json');
      const s = validSnapshot();
      s.tables[0].columns[0].identity = 1;
      await fs.writeFile(file, JSON.stringify(s));
      await assert.rejects(loadSnapshotSchema(file), (e: unknown) => {
        assert.ok(e instanceof SnapshotError);
        assert.equal(e.jsonPath, '$.tables[0].columns[0].identity');
        assert.ok(e.message.includes('katki.json'));
        return true;
      });
      await assert.rejects(loadSnapshotSchema(path.join(dir, 'puudub.json')), /cannot be read \(ENOENT\)/);
    });

    it('round-trips a generated schema of 300 tables', async () => {
      const schema = generateSchema({ tables: 300 });
      const file = path.join(dir, 's.json');
      await writeSnapshot(file, toSnapshot(schema, { source: { kind: 'ddl' } }), { overwrite: false });
      const r = await loadSnapshotSchema(file);
      assert.equal(r.schema.size, 300);
      assert.deepEqual(r.schema.tables, schema.tables);
    });
  });
});

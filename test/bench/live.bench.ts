// Live schema bench over the TDS test server (127.0.0.1, no TLS; a real SQL Server adds its own
// query time): one catalog read of a large schema (1,500 tables, 25 columns each) into the model and
// the snapshot cache; one change-stamp poll; the language server's read of the cached snapshot.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LiveSchemaSource } from '../../server/src/schema/live/liveSchemaSource';
import { CATALOG_QUERY, CHANGE_QUERY } from '../../server/src/schema/live/catalogQuery';
import { writeSnapshotCache } from '../../server/src/schema/live/snapshotCache';
import { loadSnapshotSchema } from '../../server/src/schema/snapshotSource';
import { TdsTestServer, type TdsReply } from '../tds/server/server';
import type { TdsColumn, TdsValue } from '../tds/server/tokens';
import { changeStampReply } from '../tds/fixtures/catalog';
import { mapCatalog, type Row } from '../../server/src/schema/live/catalogMapping';
import { serializeSnapshot, toSnapshot } from '../../server/src/schema/snapshotFormat';
import { PASSWORD, profileFor } from '../tds/helpers';

const TABLES = 1500;
const COLUMNS = 25;

function catalog(): TdsReply[] {
  const obj: TdsColumn[] = [{ name: 'object_id', type: 'int' }, { name: 'schema_name', type: 'nvarchar' }, { name: 'name', type: 'nvarchar' }, { name: 'type', type: 'varchar' }, { name: 'description', type: 'nvarchar(max)' }];
  const col: TdsColumn[] = [
    { name: 'object_id', type: 'int' }, { name: 'column_id', type: 'int' }, { name: 'name', type: 'nvarchar' }, { name: 'type_name', type: 'nvarchar' },
    { name: 'max_length', type: 'smallint' }, { name: 'precision', type: 'tinyint' }, { name: 'scale', type: 'tinyint' }, { name: 'is_nullable', type: 'bit' },
    { name: 'is_identity', type: 'bit' }, { name: 'is_computed', type: 'bit' }, { name: 'default_definition', type: 'nvarchar(max)' }, { name: 'description', type: 'nvarchar(max)' },
  ];
  const key: TdsColumn[] = [{ name: 'object_id', type: 'int' }, { name: 'name', type: 'nvarchar' }, { name: 'is_primary_key', type: 'bit' }, { name: 'key_ordinal', type: 'tinyint' }, { name: 'column_name', type: 'nvarchar' }];
  const fk: TdsColumn[] = [{ name: 'object_id', type: 'int' }, { name: 'name', type: 'nvarchar' }, { name: 'constraint_column_id', type: 'int' }, { name: 'column_name', type: 'nvarchar' }, { name: 'ref_schema', type: 'nvarchar' }, { name: 'ref_table', type: 'nvarchar' }, { name: 'ref_column', type: 'nvarchar' }];
  const objects: TdsValue[][] = [];
  const columns: TdsValue[][] = [];
  const keys: TdsValue[][] = [];
  const fks: TdsValue[][] = [];
  for (let t = 1; t <= TABLES; t++) {
    objects.push([t, 'dbo', `Tabel${t}_Menetlus`, 'U ', t % 3 ? null : `Täitemenetluse tabel ${t}`]);
    for (let c = 1; c <= COLUMNS; c++) {
      columns.push(c === 1 ? [t, 1, 'Id', 'int', 4, 10, 0, false, true, false, null, null] : [t, c, `Veerg${c}_Nimetus`, 'nvarchar', 200, 0, 0, true, false, false, c % 5 ? null : "(N'AVATUD')", null]);
    }
    keys.push([t, `PK_Tabel${t}`, true, 1, 'Id']);
    if (t > 1) fks.push([t, `FK_Tabel${t}_Eelmine`, 1, 'Veerg2_Nimetus', 'dbo', `Tabel${t - 1}_Menetlus`, 'Id']);
  }
  return [{ kind: 'result', columns: obj, rows: objects }, { kind: 'result', columns: col, rows: columns }, { kind: 'result', columns: key, rows: keys }, { kind: 'result', columns: fk, rows: fks }];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const replies = catalog();
  const server = new TdsTestServer({ handler: (r) => (r.sql === CHANGE_QUERY ? changeStampReply(TABLES, 1) : r.sql === CATALOG_QUERY ? replies : [{ kind: 'done' }]) });
  await server.start();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-live-bench-'));
  const file = path.join(dir, 'ETAITUR_BENCH.schema.json');
  let json = '';
  const source = new LiveSchemaSource({ profile: profileFor(server.port), password: PASSWORD, onSnapshot: async (j) => { json = j; await writeSnapshotCache(file, j); } });
  try {
    const loads: number[] = [];
    const polls: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < 6; i++) {
      let t0 = performance.now();
      await source.load();
      loads.push(performance.now() - t0);
      t0 = performance.now();
      await source.changeStamp();
      polls.push(performance.now() - t0);
      t0 = performance.now();
      await loadSnapshotSchema(file);
      reads.push(performance.now() - t0);
    }
    loads.shift(); polls.shift(); reads.shift(); // first round includes connecting and JIT warm-up
    console.log(`live catalog read (${TABLES} tables x ${COLUMNS} columns, one round trip, mapped, cache written): median ${median(loads).toFixed(0)} ms (min ${Math.min(...loads).toFixed(0)})`);
    const sets: Row[][] = replies.map((r) => (r.kind === 'result' ? r.rows.map((v) => Object.fromEntries(r.columns.map((c, i) => [c.name, v[i]]))) : []));
    const maps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      serializeSnapshot(toSnapshot(mapCatalog(sets).schema, { source: { kind: 'live', server: 'x', database: 'y' } }));
      maps.push(performance.now() - t0);
    }
    maps.shift();
    console.log(`  of which mapping + snapshot JSON (pure, no I/O): median ${median(maps).toFixed(0)} ms; the rest is TDS encoding in the test server (same process) and tedious decoding`);
    console.log(`change-stamp poll: median ${median(polls).toFixed(1)} ms`);
    console.log(`snapshot cache: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB; language server read: median ${median(reads).toFixed(0)} ms`);
  } finally {
    await source.dispose();
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

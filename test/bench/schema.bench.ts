// Schema loading figures: a 2,000-table DDL folder (target < 1 s) and a 36,000-table snapshot,
// timed in an esbuild bundle built like dist/ (see runBundled in parse.bench.ts).

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDdlSchema } from '../../server/src/schema/ddlSource';
import { toSnapshot } from '../../server/src/schema/snapshotFormat';
import { loadSnapshotSchema, writeSnapshot } from '../../server/src/schema/snapshotSource';
import { generateDdlFiles, generateSchema } from './generateSchema';
import { loadAverage, runBundled } from './parse.bench';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function ddlBench(dir: string): Promise<void> {
  const files = generateDdlFiles({ tables: 2000, columnsPerTable: 20 });
  await Promise.all(files.map(async (f) => {
    const p = path.join(dir, 'ddl', f.path);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, f.text);
  }));
  const times: number[] = [];
  let columns = 0;
  let tables = 0;
  let warnings = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await loadDdlSchema([path.join(dir, 'ddl')]);
    times.push(performance.now() - t0);
    tables = r.schema.size;
    columns = r.schema.tables.reduce((n, t) => n + t.columns.length, 0);
    warnings = r.warnings.length;
  }
  const m = median(times);
  console.log(`   DDL schema: ${tables} tables / ${columns} columns from ${files.length} files: median ${m.toFixed(0)} ms of 5 (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), ${warnings} warnings; target < 1000 ms: ${m < 1000 ? 'met' : 'MISSED'}`);
}

/** Writes the snapshot from a function of its own, so the generated schema is garbage before loading. */
async function writeBigSnapshot(file: string): Promise<{ tables: number; columns: number; writeMs: number }> {
  const schema = generateSchema({ tables: 36000, columnsPerTable: 9 });
  const columns = schema.tables.reduce((n, t) => n + t.columns.length, 0);
  const tw = performance.now();
  await writeSnapshot(file, toSnapshot(schema, { source: { kind: 'bench' } }), { overwrite: true });
  return { tables: schema.size, columns, writeMs: performance.now() - tw };
}

async function snapshotBench(dir: string): Promise<void> {
  const file = path.join(dir, 'etaitur-schema.json');
  const written = await writeBigSnapshot(file);
  const size = (await fs.stat(file)).size;
  global.gc?.();
  // Baseline: what JSON.parse alone costs on this machine for this file.
  const text = await fs.readFile(file, 'utf8');
  const tp = performance.now();
  JSON.parse(text);
  const parseMs = performance.now() - tp;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let loaded;
  for (let i = 0; i < 3; i++) {
    loaded = undefined;
    global.gc?.();
    const t0 = performance.now();
    loaded = await loadSnapshotSchema(file);
    times.push(performance.now() - t0);
  }
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const found = loaded?.schema.findTable('menetlus') ? 'yes' : 'no';
  console.log(`   snapshot: ${written.tables} tables / ${written.columns} columns, file ${mb(size)} MB (written in ${written.writeMs.toFixed(0)} ms)`);
  console.log(`   snapshot load (read + JSON.parse + validate + index): median ${median(times).toFixed(0)} ms of 3 (min ${Math.min(...times).toFixed(0)}); JSON.parse alone ${parseMs.toFixed(0)} ms`);
  console.log(`   heap held by the loaded schema ~${mb(heapAfter - heapBefore)} MB${global.gc ? '' : ' (run node with --expose-gc for an exact figure)'}; lookup ok: ${found}`);
}

/** The measurement itself, run in the bundle (code as shipped, with --expose-gc for exact heap figures). */
export async function measureSchemas(): Promise<void> {
  console.log(`   ${loadAverage()}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-bench-'));
  try {
    await ddlBench(dir);
    await snapshotBench(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await runBundled(__filename, 'measureSchemas');
}

// Bench runner: `npm run bench [-- name-filter]` runs every test/bench/*.bench.ts in name order
// (each exports `async function run(): Promise<void>` that prints its own figures), then peak RSS.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

interface BenchModule {
  run(): Promise<void>;
}

function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<number> {
  const filter = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const dir = __dirname;
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  const selected = filter ? files.filter((f) => f.includes(filter)) : files;
  if (selected.length === 0) {
    console.error(`no benchmark matches "${filter ?? ''}" (have: ${files.join(', ') || 'none'})`);
    return 2;
  }
  let failed = 0;
  for (const file of selected) {
    console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
    const started = performance.now();
    try {
      const mod = (await import(path.join(dir, file))) as Partial<BenchModule> & { default?: Partial<BenchModule> };
      const run = mod.run ?? mod.default?.run;
      if (typeof run !== 'function') throw new Error('exports no run()');
      await run();
    } catch (e) {
      failed++;
      console.error(`   FAILED: ${(e as Error).stack ?? e}`);
    }
    console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log(`\npeak RSS: ${peakRssMb().toFixed(0)} MB`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);

// Parse benchmark: a 10,000-line script built from the fix-script corpus; prints the median
// parse time over several runs and the heap/RSS growth of holding the parsed tree.
// Timed in an esbuild bundle built like dist/ (no keepNames), in a fresh Node process: tsx's
// transform wraps every named closure in __name(...), which costs time the shipped code never pays.
// The same measurement under tsx follows, labelled, for comparison with older figures.
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseScript } from '../../server/src/sql/parser';

/** test/bench, also inside the bundle (whose own __dirname is the temporary folder). */
export const BENCH_DIR = process.env.ETAITUR_BENCH_DIR ?? __dirname;
const CORPUS = path.join(BENCH_DIR, '..', 'fixtures', 'corpus');

/** The bench script: corpus scripts 01–39 repeated, fixed so that figures stay comparable as the corpus grows. */
export function buildScript(lines: number): string {
  const files = readdirSync(CORPUS)
    .filter((f) => /^[0-3]\d-.*\.sql$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS, f), 'utf8').replace(/\s*$/, '\n'));
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const chunk = files[i % files.length].split('\n');
    chunk.pop();
    for (const l of chunk) {
      if (count >= lines) break;
      out.push(l);
      count++;
    }
    if (!/^GO\b/.test(out[out.length - 1] ?? '')) {
      out.push('GO');
      count++;
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export function loadAverage(): string {
  return `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} cores`;
}

/**
 * Bundles `file` with esbuild as esbuild.config.mjs bundles dist/ (cjs, node20, no keepNames) and
 * runs `exportName()` from the bundle in a fresh `node --expose-gc`; prints its output.
 */
/** Builds the bench like dist/ and runs `exportName` in a fresh Node; prints its output, or returns it with `capture`. */
export async function runBundled(file: string, exportName: string, options: { capture?: boolean } = {}): Promise<string> {
  const { build } = await import('esbuild');
  const out = path.join(os.tmpdir(), `etaitur-bench-${path.basename(file, '.ts')}-${process.pid}.js`);
  await build({
    stdin: { contents: `require(${JSON.stringify(file)}).${exportName}();`, resolveDir: __dirname, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: out,
    external: ['esbuild'],
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, ['--expose-gc', ...(process.env.ETAITUR_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), out], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ETAITUR_BENCH_DIR: BENCH_DIR },
  });
  rmSync(out, { force: true });
  if (!options.capture) process.stdout.write(r.stdout);
  if (r.status !== 0) throw new Error(`bundled bench failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The measurement itself; `label` says how the code ran (bundled as shipped, or under tsx). */
export function measureParse(label = 'bundled'): void {
  const text = buildScript(10000);
  const lines = text.split('\n').length - 1;
  for (let i = 0; i < 5; i++) parseScript(text); // warm-up (JIT)
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 15; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    parseScript(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push(process.cpuUsage(c0).user / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const script = parseScript(text);
  gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  const statements = script.batches.reduce((n, b) => n + b.statements.length, 0);
  console.log(`parse [${label}]: ${lines} lines, ${(text.length / 1024).toFixed(0)} KiB, ${script.batches.length} batches, ${statements} statements; ${loadAverage()}`);
  console.log(`parse [${label}]: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}) over ${times.length} runs; target < 100 ms`);
  // CPU time is less disturbed than wall time when the machine is busy
  console.log(`parse [${label}]: median CPU ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms (user, incl. GC threads)`);
  console.log(`parse [${label}]: tree heap ${((heap1 - heap0) / 1048576).toFixed(1)} MiB${gc ? '' : ' (approx., run node with --expose-gc for exact)'}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
}

export async function run(): Promise<void> {
  await runBundled(__filename, 'measureParse');
  if (process.env.ETAITUR_BENCH_TSX !== '0') measureParse('tsx, not shipped');
}

// (inside the bundle, require.main is the bundle itself: do not start over there)
if (require.main === module && !process.env.ETAITUR_BENCH_DIR) void run();

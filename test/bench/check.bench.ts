// Check benchmark: parse + resolve + every rule on a 10,000-line and a 1,000-line script built from
// the corpus, against the fixture schema. Target: 10,000 lines under 100 ms, in the steady state
// after warm-up; the cold first check is printed too.
// Timed in an esbuild bundle built like dist/ (see runBundled in parse.bench.ts), in 3 fresh processes
// whose samples are pooled (ETAITUR_BENCH_CHECK_RUNS); the same measurement under tsx (slower:
// __name wrappers on closures) follows, labelled.
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkScript } from '../../server/src/check';
import { schemaFromDdlTexts } from '../../server/src/schema/ddlSource';
import { BENCH_DIR, buildScript, loadAverage, runBundled } from './parse.bench';

/** Checks run before measuring, until V8 has stopped re-optimizing (see measureCheck). */
const WARM_UP_CHECKS = 40;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function measureCheck(label = 'bundled'): Promise<void> {
  const ddlPath = path.join(BENCH_DIR, '..', 'fixtures', 'schema', 'etaitur.sql');
  const { schema } = await schemaFromDdlTexts([{ path: ddlPath, text: readFileSync(ddlPath, 'utf8') }]);
  console.log(`check [${label}]: ${loadAverage()}`);
  for (const lines of [10000, 1000]) {
    const text = buildScript(lines);
    // The first check runs on cold code (what a one-shot CLI run pays); V8 keeps re-optimizing for
    // about 30 checks of this size, and the language server, re-checking as the user types, lives in
    // that steady state: the headline figure is measured there.
    const c0 = performance.now();
    checkScript(text, { schema });
    const cold = performance.now() - c0;
    for (let i = 0; i < WARM_UP_CHECKS; i++) checkScript(text, { schema });
    const wall: number[] = [];
    const cpu: number[] = [];
    let findings = 0;
    for (let i = 0; i < 20; i++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      findings = checkScript(text, { schema }).findings.length;
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      cpu.push(process.cpuUsage(c0).user / 1000);
    }
    const p95 = [...wall].sort((a, b) => a - b)[Math.ceil(wall.length * 0.95) - 1];
    console.log(`${SAMPLES} ${JSON.stringify({ lines, wall, cpu, cold, findings })}`);
    console.log(
      `check [${label}]: ${lines} lines, ${findings} findings: median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}, p95 ${p95.toFixed(1)}), median CPU ${median(cpu).toFixed(1)} ms` +
        (lines === 10000 ? `; target < 100 ms; first (cold) check ${cold.toFixed(1)} ms` : ''),
    );
  }
}

/** Marks the machine-readable line each measuring process prints per script size. */
const SAMPLES = 'check-samples';

interface Samples {
  lines: number;
  wall: number[];
  cpu: number[];
  cold: number;
  findings: number;
}

/**
 * Runs the bundled measurement in several fresh processes and pools their samples: one process's
 * JIT and GC luck moves its median by ±30 % on this machine, the pooled median far less.
 */
export async function run(): Promise<void> {
  const processes = Math.max(1, Number(process.env.ETAITUR_BENCH_CHECK_RUNS ?? 3));
  const pooled = new Map<number, Samples[]>();
  for (let i = 0; i < processes; i++) {
    const out = await runBundled(__filename, 'measureCheck', { capture: true });
    for (const line of out.split('\n')) {
      if (line.startsWith(SAMPLES)) {
        const s = JSON.parse(line.slice(SAMPLES.length + 1)) as Samples;
        pooled.set(s.lines, [...(pooled.get(s.lines) ?? []), s]);
      } else if (line) console.log(`${line.replace('check [bundled]', `check [bundled, process ${i + 1}]`)}`);
    }
  }
  for (const [lines, runs] of pooled) {
    const wall = runs.flatMap((r) => r.wall);
    const sorted = [...wall].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1];
    const perProcess = runs.map((r) => median(r.wall).toFixed(1)).join(' / ');
    console.log(
      `check [bundled, ${runs.length} processes × ${runs[0].wall.length} checks]: ${lines} lines, ${runs[0].findings} findings: ` +
        `median ${median(wall).toFixed(1)} ms (min ${sorted[0].toFixed(1)}, p95 ${p95.toFixed(1)}; per process ${perProcess}), ` +
        `median CPU ${median(runs.flatMap((r) => r.cpu)).toFixed(1)} ms` +
        (lines === 10000 ? `; target < 100 ms: ${median(wall) < 100 ? 'met' : 'MISSED'}; first (cold) check ${median(runs.map((r) => r.cold)).toFixed(1)} ms` : ''),
    );
  }
  if (process.env.ETAITUR_BENCH_TSX !== '0') await measureCheck('tsx, not shipped');
}

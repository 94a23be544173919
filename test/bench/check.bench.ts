// Check benchmark: parse + resolve + every rule on a 10,000-line and a 1,000-line script built from
// the corpus, against the fixture schema. Target: 10,000 lines under 100 ms, in the steady state
// after warm-up; the cold first check is printed too.
// Timed in an esbuild bundle built like dist/ (see runBundled in parse.bench.ts); the same
// measurement under tsx (slower: __name wrappers on closures) follows, labelled.
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
    console.log(
      `check [${label}]: ${lines} lines, ${findings} findings: median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}, p95 ${p95.toFixed(1)}), median CPU ${median(cpu).toFixed(1)} ms` +
        (lines === 10000 ? `; target < 100 ms; first (cold) check ${cold.toFixed(1)} ms` : ''),
    );
  }
}

export async function run(): Promise<void> {
  await runBundled(__filename, 'measureCheck');
  if (process.env.ETAITUR_BENCH_TSX !== '0') await measureCheck('tsx, not shipped');
}

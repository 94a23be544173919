// Parse benchmark: a 10,000-line script built from the fix-script corpus; prints the median
// parse time over several runs and the heap/RSS growth of holding the parsed tree.
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parseScript } from '../../server/src/sql/parser';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');

export function buildScript(lines: number): string {
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.sql') && !f.startsWith('broken-'))
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

export async function run(): Promise<void> {
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
  console.log(`parse: ${lines} lines, ${(text.length / 1024).toFixed(0)} KiB, ${script.batches.length} batches, ${statements} statements`);
  console.log(`parse: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}) over ${times.length} runs; target < 100 ms`);
  // CPU time is less disturbed than wall time when the machine is busy
  console.log(`parse: median CPU ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms (user, incl. GC threads)`);
  console.log(`parse: tree heap ${((heap1 - heap0) / 1048576).toFixed(1)} MiB${gc ? '' : ' (approx., run node with --expose-gc for exact)'}; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
}

if (require.main === module) void run();

// Log search bench: a ~1 GB CLEF corpus (cached under os.tmpdir()/etaitur-bench-logs, size by
// ETAITUR_BENCH_LOG_MB), whole-process medians of counting matches with ripgrep, with our search
// (rg engine + entry parsing, and the pure-Node engine), equal counts required, and the detector scan.
import { spawnSync } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { entries, formatEntry } from '../unit/logs/generateLogs';

const DIR = path.join(os.tmpdir(), 'etaitur-bench-logs');
const MB = Number(process.env.ETAITUR_BENCH_LOG_MB ?? 1024);

async function corpus(): Promise<string[]> {
  const marker = path.join(DIR, `done-${MB}`);
  const files = Array.from({ length: 10 }, (_, d) => path.join(DIR, `etaitur-202611${String(10 + d)}.json`));
  if (existsSync(marker)) return files;
  await fs.rm(DIR, { recursive: true, force: true });
  await fs.mkdir(DIR, { recursive: true });
  const perFile = (MB * 1024 * 1024) / files.length;
  for (let d = 0; d < files.length; d++) {
    const h = await fs.open(files[d], 'w');
    let size = 0, buf = '';
    for (const e of entries(100 + d, Date.UTC(2026, 10, 10 + d), Number.MAX_SAFE_INTEGER, 30, 5000)) {
      buf += formatEntry(e, 'clef');
      if (buf.length > 8 << 20) { size += Buffer.byteLength(buf); await h.write(buf); buf = ''; if (size >= perFile) break; }
    }
    if (buf) await h.write(buf);
    await h.close();
  }
  await fs.writeFile(marker, '');
  return files;
}

const SCRIPT = `
const { searchLogs } = require(${JSON.stringify(path.resolve(__dirname, '../../client/src/logs/search.ts'))});
const { scanFileForPii } = require(${JSON.stringify(path.resolve(__dirname, '../../client/src/logs/piiScan.ts'))});
(async () => {
  const [mode, pattern, regex, ...files] = process.argv.slice(2);
  let n = 0;
  if (mode === 'pii') { for (const f of files) for (const x of await scanFileForPii(f)) n += x.count; }
  else for await (const _ of searchLogs(files.map((file) => ({ file, format: { kind: 'clef' } })), { text: pattern, regex: regex === '1', caseSensitive: true }, { rgPath: mode === 'rg' ? 'rg' : undefined })) n++;
  console.log(n);
})();`;

async function bundle(): Promise<string> {
  const src = path.join(os.tmpdir(), 'etaitur-logs-bench-entry.ts');
  const out = path.join(os.tmpdir(), 'etaitur-logs-bench.js');
  await fs.writeFile(src, SCRIPT);
  await build({ entryPoints: [src], bundle: true, platform: 'node', outfile: out, logLevel: 'error' });
  return out;
}

function timed(cmd: string, args: string[], runs = 5): { s: number; out: string } {
  const times: number[] = [];
  runs = Number(process.env.ETAITUR_BENCH_RUNS ?? runs);
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push((performance.now() - t) / 1000);
    out = r.stdout.trim();
  }
  times.sort((a, b) => a - b);
  return { s: times[Math.floor(times.length / 2)], out };
}

function rgTotal(out: string): number {
  return out.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
}

export async function run(): Promise<void> {
  const files = await corpus();
  let bytes = 0;
  for (const f of files) bytes += (await fs.stat(f)).size;
  const mb = bytes / 1048576;
  console.log(`corpus: ${files.length} CLEF files, ${mb.toFixed(0)} MB in ${DIR}`);
  const js = await bundle();
  const rgOk = spawnSync('rg', ['--version']).status === 0;
  for (const [label, pattern, regex] of [['literal', 'Isikukood', false], ['literal (frequent)', 'NullReferenceException', false], ['regex', String.raw`"SourceContext":"ETaitur\.Arest[^"]*".*"UserId":4\d`, true]] as const) {
    const rows: string[] = [];
    let rgCount: number | undefined;
    if (rgOk) {
      const r = timed('rg', ['--no-config', '--count', '--with-filename', ...(regex ? [] : ['-F']), '-e', pattern, ...files]);
      rgCount = rgTotal(r.out);
      rows.push(`ripgrep ${r.s.toFixed(3)} s ${(mb / r.s).toFixed(0)} MB/s count ${rgCount}`);
      const ours = timed(process.execPath, [js, 'rg', pattern, regex ? '1' : '0', ...files]);
      rows.push(`search (rg engine + entries) ${ours.s.toFixed(3)} s ${(mb / ours.s).toFixed(0)} MB/s count ${ours.out} ratio ${(r.s / ours.s).toFixed(2)} of rg${Number(ours.out) === rgCount ? '' : ' COUNT MISMATCH'}`);
    }
    const node = timed(process.execPath, [js, 'node', pattern, regex ? '1' : '0', ...files], 3);
    rows.push(`search (node engine) ${node.s.toFixed(3)} s ${(mb / node.s).toFixed(0)} MB/s count ${node.out}${rgCount !== undefined && Number(node.out) !== rgCount ? ' COUNT MISMATCH' : ''}`);
    console.log(`${label} "${pattern}":\n  ${rows.join('\n  ')}`);
  }
  const pii = timed(process.execPath, [js, 'pii', '', '0', ...files], 1);
  console.log(`data-protection scan ${pii.s.toFixed(2)} s ${(mb / pii.s).toFixed(0)} MB/s findings ${pii.out}`);
}

// Log search bench: a ~1 GB CLEF corpus (cached under os.tmpdir()/etaitur-bench-logs, size by
// ETAITUR_BENCH_LOG_MB) and a quarter of that as Serilog text with stack traces. Figures: ripgrep
// counting matches (whole process), our search in an already-running worker (what the user waits
// for: request to last result, and to the first page of 500), our search as a whole Node process,
// the pure-Node engine; equal counts required; and the data-protection scan.
import { spawnSync } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { entries, formatEntry } from '../unit/logs/generateLogs';
import { LogFormat } from '../../client/src/logs/model';
import { SearchWorkerClient } from '../../client/src/logs/searchWorkerClient';
import { DEFAULT_PATTERNS } from '../../client/src/logs/textLayout';

const DIR = path.join(os.tmpdir(), 'etaitur-bench-logs');
const MB = Number(process.env.ETAITUR_BENCH_LOG_MB ?? 1024);

async function corpus(kind: 'clef' | 'serilog' = 'clef', mb = MB): Promise<string[]> {
  const dir = path.join(DIR, kind);
  const marker = path.join(dir, `done-${mb}`);
  const files = Array.from({ length: 10 }, (_, d) => path.join(dir, `etaitur-202611${String(10 + d)}.${kind === 'clef' ? 'json' : 'log'}`));
  if (existsSync(marker)) return files;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const perFile = (mb * 1024 * 1024) / files.length;
  for (let d = 0; d < files.length; d++) {
    const h = await fs.open(files[d], 'w');
    let size = 0, buf = '';
    for (const e of entries(100 + d, Date.UTC(2026, 10, 10 + d), Number.MAX_SAFE_INTEGER, 30, 5000)) {
      buf += formatEntry(e, kind);
      if (buf.length > 8 << 20) { size += Buffer.byteLength(buf); await h.write(buf); buf = ''; if (size >= perFile) break; }
    }
    if (buf) await h.write(buf);
    await h.close();
  }
  await fs.writeFile(marker, '');
  return files;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Our search in an already-running worker: seconds from the request to the last entry, and to the first page. */
async function inWorker(client: SearchWorkerClient, files: string[], format: LogFormat, pattern: string, regex: boolean, rgPath: string | undefined, runs: number): Promise<{ s: number; first: number; count: number }> {
  const all: number[] = [];
  const firsts: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const req = { files: files.map((file) => ({ file, format })), query: { text: pattern, regex, caseSensitive: true }, rgPath };
    let n = 0;
    let t = performance.now();
    const end = await client.search({ ...req, limit: Number.MAX_SAFE_INTEGER }, (es) => { n += es.length; }).firstPage;
    all.push((performance.now() - t) / 1000);
    if (end.kind === 'error') throw new Error(end.message);
    count = n;
    t = performance.now();
    const page = client.search({ ...req, limit: 500 }, () => undefined);
    await page.firstPage;
    firsts.push((performance.now() - t) / 1000);
    page.cancel();
  }
  return { s: median(all), first: median(firsts), count };
}

const SCRIPT = `
const { searchLogs } = require(${JSON.stringify(path.resolve(__dirname, '../../client/src/logs/search.ts'))});
const { scanFileForPii } = require(${JSON.stringify(path.resolve(__dirname, '../../client/src/logs/piiScan.ts'))});
(async () => {
  const [mode, pattern, regex, ...files] = process.argv.slice(2);
  let n = 0;
  if (mode === 'pii' || mode === 'pii-rg') { for (const f of files) for (const x of await scanFileForPii(f, 0, undefined, mode === 'pii-rg' ? 'rg' : undefined)) n += x.count; }
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
  const runs = Number(process.env.ETAITUR_BENCH_RUNS ?? 5);
  const t0 = performance.now();
  const files = await corpus();
  const text = await corpus('serilog', Math.round(MB / 4));
  console.log(`corpus ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} cores`);
  const js = await bundle();
  const rgOk = spawnSync('rg', ['--version']).status === 0;
  const workerFile = path.resolve(__dirname, '../../dist/searchWorker.js');
  const client = new SearchWorkerClient(workerFile);
  // The worker is started once, as in the extension; a first small search warms it up.
  await client.search({ files: [{ file: files[0], format: { kind: 'clef' } }], query: { text: 'x-warm-up-x' }, limit: 1 }, () => undefined).firstPage;
  const serilog: LogFormat = { kind: 'text', flavour: 'serilog', pattern: DEFAULT_PATTERNS.serilog };
  const cases = [
    ['CLEF', files, { kind: 'clef' } as LogFormat, 'literal', 'Isikukood', false],
    ['CLEF', files, { kind: 'clef' } as LogFormat, 'literal (frequent)', 'NullReferenceException', false],
    ['CLEF', files, { kind: 'clef' } as LogFormat, 'regex', String.raw`"SourceContext":"ETaitur\.Arest[^"]*".*"UserId":4\d`, true],
    ['Serilog text', text, serilog, 'literal in stack frames', 'MenetlusService.Kaivita(', false],
    ['Serilog text', text, serilog, 'literal', 'isikukood', false],
  ] as const;
  try {
    for (const [kind, fs_, format, label, pattern, regex] of cases) {
      let bytes = 0;
      for (const f of fs_) bytes += (await fs.stat(f)).size;
      const mb = bytes / 1048576;
      const rows: string[] = [];
      let rgCount: number | undefined;
      let rgS = NaN;
      if (rgOk) {
        const r = timed('rg', ['--no-config', '--count', '--with-filename', ...(regex ? [] : ['-F']), '-e', pattern, ...fs_], runs);
        rgCount = rgTotal(r.out);
        rgS = r.s;
        rows.push(`ripgrep --count (whole process)      ${r.s.toFixed(3)} s ${(mb / r.s).toFixed(0).padStart(5)} MB/s  ${rgCount} lines`);
        const w = await inWorker(client, [...fs_], format, pattern, regex, 'rg', runs);
        // Text layouts: an entry can hold several hit lines, so entries <= lines; CLEF: equal.
        const check = format.kind === 'clef' ? (w.count === rgCount ? 'equal' : 'COUNT MISMATCH') : (w.count <= rgCount && w.count > 0 ? 'entries' : 'COUNT MISMATCH');
        rows.push(`ours in running worker (rg engine)   ${w.s.toFixed(3)} s ${(mb / w.s).toFixed(0).padStart(5)} MB/s  ${w.count} entries (${check}) = ${(rgS / w.s).toFixed(2)}x rg; first 500 in ${w.first.toFixed(3)} s`);
        if (format.kind === 'clef') {
          const ours = timed(process.execPath, [js, 'rg', pattern, regex ? '1' : '0', ...fs_], runs);
          rows.push(`ours whole Node process (rg engine)  ${ours.s.toFixed(3)} s ${(mb / ours.s).toFixed(0).padStart(5)} MB/s  ${ours.out} entries = ${(rgS / ours.s).toFixed(2)}x rg${Number(ours.out) === rgCount ? '' : ' COUNT MISMATCH'}`);
        }
      }
      if (format.kind === 'clef') {
        const node = await inWorker(client, [...fs_], format, pattern, regex, undefined, 1);
        rows.push(`ours in running worker (Node engine) ${node.s.toFixed(3)} s ${(mb / node.s).toFixed(0).padStart(5)} MB/s  ${node.count} entries${rgCount !== undefined && node.count !== rgCount ? ' COUNT MISMATCH' : ''}`);
      }
      console.log(`${kind} ${mb.toFixed(0)} MB, ${label} "${pattern}":\n  ${rows.join('\n  ')}`);
    }
  } finally {
    await client.dispose();
  }
  let mb = 0;
  for (const f of files) mb += (await fs.stat(f)).size / 1048576;
  for (const mode of rgOk ? ['pii-rg', 'pii'] : ['pii']) {
    const pii = timed(process.execPath, [js, mode, '', '0', ...files], 1);
    console.log(`data-protection scan, ${mode === 'pii-rg' ? 'rg' : 'Node'} engine (whole process) ${pii.s.toFixed(2)} s ${(mb / pii.s).toFixed(0)} MB/s findings ${pii.out}`);
  }
}

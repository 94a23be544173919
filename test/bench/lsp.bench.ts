// Language-server bench over the protocol: didChange -> publishDiagnostics p50/p95 on 1,000 and 10,000 lines;
// completion latency and server memory with a 36,000-table / 320,000-column snapshot.
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LspClient } from '../protocol/lspClient';
import { buildScript } from './parse.bench';
import { generateSchema } from './generateSchema';
import { serializeSnapshot, toSnapshot } from '../../server/src/schema/snapshotFormat';

const ROOT = path.resolve(__dirname, '../..');
const DDL = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (n=${xs.length})`;

/** CPU time (user + system) of a process so far, ms: less disturbed than wall time on a busy machine. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch { return NaN; }
}

/** CPU time of the process's main (JavaScript) thread only: the rest is V8's compiler and GC helper threads. */
function mainThreadCpuMs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch { return NaN; }
}

function rssMb(pid: number | undefined): number {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024; } catch { return NaN; }
}

async function keystrokes(client: LspClient, uri: string, text: string, rounds: number, firstVersion: number): Promise<number[]> {
  const times: number[] = [];
  let v = firstVersion;
  const lines = text.split('\n');
  for (let i = 0; i < rounds; i++) {
    v++;
    const at = Math.floor(lines.length / 2) + (i % 50);
    const edited = [...lines];
    edited[at] = edited[at] + (i % 2 ? ' ' : '  ');
    const version = v;
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === version);
    const t0 = performance.now();
    client.change(uri, version, edited.join('\n'));
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}

/** A server with the fixture DDL as its schema. */
async function startServer(ws: string, env: NodeJS.ProcessEnv = {}): Promise<LspClient> {
  const client = new LspClient(ROOT, env);
  client.settings = { schema: { ddl: [DDL], snapshot: '' } };
  await client.initialize(ws);
  return client;
}

/** Opens the bench script of `lines` lines as `name` and waits for its first diagnostics. */
async function openScript(client: LspClient, ws: string, name: string, lines: number): Promise<{ uri: string; text: string }> {
  const uri = pathToFileURL(path.join(ws, name)).toString();
  const text = buildScript(lines);
  const opened = client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
  client.open(uri, text, 1);
  await opened;
  return { uri, text };
}

/** Keystroke latency and server CPU per keystroke; `ETAITUR_INCREMENTAL_PARSE=0` for the full-parse comparison. */
async function typing(ws: string, label: string, env: NodeJS.ProcessEnv): Promise<void> {
  const client = await startServer(ws, env);
  try {
    for (const lines of [1_000, 10_000]) {
      const { uri, text } = await openScript(client, ws, `${label}${lines}.sql`, lines);
      await keystrokes(client, uri, text, 5, 1); // warm-up
      const n = lines === 1_000 ? 60 : 20;
      const c0 = cpuMs(client.proc.pid);
      const t = await keystrokes(client, uri, text, n, 6);
      const cpu = (cpuMs(client.proc.pid) - c0) / n;
      console.log(`lsp (${label}): didChange -> publishDiagnostics, ${lines} lines: ${fmt(t)}; server CPU ${cpu.toFixed(1)} ms/keystroke`);
    }
  } finally {
    await client.stop();
  }
}

/** A fresh server, the 1,000-line script opened and read for 2 s before typing: with and without the idle warm-up. */
async function typingAfterPause(ws: string, label: string, env: NodeJS.ProcessEnv): Promise<void> {
  const client = await startServer(ws, env);
  try {
    const { uri, text } = await openScript(client, ws, `pause-${label.replace(/\W+/g, '-')}.sql`, 1_000);
    await new Promise((r) => setTimeout(r, 2_000)); // the user reads the script before the first keystroke
    const c0 = cpuMs(client.proc.pid);
    const t = await keystrokes(client, uri, text, 60, 1);
    console.log(`lsp (${label}): first 60 keystrokes 2 s after opening, 1000 lines: ${fmt(t)}; server CPU ${((cpuMs(client.proc.pid) - c0) / 60).toFixed(1)} ms/keystroke`);
  } finally {
    await client.stop();
  }
}

export async function run(): Promise<void> {
  const ws = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-lsp-bench-'));
  await typingAfterPause(ws, 'no warm-up', { ETAITUR_WARMUP_MS: '0' });
  await typingAfterPause(ws, 'idle warm-up', {});
  await typing(ws, 'full parse', { ETAITUR_INCREMENTAL_PARSE: '0' });
  const client = await startServer(ws);
  try {
    for (const lines of [1_000, 10_000]) {
      const { uri, text } = await openScript(client, ws, `script${lines}.sql`, lines);
      await keystrokes(client, uri, text, 5, 1); // warm-up
      const n = lines === 1_000 ? 60 : 20;
      const c0 = cpuMs(client.proc.pid);
      const m0 = mainThreadCpuMs(client.proc.pid);
      const t = await keystrokes(client, uri, text, n, 6);
      const cpu = (cpuMs(client.proc.pid) - c0) / n;
      const main = (mainThreadCpuMs(client.proc.pid) - m0) / n;
      console.log(`lsp: didChange -> publishDiagnostics, ${lines} lines: ${fmt(t)}; server CPU ${cpu.toFixed(1)} ms/keystroke (main thread ${main.toFixed(1)})`);
      if (lines === 1_000) {
        // The first ~60 keystrokes after start also pay V8's optimizing compiler (on its own threads): measure a warm server too.
        await keystrokes(client, uri, text, 60, 6 + n);
        const w0 = cpuMs(client.proc.pid);
        const wm0 = mainThreadCpuMs(client.proc.pid);
        const w = await keystrokes(client, uri, text, 100, 6 + n + 60);
        console.log(`lsp: didChange -> publishDiagnostics, ${lines} lines, warm server (after ${n + 65} keystrokes): ${fmt(w)}; server CPU ${((cpuMs(client.proc.pid) - w0) / 100).toFixed(1)} ms/keystroke (main thread ${((mainThreadCpuMs(client.proc.pid) - wm0) / 100).toFixed(1)})`);
      }
      // Completion in the middle of the script: the resolver's scope at the cursor (cursorScope) re-parses up to the batch end.
      const mid = text.split('\n').findIndex((l, i) => i > lines / 2 && /^\s*(SELECT|UPDATE|WHERE)\b/i.test(l));
      const comp: number[] = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: mid, character: 7 } });
        comp.push(performance.now() - s);
      }
      console.log(`lsp: completion mid-script, ${lines} lines: ${fmt(comp)}`);
    }

    const t0 = performance.now();
    const schema = generateSchema({ tables: 36_000, columnsPerTable: 9, seed: 7 });
    const columns = schema.tables.reduce((n, t) => n + t.columns.length, 0);
    const snapshot = path.join(ws, 'snapshot.json');
    await fs.writeFile(snapshot, serializeSnapshot(toSnapshot(schema, { source: { kind: 'bench' } })));
    console.log(`lsp: generated snapshot ${schema.size} tables / ${columns} columns in ${(performance.now() - t0).toFixed(0)} ms`);

    const rssBefore = rssMb(client.proc.pid);
    client.settings = { schema: { ddl: [], snapshot } };
    const uri = pathToFileURL(path.join(ws, 'completion.sql')).toString();
    const sample = schema.tables[12_345];
    const text = `SELECT x. FROM ${sample.schema}.${sample.name} x\nWHERE x.${sample.columns[1].name} = 1;\nSELECT * FROM ${sample.name.slice(0, 3)}\n`;
    const loadStart = performance.now();
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const opened = client.waitForDiagnostics((p) => p.uri === uri);
    client.open(uri, text, 1);
    await opened;
    // The first hover waits for the schema load: that is the load time as the user feels it.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    console.log(`lsp: snapshot schema loaded (first answer with it) in ${(performance.now() - loadStart).toFixed(0)} ms`);
    const alias: number[] = [];
    const tables: number[] = [];
    let aliasCount = 0;
    let tableCount = 0;
    for (let i = 0; i < 30; i++) {
      let s = performance.now();
      const a = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
      alias.push(performance.now() - s);
      aliasCount = a.items.length;
      s = performance.now();
      const b = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 17 } });
      tables.push(performance.now() - s);
      tableCount = b.items.length;
    }
    console.log(`lsp: completion 36,000-table schema, alias columns (${aliasCount} items): ${fmt(alias)}`);
    console.log(`lsp: completion 36,000-table schema, table names by prefix (${tableCount} items): ${fmt(tables)}`);
    console.log(`lsp: server RSS ${rssBefore.toFixed(0)} MB before the big schema, ${rssMb(client.proc.pid).toFixed(0)} MB with it`);
  } finally {
    await client.stop();
    await fs.rm(ws, { recursive: true, force: true });
  }
}

if (require.main === module) void run();

// Generator of realistic e-Täitur logs in every supported format (deterministic for a seed).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { personalCodeCheckDigit } from '../../../server/src/domain/personalCode';

export type GenFormat = 'clef' | 'serilog' | 'nlog' | 'log4net';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

const CONTEXTS = ['ETaitur.Arest.ArestService', 'ETaitur.Menetlus.MenetlusService', 'ETaitur.Toiming.ToimingRepository', 'ETaitur.Volgnik.VolgnikController', 'ETaitur.Klassifikaator.KlassifikaatorCache'];
const TEMPLATES: [string, string[]][] = [
  ['Arestimine ebaõnnestus menetluses {MenetlusNumber}', ['MenetlusNumber']],
  ['Toiming {ToimingId} salvestatud kasutaja {UserId} poolt', ['ToimingId', 'UserId']],
  ['Võlgniku {VolgnikId} andmed päritud registrist {Register} ({ElapsedMs} ms)', ['VolgnikId', 'Register', 'ElapsedMs']],
  ['Klassifikaator {Kood} laaditud, {Count} väärtust', ['Kood', 'Count']],
  ['Pangapäring saadetud: arest {ArestId}, pank {Pank}', ['ArestId', 'Pank']],
];
const LEVELS = ['Verbose', 'Debug', 'Information', 'Information', 'Information', 'Warning', 'Error', 'Fatal'];
const U3: Record<string, string> = { Verbose: 'VRB', Debug: 'DBG', Information: 'INF', Warning: 'WRN', Error: 'ERR', Fatal: 'FTL' };
const NLOG: Record<string, string> = { Verbose: 'TRACE', Debug: 'DEBUG', Information: 'INFO', Warning: 'WARN', Error: 'ERROR', Fatal: 'FATAL' };

export function validPersonalCode(r: () => number): string {
  const y = 40 + Math.floor(r() * 60), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
  const first10 = `${3 + Math.floor(r() * 2)}${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  return first10 + personalCodeCheckDigit(first10);
}

function value(name: string, r: () => number): string | number {
  switch (name) {
    case 'MenetlusNumber': return `${100 + Math.floor(r() * 900)}/${2020 + Math.floor(r() * 7)}/${Math.floor(r() * 99999)}`;
    case 'UserId': return Math.floor(r() * 60);
    case 'Register': return ['Rahvastikuregister', 'Äriregister', 'Liiklusregister'][Math.floor(r() * 3)];
    case 'Kood': return ['MENETLUSE_STAATUS', 'TOIMINGU_LIIK', 'DOKUMENDI_LIIK'][Math.floor(r() * 3)];
    case 'Pank': return ['Swedbank', 'SEB', 'LHV', 'Luminor'][Math.floor(r() * 4)];
    default: return Math.floor(r() * 1_000_000);
  }
}

const EXCEPTIONS = ['System.InvalidOperationException: Arest on juba lõpetatud', 'System.Data.SqlClient.SqlException (0x80131904): Timeout expired', 'System.NullReferenceException: Object reference not set to an instance of an object.'];

function exception(ctx: string, r: () => number): string {
  const cls = ctx.split('.').pop()!;
  const ns = ctx.slice(0, ctx.lastIndexOf('.'));
  const folder = ns.split('.').slice(1).join('\\');
  return [
    EXCEPTIONS[Math.floor(r() * EXCEPTIONS.length)],
    `   at ${ctx}.Salvesta(Int32 menetlusId) in C:\\src\\ETaitur\\${folder}\\${cls}.cs:line ${10 + Math.floor(r() * 400)}`,
    `   at ETaitur.Menetlus.MenetlusService.Kaivita(MenetlusDto dto) in C:\\src\\ETaitur\\Menetlus\\MenetlusService.cs:line ${10 + Math.floor(r() * 300)}`,
    '   at System.Threading.Tasks.Task.Execute()',
  ].join('\r\n').replace(/\r\n/g, '\n');
}

export interface GenEntry { time: Date; level: string; ctx: string; template: string; props: Record<string, string | number>; message: string; exception?: string }

export function* entries(seed: number, startMs: number, count: number, stepMs = 997, piiEvery = 0): Generator<GenEntry> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const ctx = CONTEXTS[Math.floor(r() * CONTEXTS.length)];
    const [template, names] = TEMPLATES[Math.floor(r() * TEMPLATES.length)];
    const props: Record<string, string | number> = { SourceContext: ctx, CorrelationId: `c${Math.floor(r() * 50)}` };
    for (const n of names) props[n] = value(n, r);
    let message = template.replace(/\{(\w+)\}/g, (_, n: string) => String(props[n]));
    if (piiEvery && i % piiEvery === piiEvery - 1) { const ik = validPersonalCode(r); props.Isikukood = ik; message += ` isikukood ${ik}`; }
    const level = LEVELS[Math.floor(r() * LEVELS.length)];
    const ex = level === 'Error' || level === 'Fatal' ? exception(ctx, r) : undefined;
    yield { time: new Date(startMs + i * stepMs), level, ctx, template, props, message, exception: ex };
  }
}

function pad(n: number, w = 2): string { return String(n).padStart(w, '0'); }
function localTime(d: Date, sep: string): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sep}${pad(d.getUTCMilliseconds(), 4).slice(1)}`;
}

export function formatEntry(e: GenEntry, f: GenFormat): string {
  switch (f) {
    case 'clef': {
      const o: Record<string, unknown> = { '@t': e.time.toISOString(), '@mt': e.template };
      if (e.level !== 'Information') o['@l'] = e.level;
      if (e.exception) o['@x'] = e.exception;
      Object.assign(o, e.props);
      return JSON.stringify(o) + '\n';
    }
    case 'serilog':
      return `${localTime(e.time, '.')} +00:00 [${U3[e.level]}] ${e.message}\n${e.exception ? e.exception + '\n' : ''}`;
    case 'nlog':
      return `${localTime(e.time, '.')}|${NLOG[e.level]}|${e.ctx}|${e.message}${e.exception ? ' ' + e.exception : ''}\n`;
    case 'log4net':
      return `${localTime(e.time, ',')} [${1 + (e.time.getTime() % 17)}] ${NLOG[e.level].padEnd(5)} ${e.ctx} - ${e.message}\n${e.exception ? e.exception + '\n' : ''}`;
  }
}

export function generateText(f: GenFormat, seed: number, count: number, startMs = Date.UTC(2026, 10, 20, 6), piiEvery = 0): string {
  let s = '';
  for (const e of entries(seed, startMs, count, 997, piiEvery)) s += formatEntry(e, f);
  return s;
}

/** Writes `days` daily rolled files (older ones gzipped) into dir; returns their paths. */
export async function writeRolled(dir: string, f: GenFormat, days: number, perDay: number, seed = 7, piiEvery = 0): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const ext = f === 'clef' ? 'json' : 'log';
  const out: string[] = [];
  for (let d = 0; d < days; d++) {
    const start = Date.UTC(2026, 10, 20 + d, 0, 0, 1);
    const text = generateText(f, seed + d, perDay, start, piiEvery);
    const day = new Date(start).toISOString().slice(0, 10).replace(/-/g, '');
    const gz = d < days - 1;
    const p = path.join(dir, `etaitur-${day}.${ext}${gz ? '.gz' : ''}`);
    await fs.writeFile(p, gz ? zlib.gzipSync(text) : text);
    out.push(p);
  }
  return out;
}

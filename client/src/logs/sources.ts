// Log sources: folders or globs of files, rolled daily and .gz; listed without blocking.
import { promises as fs, createReadStream } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { LogFormat } from './model';

export interface LogSourceConfig {
  /** A folder or a glob ("D:/logs/etaitur-*.json", "/var/log/etaitur/**\/*.log.gz"). */
  readonly path: string;
  /** The format of every file of the source; by default chosen per file by its name. */
  readonly format?: LogFormat;
  /** The text format of files whose name does not say CLEF (when `format` is not set). */
  readonly textFormat: LogFormat;
}

/** The format of one file of a source: the configured one, else CLEF for .json/.clef/.jsonl names. */
export function formatOfFile(source: LogSourceConfig, file: string): LogFormat {
  return source.format ?? (/\.(json|clef|jsonl)(\.\d+)?(\.gz)?$/i.test(file) ? { kind: 'clef' } : source.textFormat);
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

const LOG_FILE = /\.(log|txt|json|clef|jsonl)(\.\d+)?(\.gz)?$/i;

async function walk(dir: string, out: string[], depth: number): Promise<void> {
  let items;
  try { items = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const it of items) {
    const p = path.join(dir, it.name);
    if (it.isDirectory() && depth > 0) await walk(p, out, depth - 1);
    else if (it.isFile()) out.push(p);
  }
}

/** Lists the files of a source, sorted by name (daily rolled names sort by day). */
export async function listSourceFiles(source: string): Promise<string[]> {
  const norm = source.replace(/\\/g, '/');
  const wild = norm.search(/[*?]/);
  if (wild < 0) {
    const st = await fs.stat(source).catch(() => undefined);
    if (!st) return [];
    if (st.isFile()) return [source];
    const out: string[] = [];
    await walk(source, out, 4);
    return out.filter((f) => LOG_FILE.test(f)).sort();
  }
  const root = norm.slice(0, norm.lastIndexOf('/', wild) + 1) || './';
  const re = globToRegExp(norm);
  const out: string[] = [];
  await walk(root, out, norm.includes('**') ? 16 : norm.slice(root.length).split('/').length - 1);
  return out.filter((f) => re.test(f.replace(/\\/g, '/'))).sort();
}

/** A byte stream of the file, gunzipped when it ends in .gz. */
export function openLogStream(file: string, chunkBytes = 4 << 20): Readable {
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  if (!/\.gz$/i.test(file)) return raw;
  const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Day of a rolled file from its name (etaitur-20261124.json, app.log.2026-11-24.gz). */
export function dayFromFileName(file: string): string | undefined {
  const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(path.basename(file));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

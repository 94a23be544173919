// Pure-Node scanning engine: reads 4 MiB buffers, byte prefilter, decodes only matching lines.
import { promises as fs } from 'node:fs';
import { openLogStream } from './sources';

export interface LineHit {
  readonly line: number;
  readonly text: string;
  /** Byte offset of the line's start in the (decompressed) file. */
  readonly offset: number;
}

export interface ScanPattern { readonly pattern: string; readonly regex: boolean; readonly caseSensitive: boolean }

const NL = 10;

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(NL, from); i >= 0 && i < to; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}

/** Yields every line of the file that matches; `signal` stops the scan. */
export async function* scanFileLines(file: string, pat: ScanPattern, signal?: AbortSignal): AsyncGenerator<LineHit> {
  for await (const batch of scanFileLineBatches(file, pat, signal)) yield* batch;
}

/** The matching lines of the file, one batch per 4 MiB block (fewer async steps than one per line). */
export async function* scanFileLineBatches(file: string, pat: ScanPattern, signal?: AbortSignal): AsyncGenerator<LineHit[]> {
  const literal = !pat.regex && (pat.caseSensitive || /^[\x20-\x7e]*$/.test(pat.pattern));
  const needle = literal ? Buffer.from(pat.caseSensitive ? pat.pattern : pat.pattern.toLowerCase(), 'utf8') : undefined;
  const re = pat.regex ? new RegExp(pat.pattern, pat.caseSensitive ? '' : 'i') : undefined;
  const lowerText = !pat.caseSensitive && !re ? pat.pattern.toLowerCase() : undefined;
  let carry: Buffer = Buffer.alloc(0);
  let lineBase = 1; // line number of carry's first line
  let byteBase = 0; // byte offset of carry's first byte
  const chunks = readChunks(file);
  try {
    for await (const chunk of chunks) {
      if (signal?.aborted) return;
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const lastNl = buf.lastIndexOf(NL);
      if (lastNl < 0) { carry = buf; continue; }
      const hits = [...scanBlock(buf, lastNl + 1, lineBase, byteBase, needle, re, lowerText)];
      if (hits.length) yield hits;
      lineBase += countNewlines(buf, 0, lastNl + 1);
      byteBase += lastNl + 1;
      carry = buf.subarray(lastNl + 1);
    }
    // A torn last line (no newline) is still searched.
    if (carry.length) {
      const hits = [...scanBlock(Buffer.concat([carry, Buffer.from([NL])]), carry.length + 1, lineBase, byteBase, needle, re, lowerText)];
      if (hits.length) yield hits;
    }
  } finally {
    await chunks.return(undefined);
  }
}

/** 4 MiB chunks: plain files read straight through a FileHandle, .gz through zlib. */
async function* readChunks(file: string, size = 4 << 20): AsyncGenerator<Buffer> {
  if (/\.gz$/i.test(file)) {
    const stream = openLogStream(file);
    try { for await (const c of stream as AsyncIterable<Buffer>) yield c; } finally { stream.destroy(); }
    return;
  }
  const fh = await fs.open(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await fh.read(buf, 0, size, null);
      if (bytesRead === 0) return;
      yield bytesRead < size ? buf.subarray(0, bytesRead) : buf;
    }
  } finally {
    await fh.close();
  }
}

function* scanBlock(buf: Buffer, end: number, lineBase: number, byteBase: number, needle: Buffer | undefined, re: RegExp | undefined, lower: string | undefined): Generator<LineHit> {
  const view = buf.subarray(0, end);
  if (needle) {
    // Case-insensitive ASCII: search a lower-cased copy; bytes >= 0x80 are left as they are.
    const hay = lower !== undefined ? asciiLower(view) : view;
    let line = lineBase;
    let counted = 0;
    let from = 0;
    while (from < end) {
      const hit = hay.indexOf(needle, from);
      if (hit < 0) return;
      const start = view.lastIndexOf(NL, hit) + 1;
      let stop = view.indexOf(NL, hit);
      if (stop < 0) stop = end;
      line += countNewlines(view, counted, start);
      counted = start;
      let text = view.toString('utf8', start, stop);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      yield { line, text, offset: byteBase + start };
      from = stop + 1;
    }
    return;
  }
  // Regex or non-ASCII case-insensitive: decode the block line by line.
  const s = view.toString('utf8');
  let line = lineBase;
  let at = 0;
  // Byte offsets are counted lazily, only up to matching lines.
  let byteAt = byteBase;
  let charAt = 0;
  while (at < s.length) {
    let nl = s.indexOf('\n', at);
    if (nl < 0) nl = s.length;
    let text = s.slice(at, nl);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (re ? re.test(text) : text.toLowerCase().includes(lower!)) {
      byteAt += Buffer.byteLength(s.slice(charAt, at));
      charAt = at;
      yield { line, text, offset: byteAt };
    }
    line++;
    at = nl + 1;
  }
}

function asciiLower(b: Buffer): Buffer {
  const out = Buffer.allocUnsafe(b.length);
  for (let i = 0; i < b.length; i++) { const c = b[i]; out[i] = c >= 65 && c <= 90 ? c + 32 : c; }
  return out;
}

// Search over log sources: the engine (rg, else the Node scanner) finds candidate lines; structure
// is parsed only for them. CLEF: the hit line is the entry. Multi-line text: the entries around
// the hits are read with positioned reads (gz: streamed). Nothing is read twice in full.
import { parseClefLine } from './clef';
import { createEntryParser } from './entries';
import { entriesAroundHits, openPositioned } from './entryRegions';
import { LineHit, ScanPattern, scanFileLineBatches } from './lineScanner';
import { LogEntry, LogFormat } from './model';
import { LogQuery, entryMatcher, prefilterLiteral } from './query';
import { FileLineHit, rgScanBatches } from './rgEngine';
import { openLogStream } from './sources';

export interface SearchFile { readonly file: string; readonly format: LogFormat }

export interface SearchOptions {
  /** Path of rg, or undefined for the pure-Node engine. */
  readonly rgPath?: string;
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/** Streams matching entries, at most `limit` of them. */
export async function* searchLogs(files: readonly SearchFile[], q: LogQuery, opts: SearchOptions = {}): AsyncGenerator<LogEntry> {
  let left = opts.limit ?? Number.POSITIVE_INFINITY;
  if (left <= 0) return;
  for await (const batch of searchBatches(files, q, opts)) {
    for (const e of batch) {
      if (opts.signal?.aborted) return;
      yield e;
      if (--left <= 0) return;
    }
  }
}

/**
 * Matching entries in batches. Files of one format are searched by one rg process, so their order
 * between files is rg's; within a file entries come in line order.
 */
export async function* searchBatches(files: readonly SearchFile[], q: LogQuery, opts: SearchOptions = {}): AsyncGenerator<LogEntry[]> {
  const match = entryMatcher(q);
  const pre = prefilterLiteral(q);
  for (const group of byFormat(files)) {
    if (opts.signal?.aborted) return;
    const source = pre ? candidateBatches(group.format, group.files, pre, opts) : allBatches(group.format, group.files, opts.signal);
    for await (const batch of source) {
      if (opts.signal?.aborted) return;
      const hits = batch.filter(match);
      if (hits.length) yield hits;
    }
  }
}

function byFormat(files: readonly SearchFile[]): { format: LogFormat; files: string[] }[] {
  const groups = new Map<string, { format: LogFormat; files: string[] }>();
  for (const f of files) {
    const key = JSON.stringify(f.format);
    let g = groups.get(key);
    if (!g) { g = { format: f.format, files: [] }; groups.set(key, g); }
    g.files.push(f.file);
  }
  return [...groups.values()];
}

async function* allBatches(format: LogFormat, files: readonly string[], signal?: AbortSignal): AsyncGenerator<LogEntry[]> {
  for (const file of files) yield* entryBatches({ file, format }, signal);
}

async function* hitBatches(files: readonly string[], pre: ScanPattern, opts: SearchOptions): AsyncGenerator<FileLineHit[]> {
  if (opts.rgPath) { yield* rgScanBatches(opts.rgPath, pre, files, opts.signal); return; }
  for (const file of files) {
    for await (const batch of scanFileLineBatches(file, pre, opts.signal)) yield batch.map((h) => ({ ...h, file }));
  }
}

function clefEntry(h: FileLineHit): LogEntry {
  return parseClefLine(h.text, h.file, h.line) ?? { file: h.file, line: h.line, message: h.text, properties: {}, raw: h.text, unparsed: true };
}

async function* candidateBatches(format: LogFormat, files: readonly string[], pre: ScanPattern, opts: SearchOptions): AsyncGenerator<LogEntry[]> {
  if (format.kind === 'clef') {
    for await (const hits of hitBatches(files, pre, opts)) yield hits.filter((h) => h.text.length > 0).map(clefEntry);
    return;
  }
  // Multi-line layouts: rg prints each file's hits together; collect a file's hits, then read around them.
  let file: string | undefined;
  let pending: LineHit[] = [];
  for await (const hits of hitBatches(files, pre, opts)) {
    for (const h of hits) {
      if (h.file !== file) {
        if (file !== undefined) yield* entriesOfHits(file, format, pending, opts.signal);
        file = h.file;
        pending = [];
      }
      pending.push(h);
    }
  }
  if (file !== undefined) yield* entriesOfHits(file, format, pending, opts.signal);
}

async function* entriesOfHits(file: string, format: LogFormat, hits: LineHit[], signal?: AbortSignal): AsyncGenerator<LogEntry[]> {
  hits.sort((a, b) => a.line - b.line);
  if (/\.gz$/i.test(file)) {
    // No positioned reads in gzip: stream the file and keep the entries that hold a hit.
    let wi = 0;
    for await (const batch of entryBatches({ file, format }, signal)) {
      const out: LogEntry[] = [];
      for (const e of batch) {
        const last = e.line + lineCount(e.raw) - 1;
        while (wi < hits.length && hits[wi].line < e.line) wi++;
        if (wi < hits.length && hits[wi].line <= last) out.push(e);
      }
      if (out.length) yield out;
      if (wi >= hits.length) return;
    }
    return;
  }
  const fh = await openPositioned(file);
  try {
    yield* entriesAroundHits(fh, file, format, hits, signal);
  } finally {
    await fh.close();
  }
}

function lineCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Every entry of a file, parsed as a stream, in batches. */
export async function* entryBatches(f: SearchFile, signal?: AbortSignal): AsyncGenerator<LogEntry[]> {
  const parser = createEntryParser(f.format, f.file);
  const stream = openLogStream(f.file);
  let rest = '';
  try {
    for await (const chunk of stream.setEncoding('utf8') as AsyncIterable<string>) {
      if (signal?.aborted) return;
      rest += chunk;
      const lines = rest.split('\n');
      rest = lines.pop()!;
      const out: LogEntry[] = [];
      for (const l of lines) out.push(...parser.push(l.endsWith('\r') ? l.slice(0, -1) : l));
      if (out.length) yield out;
    }
    const out = rest ? parser.push(rest) : [];
    out.push(...parser.end());
    if (out.length) yield out;
  } finally {
    stream.destroy();
  }
}

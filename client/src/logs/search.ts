// Search over log sources: the engine prefilters lines, structure is parsed only for candidate entries.
import { parseClefLine } from './clef';
import { createEntryParser, entryStartTest } from './entries';
import { LineHit, ScanPattern, scanFileLines } from './lineScanner';
import { LogEntry, LogFormat } from './model';
import { LogQuery, entryMatcher, prefilterLiteral } from './query';
import { rgScan } from './rgEngine';
import { openLogStream } from './sources';

export interface SearchFile { readonly file: string; readonly format: LogFormat }

export interface SearchOptions {
  /** Path of rg, or undefined for the pure-Node engine. */
  readonly rgPath?: string;
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/** Streams matching entries, at most `limit` of them (the caller asks again with `skip` to load more). */
export async function* searchLogs(files: readonly SearchFile[], q: LogQuery, opts: SearchOptions = {}): AsyncGenerator<LogEntry> {
  const match = entryMatcher(q);
  const pre = prefilterLiteral(q);
  let left = opts.limit ?? Number.POSITIVE_INFINITY;
  for (const f of files) {
    if (opts.signal?.aborted || left <= 0) return;
    const source = pre ? candidateEntries(f, pre, opts) : allEntries(f, opts.signal);
    for await (const e of source) {
      if (opts.signal?.aborted) return;
      if (!match(e)) continue;
      yield e;
      if (--left <= 0) return;
    }
  }
}

async function* lineHits(f: SearchFile, pre: ScanPattern, opts: SearchOptions): AsyncGenerator<LineHit> {
  if (opts.rgPath) yield* rgScan(opts.rgPath, pre, [f.file], opts.signal);
  else yield* scanFileLines(f.file, pre, opts.signal);
}

async function* candidateEntries(f: SearchFile, pre: ScanPattern, opts: SearchOptions): AsyncGenerator<LogEntry> {
  if (f.format.kind === 'clef') {
    for await (const h of lineHits(f, pre, opts)) {
      if (h.text.length === 0) continue;
      yield parseClefLine(h.text, f.file, h.line) ?? { file: f.file, line: h.line, message: h.text, properties: {}, raw: h.text, unparsed: true };
    }
    return;
  }
  // Multi-line layouts: collect candidate line numbers, then parse only the entries around them.
  const wanted: number[] = [];
  for await (const h of lineHits(f, pre, opts)) wanted.push(h.line);
  if (wanted.length === 0) return;
  let wi = 0;
  for await (const e of allEntries(f, opts.signal)) {
    const last = e.line + e.raw.split('\n').length - 1;
    while (wi < wanted.length && wanted[wi] < e.line) wi++;
    if (wi >= wanted.length) return;
    if (wanted[wi] <= last) yield e;
  }
}

/** Every entry of a file, parsed as a stream. */
export async function* allEntries(f: SearchFile, signal?: AbortSignal): AsyncGenerator<LogEntry> {
  const parser = createEntryParser(f.format, f.file);
  const stream = openLogStream(f.file);
  let rest = '';
  try {
    for await (const chunk of stream.setEncoding('utf8') as AsyncIterable<string>) {
      if (signal?.aborted) return;
      rest += chunk;
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const l of lines) yield* parser.push(l.endsWith('\r') ? l.slice(0, -1) : l);
    }
    if (rest) yield* parser.push(rest);
    yield* parser.end();
  } finally {
    stream.destroy();
  }
}

export { entryStartTest };

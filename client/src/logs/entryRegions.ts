// Entries around hit lines of a multi-line text log, read with positioned reads: only the regions
// around the hits are read (from the entry's header line to the next header), never the whole file.
import { promises as fs } from 'node:fs';
import { createEntryParser, entryStartTest } from './entries';
import { LogEntry, LogFormat } from './model';

export interface HitPosition {
  /** 1-based line number of the hit. */
  readonly line: number;
  /** Byte offset of the hit line's start. */
  readonly offset: number;
  /** The hit line's text, when known (saves a read when it is a header itself). */
  readonly text?: string;
}

/** The part of a file a reader needs: positioned reads and the size. */
export interface PositionedFile {
  read(buf: Buffer, position: number): Promise<number>;
  readonly size: number;
}

const NL = 10;
/** Reads forward in windows of this size; back from a hit in windows from this size on (growing). */
const WINDOW = 16 << 10;
/**
 * A hit farther than this past the parsed position is reached by seeking back from it (one read of
 * about a window) instead of parsing every line in between.
 */
const SEEK_GAP = WINDOW;

/** Lines from a byte position forward, read in windows. */
class ForwardLines {
  private buf = Buffer.alloc(0);
  private bufPos = 0; // file offset of buf[0]
  private at = 0; // index in buf of the next line
  constructor(private readonly file: PositionedFile, pos: number) { this.bufPos = pos; }

  /** The next line with its offset, or undefined at the end of the file. */
  async next(): Promise<{ text: string; offset: number } | undefined> {
    for (;;) {
      const nl = this.buf.indexOf(NL, this.at);
      if (nl >= 0) return this.take(nl, nl + 1);
      const end = this.bufPos + this.buf.length;
      if (end >= this.file.size) {
        if (this.at >= this.buf.length) return undefined;
        return this.take(this.buf.length, this.buf.length); // torn last line
      }
      const keep = this.buf.subarray(this.at);
      const more = Buffer.allocUnsafe(Math.max(WINDOW, keep.length));
      const n = await this.file.read(more, end);
      if (n <= 0) { this.buf = keep; this.bufPos = end - keep.length; this.at = 0; if (keep.length === 0) return undefined; return this.take(keep.length, keep.length); }
      this.bufPos = end - keep.length;
      this.buf = Buffer.concat([keep, more.subarray(0, n)]);
      this.at = 0;
    }
  }

  private take(stop: number, nextAt: number): { text: string; offset: number } {
    let e = stop;
    if (e > this.at && this.buf[e - 1] === 13) e--;
    const out = { text: this.buf.toString('utf8', this.at, e), offset: this.bufPos + this.at };
    this.at = nextAt;
    return out;
  }
}

/** The offset and line number of the entry start at or before the hit: the nearest header line, else the file start. */
export async function findEntryStart(file: PositionedFile, hit: HitPosition, isHeader: (line: string) => boolean): Promise<{ offset: number; line: number }> {
  const text = hit.text ?? (await readLineAt(file, hit.offset));
  if (isHeader(text)) return { offset: hit.offset, line: hit.line };
  for (let size = WINDOW / 4; ; size *= 4) {
    const from = Math.max(0, hit.offset - size);
    const buf = Buffer.allocUnsafe(hit.offset - from);
    const win = buf.subarray(0, await file.read(buf, from));
    // Walk the window's lines back from the hit; its first line is partial unless the window starts the file.
    let end = win.length; // index just past the newline that ends the current line
    let line = hit.line;
    while (end > 0) {
      const start = end >= 2 ? win.lastIndexOf(NL, end - 2) + 1 : 0;
      if (start === 0 && from > 0) break;
      line--;
      let e = end - 1;
      if (e > start && win[e - 1] === 13) e--;
      if (isHeader(win.toString('utf8', start, e))) return { offset: from + start, line };
      end = start;
    }
    if (from === 0) return { offset: 0, line: 1 };
  }
}

async function readLineAt(file: PositionedFile, offset: number): Promise<string> {
  const l = await new ForwardLines(file, offset).next();
  return l?.text ?? '';
}

/**
 * Yields each entry that contains a hit, once, in file order. Hits must be sorted by line. Reads
 * forward from an entry start; a hit far ahead is reached by seeking back from it to its header.
 */
export async function* entriesAroundHits(file: PositionedFile, name: string, format: LogFormat, hits: readonly HitPosition[], signal?: AbortSignal): AsyncGenerator<LogEntry[]> {
  const isHeader = entryStartTest(format);
  let lines: ForwardLines | undefined;
  let parser = createEntryParser(format, name);
  let pos = -1; // offset of the next line the parser gets
  let lineNo = 0; // its line number
  let coveredTo = 0; // last line of the entries already yielded or passed
  let hi = 0;
  let out: LogEntry[] = [];
  const take = (done: LogEntry[], endLine: number): void => {
    // Entries completed by a header at endLine + 1 (or the file end): yield those holding a hit.
    for (let k = 0; k < done.length; k++) {
      const e = done[k];
      const last = k + 1 < done.length ? done[k + 1].line - 1 : endLine;
      while (hi < hits.length && hits[hi].line < e.line) hi++;
      if (hi < hits.length && hits[hi].line <= last) out.push(e);
      while (hi < hits.length && hits[hi].line <= last) hi++;
      coveredTo = Math.max(coveredTo, last);
    }
  };
  while (hi < hits.length) {
    if (signal?.aborted) return;
    const h = hits[hi];
    if (h.line <= coveredTo) { hi++; continue; }
    if (!lines || h.offset - pos > SEEK_GAP) {
      const start = await findEntryStart(file, h, isHeader);
      lines = new ForwardLines(file, start.offset);
      parser = createEntryParser(format, name, start.line);
      pos = start.offset;
      lineNo = start.line;
    }
    // Parse forward until the entry holding the hit is complete.
    while (hi < hits.length && hits[hi] === h) {
      const l = await lines.next();
      if (!l) { take(parser.end(), lineNo - 1); if (hits[hi] === h) hi++; break; }
      const done = parser.push(l.text);
      pos = l.offset;
      lineNo++;
      if (done.length) take(done, lineNo - 2);
    }
    if (out.length >= 200) { yield out; out = []; }
  }
  if (out.length) yield out;
}

/** A plain file opened for positioned reads; close it after use. */
export async function openPositioned(path: string): Promise<PositionedFile & { close(): Promise<void> }> {
  const fh = await fs.open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    read: async (buf, position) => (await fh.read(buf, 0, buf.length, position)).bytesRead,
    close: () => fh.close(),
  };
}

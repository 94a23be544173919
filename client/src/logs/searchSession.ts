// One search in the worker: pulls entry batches from the search, posts them in batches up to a
// limit, pauses there until "more", stops on cancel. No worker_threads here: tested directly.
import { LogEntry } from './model';
import { SearchMessages } from './searchProtocol';

export interface SessionOptions {
  /** Posts a batch once it has this many entries... */
  readonly batchSize?: number;
  /** ...or this long after the last post, so rare hits show at once. */
  readonly flushMs?: number;
  readonly now?: () => number;
}

export class SearchSession {
  private readonly ac = new AbortController();
  private readonly it: AsyncIterator<LogEntry[]>;
  private carry: LogEntry[] = [];
  private count = 0;
  private pulling = false;
  private finished = false;

  constructor(
    readonly id: number,
    search: (signal: AbortSignal) => AsyncIterable<LogEntry[]>,
    private readonly post: (m: SearchMessages.FromWorker) => void,
    private readonly opts: SessionOptions = {},
  ) {
    this.it = search(this.ac.signal)[Symbol.asyncIterator]();
  }

  get done(): boolean { return this.finished; }

  /** Sends up to `limit` more entries, then 'paused' or 'done'. A pull while one runs is ignored. */
  async pull(limit: number): Promise<void> {
    if (this.pulling || this.finished) return;
    this.pulling = true;
    const size = this.opts.batchSize ?? 200;
    const flushMs = this.opts.flushMs ?? 100;
    const now = this.opts.now ?? Date.now;
    let out: LogEntry[] = [];
    let sent = 0;
    let last = now();
    const flush = (): void => {
      if (out.length) { this.post({ type: 'batch', id: this.id, entries: out }); this.count += out.length; sent += out.length; }
      out = [];
      last = now();
    };
    try {
      for (;;) {
        if (this.ac.signal.aborted) return this.end(flush, true);
        let batch = this.carry;
        this.carry = [];
        if (batch.length === 0) {
          const r = await this.it.next();
          if (this.ac.signal.aborted) return this.end(flush, true);
          if (r.done) return this.end(flush, false);
          batch = r.value;
        }
        const room = limit - sent - out.length;
        if (batch.length > room) { this.carry = batch.slice(room); batch = batch.slice(0, room); }
        for (const e of batch) out.push(e);
        if (sent + out.length >= limit) {
          flush();
          this.post({ type: 'paused', id: this.id, count: this.count });
          return;
        }
        if (out.length >= size || now() - last >= flushMs) flush();
      }
    } catch (e) {
      this.finished = true;
      flush();
      this.post({ type: 'error', id: this.id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.pulling = false;
    }
  }

  /** Stops the search (rg is killed through the signal); posts 'done' at once when no pull runs. */
  cancel(): void {
    if (this.finished) return;
    this.ac.abort();
    if (!this.pulling) this.end(() => undefined, true);
  }

  private end(flush: () => void, cancelled: boolean): void {
    if (this.finished) return;
    this.finished = true;
    flush();
    void this.it.return?.(undefined)?.catch(() => undefined);
    this.post({ type: 'done', id: this.id, count: this.count, cancelled });
  }
}

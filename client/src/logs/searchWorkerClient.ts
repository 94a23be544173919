// Host side of the log search worker: starts it lazily, routes its messages to the running search,
// restarts it after a crash, terminates it on dispose. No vscode import.
import { Worker } from 'node:worker_threads';
import { LogEntry } from './model';
import type { PiiFinding } from './piiScan';
import { LogQuery } from './query';
import { SearchFile } from './search';
import { SearchMessages } from './searchProtocol';

export type PageEnd =
  | { readonly kind: 'paused'; readonly count: number }
  | { readonly kind: 'done'; readonly count: number; readonly cancelled: boolean }
  | { readonly kind: 'error'; readonly message: string };

export interface SearchRequest {
  readonly files: readonly SearchFile[];
  readonly query: LogQuery;
  readonly rgPath?: string;
  readonly limit: number;
}

/** A search running in the worker. */
export interface WorkerSearch {
  readonly id: number;
  /** Ends when the first page is in. */
  readonly firstPage: Promise<PageEnd>;
  /** Asks for `limit` more entries (after 'paused'). */
  more(limit: number, onBatch: (entries: readonly LogEntry[]) => void): Promise<PageEnd>;
  cancel(): void;
}

interface Pending { onBatch: (entries: readonly LogEntry[]) => void; resolve: (p: PageEnd) => void }

export type ScanEnd = { readonly kind: 'done'; readonly findings: readonly PiiFinding[]; readonly cancelled: boolean } | { readonly kind: 'error'; readonly message: string };
interface PendingScan { onFile: (file: string, done: number) => void; resolve: (e: ScanEnd) => void }

export class SearchWorkerClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly scans = new Map<number, PendingScan>();
  private disposed = false;

  constructor(private readonly workerFile: string) {}

  private ensure(): Worker {
    if (this.disposed) throw new Error('the log search worker is disposed');
    if (this.worker) return this.worker;
    const w = new Worker(this.workerFile);
    w.on('message', (m: SearchMessages.FromWorker) => this.receive(m));
    const lost = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      for (const [id, p] of this.pending) { this.pending.delete(id); p.resolve({ kind: 'error', message: why }); }
      for (const [id, p] of this.scans) { this.scans.delete(id); p.resolve({ kind: 'error', message: why }); }
    };
    w.on('error', (e) => lost(e.message));
    w.on('exit', (code) => lost(`the log search worker stopped (exit code ${code})`));
    this.worker = w;
    return w;
  }

  /** The worker keeps the process alive only while a page is awaited. */
  private refWhilePending(): void {
    if (this.pending.size || this.scans.size) this.worker?.ref();
    else this.worker?.unref();
  }

  private receive(m: SearchMessages.FromWorker): void {
    const scan = this.scans.get(m.id);
    if (scan) {
      if (m.type === 'piiProgress') return scan.onFile(m.file, m.done);
      if (m.type === 'piiDone' || m.type === 'error') {
        this.scans.delete(m.id);
        queueMicrotask(() => this.refWhilePending());
        scan.resolve(m.type === 'piiDone' ? { kind: 'done', findings: m.findings, cancelled: m.cancelled } : { kind: 'error', message: m.message });
      }
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type !== 'batch') queueMicrotask(() => this.refWhilePending());
    switch (m.type) {
      case 'batch': p.onBatch(m.entries); break;
      case 'paused': this.pending.delete(m.id); p.resolve({ kind: 'paused', count: m.count }); break;
      case 'done': this.pending.delete(m.id); p.resolve({ kind: 'done', count: m.count, cancelled: m.cancelled }); break;
      case 'error': this.pending.delete(m.id); p.resolve({ kind: 'error', message: m.message }); break;
      default: break;
    }
  }

  private page(id: number, onBatch: Pending['onBatch'], send: SearchMessages.ToWorker): Promise<PageEnd> {
    return new Promise<PageEnd>((resolve) => {
      try {
        const w = this.ensure();
        this.pending.set(id, { onBatch, resolve });
        w.postMessage(send);
        this.refWhilePending();
      } catch (e) {
        this.pending.delete(id);
        resolve({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
  }

  /** Starts a search; batches go to `onBatch` as they come. A new search cancels the previous one. */
  search(req: SearchRequest, onBatch: (entries: readonly LogEntry[]) => void): WorkerSearch {
    const id = this.nextId++;
    for (const [other, p] of this.pending) {
      this.pending.delete(other);
      p.resolve({ kind: 'done', count: 0, cancelled: true });
    }
    const firstPage = this.page(id, onBatch, { type: 'search', id, files: req.files, query: req.query, rgPath: req.rgPath, limit: req.limit });
    return {
      id,
      firstPage,
      more: (limit, more) => this.page(id, more, { type: 'more', id, limit }),
      cancel: () => { this.worker?.postMessage({ type: 'cancel', id } satisfies SearchMessages.ToWorker); },
    };
  }

  /** The data-protection scan of `files` in the worker; `onFile` after each file. */
  scanPersonalData(files: readonly string[], minScore: number, rgPath: string | undefined, onFile: (file: string, done: number) => void): { done: Promise<ScanEnd>; cancel(): void } {
    const id = this.nextId++;
    const done = new Promise<ScanEnd>((resolve) => {
      try {
        const w = this.ensure();
        this.scans.set(id, { onFile, resolve });
        w.postMessage({ type: 'pii', id, files, rgPath, minScore } satisfies SearchMessages.ToWorker);
        this.refWhilePending();
      } catch (e) {
        this.scans.delete(id);
        resolve({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
    return { done, cancel: () => { this.worker?.postMessage({ type: 'cancel', id } satisfies SearchMessages.ToWorker); } };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    for (const [id, p] of this.pending) { this.pending.delete(id); p.resolve({ kind: 'done', count: 0, cancelled: true }); }
    for (const [id, p] of this.scans) { this.scans.delete(id); p.resolve({ kind: 'done', findings: [], cancelled: true }); }
    if (w) await w.terminate();
  }
}

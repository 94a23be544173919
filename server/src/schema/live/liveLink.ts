// Keeps a live schema source current while connected: polls the cheap change stamp every interval,
// reloads only on change, and when the connection drops keeps the last schema, reports "reconnecting"
// once and retries with backoff until the server answers again. No vscode, no timers of its own:
// the caller injects the scheduler, so tests drive it step by step.
import type { SchemaLoadResult } from '../model';
import { PollTarget, SchemaChangePoller } from './changePoller';

export type LinkStatus = 'online' | 'reconnecting' | 'closed';

export interface Scheduled { cancel(): void }
export type Scheduler = (run: () => void, ms: number) => Scheduled;

export const realScheduler: Scheduler = (run, ms) => {
  const t = setTimeout(run, ms);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
};

/** Reconnect delays: 5 s, 10 s, 20 s, ... at most 5 min. Attempt counts from 1. */
export function reconnectDelayMs(attempt: number, firstMs = 5000, maxMs = 300_000): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(maxMs, firstMs * 2 ** Math.min(n - 1, 20));
}

export interface LiveLinkOptions {
  source: PollTarget;
  /** 0 turns polling off (reconnect attempts still run after a failure); a function is read before each wait. */
  pollIntervalMs: number | (() => number);
  onReload: (r: SchemaLoadResult) => void;
  /** Called on every change of status only (never repeated for the same status). */
  onStatus: (status: LinkStatus, error?: unknown) => void;
  schedule?: Scheduler;
  backoff?: (attempt: number) => number;
  /** 'reconnecting' for a start from the cached schema: the first good refresh reports 'online'. */
  initialStatus?: 'online' | 'reconnecting';
}

export class LiveLink {
  private readonly poller: SchemaChangePoller;
  private readonly schedule: Scheduler;
  private timer?: Scheduled;
  private failures = 0;
  private _status: LinkStatus = 'online';

  constructor(private readonly o: LiveLinkOptions) {
    this.poller = new SchemaChangePoller(o.source, (r) => o.onReload(r));
    this.schedule = o.schedule ?? realScheduler;
    this._status = o.initialStatus ?? 'online';
  }

  get status(): LinkStatus {
    return this._status;
  }

  /** Failed attempts since the connection was last good. */
  get failedAttempts(): number {
    return this.failures;
  }

  /** The first read: throws when it fails (the caller shows why); on success polling starts. */
  async open(): Promise<SchemaLoadResult> {
    const outcome = await this.poller.poll(true);
    if (!outcome.reloaded) throw new Error('unreachable: a forced poll always reloads');
    this.next();
    return outcome.result;
  }

  /**
   * Checks now (force: reload even when unchanged). Never throws: a failure switches to
   * "reconnecting" and schedules a retry with backoff. Resolves true when the schema was reloaded.
   */
  async refresh(force = false): Promise<boolean> {
    if (this._status === 'closed') return false;
    this.timer?.cancel();
    this.timer = undefined;
    try {
      const outcome = await this.poller.poll(force);
      if (this.isClosed()) return false;
      this.failures = 0;
      this.setStatus('online');
      this.next();
      return outcome.reloaded;
    } catch (e) {
      if (this.isClosed()) return false;
      this.failures++;
      this.setStatus('reconnecting', e);
      this.next();
      return false;
    }
  }

  close(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.setStatus('closed');
  }

  /** Read through a method: close() may run while a poll is awaited. */
  private isClosed(): boolean {
    return this._status === 'closed';
  }

  private next(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const delay = this.failures > 0 ? (this.o.backoff ?? reconnectDelayMs)(this.failures) : typeof this.o.pollIntervalMs === 'function' ? this.o.pollIntervalMs() : this.o.pollIntervalMs;
    if (delay > 0) this.timer = this.schedule(() => void this.refresh(), delay);
  }

  private setStatus(s: LinkStatus, error?: unknown): void {
    if (s === this._status) return;
    this._status = s;
    this.o.onStatus(s, error);
  }
}

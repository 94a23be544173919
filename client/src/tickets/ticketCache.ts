// Keeps the last good result with its time so the view stays useful when the tracker is unreachable.
import { TrackerError } from './http';
import { Ticket, TicketQuery, TicketTracker } from './model';

export interface CachedResult {
  readonly tickets: readonly Ticket[];
  readonly fetchedAt: Date;
  readonly stale: boolean; // true when this is the old result and the latest fetch failed
  readonly error?: TrackerError;
}

export class TicketCache {
  private last?: { tickets: Ticket[]; fetchedAt: Date };

  constructor(
    private readonly tracker: TicketTracker,
    private readonly query: TicketQuery,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Full refresh; on failure returns the previous result marked stale, or rethrows if there is none. */
  async refresh(signal?: AbortSignal): Promise<CachedResult> {
    try {
      const tickets = await this.tracker.list(this.query, { signal });
      this.last = { tickets, fetchedAt: this.now() };
      return { ...this.last, stale: false };
    } catch (e) {
      const error = e instanceof TrackerError ? e : new TrackerError('unreachable', String((e as Error)?.message ?? e));
      if (!this.last) throw error;
      return { ...this.last, stale: true, error };
    }
  }

  get current(): CachedResult | undefined {
    return this.last && { ...this.last, stale: false };
  }
}

/** Exponential backoff for polling: base interval while healthy, doubling on failure up to max. */
export class Backoff {
  private failures = 0;
  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}
  success(): number {
    this.failures = 0;
    return this.baseMs;
  }
  failure(): number {
    this.failures++;
    return Math.min(this.maxMs, this.baseMs * 2 ** this.failures);
  }
}

/** Polls through the cache; stops on dispose. Scheduling is injectable for tests. */
export class Poller {
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private readonly backoff: Backoff;

  constructor(
    private readonly cache: TicketCache,
    private readonly onResult: (r: CachedResult | TrackerError) => void,
    baseMs: number,
    maxMs = 30 * 60000,
  ) {
    this.backoff = new Backoff(baseMs, maxMs);
  }

  async tick(): Promise<number> {
    let next: number;
    try {
      const r = await this.cache.refresh();
      next = r.stale ? this.backoff.failure() : this.backoff.success();
      this.onResult(r);
    } catch (e) {
      next = this.backoff.failure();
      this.onResult(e as TrackerError);
    }
    return next;
  }

  start(): void {
    const loop = async () => {
      const next = await this.tick();
      if (!this.stopped) this.timer = setTimeout(loop, next);
    };
    void loop();
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

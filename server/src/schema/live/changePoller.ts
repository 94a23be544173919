// Reloads the schema only when the change stamp over sys.objects differs from the last one.
import { SchemaLoadResult } from '../model';
import { ChangeStamp, sameStamp } from './liveSchemaSource';

export interface PollTarget {
  changeStamp(): Promise<ChangeStamp>;
  load(signal?: AbortSignal): Promise<SchemaLoadResult>;
}

export type PollOutcome = { reloaded: true; result: SchemaLoadResult } | { reloaded: false };

export class SchemaChangePoller {
  private last?: ChangeStamp;
  private timer?: ReturnType<typeof setInterval>;
  private inflight?: Promise<PollOutcome>;

  constructor(
    private readonly target: PollTarget,
    private readonly onReload: (r: SchemaLoadResult) => void,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /**
   * One check that throws on failure; `force` reloads even when the stamp is unchanged.
   * A call while one is running shares its outcome (never two catalog reads at once).
   */
  poll(force = false): Promise<PollOutcome> {
    if (this.inflight) return this.inflight;
    const run = async (): Promise<PollOutcome> => {
      const stamp = await this.target.changeStamp();
      if (!force && sameStamp(this.last, stamp)) return { reloaded: false };
      const result = await this.target.load();
      this.last = stamp;
      this.onReload(result);
      return { reloaded: true, result };
    };
    this.inflight = run().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** One check; resolves to true when the schema was reloaded, errors go to onError. */
  async check(): Promise<boolean> {
    try {
      return (await this.poll()).reloaded;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

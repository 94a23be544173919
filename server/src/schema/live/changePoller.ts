// Reloads the schema only when the change stamp over sys.objects differs from the last one.
import { SchemaLoadResult } from '../model';
import { ChangeStamp, sameStamp } from './liveSchemaSource';

export interface PollTarget {
  changeStamp(): Promise<ChangeStamp>;
  load(signal?: AbortSignal): Promise<SchemaLoadResult>;
}

export class SchemaChangePoller {
  private last?: ChangeStamp;
  private timer?: ReturnType<typeof setInterval>;
  private running = false;

  constructor(
    private readonly target: PollTarget,
    private readonly onReload: (r: SchemaLoadResult) => void,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** One check; resolves to true when the schema was reloaded. */
  async check(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const stamp = await this.target.changeStamp();
      if (sameStamp(this.last, stamp)) return false;
      const result = await this.target.load();
      this.last = stamp;
      this.onReload(result);
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    } finally {
      this.running = false;
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

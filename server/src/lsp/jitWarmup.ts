// Right after start, V8 has not yet optimized the checker, and the first keystrokes pay for that (p95 68 ms
// instead of 24 ms on 1,000 lines). While the user pauses (no change for a moment, no check pending), re-check
// the first document's text until a CPU budget is spent, results discarded, one bounded check at a time.
import { checkScript } from '../check/checkScript';
import type { Analysis } from './analysis';

/** At most this much text per warm-up check, so one check never delays a keystroke by much. */
const MAX_CHARS = 48_000;

export class JitWarmup {
  private spentMs = 0;
  private running = false;
  private disposed = false;

  /** `budgetMs`: time spent on warm-up in the whole process; `idle`: the user pauses and no check is pending or running. */
  constructor(
    private readonly budgetMs: number,
    private readonly idle: () => boolean,
    private readonly check: (text: string, a: Pick<Analysis, 'schema' | 'config' | 'classifiers'>) => void =
      (text, a) => { checkScript(text, { schema: a.schema, config: a.config, classifiers: a.classifiers }); },
  ) {}

  /** Offers a freshly checked document as warm-up material; ignored once the budget is spent. */
  offer(a: Pick<Analysis, 'text' | 'schema' | 'config' | 'classifiers'>): void {
    if (this.running || this.disposed || this.spentMs >= this.budgetMs) return;
    this.running = true;
    const text = a.text.length > MAX_CHARS ? a.text.slice(0, a.text.lastIndexOf('\n', MAX_CHARS) + 1 || MAX_CHARS) : a.text;
    const step = (): void => {
      if (this.disposed || this.spentMs >= this.budgetMs) { this.running = false; return; }
      if (!this.idle()) { setTimeout(step, 50); return; }
      const t = performance.now();
      try {
        this.check(text, a);
      } catch {
        this.spentMs = this.budgetMs; // the real check reports problems; warm-up just stops
      }
      this.spentMs += performance.now() - t;
      setImmediate(step);
    };
    setImmediate(step);
  }

  get spent(): number { return this.spentMs; }

  /** A warm-up is under way (waiting for idle time or checking). */
  get active(): boolean { return this.running; }

  dispose(): void { this.disposed = true; }
}

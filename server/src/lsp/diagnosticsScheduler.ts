// Debounced diagnostics per document; a newer change supersedes (cancels) a pending or running check.
// The debounce adapts and has a leading edge: a change that comes after a pause longer than the document's
// last check (nothing to coalesce with) is checked at once; changes closer together wait `delayMs`, and during
// a burst of typing in a document whose last check was slow (a 10,000-line script) up to half a check's time,
// so the server doesn't queue one slow check per keystroke.

/** Delay before the next check, given how long the last one took and how long ago the previous change came. */
export function adaptiveDelay(baseMs: number, lastMs: number | undefined, sincePreviousMs: number, maxMs = 250): number {
  if (lastMs === undefined) return baseMs;
  if (sincePreviousMs >= Math.max(lastMs, baseMs)) return 0;
  if (lastMs <= 4 * baseMs + 20) return baseMs;
  return Math.max(baseMs, Math.min(maxMs, Math.round(lastMs / 2)));
}

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly lastMs = new Map<string, number>();
  private readonly scheduledAt = new Map<string, number>();
  private runningChecks = 0;
  private lastScheduled = -Infinity;

  constructor(private readonly delayMs: number, private readonly run: (uri: string, isCurrent: () => boolean) => Promise<void>) {}

  schedule(uri: string, delay?: number): void {
    const now = performance.now();
    delay ??= adaptiveDelay(this.delayMs, this.lastMs.get(uri), now - (this.scheduledAt.get(uri) ?? -Infinity));
    this.scheduledAt.set(uri, now);
    this.lastScheduled = now;
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      const started = performance.now();
      this.runningChecks++;
      void this.run(uri, () => this.generation.get(uri) === gen).finally(() => {
        this.runningChecks--;
        this.lastMs.set(uri, performance.now() - started);
      });
    }, delay));
  }

  /** No check waiting for its debounce or running, and no change for `quietMs`. */
  idleFor(quietMs: number): boolean {
    return this.timers.size === 0 && this.runningChecks === 0 && performance.now() - this.lastScheduled >= quietMs;
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.lastMs.delete(uri);
    this.scheduledAt.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }
}

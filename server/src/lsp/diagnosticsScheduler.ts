// Debounced diagnostics per document; a newer change supersedes (cancels) a pending or running check.
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();

  constructor(private readonly delayMs: number, private readonly run: (uri: string, isCurrent: () => boolean) => Promise<void>) {}

  schedule(uri: string, delay = this.delayMs): void {
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri, () => this.generation.get(uri) === gen);
    }, delay));
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }
}

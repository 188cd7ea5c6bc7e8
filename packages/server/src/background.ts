/**
 * The timers and promises one server instance has running: debounced checks, gathered file
 * events, queued publications. One owner, so shutting the server down stops all of them, and a
 * host (a test, a benchmark) can wait until nothing is left to do.
 */
export class BackgroundWork {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private disposed = false;

  constructor(private readonly onError: (e: unknown) => void) {}

  /** Runs `fn` after `ms` milliseconds (0: on a later turn of the event loop); returns a cancel function. */
  later(ms: number, fn: () => unknown): () => void {
    if (this.disposed) return () => {};
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(fn());
    }, ms);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Follows a promise until it settles; a rejection goes to the log, never unhandled. */
  track(value: unknown): void {
    if (!(value instanceof Promise)) return;
    const p: Promise<void> = value.then(
      () => undefined,
      (e: unknown) => this.onError(e),
    );
    const tracked = p.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves once no timer is pending and no tracked work is running. */
  async idle(): Promise<void> {
    while (this.timers.size || this.running.size) {
      if (this.running.size) await Promise.all(this.running);
      else await new Promise((r) => setTimeout(r, 2));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * A lint's time budget. A rule that runs past its budget is stopped and reported
 * (`fzlint/rule-timeout`); the other rules still run. Rules are stopped at the checkpoints of
 * their loops (`RuleContext.checkpoint()`), or at any point when the host can interrupt running
 * code (Node: `vm` with a timeout), which also stops a loop that never reaches a checkpoint.
 */
export interface TimeLimit {
  /** Milliseconds one rule may run. */
  ruleMs: number;
  /** Milliseconds the whole lint (parsing and all rules) may run; rules not started by then are skipped. */
  totalMs?: number;
  /**
   * Runs `fn` and stops it after `ms` milliseconds by throwing TimeLimitExceeded. Each call may
   * cost the host a thread start, so the engine calls it once per lint, not once per rule.
   */
  interrupt?: <T>(fn: () => T, ms: number) => T;
  /** The clock (milliseconds); performance.now by default. */
  now?: () => number;
}

/** Thrown when a budget is spent: by a checkpoint, or by the host's `interrupt`. */
export class TimeLimitExceeded extends Error {
  constructor(message = 'time limit exceeded') {
    super(message);
    this.name = 'TimeLimitExceeded';
  }
}

/** Parsing a report ran past the whole lint's budget: no rule could run. */
export class LintTimeout extends Error {
  constructor(readonly ms: number) {
    super(`解析报告超过 ${formatDuration(ms)}，已停止`);
    this.name = 'LintTimeout';
  }
}

/** 2000 → 「2 秒」, 1500 → 「1.5 秒」, 150 → 「150 毫秒」. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${Number((ms / 1000).toFixed(2))} 秒`;
}

/** How many checkpoints pass between two looks at the clock. */
const CHECK_EVERY = 256;

/**
 * The clock one lint runs against: the whole lint's deadline and the current rule's. A checkpoint
 * is a counter decrement; the clock is read every CHECK_EVERY checkpoints.
 */
export class Deadline {
  private readonly now: () => number;
  private readonly started: number;
  private readonly totalEnd: number;
  private ruleEnd = Infinity;
  private countdown = CHECK_EVERY;

  constructor(readonly limit: TimeLimit | undefined) {
    this.now = limit?.now ?? (() => performance.now());
    this.started = limit ? this.now() : 0;
    this.totalEnd = limit?.totalMs !== undefined ? this.started + limit.totalMs : Infinity;
  }

  /** Starts a rule's budget (never past the whole lint's). */
  startRule(): void {
    if (!this.limit) return;
    this.ruleEnd = Math.min(this.now() + this.limit.ruleMs, this.totalEnd);
    this.countdown = CHECK_EVERY;
  }

  endRule(): void {
    this.ruleEnd = Infinity;
  }

  /** Throws TimeLimitExceeded once the current rule's budget is spent; `cost` counts passes of an inner loop. */
  checkpoint(cost = 1): void {
    if ((this.countdown -= cost) > 0) return;
    this.countdown = CHECK_EVERY;
    if (this.ruleEnd !== Infinity && this.now() > this.ruleEnd) throw new TimeLimitExceeded();
  }

  /** Whether the whole lint's budget is spent. */
  spent(): boolean {
    return this.totalEnd !== Infinity && this.now() > this.totalEnd;
  }

  /** Milliseconds left of the whole lint's budget (Infinity without one). */
  remaining(): number {
    return this.totalEnd === Infinity ? Infinity : Math.max(0, this.totalEnd - this.now());
  }

  elapsed(): number {
    return this.now() - this.started;
  }

  /**
   * Runs `fn` under the host's interrupt, if any, for at most `ms` (a finite budget). Without an
   * interrupt, or without a finite budget, `fn` just runs.
   */
  guard<T>(fn: () => T, ms: number): T {
    const interrupt = this.limit?.interrupt;
    if (!interrupt || !Number.isFinite(ms)) return fn();
    return interrupt(fn, Math.max(1, Math.ceil(ms)));
  }
}

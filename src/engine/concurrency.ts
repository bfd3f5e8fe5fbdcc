/**
 * Concurrency that backs off under rate limiting: halve on a 429, creep back up
 * by one after a run of successes (additive increase, multiplicative decrease,
 * as TCP does), never above the configured maximum.
 */
export class AdaptiveConcurrency {
  private current: number;
  private successes = 0;
  /** Lowest value reached, for the report. */
  low: number;

  constructor(
    readonly max: number,
    private readonly recoverAfter = 10,
  ) {
    this.current = max;
    this.low = max;
  }

  get limit(): number {
    return this.current;
  }

  onRateLimited(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.low = Math.min(this.low, this.current);
    this.successes = 0;
  }

  onSuccess(): void {
    if (this.current >= this.max) return;
    if (++this.successes >= this.recoverAfter) {
      this.current++;
      this.successes = 0;
    }
  }
}

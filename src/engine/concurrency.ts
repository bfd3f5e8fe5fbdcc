/**
 * Concurrency that backs off under rate limiting, like TCP's congestion
 * control: halve on a 429 (at most once per cooldown, since the calls already
 * in flight when the first 429 lands will meet the same limit), and add one
 * after a round of successes, never above the configured maximum.
 */
export class AdaptiveConcurrency {
  private current: number;
  private successes = 0;
  private lastDecrease = -Infinity;
  /** Lowest value reached, for the report. */
  low: number;

  constructor(
    readonly max: number,
    private readonly opts: { cooldownMs?: number; now?: () => number } = {},
  ) {
    this.current = max;
    this.low = max;
  }

  get limit(): number {
    return this.current;
  }

  onRateLimited(): void {
    const now = (this.opts.now ?? Date.now)();
    this.successes = 0;
    if (now - this.lastDecrease < (this.opts.cooldownMs ?? 2000)) return;
    this.lastDecrease = now;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.low = Math.min(this.low, this.current);
  }

  onSuccess(): void {
    if (this.current >= this.max) return;
    // One more slot per round: a round is as many successes as slots in use.
    if (++this.successes >= this.current) {
      this.current++;
      this.successes = 0;
    }
  }
}

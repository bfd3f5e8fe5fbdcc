/**
 * A run-wide spending limit that schedules calls instead of ending the run.
 *
 * Every call reserves its upper bound (its prompt at a generous token count,
 * its answer at the tokens it is allowed, judges included) before it starts,
 * and settles what it actually cost when it finishes. A call is admitted only
 * while the spend so far, the upper bounds of the calls in flight and its own
 * fit the cap together: whatever the answers turn out to be, the spend cannot
 * pass the cap.
 *
 * A call that does not fit at the prompt's max_tokens waits for the calls in
 * flight to settle (they usually cost far less than their bound) while what
 * they are expected to cost leaves room for it. When even that cannot make
 * room, the call is sent with a smaller max_tokens that fits: twice the longest
 * answer seen so far (an answer cut by it is left out, never scored). The run
 * stops when not even that fits: the first refusal closes the budget for every
 * suite sharing it, so the champion and the challenger of a comparison are cut
 * at the same point (waiting calls are admitted in the order of their example,
 * whichever side asks).
 */
export interface Spend {
  usd: number;
  tokens: number;
}

export interface BudgetLimits {
  maxCostUsd?: number;
  maxTokensTotal?: number;
}

/**
 * What a call may cost, as a function of the answer tokens it is allowed: a
 * part that does not depend on the answer (the prompt, the judges' own text)
 * plus a part per answer token (the answer, which the judges read again).
 */
export interface CallCost {
  base: Spend;
  perToken: Spend;
  /** The prompt's max_tokens (1024 when it sets none): the allowance of a call the budget does not cut. */
  maxTokens: number;
}

export interface CallEstimate {
  cost: CallCost;
  /** What the call is expected to cost at its full allowance, from the answers seen so far. */
  expected: Spend;
  /**
   * A smaller answer allowance the call may run with when its full allowance no
   * longer fits (twice the longest answer seen so far); undefined: whatever fits.
   */
  fallbackTokens?: number;
}

export interface Reservation {
  /** The upper bound held: the call's cost at `maxTokens`. */
  readonly estimate: Spend;
  readonly expected: Spend;
  /** Answer tokens the call may use; below the prompt's max_tokens when the budget cut it. */
  readonly maxTokens: number;
}

/** A call's upper bound when its answer is allowed `tokens` tokens. */
export function costAt(cost: CallCost, tokens: number): Spend {
  return {
    usd: cost.base.usd + cost.perToken.usd * tokens,
    tokens: cost.base.tokens + Math.ceil(cost.perToken.tokens * tokens),
  };
}

/** The smallest answer allowance worth sending: a shorter cut answer would only be thrown away. */
export const MIN_ANSWER_TOKENS = 16;

interface Waiter {
  estimate: CallEstimate;
  /** Where the call's example stands in its suite, so the lagging side of a pair goes first. */
  order: number;
  seq: number;
  resolve: (r: Reservation | { refused: string }) => void;
}

const ZERO: Spend = { usd: 0, tokens: 0 };

/** Floating-point sums of many small prices must not end a wait for a call that would fit exactly. */
const EPSILON = 1e-12;

export class Budget {
  private spent: Spend = { ...ZERO };
  /** Upper bounds of the calls in flight. */
  private reserved: Spend = { ...ZERO };
  /** What the calls in flight are expected to cost. */
  private expectedHeld: Spend = { ...ZERO };
  private inFlight = 0;
  private waiting: Waiter[] = [];
  private seq = 0;
  /** Why the budget refused a call, once it has: from then on it refuses every call. */
  stopReason: string | undefined;

  constructor(readonly limits: BudgetLimits = {}) {}

  get spend(): Spend {
    return { ...this.spent };
  }

  /** The cost limit is set: callers must not let a call with an unknown price through it. */
  get limitsCost(): boolean {
    return this.limits.maxCostUsd !== undefined;
  }

  /**
   * Reserves `estimate` now, or returns the reason it would break a limit. Never
   * waits and never closes the budget: for optional work (prefetching) whose
   * refusal only means the examples do it themselves.
   */
  tryReserve(estimate: Spend): Reservation | { refused: string } {
    if (this.stopReason !== undefined) return { refused: this.stopReason };
    const over = this.overflow(estimate);
    return over === undefined ? this.grant(estimate, estimate, 0) : { refused: over };
  }

  /**
   * Reserves a call's upper bound, waiting for calls in flight to settle when it
   * does not fit yet. Resolves refused once it cannot fit (and closes the budget),
   * or when `signal` aborts while it waits.
   */
  reserve(
    estimate: CallEstimate,
    opts: { order?: number; signal?: AbortSignal } = {},
  ): Promise<Reservation | { refused: string }> {
    if (this.stopReason !== undefined) return Promise.resolve({ refused: this.stopReason });
    if (opts.signal?.aborted) return Promise.resolve({ refused: "the run stopped early" });
    return new Promise((resolve) => {
      const waiter: Waiter = { estimate, order: opts.order ?? 0, seq: this.seq++, resolve };
      const onAbort = (): void => {
        const i = this.waiting.indexOf(waiter);
        if (i < 0) return;
        this.waiting.splice(i, 1);
        resolve({ refused: "the run stopped early" });
        this.admit();
      };
      let settled = false;
      let listening = false;
      waiter.resolve = (r) => {
        settled = true;
        if (listening) opts.signal?.removeEventListener("abort", onAbort);
        resolve(r);
      };
      this.waiting.push(waiter);
      this.waiting.sort((a, b) => a.order - b.order || a.seq - b.seq);
      this.admit();
      // Most calls fit at once: only one left waiting listens for an abort (a listener added and
      // removed on the run's signal for every call was a measurable share of a call's CPU).
      if (!settled && opts.signal) {
        listening = true;
        opts.signal.addEventListener("abort", onAbort, { once: true });
      }
    });
  }

  settle(reservation: Reservation, actual: Spend): void {
    this.reserved.usd -= reservation.estimate.usd;
    this.reserved.tokens -= reservation.estimate.tokens;
    this.expectedHeld.usd -= reservation.expected.usd;
    this.expectedHeld.tokens -= reservation.expected.tokens;
    this.inFlight--;
    this.spent.usd += actual.usd;
    this.spent.tokens += actual.tokens;
    this.admit();
  }

  /**
   * Admits waiting calls in order. The head runs at its full allowance when that
   * fits; else it waits if the calls in flight, settling at what they are
   * expected to cost, would make room for it; else it runs with a smaller answer
   * allowance that fits now; else it waits for whatever is in flight; with
   * nothing in flight and nothing that fits, the budget closes.
   */
  private admit(): void {
    while (this.waiting.length > 0) {
      const head = this.waiting[0] as Waiter;
      if (this.stopReason !== undefined) {
        this.waiting.shift();
        head.resolve({ refused: this.stopReason });
        continue;
      }
      const { cost, expected } = head.estimate;
      const full = costAt(cost, cost.maxTokens);
      const over = this.overflow(full);
      if (over === undefined) {
        this.waiting.shift();
        head.resolve(this.grant(full, expected, cost.maxTokens));
        continue;
      }
      if (this.inFlight > 0 && this.fitsOnceSettled(full)) return;
      const cut = this.allowance(head.estimate);
      if (cut !== undefined) {
        this.waiting.shift();
        head.resolve(this.grant(costAt(cost, cut), expected, cut));
        continue;
      }
      // What settles may free room: only with nothing in flight is "does not fit" final.
      if (this.inFlight > 0) return;
      this.stopReason = over;
    }
  }

  private smallest(estimate: CallEstimate): number {
    return Math.min(estimate.cost.maxTokens, estimate.fallbackTokens ?? MIN_ANSWER_TOKENS);
  }

  /**
   * The answer allowance that fits beside the spend and the calls in flight: the
   * fallback when one is known (so one call does not take all the room), else
   * all that fits; undefined when not even the smallest useful answer fits.
   */
  private allowance(estimate: CallEstimate): number | undefined {
    const { cost } = estimate;
    const { maxCostUsd, maxTokensTotal } = this.limits;
    let fits = cost.maxTokens;
    if (maxCostUsd !== undefined && cost.perToken.usd > 0) {
      const room = maxCostUsd - this.spent.usd - this.reserved.usd - cost.base.usd;
      fits = Math.min(fits, Math.floor(room / cost.perToken.usd));
    }
    if (maxTokensTotal !== undefined && cost.perToken.tokens > 0) {
      const room = maxTokensTotal - this.spent.tokens - this.reserved.tokens - cost.base.tokens;
      fits = Math.min(fits, Math.floor(room / cost.perToken.tokens));
    }
    const wanted = estimate.fallbackTokens === undefined ? fits : Math.min(fits, estimate.fallbackTokens);
    if (wanted < this.smallest(estimate)) return undefined;
    // Rounding must never hand out more than fits.
    return this.overflow(costAt(cost, wanted)) === undefined ? wanted : undefined;
  }

  private grant(upper: Spend, expected: Spend, maxTokens: number): Reservation {
    this.reserved.usd += upper.usd;
    this.reserved.tokens += upper.tokens;
    // A cut call is expected to cost at most its cut bound.
    const held = { usd: Math.min(expected.usd, upper.usd), tokens: Math.min(expected.tokens, upper.tokens) };
    this.expectedHeld.usd += held.usd;
    this.expectedHeld.tokens += held.tokens;
    this.inFlight++;
    return { estimate: upper, expected: held, maxTokens };
  }

  private fitsOnceSettled(upper: Spend): boolean {
    const { maxCostUsd, maxTokensTotal } = this.limits;
    const usd = this.spent.usd + this.expectedHeld.usd + upper.usd;
    const tokens = this.spent.tokens + this.expectedHeld.tokens + upper.tokens;
    return (
      (maxCostUsd === undefined || usd <= maxCostUsd + EPSILON) &&
      (maxTokensTotal === undefined || tokens <= maxTokensTotal)
    );
  }

  /** Why `upper` does not fit beside the spend and the calls in flight, or undefined when it does. */
  private overflow(upper: Spend): string | undefined {
    const { maxCostUsd, maxTokensTotal } = this.limits;
    if (maxCostUsd !== undefined && this.spent.usd + this.reserved.usd + upper.usd > maxCostUsd) {
      const left = Math.max(0, maxCostUsd - this.spent.usd);
      return `cost budget of $${maxCostUsd} reached ($${this.spent.usd.toFixed(4)} spent${this.held(`$${this.reserved.usd.toFixed(4)}`, this.reserved.usd)}; one more call may cost up to $${upper.usd.toFixed(4)}, $${left.toFixed(4)} left)`;
    }
    if (
      maxTokensTotal !== undefined &&
      this.spent.tokens + this.reserved.tokens + upper.tokens > maxTokensTotal
    ) {
      const left = Math.max(0, maxTokensTotal - this.spent.tokens);
      return `token budget of ${maxTokensTotal} reached (${this.spent.tokens} used${this.held(String(this.reserved.tokens), this.reserved.tokens)}; one more call may use up to ${upper.tokens}, ${left} left)`;
    }
    return undefined;
  }

  /** Calls in flight hold their worst case; without saying so, "0 used" reads as a bug. */
  private held(amount: string, n: number): string {
    return n > 0 ? `, ${amount} held by calls in flight` : "";
  }
}

/**
 * What the calls of one suite are expected to cost: their upper bound scaled by
 * how much of it the calls so far really spent (answers are usually far
 * shorter than max_tokens), and the longest answer seen. Until an answer is in,
 * a call is expected to cost its bound.
 */
export class SuiteSpend {
  private upperUsd = 0;
  private actualUsd = 0;
  private upperTokens = 0;
  private actualTokens = 0;
  private longest: number | undefined;

  observe(upper: Spend, actual: Spend): void {
    // A cached answer costs nothing now and says nothing about what a live one costs.
    if (actual.tokens === 0) return;
    this.upperUsd += upper.usd;
    this.actualUsd += actual.usd;
    this.upperTokens += upper.tokens;
    this.actualTokens += actual.tokens;
  }

  /** One model answer's length (one agent step's), live or cached. */
  answered(completionTokens: number): void {
    this.longest = Math.max(this.longest ?? 0, completionTokens);
  }

  expected(upper: Spend): Spend {
    const scale = (actual: number, bound: number): number => (bound > 0 ? Math.min(1, actual / bound) : 1);
    return {
      usd: upper.usd * scale(this.actualUsd, this.upperUsd),
      tokens: Math.ceil(upper.tokens * scale(this.actualTokens, this.upperTokens)),
    };
  }

  /** The allowance of a call the budget cuts: twice the longest answer so far, so a cut rarely bites. */
  fallbackTokens(): number | undefined {
    return this.longest === undefined ? undefined : Math.max(MIN_ANSWER_TOKENS, 2 * this.longest);
  }
}

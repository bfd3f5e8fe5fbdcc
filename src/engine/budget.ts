/**
 * A run-wide spending limit. Calls reserve their worst-case cost before they
 * start and settle the actual cost when they finish, so concurrent calls can
 * never jointly overshoot the limit.
 */
export interface Spend {
  usd: number;
  tokens: number;
}

export interface BudgetLimits {
  maxCostUsd?: number;
  maxTokensTotal?: number;
}

export interface Reservation {
  readonly estimate: Spend;
}

export class Budget {
  private spent: Spend = { usd: 0, tokens: 0 };
  private reserved: Spend = { usd: 0, tokens: 0 };
  /** Why the budget refused a call, once it has. */
  stopReason: string | undefined;

  constructor(readonly limits: BudgetLimits = {}) {}

  get spend(): Spend {
    return { ...this.spent };
  }

  /** Reserves `estimate`, or returns the reason it would break a limit. */
  tryReserve(estimate: Spend): Reservation | { refused: string } {
    const { maxCostUsd, maxTokensTotal } = this.limits;
    if (maxCostUsd !== undefined && this.spent.usd + this.reserved.usd + estimate.usd > maxCostUsd) {
      this.stopReason ??= `cost budget of $${maxCostUsd} reached ($${this.spent.usd.toFixed(4)} spent${this.held(`$${this.reserved.usd.toFixed(4)}`, this.reserved.usd)})`;
      return { refused: this.stopReason };
    }
    if (
      maxTokensTotal !== undefined &&
      this.spent.tokens + this.reserved.tokens + estimate.tokens > maxTokensTotal
    ) {
      this.stopReason ??= `token budget of ${maxTokensTotal} reached (${this.spent.tokens} used${this.held(String(this.reserved.tokens), this.reserved.tokens)})`;
      return { refused: this.stopReason };
    }
    this.reserved.usd += estimate.usd;
    this.reserved.tokens += estimate.tokens;
    return { estimate };
  }

  /** Calls in flight hold their worst case; without saying so, "0 used" reads as a bug. */
  private held(amount: string, n: number): string {
    return n > 0 ? `, ${amount} held by calls in flight` : "";
  }

  settle(reservation: Reservation, actual: Spend): void {
    this.reserved.usd -= reservation.estimate.usd;
    this.reserved.tokens -= reservation.estimate.tokens;
    this.spent.usd += actual.usd;
    this.spent.tokens += actual.tokens;
  }
}

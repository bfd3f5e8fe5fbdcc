/**
 * The rate limit an OpenAI-compatible endpoint enforces, as OpenAI documents it: requests and
 * tokens per minute, each a bucket replenished continuously (limit/60 000 a millisecond), a
 * request's tokens counted on arrival as its prompt (characters / 4) plus its max_tokens.
 * bench/rate-limit.mjs is the same logic for the bench's out-of-process fake.
 */
export interface RateLimitSpec {
  /** Requests per minute; absent: no request limit. */
  rpm?: number;
  /** Tokens per minute; absent: no token limit. */
  tpm?: number;
  /**
   * Both buckets are empty when the first request arrives, as when other jobs share the key (from
   * the first request, not from start-up, so the first call meets a 429 however slow the machine).
   */
  startUsedUp?: boolean;
  /** Clock; injected by tests. */
  now?: () => number;
}

export interface LimitedBody {
  model?: string;
  messages?: { content?: unknown }[];
  max_tokens?: number;
  max_completion_tokens?: number;
}

/** What the endpoint charges a request against the token limit before answering it. */
export function chargedTokens(body: LimitedBody): number {
  let chars = 0;
  for (const m of body.messages ?? []) if (typeof m.content === "string") chars += m.content.length;
  return Math.ceil(chars / 4) + (body.max_tokens ?? body.max_completion_tokens ?? 0);
}

/** OpenAI's duration format: "120ms", "1.5s", "6m0s". */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 10) / 100;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}

class Bucket {
  private level: number;
  private at: number | undefined;
  constructor(
    readonly limit: number,
    empty: boolean,
  ) {
    this.level = empty ? 0 : limit;
  }
  private rate(): number {
    return this.limit / 60_000;
  }
  refill(now: number): void {
    this.level = Math.min(this.limit, this.level + (now - (this.at ?? now)) * this.rate());
    this.at = now;
  }
  /** Milliseconds until `cost` is available (0: now). */
  waitFor(cost: number): number {
    return this.level >= cost ? 0 : Math.ceil((cost - this.level) / this.rate());
  }
  take(cost: number): void {
    this.level -= cost;
  }
  headers(kind: "requests" | "tokens"): Record<string, string> {
    return {
      [`x-ratelimit-limit-${kind}`]: String(this.limit),
      [`x-ratelimit-remaining-${kind}`]: String(Math.max(0, Math.floor(this.level))),
      [`x-ratelimit-reset-${kind}`]: formatReset((this.limit - this.level) / this.rate()),
    };
  }
}

export type LimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; headers: Record<string, string>; body: unknown; waitMs: number };

/** One endpoint's limits; `admit` charges a request or says how long to wait, with the headers either way. */
export class FakeRateLimiter {
  private readonly requests: Bucket | undefined;
  private readonly tokens: Bucket | undefined;
  private readonly now: () => number;
  /** 429s answered so far. */
  rejected = 0;

  constructor(spec: RateLimitSpec) {
    this.now = spec.now ?? Date.now;
    const empty = spec.startUsedUp ?? false;
    this.requests = spec.rpm ? new Bucket(spec.rpm, empty) : undefined;
    this.tokens = spec.tpm ? new Bucket(spec.tpm, empty) : undefined;
  }

  admit(body: LimitedBody): LimitVerdict {
    const t = this.now();
    this.requests?.refill(t);
    this.tokens?.refill(t);
    const cost = chargedTokens(body);
    const waitRequests = this.requests?.waitFor(1) ?? 0;
    const waitTokens = this.tokens?.waitFor(cost) ?? 0;
    const headers = (): Record<string, string> => ({
      ...this.requests?.headers("requests"),
      ...this.tokens?.headers("tokens"),
    });
    if (waitRequests === 0 && waitTokens === 0) {
      this.requests?.take(1);
      this.tokens?.take(cost);
      return { ok: true, headers: headers() };
    }
    this.rejected++;
    const byRequests = waitRequests >= waitTokens;
    const waitMs = Math.max(waitRequests, waitTokens);
    const bucket = byRequests ? this.requests : this.tokens;
    const unit = byRequests ? "requests per min (RPM)" : "tokens per min (TPM)";
    const message =
      `Rate limit reached for ${body.model ?? "the model"} in organization org-fake on ${unit}: ` +
      `Limit ${bucket?.limit ?? 0}, Requested ${byRequests ? 1 : cost}. Please try again in ${waitMs}ms.`;
    return {
      ok: false,
      waitMs,
      headers: {
        ...headers(),
        "retry-after-ms": String(waitMs),
        "retry-after": String(Math.ceil(waitMs / 1000)),
      },
      body: { error: { message, type: byRequests ? "requests" : "tokens", code: "rate_limit_exceeded" } },
    };
  }
}

// The rate limit the bench's fake endpoint enforces: the same logic as tests/helpers/fake-rate-limit.ts
// (OpenAI's way: requests and tokens per minute, replenished continuously, a request's tokens its
// prompt characters / 4 plus its max_tokens, counted on arrival), in plain JS for the bench process.

export function chargedTokens(body) {
  let chars = 0;
  for (const m of body.messages ?? []) if (typeof m.content === "string") chars += m.content.length;
  return Math.ceil(chars / 4) + (body.max_tokens ?? body.max_completion_tokens ?? 0);
}

function formatReset(ms) {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 10) / 100;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}

class Bucket {
  constructor(limit, empty) {
    this.limit = limit;
    this.level = empty ? 0 : limit;
    this.at = undefined;
  }
  refill(now) {
    this.level = Math.min(this.limit, this.level + (now - (this.at ?? now)) * (this.limit / 60_000));
    this.at = now;
  }
  waitFor(cost) {
    return this.level >= cost ? 0 : Math.ceil((cost - this.level) / (this.limit / 60_000));
  }
  headers(kind) {
    return {
      [`x-ratelimit-limit-${kind}`]: String(this.limit),
      [`x-ratelimit-remaining-${kind}`]: String(Math.max(0, Math.floor(this.level))),
      [`x-ratelimit-reset-${kind}`]: formatReset((this.limit - this.level) / (this.limit / 60_000)),
    };
  }
}

/** Buckets empty at the first request with `startUsedUp`, as when other jobs share the key. */
export class FakeRateLimiter {
  constructor({ rpm, tpm, startUsedUp = false }) {
    this.requests = rpm ? new Bucket(rpm, startUsedUp) : undefined;
    this.tokens = tpm ? new Bucket(tpm, startUsedUp) : undefined;
    this.rejected = 0;
  }
  admit(body) {
    const t = Date.now();
    this.requests?.refill(t);
    this.tokens?.refill(t);
    const cost = chargedTokens(body);
    const waitRequests = this.requests?.waitFor(1) ?? 0;
    const waitTokens = this.tokens?.waitFor(cost) ?? 0;
    const headers = () => ({ ...this.requests?.headers("requests"), ...this.tokens?.headers("tokens") });
    if (waitRequests === 0 && waitTokens === 0) {
      if (this.requests) this.requests.level -= 1;
      if (this.tokens) this.tokens.level -= cost;
      return { ok: true, headers: headers() };
    }
    this.rejected++;
    const byRequests = waitRequests >= waitTokens;
    const waitMs = Math.max(waitRequests, waitTokens);
    const bucket = byRequests ? this.requests : this.tokens;
    const unit = byRequests ? "requests per min (RPM)" : "tokens per min (TPM)";
    const message =
      `Rate limit reached for ${body.model ?? "the model"} in organization org-fake on ${unit}: ` +
      `Limit ${bucket.limit}, Requested ${byRequests ? 1 : cost}. Please try again in ${waitMs}ms.`;
    return {
      ok: false,
      headers: {
        ...headers(),
        "retry-after-ms": String(waitMs),
        "retry-after": String(Math.ceil(waitMs / 1000)),
      },
      body: JSON.stringify({
        error: { message, type: byRequests ? "requests" : "tokens", code: "rate_limit_exceeded" },
      }),
    };
  }
}

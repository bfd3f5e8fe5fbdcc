import type { ChatRequest } from "../request.js";

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface Completion {
  text: string;
  usage: TokenUsage;
  latencyMs: number;
  /** True when served from a cache or a recording rather than a live call. */
  cached: boolean;
  /** Why the model stopped, as the endpoint said ("length": cut at max_tokens); absent when unknown. */
  finishReason?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** 0-based repeat index, part of the content address. */
  repeat?: number;
}

/** Anything that answers chat requests: a live endpoint, a recording, a test double. */
export interface Provider {
  readonly id: string;
  complete(request: ChatRequest, options?: CallOptions): Promise<Completion>;
}

/**
 * A call that failed. `retryable` separates transient infrastructure trouble
 * (429, 5xx, timeouts) from failures that retrying cannot fix.
 */
export class ProviderError extends Error {
  readonly kind: string;
  readonly retryable: boolean;
  /** Stop the whole run (bad key, quota exhausted): every further call would fail too. */
  readonly fatal: boolean;
  /** The server's Retry-After, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    opts: { kind: string; retryable?: boolean; fatal?: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.name = "ProviderError";
    this.kind = opts.kind;
    this.retryable = opts.retryable ?? false;
    this.fatal = opts.fatal ?? false;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

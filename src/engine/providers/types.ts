import type { ChatRequest, ToolCall } from "../request.js";

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Of prompt_tokens, those the provider served from its prompt cache (billed at its cached rate). */
  cached_tokens?: number;
}

export interface Completion {
  text: string;
  usage: TokenUsage;
  latencyMs: number;
  /** True when served from a cache or a recording rather than a live call. */
  cached: boolean;
  /** A cached answer: when the model gave it (ISO 8601), when known. */
  answeredAt?: string;
  /** Why the model stopped, as the endpoint said ("length": cut at max_tokens); absent when unknown. */
  finishReason?: string;
  /** The function calls the model asked for instead of (or beside) a text answer. */
  toolCalls?: ToolCall[];
}

export interface CallOptions {
  signal?: AbortSignal;
  /** 0-based repeat index, part of the content address. */
  repeat?: number;
  /** The example the call answers; not part of the content address (score's trace provider answers by it). */
  exampleId?: string;
}

/** One text to classify with an endpoint's moderation API (`POST /moderations`). */
export interface ModerationRequest {
  model: string;
  input: string;
}

export interface Moderation {
  flagged: boolean;
  /** Category name (OpenAI's: "violence", "self-harm/intent", ...) -> flagged. */
  categories: Record<string, boolean>;
  /** Category name -> the endpoint's score in [0, 1]. */
  scores: Record<string, number>;
  latencyMs: number;
  cached: boolean;
}

/** Texts to embed in one request (`POST /embeddings`). */
export interface EmbeddingRequest {
  model: string;
  input: string[];
}

export interface Embeddings {
  /** One vector per input, in input order. */
  vectors: number[][];
  /** Input tokens per input; the endpoint's total shared out by length when it reports only a total. */
  tokens: number[];
  /** Per input: served from a cache or a recording (costs nothing now). */
  cached: boolean[];
  latencyMs: number;
}

/**
 * Anything that answers chat requests: a live endpoint, a recording, a test
 * double. Moderation and embeddings are optional: a provider without them
 * (or one answering ProviderError kind "unsupported") does not offer them.
 */
export interface Provider {
  readonly id: string;
  complete(request: ChatRequest, options?: CallOptions): Promise<Completion>;
  moderate?(request: ModerationRequest, options?: CallOptions): Promise<Moderation>;
  embed?(request: EmbeddingRequest, options?: CallOptions): Promise<Embeddings>;
}

/** The error for an API a provider or endpoint lacks; safety criteria fall back to the judge on it. */
export function unsupported(what: string, why: string): ProviderError {
  return new ProviderError(`${what} is not available: ${why}`, { kind: "unsupported" });
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

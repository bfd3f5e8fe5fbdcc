import { ProviderError, type CallOptions, type Completion, type Provider } from "./types.js";

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ProviderError("the call was aborted", { kind: "aborted" }));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ProviderError("the call was aborted", { kind: "aborted" }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Retries transient failures (429, 5xx, timeouts, resets) with full-jitter
 * exponential backoff, waiting at least as long as the server's Retry-After.
 * Failures retrying cannot fix (400, 401, quota) go straight through.
 */
export function withRetries(inner: Provider, opts: RetryOptions = {}): Provider {
  const maxAttempts = opts.maxAttempts ?? 5;
  const base = opts.baseDelayMs ?? 500;
  const cap = opts.maxDelayMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? abortableSleep;
  return {
    id: inner.id,
    async complete(request, options: CallOptions = {}): Promise<Completion> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await inner.complete(request, options);
        } catch (e) {
          if (
            !(e instanceof ProviderError) ||
            !e.retryable ||
            e.fatal ||
            attempt >= maxAttempts ||
            options.signal?.aborted
          ) {
            throw e;
          }
          const jittered = random() * Math.min(cap, base * 2 ** (attempt - 1));
          const delayMs = Math.min(cap, Math.max(jittered, e.retryAfterMs ?? 0));
          opts.onRetry?.({ attempt, delayMs, error: e });
          await sleep(delayMs, options.signal);
        }
      }
    },
  };
}

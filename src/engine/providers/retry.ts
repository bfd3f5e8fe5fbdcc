import { ProviderError, type CallOptions, type Completion, type Provider } from "./types.js";

export interface RetryInfo {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** How long we wait before the next attempt. */
  delayMs: number;
  error: ProviderError;
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff scale: attempt n waits up to baseDelayMs * 2^(n-1) (default 500). */
  baseDelayMs?: number;
  /** No single wait is longer, whatever the server's Retry-After says (default 30 000). */
  maxDelayMs?: number;
  /**
   * Rate-limited answers (429 without an exhausted quota) do not use up attempts: the limit frees
   * up by itself, so the call waits as long as the run's signal allows, up to this much waiting in
   * all (default 15 minutes, for runs without a deadline).
   */
  maxRateLimitWaitMs?: number;
  /** [0, 1); injected by tests to pin the jitter. */
  random?: () => number;
  /** Injected by tests to skip real waiting; must reject or resolve promptly when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: RetryInfo) => void;
}

function abortedError(): ProviderError {
  return new ProviderError("the call was aborted", { kind: "aborted" });
}

/** setTimeout as a promise that rejects with an "aborted" ProviderError as soon as the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Whether another attempt could succeed: transient, not run-stopping, attempts left. */
function worthRetrying(e: unknown, attempt: number, maxAttempts: number): e is ProviderError {
  return e instanceof ProviderError && e.retryable && !e.fatal && attempt < maxAttempts;
}

const isRateLimited = (e: unknown): e is ProviderError =>
  e instanceof ProviderError && e.kind === "rate_limited" && !e.fatal;

/**
 * Full jitter (a uniform wait up to the exponential step) spreads parallel
 * workers that failed together; the server's Retry-After is a floor, and the
 * cap keeps one stubborn header from stalling a run.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  opts: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  const jittered = opts.random() * step;
  return Math.min(opts.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Retries transient failures (429, 5xx, timeouts, resets, malformed answers)
 * with backoff. Failures retrying cannot fix (400, 401, quota) go straight
 * through, and so does anything that is not a ProviderError (a bug, not weather).
 */
export function withRetries(inner: Provider, opts: RetryOptions = {}): Provider {
  const maxAttempts = Math.max(1, Math.floor(opts.maxAttempts ?? 5));
  const backoff = {
    baseDelayMs: opts.baseDelayMs ?? 500,
    maxDelayMs: opts.maxDelayMs ?? 30_000,
    random: opts.random ?? Math.random,
  };
  const sleep = opts.sleep ?? abortableSleep;
  const maxRateLimitWaitMs = opts.maxRateLimitWaitMs ?? 15 * 60_000;
  async function retrying<T>(call: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    // Attempts that met other trouble; rate-limited ones count apart, by the time waited.
    let failures = 0;
    let limitedWaitMs = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        const limited = isRateLimited(e) && limitedWaitMs < maxRateLimitWaitMs;
        if (!limited) failures++;
        if (!limited && !worthRetrying(e, failures, maxAttempts)) throw e;
        if (!(e instanceof ProviderError)) throw e;
        // The caller gave up (deadline, Ctrl-C): report that, not the transient failure.
        if (signal?.aborted) throw abortedError();
        // The server's wait is a floor; the exponential step grows with rate-limited tries too,
        // capped by maxDelayMs, so a limit that stays shut is asked less and less often.
        const delayMs = backoffDelay(Math.min(attempt, 16), e.retryAfterMs, backoff);
        if (limited) limitedWaitMs += delayMs;
        opts.onRetry?.({ attempt, delayMs, error: e });
        await sleep(delayMs, signal);
        // An injected sleep may ignore the signal; never start a call nobody waits for.
        if (signal?.aborted) throw abortedError();
      }
    }
  }
  const moderate = inner.moderate?.bind(inner);
  const embed = inner.embed?.bind(inner);
  return {
    id: inner.id,
    complete: (request, options: CallOptions = {}): Promise<Completion> =>
      retrying(() => inner.complete(request, options), options.signal),
    ...(moderate
      ? { moderate: (request, options = {}) => retrying(() => moderate(request, options), options.signal) }
      : {}),
    ...(embed
      ? { embed: (request, options = {}) => retrying(() => embed(request, options), options.signal) }
      : {}),
  } satisfies Provider;
}

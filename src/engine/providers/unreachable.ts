import { ProviderError, type Provider } from "./types.js";

/** Connection failures in a row (retries included) after which the endpoint is taken to be unreachable. */
export const MAX_CONSECUTIVE_CONNECTION_FAILURES = 6;

/**
 * Stops the run when the endpoint cannot be reached at all (a wrong base URL,
 * nothing listening): after a few connection failures in a row, with no call
 * getting through, the next failure is fatal. Without this every example
 * retries its way to an error and the run reports "0/0 passed" after minutes.
 * Sits inside the retries, so each attempt counts; any answer resets the count.
 */
export function stopWhenUnreachable(
  inner: Provider,
  limit: number = MAX_CONSECUTIVE_CONNECTION_FAILURES,
): Provider {
  let inARow = 0;
  async function watched<T>(call: () => Promise<T>): Promise<T> {
    try {
      const answer = await call();
      inARow = 0;
      return answer;
    } catch (e) {
      if (!(e instanceof ProviderError) || e.kind !== "connection") {
        // An HTTP answer of any kind means the endpoint is there.
        if (e instanceof ProviderError && e.kind !== "aborted" && e.kind !== "timeout") inARow = 0;
        throw e;
      }
      if (++inARow < limit) throw e;
      throw new ProviderError(
        `${e.message} — ${inARow} connection failures in a row and no answer: stopping the run`,
        { kind: "unreachable", fatal: true },
      );
    }
  }
  const moderate = inner.moderate?.bind(inner);
  const embed = inner.embed?.bind(inner);
  return {
    id: inner.id,
    complete: (request, options) => watched(() => inner.complete(request, options)),
    ...(moderate ? { moderate: (request, options) => watched(() => moderate(request, options)) } : {}),
    ...(embed ? { embed: (request, options) => watched(() => embed(request, options)) } : {}),
  } satisfies Provider;
}

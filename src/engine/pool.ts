/**
 * Runs `worker` over `items` with at most `limit()` calls in flight, in input
 * order of start. `limit` is read before each start so a caller can lower or
 * raise concurrency while the pool runs (used to back off on rate limits).
 * Stops starting new items once `signal` aborts; items not started are reported
 * to `onSkipped` so nothing disappears silently.
 */
export async function runPool<T>(
  items: Iterable<T>,
  limit: () => number,
  worker: (item: T, index: number) => Promise<void>,
  opts: { signal?: AbortSignal; onSkipped?: (item: T, index: number) => void } = {},
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let index = 0;
  let inFlight = 0;
  let done = false;
  let failure: { error: unknown } | undefined;

  return new Promise<void>((resolve, reject) => {
    const finishIfIdle = (): void => {
      if (inFlight > 0) return;
      if (failure) reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
      else resolve();
    };
    const drainSkipped = (): void => {
      for (let next = iterator.next(); !next.done; next = iterator.next())
        opts.onSkipped?.(next.value, index++);
      done = true;
    };
    const pump = (): void => {
      while (!done && !failure && inFlight < Math.max(1, limit())) {
        if (opts.signal?.aborted) {
          drainSkipped();
          break;
        }
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const i = index++;
        inFlight++;
        worker(next.value, i).then(
          () => {
            inFlight--;
            pump();
            finishIfIdle();
          },
          (error: unknown) => {
            inFlight--;
            failure ??= { error };
            finishIfIdle();
          },
        );
      }
      if (done || failure) finishIfIdle();
    };
    pump();
  });
}

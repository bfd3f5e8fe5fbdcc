/**
 * Call slots shared by every pool of a run (champion and challenger, every
 * prompt), so what runs at the same time never exceeds one limit. `limit` is
 * read before each start, so a caller can lower or raise it while pools run
 * (adaptive concurrency). A freed slot goes to a waiting pool before the pool
 * that freed it, so pools sharing the slots take turns instead of one starving.
 */
export class Slots {
  private taken = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: () => number) {}

  /** Calls in flight across every pool. */
  get inFlight(): number {
    return this.taken;
  }

  private get room(): boolean {
    return this.taken < Math.max(1, this.limit());
  }

  tryTake(): boolean {
    if (!this.room) return false;
    this.taken++;
    return true;
  }

  /** Calls `wake` once, when a slot frees; it should try again. */
  whenFree(wake: () => void): void {
    this.waiting.push(wake);
  }

  give(): void {
    this.taken--;
    while (this.room && this.waiting.length > 0) this.waiting.shift()?.();
  }
}

/** Slots from a number or a limit read before each start. */
export function slotsFor(concurrency: number | (() => number)): Slots {
  return new Slots(typeof concurrency === "number" ? () => concurrency : concurrency);
}

/**
 * Runs `worker` over `items` with at most `limit()` calls in flight (or as many
 * as `opts.slots`, shared with other pools, allows), in input order of start.
 * Stops starting new items once `signal` aborts; items not started are
 * reported to `onSkipped` so nothing disappears silently.
 */
export async function runPool<T>(
  items: Iterable<T>,
  limit: () => number,
  worker: (item: T, index: number) => Promise<void>,
  opts: { signal?: AbortSignal; onSkipped?: (item: T, index: number) => void; slots?: Slots } = {},
): Promise<void> {
  const slots = opts.slots ?? new Slots(limit);
  const iterator = items[Symbol.iterator]();
  let index = 0;
  let inFlight = 0;
  let done = false;
  let waiting = false;
  let failure: { error: unknown } | undefined;

  return new Promise<void>((resolve, reject) => {
    const finishIfIdle = (): void => {
      if (inFlight > 0 || waiting) return;
      if (failure) reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
      else resolve();
    };
    const drainSkipped = (): void => {
      for (let next = iterator.next(); !next.done; next = iterator.next())
        opts.onSkipped?.(next.value, index++);
      done = true;
    };
    const settle = (): void => {
      inFlight--;
      slots.give();
    };
    const pump = (): void => {
      while (!done && !failure && !waiting) {
        if (opts.signal?.aborted) {
          drainSkipped();
          break;
        }
        if (!slots.tryTake()) {
          waiting = true;
          slots.whenFree(() => {
            waiting = false;
            pump();
          });
          break;
        }
        const next = iterator.next();
        if (next.done) {
          done = true;
          slots.give();
          break;
        }
        const i = index++;
        inFlight++;
        worker(next.value, i).then(
          () => {
            settle();
            pump();
            finishIfIdle();
          },
          (error: unknown) => {
            failure ??= { error };
            settle();
            finishIfIdle();
          },
        );
      }
      finishIfIdle();
    };
    pump();
  });
}

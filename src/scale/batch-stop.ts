import { ProviderError } from "../engine/providers/types.js";

/* How a request set notices that everyone waiting for it has gone, and what it does then. */

export interface Waiter {
  deliver: (body: unknown) => void;
  fallback: () => Promise<void>;
  fail: (e: unknown) => void;
  signal: AbortSignal | undefined;
  settled: boolean;
}

/** What a stop waits for (batches being created) and then says (how to resume). */
export interface StopNote {
  ready: Promise<unknown>;
  note?: () => void;
}

const aborted = (): ProviderError => new ProviderError("the call was aborted", { kind: "aborted" });

/**
 * Aborted once every caller of the set has given up (deadline, Ctrl-C, SIGTERM). One listener
 * per distinct signal, removed when the set is done: Node checks every listener already on a
 * signal when one is added, so one per call would cost quadratic time on a big suite.
 */
export function setSignal(
  entries: readonly { waiters: Waiter[] }[],
  stop: StopNote,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const waiters = entries.flatMap((e) => e.waiters);
  const bySignal = new Map<AbortSignal, Waiter[]>();
  for (const w of waiters) {
    if (!w.signal) continue;
    const list = bySignal.get(w.signal) ?? [];
    list.push(w);
    bySignal.set(w.signal, list);
  }
  const check = (): void => {
    if (controller.signal.aborted || !waiters.every((w) => w.settled || w.signal?.aborted)) return;
    controller.abort();
    void stop.ready.then(() => stop.note?.());
  };
  const listeners: [AbortSignal, () => void][] = [];
  for (const [signal, list] of bySignal) {
    const onAbort = (): void => {
      const failing = list.filter((w) => !w.settled);
      for (const w of failing) w.settled = true;
      // A batch being created is let finish and its id saved (else it would run, paid for, with
      // nobody to collect it); the note on how to resume comes before the callers hear of the stop.
      check();
      void stop.ready.then(() => {
        for (const w of failing) w.fail(aborted());
      });
    };
    signal.addEventListener("abort", onAbort, { once: true });
    listeners.push([signal, onAbort]);
  }
  check();
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [signal, onAbort] of listeners) signal.removeEventListener("abort", onAbort);
    },
  };
}

import { setMaxListeners } from "node:events";

/*
 * A long run hands one signal to tens of thousands of calls. Given straight to
 * the openai SDK, each call ties the run's signal to its own (AbortSignal.any),
 * the run's signal keeps a dependant per call, and on Node 24 every finished
 * call walks that growing set: seconds-long event-loop stalls at 50,000 calls.
 * A call gets its own controller instead, linked by one listener that is
 * removed when the call ends, so the run's signal holds only calls in flight.
 */

/**
 * Parents already told to hold one listener per call in flight: more than ten is the design (up to
 * the concurrency), not a leak, and Node's MaxListenersExceededWarning in a CI log would say otherwise.
 */
const unbounded = new WeakSet<AbortSignal>();

/** Runs `call` with a signal of its own that aborts, with the same reason, when `parent` does. */
export async function withCallSignal<T>(
  parent: AbortSignal | undefined,
  call: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!parent) return call(undefined);
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return call(controller.signal);
  }
  const onAbort = (): void => controller.abort(parent.reason);
  if (!unbounded.has(parent)) {
    unbounded.add(parent);
    setMaxListeners(0, parent);
  }
  parent.addEventListener("abort", onAbort, { once: true });
  try {
    return await call(controller.signal);
  } finally {
    parent.removeEventListener("abort", onAbort);
  }
}

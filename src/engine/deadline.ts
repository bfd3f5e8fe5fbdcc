/** Why a run was stopped, as the signal carries it: a deadline says so, anything else is a cancellation. */
export function stopReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof DeadlineError ? reason.message : "the run was cancelled";
}

/** Stopped by a cancel (SIGTERM), not by the run's own deadline. */
export function cancelled(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && !(signal.reason instanceof DeadlineError);
}

export class DeadlineError extends Error {
  constructor(seconds: number) {
    super(`the run's deadline of ${seconds} s was reached`);
    this.name = "DeadlineError";
  }
}

/**
 * A signal that aborts on `parent` or after `seconds`, whichever comes first, so
 * a run ends with partial results in time for the job instead of being killed.
 */
export function withDeadline(
  parent: AbortSignal | undefined,
  seconds: number | undefined,
): AbortSignal | undefined {
  if (seconds === undefined) return parent;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineError(seconds)), seconds * 1000);
  timer.unref();
  const onParent = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener("abort", onParent, { once: true });
  return controller.signal;
}

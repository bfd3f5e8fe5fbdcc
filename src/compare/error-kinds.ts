/**
 * The one place that says what a failed call means for the gate. Pure.
 *
 * A PR must not turn its regressions into "outages": an example that answers on
 * the champion and errors on the challenger is the challenger's failure on every
 * criterion, unless the error is one the endpoint could have caused on any
 * request (a timeout, a 5xx, a 429, a dropped connection) and a retry round did
 * not clear it. Only those stay errors, counted against max_error_rate.
 */
import type { ExampleResult } from "../engine/runner.js";

/**
 * - transient: the endpoint's trouble (timeout, 5xx, 429, connection, malformed answer); may clear on retry.
 * - not_run: the run's own setup or stop (budget, deadline, key, quota, no recording): says nothing of either side.
 * - deterministic: the request itself was refused or its answer could not be judged (a 400 such as a context
 *   overflow or a refused parameter, a judge reply without a score, anything unknown): the same request
 *   would fail again, so it is the side's own failure.
 */
export type ErrorClass = "transient" | "not_run" | "deterministic";

const TRANSIENT = new Set([
  "timeout",
  "connection",
  "rate_limited",
  "server_error",
  "bad_response",
  "unreachable",
]);
const NOT_RUN = new Set([
  "skipped",
  "aborted",
  "auth",
  "quota_exhausted",
  "config",
  "no_key",
  "no_recording",
  "unsupported",
]);

/** What an error kind (ProviderError.kind, as stored in an example result) means for the gate. */
export function classifyError(kind: string | undefined): ErrorClass {
  if (kind === undefined) return "deterministic";
  if (TRANSIENT.has(kind)) return "transient";
  if (NOT_RUN.has(kind)) return "not_run";
  // Unknown kinds are the safe side: a failure of the side that produced them, never an outage.
  return "deterministic";
}

export interface ChargedErrors {
  /** The challenger's results with its deterministic errors turned into scored failures. */
  examples: ExampleResult[];
  /** Results charged as failures (one per example and repeat). */
  charged: number;
  /** Challenger results still errored by a transient kind on examples the champion answered. */
  transient: number;
}

/**
 * Charges the challenger's deterministic errors as failures of every criterion (score 0), on the
 * examples the champion answered (every example without a champion: a new prompt's thresholds
 * must not be met by leaving its failures out). The error stays on the result, so the report can
 * say which request was refused.
 */
export function chargeErrors(
  champion: readonly ExampleResult[] | null,
  challenger: readonly ExampleResult[],
  criteria: readonly string[],
): ChargedErrors {
  const answered = champion ? new Set(champion.filter((r) => r.status === "ok").map((r) => r.id)) : null;
  let charged = 0;
  let transient = 0;
  const examples = challenger.map((r): ExampleResult => {
    if (r.status !== "error" || (answered && !answered.has(r.id))) return r;
    const cls = classifyError(r.error?.kind);
    if (cls === "transient") transient++;
    if (cls !== "deterministic") return r;
    charged++;
    const detail = `failed: the request errored (${r.error?.kind ?? "error"}), which counts as a failure`;
    return {
      ...r,
      status: "ok",
      output: "",
      charged_error: true,
      criteria: Object.fromEntries(criteria.map((name) => [name, { score: 0, passed: false, detail }])),
      passed: false,
      score: 0,
    };
  });
  return { examples, charged, transient };
}

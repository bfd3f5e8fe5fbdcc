import { classifyError } from "../compare/error-kinds.js";
import type { EvalResults } from "../report/results.js";

/**
 * A run's must_pass examples that failed a criterion in any repeat, or whose request was refused
 * (a deterministic error: the same request fails again). Transient errors are outages, not failures.
 */
export function failedMustPass(run: EvalResults["runs"][number]): string[] {
  const ids = new Set(run.must_pass ?? []);
  const failed = new Set<string>();
  for (const r of run.examples) {
    if (!ids.has(r.id)) continue;
    const refused = r.status === "error" && classifyError(r.error?.kind) === "deterministic";
    if (refused || (r.status === "ok" && Object.values(r.criteria).some((v) => !v.passed))) failed.add(r.id);
  }
  return [...ids].filter((id) => failed.has(id));
}

export type EvalOutcome = "pass" | "fail" | "incomplete";

export interface EvalGate {
  outcome: EvalOutcome;
  /** One sentence per reason, for the report and stderr. */
  reasons: string[];
}

/**
 * `agentops eval` as a CI gate: it fails when a criterion misses its threshold
 * or a prompt's mean score is below `--threshold`; it is incomplete (never a
 * pass) when the run could not measure: stopped early, a prompt not run, or
 * more errored examples than `maxErrorRate` allows.
 */
export function decideEval(
  results: EvalResults,
  opts: { threshold?: number; maxErrorRate: number },
): EvalGate {
  const incomplete: string[] = [];
  const failed: string[] = [];
  for (const f of results.failed) incomplete.push(`${f.prompt} could not be run: ${f.reason}`);
  for (const run of results.runs) {
    const label = `${run.prompt} v${run.version}`;
    if (run.stopped) incomplete.push(`${label} stopped early: ${run.stopped.reason}`);
    const s = run.summary;
    const errorRate = s.examples > 0 ? (s.errors + s.skipped) / s.examples : 0;
    if (errorRate > opts.maxErrorRate)
      incomplete.push(
        `${label}: ${(errorRate * 100).toFixed(0)}% of examples errored or were skipped (limit ${(opts.maxErrorRate * 100).toFixed(0)}%)`,
      );
    if (s.ok === 0) incomplete.push(`${label}: no example could be scored`);
    for (const c of run.criteria)
      if (c.threshold !== undefined && c.threshold_met === false)
        failed.push(`${label}: ${c.name} is below its threshold of ${(c.threshold * 100).toFixed(0)}%`);
    for (const id of failedMustPass(run)) failed.push(`${label}: must-pass example ${id} failed`);
    if (opts.threshold !== undefined && s.ok > 0 && s.mean_score < opts.threshold)
      failed.push(
        `${label}: mean score ${s.mean_score.toFixed(3)} is below --threshold ${opts.threshold.toString()}`,
      );
  }
  // Could-not-measure wins: what was scored may not be representative (a failed must-pass example
  // is listed too, and still makes the exit code non-zero).
  if (incomplete.length > 0) return { outcome: "incomplete", reasons: [...incomplete, ...failed] };
  if (failed.length > 0) return { outcome: "fail", reasons: failed };
  return { outcome: "pass", reasons: [] };
}

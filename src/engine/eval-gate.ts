import type { EvalResults } from "../report/results.js";

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
    if (opts.threshold !== undefined && s.ok > 0 && s.mean_score < opts.threshold)
      failed.push(
        `${label}: mean score ${s.mean_score.toFixed(3)} is below --threshold ${opts.threshold.toString()}`,
      );
  }
  // Could-not-measure wins: what was scored may not be representative.
  if (incomplete.length > 0) return { outcome: "incomplete", reasons: [...incomplete, ...failed] };
  if (failed.length > 0) return { outcome: "fail", reasons: failed };
  return { outcome: "pass", reasons: [] };
}

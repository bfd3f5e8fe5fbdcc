import { cohensKappa } from "../engine/aggregate.js";
import type { ExampleResult } from "../engine/runner.js";
import type { Feedback, Trace } from "./traces.js";

/**
 * A person's feedback as pass/fail, by the rule `labels` already uses: thumbs
 * up passes and down fails; without a thumbs, a rating of 4 or 5 passes and 1–3
 * fails; a comment alone is no verdict.
 */
export function humanPass(f: Feedback | undefined): boolean | undefined {
  if (!f) return undefined;
  if (f.thumbs !== undefined) return f.thumbs === "up";
  if (f.rating !== undefined) return f.rating >= 4;
  return undefined;
}

export interface FeedbackDisagreement {
  id: string;
  /** The trace's line in its file. */
  line: number;
  judge: { passed: boolean; score: number };
  human: Feedback & { passed: boolean };
}

/** One judge's agreement with the human feedback of the traces it scored (one trace, one vote). */
export interface FeedbackAgreement {
  criterion: string;
  /** Traces with both a judge verdict and a human verdict. */
  n: number;
  agreement: number;
  kappa: number | null;
  disagreements: FeedbackDisagreement[];
}

/**
 * Each judge's agreement with the traces' feedback. A trace counts once: its
 * first scored answer (scoring traces runs no repeats). Judges without any
 * trace carrying feedback are left out.
 */
export function feedbackAgreement(
  judges: readonly string[],
  results: readonly ExampleResult[],
  traces: readonly Trace[],
): FeedbackAgreement[] {
  const byId = new Map(traces.map((t) => [t.id, t]));
  const firstOk = new Map<string, ExampleResult>();
  for (const r of results) if (r.status === "ok" && !firstOk.has(r.id)) firstOk.set(r.id, r);
  return judges.flatMap((name) => {
    const pairs: [boolean, boolean][] = [];
    const disagreements: FeedbackDisagreement[] = [];
    for (const [id, r] of firstOk) {
      const trace = byId.get(id);
      const human = humanPass(trace?.feedback);
      const verdict = r.criteria[name];
      if (!trace?.feedback || human === undefined || !verdict) continue;
      pairs.push([verdict.passed, human]);
      if (verdict.passed !== human)
        disagreements.push({
          id,
          line: trace.line,
          judge: { passed: verdict.passed, score: verdict.score },
          human: { ...trace.feedback, passed: human },
        });
    }
    if (pairs.length === 0) return [];
    return [
      {
        criterion: name,
        n: pairs.length,
        agreement: pairs.filter(([a, b]) => a === b).length / pairs.length,
        kappa: cohensKappa(pairs),
        disagreements,
      },
    ];
  });
}

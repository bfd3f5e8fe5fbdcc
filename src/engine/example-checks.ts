import type { LoadedEvalSet, LoadedPrompt } from "../config/load.js";
import { EXAMPLE_CHECKS, type Check } from "../config/schema.js";
import type { CriterionScore } from "./types.js";

/**
 * The prompt as it is evaluated on this eval set: when examples carry their own checks and the prompt
 * does not declare the example_checks criterion, it gets one, so the checks count (as one criterion)
 * in eval, the gate and the report without the prompt file having to name them.
 */
export function withExampleChecks(prompt: LoadedPrompt, evalSet: LoadedEvalSet): LoadedPrompt {
  if (prompt.data.eval_criteria.some((c) => c.type === "example_checks")) return prompt;
  if (!evalSet.examples.some((e) => e.checks !== undefined)) return prompt;
  return {
    ...prompt,
    data: {
      ...prompt.data,
      eval_criteria: [...prompt.data.eval_criteria, { name: EXAMPLE_CHECKS, type: "example_checks" }],
    },
    criterionLines: [...prompt.criterionLines, undefined],
  };
}

const DETAIL_MAX = 300;

/**
 * One verdict from an example's checks: it passes when every check passes; its score is the weighted
 * mean of theirs; the detail names the checks that failed, so a report shows which one did.
 */
export function foldChecks(
  checks: readonly Check[] | undefined,
  verdicts: Record<string, CriterionScore>,
): CriterionScore {
  if (!checks || checks.length === 0)
    return { score: 1, passed: true, detail: "not applicable: the example has no checks" };
  let weighted = 0;
  let weights = 0;
  const failed: string[] = [];
  for (const c of checks) {
    const v = verdicts[c.name] ?? { score: 0, passed: false, detail: "not scored" };
    const w = c.weight ?? 1;
    weighted += w * v.score;
    weights += w;
    if (!v.passed) failed.push(`${c.name} (${c.type})${v.detail ? `: ${v.detail}` : ""}`);
  }
  const score = weights > 0 ? weighted / weights : failed.length === 0 ? 1 : 0;
  if (failed.length === 0) return { score, passed: true, detail: `all ${checks.length} checks passed` };
  const text = `failed ${failed.length} of ${checks.length}: ${failed.join("; ")}`;
  return {
    score,
    passed: false,
    detail: text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text,
  };
}

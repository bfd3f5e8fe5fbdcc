import type { Criterion } from "../../config/schema.js";
import { errorMessage } from "../../errors.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { scoreContains } from "./contains.js";
import { scoreCost } from "./cost.js";
import { scoreEquals } from "./equals.js";
import { scoreFormatCheck } from "./format-check.js";
import { scoreJsonSchema } from "./json-schema.js";
import { scoreLatency } from "./latency.js";
import { scoreLength } from "./length.js";
import { scoreOneOf } from "./one-of.js";
import { scoreRegex } from "./regex.js";
import { isModelCriterion } from "./model-criteria.js";
import { scoreSimilarity } from "./similarity.js";
import { scoreToolArgsValid } from "./tool-args-valid.js";
import { scoreToolCall } from "./tool-call.js";
import { scoreTrajectory } from "./trajectory.js";

/**
 * Criteria scored by pure code. llm_judge, safety and similarity with method:
 * embedding need a model call and are scored by the runner (model-criteria.ts).
 */
export type RuleCriterion = Exclude<Criterion, { type: "llm_judge" | "safety" | "example_checks" }>;

/** example_checks is scored by the runner from the example's own checks (which are scored here). */
export function isRuleCriterion(c: Criterion): c is RuleCriterion {
  return c.type !== "llm_judge" && c.type !== "example_checks" && !isModelCriterion(c);
}

function dispatch(c: RuleCriterion, ctx: ScoreContext): CriterionScore | Promise<CriterionScore> {
  switch (c.type) {
    case "format_check":
      return scoreFormatCheck(c, ctx);
    case "contains":
    case "not_contains":
    case "icontains":
    case "not_icontains":
      return scoreContains(c, ctx);
    case "regex":
      return scoreRegex(c, ctx);
    case "equals":
      return scoreEquals(c, ctx);
    case "json_schema":
      return scoreJsonSchema(c, ctx);
    case "one_of":
      return scoreOneOf(c, ctx);
    case "length":
      return scoreLength(c, ctx);
    case "similarity":
      return scoreSimilarity(c, ctx);
    case "latency":
      return scoreLatency(c, ctx);
    case "cost":
      return scoreCost(c, ctx);
    case "tool_call":
      return scoreToolCall(c, ctx);
    case "tool_args_valid":
      return scoreToolArgsValid(c, ctx);
    case "trajectory":
      return scoreTrajectory(c, ctx);
    default: {
      // Adding a criterion type to the schema without a scorer fails to compile here.
      const unknown: never = c;
      throw new Error(`no scorer for ${JSON.stringify(unknown)}`);
    }
  }
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Scores one output on one rule-based criterion. Never throws and never returns a score outside
 * [0, 1]: a scorer failure (a deeply nested JSON output overflowing the stack, a bad pattern that
 * slipped past the loader) fails that criterion for that example, with the reason as detail.
 */
export async function scoreCriterion(c: RuleCriterion, ctx: ScoreContext): Promise<CriterionScore> {
  try {
    const r = await dispatch(c, ctx);
    return { ...r, score: clamp01(r.score) };
  } catch (e) {
    return { score: 0, passed: false, detail: `scorer error: ${errorMessage(e)}` };
  }
}

import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

export function scoreCost(c: CriterionOf<"cost">, ctx: ScoreContext): CriterionScore {
  // An unknown price must not pass a cost gate by default; the detail says how to fix it.
  if (ctx.costUsd === undefined) {
    return {
      score: 0,
      passed: false,
      detail: "cost unknown (no price for this model; add it under pricing:)",
    };
  }
  const passed = ctx.costUsd <= c.max_usd;
  return { score: passed ? 1 : 0, passed, detail: `$${ctx.costUsd.toFixed(5)} (max $${c.max_usd})` };
}

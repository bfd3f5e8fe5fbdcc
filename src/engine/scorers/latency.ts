import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

export function scoreLatency(c: CriterionOf<"latency">, ctx: ScoreContext): CriterionScore {
  const passed = ctx.latencyMs <= c.max_ms;
  return { score: passed ? 1 : 0, passed, detail: `${Math.round(ctx.latencyMs)} ms (max ${c.max_ms})` };
}

export function scoreCost(c: CriterionOf<"cost">, ctx: ScoreContext): CriterionScore {
  if (ctx.costUsd === undefined)
    return { score: 0, passed: false, detail: "cost unknown (no price for this model)" };
  const passed = ctx.costUsd <= c.max_usd;
  return { score: passed ? 1 : 0, passed, detail: `$${ctx.costUsd.toFixed(5)} (max $${c.max_usd})` };
}

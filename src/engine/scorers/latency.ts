import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

export function scoreLatency(c: CriterionOf<"latency">, ctx: ScoreContext): CriterionScore {
  const passed = ctx.latencyMs <= c.max_ms;
  return { score: passed ? 1 : 0, passed, detail: `${Math.round(ctx.latencyMs)} ms (max ${c.max_ms})` };
}

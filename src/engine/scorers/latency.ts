import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

export function scoreLatency(c: CriterionOf<"latency">, ctx: ScoreContext): CriterionScore {
  const passed = ctx.latencyMs <= c.max_ms;
  // Rounded up, so a call that failed by a fraction of a millisecond does not read "500 ms (max 500)".
  return { score: passed ? 1 : 0, passed, detail: `${Math.ceil(ctx.latencyMs)} ms (max ${c.max_ms})` };
}

import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/** "Billing." and `billing` are the label billing; models add such dressing often. */
export function normalizeLabel(output: string): string {
  return output
    .trim()
    .replace(/^["'`]+|["'`]+$/g, "")
    .replace(/\.$/, "")
    .trim();
}

export function scoreOneOf(c: CriterionOf<"one_of">, ctx: ScoreContext): CriterionScore {
  const fold = (s: string): string => (c.case_sensitive ? s : s.toLowerCase());
  const label = fold(normalizeLabel(ctx.output));
  const passed = c.labels.some((l) => fold(l) === label);
  return { score: passed ? 1 : 0, passed, detail: passed ? label : `"${label.slice(0, 60)}" is not a label` };
}

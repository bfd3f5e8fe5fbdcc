import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/** The four share one schema; CriterionOf<"contains"> alone would be never, as its `type` is the union. */
export type ContainsType = "contains" | "not_contains" | "icontains" | "not_icontains";

const quoteList = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(", ");

export function scoreContains(c: CriterionOf<ContainsType>, ctx: ScoreContext): CriterionScore {
  const values = typeof c.value === "string" ? [c.value] : c.value;
  const fold = c.type === "icontains" || c.type === "not_icontains";
  const haystack = fold ? ctx.output.toLowerCase() : ctx.output;
  const present = values.filter((v) => haystack.includes(fold ? v.toLowerCase() : v));
  const absent = values.filter((v) => !present.includes(v));

  if (c.type === "contains" || c.type === "icontains") {
    return {
      score: present.length / values.length,
      passed: absent.length === 0,
      detail: absent.length > 0 ? `missing: ${quoteList(absent)}` : "all present",
    };
  }
  return {
    score: absent.length / values.length,
    passed: present.length === 0,
    detail: present.length > 0 ? `forbidden: ${quoteList(present)}` : "none present",
  };
}

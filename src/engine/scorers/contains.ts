import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

type ContainsType = "contains" | "not_contains" | "icontains" | "not_icontains";

export function scoreContains(c: CriterionOf<ContainsType>, ctx: ScoreContext): CriterionScore {
  const values = typeof c.value === "string" ? [c.value] : c.value;
  const fold = c.type === "icontains" || c.type === "not_icontains";
  const haystack = fold ? ctx.output.toLowerCase() : ctx.output;
  const present = values.filter((v) => haystack.includes(fold ? v.toLowerCase() : v));
  if (c.type === "contains" || c.type === "icontains") {
    const missing = values.filter((v) => !present.includes(v));
    return {
      score: present.length / values.length,
      passed: missing.length === 0,
      detail: missing.length ? `missing: ${missing.map((v) => JSON.stringify(v)).join(", ")}` : "all present",
    };
  }
  return {
    score: 1 - present.length / values.length,
    passed: present.length === 0,
    detail: present.length
      ? `forbidden: ${present.map((v) => JSON.stringify(v)).join(", ")}`
      : "none present",
  };
}

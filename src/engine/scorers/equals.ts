import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { jsonEqual, parseJsonOutput } from "./json-output.js";

const verdict = (passed: boolean, detail: string): CriterionScore => ({
  score: passed ? 1 : 0,
  passed,
  detail,
});

export function scoreEquals(c: CriterionOf<"equals">, ctx: ScoreContext): CriterionScore {
  const expected = ctx.example.expected;
  if (expected === undefined) return verdict(false, "example has no expected value");
  if (c.json || typeof expected !== "string") {
    const parsed = parseJsonOutput(ctx.output);
    if (!parsed.ok) return verdict(false, "output is not JSON");
    const want =
      typeof expected === "string" && c.json
        ? parseJsonOutput(expected)
        : { ok: true as const, value: expected };
    if (!want.ok) return verdict(false, "expected value is not JSON");
    return jsonEqual(parsed.value, want.value)
      ? verdict(true, "equal")
      : verdict(false, "JSON differs from expected");
  }
  const norm = (s: string): string => (c.ignore_case ? s.trim().toLowerCase() : s.trim());
  const passed = norm(ctx.output) === norm(expected);
  return verdict(passed, passed ? "equal" : `expected ${JSON.stringify(expected.slice(0, 80))}`);
}

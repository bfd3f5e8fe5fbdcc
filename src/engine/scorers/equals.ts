import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";
import { jsonDifference, parseJsonOutput, type JsonParse } from "./json-output.js";

const verdict = (passed: boolean, detail: string): CriterionScore => ({
  score: passed ? 1 : 0,
  passed,
  detail,
});

const PREVIEW = 80;

/** With `json: true` a string `expected` holds JSON text; any other `expected` already is the value. */
function expectedJson(expected: unknown): JsonParse {
  return typeof expected === "string" ? parseJsonOutput(expected) : { ok: true, value: expected };
}

function compareJson(output: string, expected: unknown): CriterionScore {
  const got = parseJsonOutput(output);
  if (!got.ok) return verdict(false, "output is not JSON");
  const want = expectedJson(expected);
  if (!want.ok) return verdict(false, "expected value is not JSON");
  const at = jsonDifference(got.value, want.value);
  if (at === undefined) return verdict(true, "equal");
  return verdict(false, at === "" ? "JSON differs from expected" : `JSON differs from expected at ${at}`);
}

function compareText(output: string, expected: string, ignoreCase: boolean): CriterionScore {
  const norm = (s: string): string => (ignoreCase ? s.trim().toLowerCase() : s.trim());
  if (norm(output) === norm(expected)) return verdict(true, "equal");
  const want = expected.trim();
  const shown = want.length > PREVIEW ? `${want.slice(0, PREVIEW)}…` : want;
  return verdict(false, `expected ${JSON.stringify(shown)}`);
}

export function scoreEquals(c: CriterionOf<"equals">, ctx: ScoreContext): CriterionScore {
  const expected = ctx.example.expected;
  if (expected === undefined) return verdict(false, "example has no expected value");
  // A structured expected value (object, number, …) can only be met by JSON output.
  if (c.json || typeof expected !== "string") return compareJson(ctx.output, expected);
  return compareText(ctx.output, expected, c.ignore_case ?? false);
}

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

/** OpenAI Evals' normalization (evals/elsuite/utils.py normalize): lower case, no ASCII punctuation, no articles, single spaces. */
export function normalizeAnswer(s: string): string {
  return s
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "")
    .join(" ");
}

/** fuzzy_match of evals/elsuite/utils.py: either contains the other after normalization; empty only matches empty. */
export function fuzzyMatch(a: string, b: string): boolean {
  const x = normalizeAnswer(a);
  const y = normalizeAnswer(b);
  if (x === "" || y === "") return x === y;
  return x.includes(y) || y.includes(x);
}

const MODE_TEXT = { starts_with: "starts with", includes: "includes", fuzzy: "fuzzy-matches" } as const;

/** Any of the accepted answers, as OpenAI Evals' Match (starts with), Includes and FuzzyMatch check them. */
function compareAny(
  output: string,
  expected: unknown,
  mode: keyof typeof MODE_TEXT,
  ignoreCase: boolean,
): CriterionScore {
  const ideals = typeof expected === "string" ? [expected] : expected;
  if (!Array.isArray(ideals) || !ideals.every((x): x is string => typeof x === "string"))
    return verdict(false, "expected is not a text or a list of texts");
  const fold = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const hit = ideals.find((ideal) =>
    mode === "fuzzy"
      ? fuzzyMatch(output, ideal)
      : mode === "starts_with"
        ? fold(output).startsWith(fold(ideal))
        : fold(output).includes(fold(ideal)),
  );
  if (hit !== undefined) return verdict(true, `${MODE_TEXT[mode]} ${JSON.stringify(hit.slice(0, PREVIEW))}`);
  const shown = ideals
    .slice(0, 3)
    .map((i) => JSON.stringify(i.length > PREVIEW ? `${i.slice(0, PREVIEW)}…` : i));
  return verdict(
    false,
    `no accepted answer: ${MODE_TEXT[mode]} none of ${shown.join(", ")}${ideals.length > 3 ? ", …" : ""}`,
  );
}

export function scoreEquals(c: CriterionOf<"equals">, ctx: ScoreContext): CriterionScore {
  const expected = ctx.example.expected;
  if (expected === undefined) return verdict(false, "example has no expected value");
  if (c.mode !== undefined && c.mode !== "exact")
    return compareAny(ctx.output, expected, c.mode, c.ignore_case ?? false);
  // A structured expected value (object, number, …) can only be met by JSON output.
  if (c.json || typeof expected !== "string") return compareJson(ctx.output, expected);
  return compareText(ctx.output, expected, c.ignore_case ?? false);
}

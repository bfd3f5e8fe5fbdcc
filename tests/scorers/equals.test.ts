import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import { scoreEquals } from "../../src/engine/scorers/equals.js";
import { ctx } from "../helpers/score-context.js";

type Settings = Omit<CriterionOf<"equals">, "name" | "type">;
const check = (settings: Settings, output: string, expected?: unknown) =>
  scoreEquals({ name: "e", type: "equals", ...settings }, ctx(output, expected));

describe("equals, as text", () => {
  test("compares trimmed strings", () => {
    expect(check({}, " billing\n", "billing")).toEqual({ score: 1, passed: true, detail: "equal" });
    expect(check({}, "billing", "  billing  ").passed).toBe(true);
    expect(check({}, "", "").passed).toBe(true);
    expect(check({}, "  \n", "").passed).toBe(true);
    expect(check({}, "bil ling", "billing").passed).toBe(false);
  });
  test("is case-sensitive unless ignore_case", () => {
    expect(check({}, "Billing", "billing")).toEqual({
      score: 0,
      passed: false,
      detail: 'expected "billing"',
    });
    expect(check({ ignore_case: true }, "BILLING", "billing").passed).toBe(true);
    expect(check({ ignore_case: true }, "ÉCOLE", "école").passed).toBe(true);
  });
  test("empty output against a non-empty expected fails", () => {
    expect(check({}, "", "billing").passed).toBe(false);
  });
  test("the detail shortens a long expected value", () => {
    const long = "x".repeat(200);
    expect(check({}, "y", long).detail).toBe(`expected "${"x".repeat(80)}…"`);
  });
});

describe("equals, as JSON", () => {
  test("json: true ignores key order, whitespace and one fence", () => {
    const expected = { a: [1, null], b: 2 };
    expect(check({ json: true }, '```json\n{"b": 2, "a": [1, null]}\n```', expected)).toEqual({
      score: 1,
      passed: true,
      detail: "equal",
    });
    expect(check({ json: true }, '{"b":2,"a":[1,null]}', expected).passed).toBe(true);
  });
  test("a difference is located", () => {
    expect(check({ json: true }, '{"a": [1, 3], "b": 2}', { a: [1, null], b: 2 })).toEqual({
      score: 0,
      passed: false,
      detail: "JSON differs from expected at /a/1",
    });
    expect(check({ json: true }, "[1]", { a: 1 }).detail).toBe("JSON differs from expected");
  });
  test("a string expected holds JSON text when json: true", () => {
    expect(check({ json: true }, "[1,2]", "[1, 2]").passed).toBe(true);
    expect(check({ json: true }, '"billing"', "billing").detail).toBe("expected value is not JSON");
  });
  test("non-JSON output fails with a reason", () => {
    expect(check({ json: true }, "not json", { a: 1 })).toEqual({
      score: 0,
      passed: false,
      detail: "output is not JSON",
    });
    expect(check({ json: true }, "", { a: 1 }).detail).toBe("output is not JSON");
  });
  test("a structured expected value is compared as JSON even without json: true", () => {
    expect(check({}, '{"id": 7, "tags": ["a"]}', { tags: ["a"], id: 7 }).passed).toBe(true);
    expect(check({}, " 42 ", 42).passed).toBe(true);
    expect(check({}, "42.0", 42).passed).toBe(true);
    expect(check({}, '"42"', 42).passed).toBe(false);
    expect(check({}, "true", true).passed).toBe(true);
    expect(check({}, "null", null).passed).toBe(true);
    expect(check({}, "True", true).detail).toBe("output is not JSON");
  });
});

test("an example without expected fails with a reason", () => {
  expect(check({}, "x")).toEqual({ score: 0, passed: false, detail: "example has no expected value" });
  expect(check({ json: true }, "{}").passed).toBe(false);
});

/**
 * OpenAI Evals' three basic classes, as their code decides (evals/api.py record_and_check_match,
 * evals/elsuite/basic/includes.py with utils.get_answer, utils.fuzzy_match). Expected values worked
 * out by hand from that code.
 */
describe("equals with mode: OpenAI Evals' Match, Includes and FuzzyMatch", () => {
  test("starts_with (Match): the answer starts with any ideal, case and leading space count", () => {
    expect(check({ mode: "starts_with" }, "84", "84").passed).toBe(true);
    expect(check({ mode: "starts_with" }, "84, because 12 * 7 = 84", "84").passed).toBe(true);
    expect(check({ mode: "starts_with" }, "six sides", ["6", "six"])).toMatchObject({
      passed: true,
      detail: 'starts with "six"',
    });
    // startswith is exact: no trimming, no case folding.
    expect(check({ mode: "starts_with" }, " 84", "84").passed).toBe(false);
    expect(check({ mode: "starts_with" }, "Six", ["six"]).passed).toBe(false);
    expect(check({ mode: "starts_with" }, "It is 84", "84")).toMatchObject({
      passed: false,
      detail: 'no accepted answer: starts with none of "84"',
    });
  });
  test("includes (Includes): contains any ideal; ignore_case folds both", () => {
    expect(check({ mode: "includes" }, "The capital is Paris.", ["Lyon", "Paris"]).passed).toBe(true);
    expect(check({ mode: "includes" }, "the capital is paris", "Paris").passed).toBe(false);
    expect(check({ mode: "includes", ignore_case: true }, "the capital is paris", "Paris").passed).toBe(true);
  });
  test("fuzzy (FuzzyMatch): either contains the other after normalization; empty matches only empty", () => {
    // "The Eiffel Tower!" -> "eiffel tower"; "an eiffel tower" -> "eiffel tower".
    expect(check({ mode: "fuzzy" }, "The Eiffel Tower!", "an eiffel tower").passed).toBe(true);
    // The ideal contains the answer: also a match.
    expect(check({ mode: "fuzzy" }, "Paris", "Paris, France").passed).toBe(true);
    expect(check({ mode: "fuzzy" }, "Lyon", "Paris, France").passed).toBe(false);
    // Punctuation inside words goes: "U.S.A." -> "usa".
    expect(check({ mode: "fuzzy" }, "usa", "U.S.A.").passed).toBe(true);
    // Articles only as whole words: "theory" keeps its "the".
    expect(check({ mode: "fuzzy" }, "ory", "theory").passed).toBe(true);
    expect(check({ mode: "fuzzy" }, "the", "").passed).toBe(true);
    expect(check({ mode: "fuzzy" }, "!!!", "").passed).toBe(true);
    expect(check({ mode: "fuzzy" }, "x", "").passed).toBe(false);
  });
  test("an expected that is not a text or a list of texts fails with the reason", () => {
    expect(check({ mode: "includes" }, "4", 4)).toMatchObject({
      passed: false,
      detail: "expected is not a text or a list of texts",
    });
  });
});

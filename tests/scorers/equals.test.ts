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

import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import { MAX_REGEX_INPUT, scoreRegex } from "../../src/engine/scorers/regex.js";
import { ctx } from "../helpers/score-context.js";

type Settings = Omit<CriterionOf<"regex">, "name" | "type">;
const check = (settings: Settings, output: string) =>
  scoreRegex({ name: "r", type: "regex", ...settings }, ctx(output));

describe("regex", () => {
  test("a match passes and the detail quotes it", () => {
    expect(check({ pattern: "ticket-\\d+" }, "see ticket-42 please")).toEqual({
      score: 1,
      passed: true,
      detail: 'matches "ticket-42"',
    });
    expect(check({ pattern: "ticket-\\d+" }, "no ticket")).toEqual({
      score: 0,
      passed: false,
      detail: "does not match",
    });
  });

  test("flags i, m, s and u apply", () => {
    expect(check({ pattern: "^ticket$", flags: "i" }, "TICKET").passed).toBe(true);
    expect(check({ pattern: "^b$" }, "a\nb").passed).toBe(false);
    expect(check({ pattern: "^b$", flags: "m" }, "a\nb").passed).toBe(true);
    expect(check({ pattern: "a.b", flags: "s" }, "a\nb").passed).toBe(true);
    expect(check({ pattern: "^\\p{L}+$", flags: "u" }, "Grüße").passed).toBe(true);
  });

  test("match: false forbids the pattern", () => {
    expect(check({ pattern: "\\bTODO\\b", match: false }, "all done")).toMatchObject({
      score: 1,
      passed: true,
    });
    expect(check({ pattern: "\\bTODO\\b", match: false }, "a TODO left")).toEqual({
      score: 0,
      passed: false,
      detail: 'matches "TODO"',
    });
  });

  test("empty output", () => {
    expect(check({ pattern: "^$" }, "").passed).toBe(true);
    expect(check({ pattern: "." }, "").passed).toBe(false);
  });

  test("long matches are shortened in the detail", () => {
    expect(check({ pattern: "x+" }, "x".repeat(100)).detail).toBe(`matches "${"x".repeat(40)}…"`);
  });

  test("the same criterion gives the same answer every time (no lastIndex state)", () => {
    const c = { pattern: "a" };
    expect([check(c, "a"), check(c, "a"), check(c, "a")].every((r) => r.passed)).toBe(true);
  });

  test("only the first MAX_REGEX_INPUT characters are examined", () => {
    const pad = " ".repeat(MAX_REGEX_INPUT - 6);
    expect(check({ pattern: "needle" }, `${pad}needle`).passed).toBe(true);
    expect(check({ pattern: "needle" }, `${pad} needle`).passed).toBe(false);
  });
});

test("a catastrophic-backtracking pattern cannot stall a run (RE2, linear time)", async () => {
  const { scoreCriterion } = await import("../../src/engine/scorers/index.js");
  const r = await scoreCriterion({ name: "r", type: "regex", pattern: "(a+)+b" }, ctx("a".repeat(50_000)));
  expect(r.passed).toBe(false);
});

test("lookarounds and backreferences are refused at load time with a pointer to RE2", async () => {
  const { parsePromptFile } = await import("../../src/config/load.js");
  const text = (pattern: string) =>
    `name: p\nversion: 1\nmodel: m\ntemplate: x\neval_criteria:\n  - name: r\n    type: regex\n    pattern: '${pattern}'\n`;
  expect(() => parsePromptFile(text("(?=x)"), "p.yaml")).toThrow(/invalid regular expression/);
  expect(() => parsePromptFile(text("(a)\\1"), "p.yaml")).toThrow(/invalid regular expression/);
});

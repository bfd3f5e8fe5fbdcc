import { afterEach, describe, expect, test, vi } from "vitest";
import type { Criterion } from "../../src/config/schema.js";
import { isRuleCriterion, scoreCriterion, type RuleCriterion } from "../../src/engine/scorers/index.js";
import type { CriterionScore } from "../../src/engine/types.js";
import { ctx } from "../helpers/score-context.js";

// Lets a test make the latency scorer misbehave, to check what the registry does about it.
const fault = vi.hoisted(() => ({ result: undefined as (() => CriterionScore) | undefined }));
vi.mock("../../src/engine/scorers/latency.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/engine/scorers/latency.js")>();
  return {
    scoreLatency: (...args: Parameters<typeof real.scoreLatency>): CriterionScore =>
      fault.result ? fault.result() : real.scoreLatency(...args),
  };
});

afterEach(() => {
  fault.result = undefined;
});

const latency: RuleCriterion = { name: "p", type: "latency", max_ms: 1000 };

describe("scoreCriterion dispatch", () => {
  const cases: [RuleCriterion, string, unknown][] = [
    [{ name: "f", type: "format_check", bullets: { min: 2 } }, "- a\n- b", undefined],
    [{ name: "c", type: "contains", value: "a" }, "a", undefined],
    [{ name: "nc", type: "not_contains", value: "z" }, "a", undefined],
    [{ name: "ic", type: "icontains", value: "A" }, "a", undefined],
    [{ name: "nic", type: "not_icontains", value: "Z" }, "a", undefined],
    [{ name: "r", type: "regex", pattern: "^a$" }, "a", undefined],
    [{ name: "e", type: "equals" }, "a", "a"],
    [{ name: "s", type: "json_schema", schema: { type: "integer" } }, "3", undefined],
    [{ name: "o", type: "one_of", labels: ["a"] }, "A.", undefined],
    [{ name: "l", type: "length", words: { max: 1 } }, "a", undefined],
    [{ name: "m", type: "similarity" }, "a b", "a b"],
    [latency, "a", undefined],
    [{ name: "$", type: "cost", max_usd: 1 }, "a", undefined],
  ];
  test.each(cases)("%o passes a matching output", async (c, output, expected) => {
    const context = { ...ctx(output, expected), costUsd: 0.5 };
    expect(await scoreCriterion(c, context)).toMatchObject({ score: 1, passed: true });
  });
  test.each(cases)("%o fails a mismatching output", async (c, _, expected) => {
    const context = {
      ...ctx("zz\nyy zz", expected === undefined ? undefined : "q"),
      latencyMs: 5000,
      costUsd: 2,
    };
    const r = await scoreCriterion(c, context);
    expect(r.passed).toBe(false);
    expect(r.score).toBeLessThan(1);
  });
});

describe("scoreCriterion safety", () => {
  test("a scorer that throws fails the criterion with the reason", async () => {
    const r = await scoreCriterion({ name: "r", type: "regex", pattern: "(" }, ctx("x"));
    expect(r).toMatchObject({ score: 0, passed: false });
    expect(r.detail).toMatch(/^scorer error: .*(regular expression|regexp)/i);
    fault.result = () => {
      throw new Error("boom");
    };
    expect(await scoreCriterion(latency, ctx("x"))).toEqual({
      score: 0,
      passed: false,
      detail: "scorer error: boom",
    });
  });

  test("deeply nested JSON that overflows the stack is a failure, not a crash", async () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const r = await scoreCriterion({ name: "e", type: "equals", json: true }, ctx(deep, deep));
    expect(r.score).toBe(0);
    expect(r.passed).toBe(false);
  });

  test.each([
    [1.5, 1],
    [-0.2, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    [0.25, 0.25],
  ])("a raw score of %d is reported as %d", async (raw, clamped) => {
    fault.result = () => ({ score: raw, passed: true, detail: "d" });
    expect(await scoreCriterion(latency, ctx("x"))).toEqual({ score: clamped, passed: true, detail: "d" });
  });
});

test("llm_judge is not a rule criterion; every other type is", () => {
  const judge: Criterion = { name: "j", type: "llm_judge", rubric: "be nice" };
  expect(isRuleCriterion(judge)).toBe(false);
  expect(isRuleCriterion(latency)).toBe(true);
});

import { describe, expect, test } from "vitest";
import { scoreContains, type ContainsType } from "../../src/engine/scorers/contains.js";
import { ctx } from "../helpers/score-context.js";

const check = (type: ContainsType, value: string | string[], output: string) =>
  scoreContains({ name: "c", type, value }, ctx(output));

describe("contains", () => {
  test("every value must appear; score is the share present", () => {
    expect(check("contains", ["refund", "apolog"], "We apologize; a refund is on its way")).toEqual({
      score: 1,
      passed: true,
      detail: "all present",
    });
    expect(check("contains", ["refund", "apolog", "today"], "A refund is on its way")).toEqual({
      score: 1 / 3,
      passed: false,
      detail: 'missing: "apolog", "today"',
    });
  });
  test("a single string value", () => {
    expect(check("contains", "refund", "refund issued").passed).toBe(true);
    expect(check("contains", "refund", "")).toMatchObject({ score: 0, passed: false });
  });
  test("is case-sensitive and exact about unicode", () => {
    expect(check("contains", "Refund", "refund").passed).toBe(false);
    expect(check("contains", "Straße", "Die Straße ist lang").passed).toBe(true);
    expect(check("contains", "👍", "ok 👍🏽").passed).toBe(true);
  });
});

describe("icontains", () => {
  test("ignores case, including non-ASCII letters", () => {
    expect(check("icontains", "Refund", "REFUND ISSUED").passed).toBe(true);
    expect(check("icontains", ["école", "ÅR"], "L'ÉCOLE, år").passed).toBe(true);
    expect(check("icontains", ["refund", "sorry"], "Refund")).toMatchObject({
      score: 0.5,
      detail: 'missing: "sorry"',
    });
  });
});

describe("not_contains", () => {
  test("no value may appear; score is the share absent", () => {
    expect(check("not_contains", ["TODO", "FIXME"], "all done")).toEqual({
      score: 1,
      passed: true,
      detail: "none present",
    });
    expect(check("not_contains", ["TODO", "FIXME"], "a TODO left")).toEqual({
      score: 0.5,
      passed: false,
      detail: 'forbidden: "TODO"',
    });
    expect(check("not_contains", "AI", "as an ai").passed).toBe(true);
  });
  test("empty output contains nothing", () => {
    expect(check("not_contains", ["x", "y"], "")).toMatchObject({ score: 1, passed: true });
  });
});

describe("not_icontains", () => {
  test("forbids values in any case", () => {
    const r = check("not_icontains", ["as an ai", "sorry", "unable"], "As an AI, I am SORRY");
    expect(r).toEqual({ score: 1 / 3, passed: false, detail: 'forbidden: "as an ai", "sorry"' });
    expect(check("not_icontains", "sorry", "Here is the summary").passed).toBe(true);
  });
});

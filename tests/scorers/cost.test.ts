import { expect, test } from "vitest";
import { scoreCost } from "../../src/engine/scorers/cost.js";
import type { ScoreContext } from "../../src/engine/types.js";
import { ctx } from "../helpers/score-context.js";

const check = (costUsd: number | undefined, max_usd = 0.01) => {
  const context: ScoreContext = { ...ctx("x"), ...(costUsd !== undefined ? { costUsd } : {}) };
  return scoreCost({ name: "c", type: "cost", max_usd }, context);
};

test("passes at or under the ceiling", () => {
  expect(check(0.004)).toEqual({ score: 1, passed: true, detail: "$0.00400 (max $0.01)" });
  expect(check(0.01).passed).toBe(true);
  expect(check(0).passed).toBe(true);
});

test("fails over the ceiling", () => {
  expect(check(0.010001)).toMatchObject({ score: 0, passed: false });
});

test("an unknown cost fails rather than passing by default", () => {
  expect(check(undefined)).toMatchObject({ score: 0, passed: false });
  expect(check(undefined).detail).toMatch(/^cost unknown/);
});

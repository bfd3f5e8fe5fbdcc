import { expect, test } from "vitest";
import { scoreLatency } from "../../src/engine/scorers/latency.js";
import { ctx } from "../helpers/score-context.js";

const check = (latencyMs: number, max_ms = 500) =>
  scoreLatency({ name: "l", type: "latency", max_ms }, ctx("x", undefined, latencyMs));

test("passes at or under the limit", () => {
  expect(check(0)).toEqual({ score: 1, passed: true, detail: "0 ms (max 500)" });
  expect(check(500)).toEqual({ score: 1, passed: true, detail: "500 ms (max 500)" });
});

test("fails over the limit, even by a fraction, and the detail shows it", () => {
  expect(check(501)).toEqual({ score: 0, passed: false, detail: "501 ms (max 500)" });
  expect(check(500.2)).toEqual({ score: 0, passed: false, detail: "501 ms (max 500)" });
});

test("the output does not matter", () => {
  const c = { name: "l", type: "latency", max_ms: 10 } as const;
  expect(scoreLatency(c, ctx("", undefined, 5)).passed).toBe(true);
  expect(scoreLatency(c, ctx("😀".repeat(1000), undefined, 5)).passed).toBe(true);
});

import { expect, test } from "vitest";
import type { Criterion } from "../../src/config/schema.js";
import { aggregateCriteria } from "../../src/engine/aggregate.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { wilsonInterval } from "../../src/compare/stats.js";

const c: Criterion = { name: "ok", type: "contains", value: "x", threshold: 0.5 };
const sample = (id: string, repeat: number, passed: boolean): ExampleResult => ({
  id,
  repeat,
  status: "ok",
  output: passed ? "x" : "y",
  criteria: { ok: { score: passed ? 1 : 0, passed, detail: "" } },
  passed,
  score: passed ? 1 : 0,
});

test("with repeats, the unit is the example: intervals are over examples, not over pooled samples", () => {
  // Five examples, ten repeats each, every repeat of an example alike: five things, not fifty.
  const shares = [true, true, false, false, true];
  const results = shares.flatMap((p, i) => Array.from({ length: 10 }, (_, r) => sample(`e${i}`, r, p)));
  const [agg] = aggregateCriteria([c], results);
  expect(agg?.n).toBe(50);
  expect(agg?.pass_rate).toBeCloseTo(0.6, 12);
  const pooled = wilsonInterval(30, 50);
  const width = (agg?.pass_rate_ci[1] ?? 0) - (agg?.pass_rate_ci[0] ?? 0);
  // t-interval over five per-example shares (sd 0.548, t₄ = 2.776): 0.6 ± 0.68, clamped to [0, 1].
  expect(agg?.pass_rate_ci).toEqual([0, 1]);
  expect(width).toBeGreaterThan(pooled[1] - pooled[0]);
  expect(agg?.threshold_met).toBe(true);
});

test("without repeats the pass rate keeps its Wilson interval", () => {
  const results = [true, false, true, true].map((p, i) => sample(`e${i}`, 0, p));
  const [agg] = aggregateCriteria([c], results);
  expect(agg?.pass_rate).toBe(0.75);
  expect(agg?.pass_rate_ci).toEqual(wilsonInterval(3, 4));
});

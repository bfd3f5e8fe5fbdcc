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
  // Wilson over the five examples: 3 of 5.
  expect(agg?.pass_rate_ci).toEqual(wilsonInterval(3, 5));
  expect(width).toBeGreaterThan(pooled[1] - pooled[0]);
  expect(agg?.threshold_met).toBe(true);
});

test("without repeats the pass rate keeps its Wilson interval", () => {
  const results = [true, false, true, true].map((p, i) => sample(`e${i}`, 0, p));
  const [agg] = aggregateCriteria([c], results);
  expect(agg?.pass_rate).toBe(0.75);
  expect(agg?.pass_rate_ci).toEqual(wilsonInterval(3, 4));
});

test("issue 21: with repeats, 0 of 21 samples (7 examples × 3) is not '0–0%', and 28.6% is not '0–74%'", () => {
  const none = Array.from({ length: 7 }, (_, i) => [0, 1, 2].map((r) => sample(`e${i}`, r, false))).flat();
  const [zero] = aggregateCriteria([c], none);
  expect(zero?.pass_rate).toBe(0);
  expect(zero?.pass_rate_ci[0]).toBe(0);
  // Wilson for 0 of 7 examples: the upper bound is z²/(n + z²).
  expect(zero?.pass_rate_ci[1]).toBeCloseTo(1.959964 ** 2 / (7 + 1.959964 ** 2), 5);
  // 6 of 21 samples: two examples pass every repeat, the rest none.
  const some = Array.from({ length: 7 }, (_, i) => [0, 1, 2].map((r) => sample(`e${i}`, r, i < 2))).flat();
  const [part] = aggregateCriteria([c], some);
  expect(part?.pass_rate).toBeCloseTo(2 / 7, 12);
  expect(part?.pass_rate_ci).toEqual(wilsonInterval(2, 7));
  expect(part?.pass_rate_ci[0]).toBeGreaterThan(0);
});

test("pass^k: the share of examples that pass in every repeat; an example with an errored repeat is left out", () => {
  const results: ExampleResult[] = [
    ...[0, 1, 2].map((r) => sample("always", r, true)),
    ...[0, 1, 2].map((r) => sample("flaky", r, r !== 1)),
    ...[0, 1, 2].map((r) => sample("never", r, false)),
    ...[0, 1].map((r) => sample("half", r, true)),
    { id: "half", repeat: 2, status: "error", error: { kind: "timeout", message: "t" }, criteria: {} },
  ];
  const [agg] = aggregateCriteria([c], results);
  expect(agg?.pass_all_repeats).toEqual({ k: 3, n: 3, passed: 1, rate: 1 / 3, ci: wilsonInterval(1, 3) });
  // The mean pass rate of the same data is far higher: pass^k is what "reliably passes" means.
  expect(agg?.pass_rate).toBeGreaterThan(0.6);
  const [single] = aggregateCriteria([c], [sample("a", 0, true)]);
  expect(single?.pass_all_repeats).toBeUndefined();
});

test("judge agreement with human labels counts examples, not repeats (majority verdict per example)", () => {
  const judged: Criterion = { name: "polite", type: "llm_judge", rubric: "is it polite?" };
  const verdict = (id: string, repeat: number, passed: boolean): ExampleResult => ({
    ...sample(id, repeat, passed),
    criteria: { polite: { score: passed ? 1 : 0, passed, detail: "" } },
  });
  const results = [
    ...[0, 1, 2].map((r) => verdict("a", r, r !== 2)), // majority pass; label pass
    ...[0, 1, 2].map((r) => verdict("b", r, false)), // fail; label pass
    ...[0, 1, 2].map((r) => verdict("c", r, r === 0)), // majority fail; label fail
  ];
  const examples = [
    { id: "a", line: 1, input: {}, labels: { polite: true } },
    { id: "b", line: 2, input: {}, labels: { polite: "pass" } },
    { id: "c", line: 3, input: {}, labels: { polite: false } },
  ];
  const [agg] = aggregateCriteria([judged], results, examples);
  expect(agg?.judge_agreement?.n).toBe(3);
  expect(agg?.judge_agreement?.agreement).toBeCloseTo(2 / 3, 12);
});

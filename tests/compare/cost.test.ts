import { expect, test } from "vitest";
import { comparePrompt, failureKind, gateSettings } from "../../src/compare/compare.js";
import { costChange } from "../../src/compare/cost.js";
import type { PromptRun } from "../../src/engine/evaluate.js";
import { costLine } from "../../src/report/cost.js";
import { runOf, twoCriteria } from "../helpers/runs.js";

const rows: [boolean, number][] = Array.from({ length: 10 }, () => [true, 0.8]);

/** A run whose every answer used `tokens` tokens at `usd`, `ms` latency. */
function priced(version: number, tokens: number, usd: number | undefined, ms = 100): PromptRun {
  const run = runOf(version, rows);
  for (const e of run.examples) {
    e.usage = { prompt_tokens: tokens, completion_tokens: 0 };
    e.latency_ms = ms;
    if (usd !== undefined) e.cost_usd = usd;
  }
  run.summary = { ...run.summary, latency_ms: { p50: ms, p95: ms } };
  return run;
}

test("tokens, cost and p95 latency per answer against the champion; a large increase is flagged", () => {
  const c = costChange(priced(1, 100, 0.001), priced(2, 444, 0.004, 110));
  expect(c?.tokens).toMatchObject({ champion: 100, challenger: 444, large: true });
  expect(c?.tokens?.change_pct).toBeCloseTo(344);
  expect(c?.latency_p95_ms).toMatchObject({ large: false });
  expect(costLine(c).join("\n")).toContain(
    "**+344% tokens per answer** ⚠️, **+300% cost per answer** ⚠️, +10% p95 latency",
  );
  expect(costChange(null, priced(2, 1, 1))).toBeNull();
});

test("thresholds.max_cost_increase and max_latency_increase fail the gate with their own reason", () => {
  const gate = gateSettings({ max_cost_increase: 50, max_latency_increase: 20 });
  const c = comparePrompt(priced(1, 100, 0.001), priced(2, 444, 0.004, 150), twoCriteria(), gate);
  expect(c.verdict).toBe("fail");
  expect(c.reason).toBe(
    "cost per answer +300% against the champion, above the 50% allowed (thresholds.max_cost_increase); p95 latency +50% against the champion, above the 20% allowed (thresholds.max_latency_increase)",
  );
  expect(failureKind([c])).toBe("cost or latency increase");
  // Within the limits, and with no gate at all, the same answers pass.
  expect(comparePrompt(priced(1, 100, 0.001), priced(2, 110, 0.0011), twoCriteria(), gate).verdict).toBe(
    "pass",
  );
  expect(comparePrompt(priced(1, 100, 0.001), priced(2, 444, 0.004, 150), twoCriteria()).verdict).toBe(
    "pass",
  );
});

test("a cost gate on a model without a price cannot pass: the verdict is inconclusive and says why", () => {
  const gate = gateSettings({ max_cost_increase: 50 });
  const c = comparePrompt(priced(1, 100, undefined), priced(2, 100, undefined), twoCriteria(), gate);
  expect(c.verdict).toBe("inconclusive");
  expect(c.reason).toContain("pricing:");
});

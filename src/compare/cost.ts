/**
 * What the challenger costs against the champion: tokens and list-price cost per
 * answer, and p95 latency, with the optional percent gates of the config
 * (thresholds.max_cost_increase, thresholds.max_latency_increase). Pure.
 */
import type { PromptRun } from "../engine/evaluate.js";

/** An increase this large (percent) is pointed out in the report even without a gate. */
export const LARGE_INCREASE_PCT = 25;

export interface SideCost {
  /** Per scored answer (prompt + completion, judge calls included). */
  tokens: number;
  /** USD per scored answer at list price (cached or not); null when a model has no known price. */
  cost_usd: number | null;
  latency_p95_ms: number | null;
}

export interface Change {
  champion: number;
  challenger: number;
  /** (challenger − champion) / champion × 100; null when the champion's figure is 0. */
  change_pct: number | null;
  /** The increase is LARGE_INCREASE_PCT or more. */
  large: boolean;
}

export interface CostChange {
  tokens: Change | null;
  cost_usd: Change | null;
  latency_p95_ms: Change | null;
  /** A gate the challenger exceeds, with its reason; empty when none is set or all are met. */
  exceeded: { gate: "max_cost_increase" | "max_latency_increase"; reason: string }[];
  /** A gate that is set but could not be measured (no price, no latency): the verdict cannot pass on it. */
  unmeasured: { gate: "max_cost_increase" | "max_latency_increase"; reason: string }[];
}

export interface CostGates {
  /** Percent the cost per answer may rise. */
  maxCostIncreasePct?: number;
  /** Percent the p95 latency may rise. */
  maxLatencyIncreasePct?: number;
}

export function sideCost(run: PromptRun): SideCost {
  const ok = run.examples.filter((r) => r.status === "ok");
  const tokens = ok.reduce(
    (s, r) => s + (r.usage ? r.usage.prompt_tokens + r.usage.completion_tokens : 0),
    0,
  );
  const priced = ok.every((r) => r.cost_usd !== undefined);
  return {
    tokens: ok.length ? tokens / ok.length : 0,
    cost_usd: ok.length && priced ? ok.reduce((s, r) => s + (r.cost_usd ?? 0), 0) / ok.length : null,
    latency_p95_ms: run.summary.latency_ms?.p95 ?? null,
  };
}

function change(a: number | null, b: number | null): Change | null {
  if (a === null || b === null) return null;
  const pct = a > 0 ? ((b - a) / a) * 100 : null;
  return { champion: a, challenger: b, change_pct: pct, large: pct !== null && pct >= LARGE_INCREASE_PCT };
}

/** "+344%", "−12%". */
export function signedPct(pct: number): string {
  return `${pct >= 0 ? "+" : "−"}${Math.abs(pct).toFixed(0)}%`;
}

/** The challenger's change against the champion, and which gates it exceeds; null without a champion. */
export function costChange(
  champion: PromptRun | null,
  challenger: PromptRun,
  gates: CostGates = {},
): CostChange | null {
  if (!champion) return null;
  const a = sideCost(champion);
  const b = sideCost(challenger);
  const out: CostChange = {
    tokens: a.tokens > 0 || b.tokens > 0 ? change(a.tokens, b.tokens) : null,
    cost_usd: change(a.cost_usd, b.cost_usd),
    latency_p95_ms: change(a.latency_p95_ms, b.latency_p95_ms),
    exceeded: [],
    unmeasured: [],
  };
  const cost = out.cost_usd?.change_pct;
  if (
    gates.maxCostIncreasePct !== undefined &&
    cost !== undefined &&
    cost !== null &&
    cost > gates.maxCostIncreasePct
  )
    out.exceeded.push({
      gate: "max_cost_increase",
      reason: `cost per answer ${signedPct(cost)} against the champion, above the ${gates.maxCostIncreasePct}% allowed (thresholds.max_cost_increase)`,
    });
  if (gates.maxCostIncreasePct !== undefined && (cost === undefined || cost === null))
    out.unmeasured.push({
      gate: "max_cost_increase",
      reason:
        "thresholds.max_cost_increase is set, but the cost per answer is unknown on a side (no price for its model: add it under pricing: in the config)",
    });
  const latency = out.latency_p95_ms?.change_pct;
  if (
    gates.maxLatencyIncreasePct !== undefined &&
    latency !== undefined &&
    latency !== null &&
    latency > gates.maxLatencyIncreasePct
  )
    out.exceeded.push({
      gate: "max_latency_increase",
      reason: `p95 latency ${signedPct(latency)} against the champion, above the ${gates.maxLatencyIncreasePct}% allowed (thresholds.max_latency_increase)`,
    });
  if (gates.maxLatencyIncreasePct !== undefined && (latency === undefined || latency === null))
    out.unmeasured.push({
      gate: "max_latency_increase",
      reason:
        "thresholds.max_latency_increase is set, but a side has no answered example to measure latency on",
    });
  return out;
}

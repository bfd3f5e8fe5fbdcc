import {
  clusteredPassRate,
  clusteredRate,
  clusterSide,
  passAllRepeats,
  type PassAllRepeats,
} from "../compare/cluster.js";
import { meanInterval, quantile, wilsonInterval } from "../compare/stats.js";
import type { LoadedExample } from "../config/load.js";
import type { Criterion } from "../config/schema.js";
import type { ExampleResult } from "./runner.js";

export interface CriterionAggregate {
  name: string;
  type: Criterion["type"];
  /** Examples scored on this criterion (errors and skipped excluded). */
  n: number;
  passed: number;
  pass_rate: number;
  /** 95% interval of the pass rate: Wilson over examples (with repeats, of the mean per-example share). */
  pass_rate_ci: [number, number];
  /** With repeats: pass^k, the share of examples that passed in every repeat. */
  pass_all_repeats?: PassAllRepeats;
  mean_score: number;
  /** 95% t-interval of the mean score, clamped to [0, 1]. */
  mean_score_ci: [number, number];
  threshold?: number;
  /** Undefined when the criterion has no threshold. */
  threshold_met?: boolean;
  /** llm_judge only, when examples carry a human label under this criterion's name. */
  judge_agreement?: JudgeAgreement;
}

/**
 * How often the judge's pass/fail agrees with human labels, and Cohen's kappa (agreement beyond chance).
 * Counted over examples: with repeats, an example's verdict is its majority (passing in at least half).
 */
export interface JudgeAgreement {
  /** Labelled examples scored. */
  n: number;
  agreement: number;
  kappa: number | null;
}

export interface SuiteSummary {
  examples: number;
  ok: number;
  errors: number;
  skipped: number;
  /** Examples on which every criterion passed. */
  passed: number;
  pass_rate: number;
  mean_score: number;
  latency_ms: { p50: number; p95: number } | null;
  /** `cached`: of the prompt tokens, those the provider served from its prompt cache; absent when none. */
  tokens: { prompt: number; completion: number; cached?: number };
  /** Spend of this run's calls (cached calls cost nothing); null when a model's price is unknown. */
  cost_usd: number | null;
  cached: number;
  /** Error kind -> count, to tell infrastructure trouble at a glance. */
  error_kinds: Record<string, number>;
  /** Answers the model cut at max_tokens (finish_reason "length"); their criteria scored them as usual. */
  truncated: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** A human label as pass/fail: a boolean, "pass"/"fail", or a 1–5 score where 4 and 5 pass. */
function humanPass(label: unknown): boolean | undefined {
  if (typeof label === "boolean") return label;
  if (typeof label === "number") return label >= 4;
  if (label === "pass" || label === "fail") return label === "pass";
  return undefined;
}

export function cohensKappa(pairs: readonly [boolean, boolean][]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const agree = pairs.filter(([a, b]) => a === b).length / n;
  const pa = pairs.filter(([a]) => a).length / n;
  const pb = pairs.filter(([, b]) => b).length / n;
  const chance = pa * pb + (1 - pa) * (1 - pb);
  return chance === 1 ? null : (agree - chance) / (1 - chance);
}

function judgeAgreement(
  name: string,
  results: readonly ExampleResult[],
  examples: readonly LoadedExample[],
): JudgeAgreement | undefined {
  const labels = new Map(examples.map((e) => [e.id, humanPass(e.labels?.[name])]));
  // One label is one judgement: repeats of an example are folded into its majority verdict.
  const votes = new Map<string, { passes: number; n: number }>();
  for (const r of results) {
    const verdict = r.criteria[name];
    if (r.status !== "ok" || !verdict || labels.get(r.id) === undefined) continue;
    const v = votes.get(r.id) ?? { passes: 0, n: 0 };
    v.n++;
    if (verdict.passed) v.passes++;
    votes.set(r.id, v);
  }
  const pairs: [boolean, boolean][] = [];
  for (const [id, v] of votes) pairs.push([2 * v.passes >= v.n, labels.get(id) === true]);
  if (pairs.length === 0) return undefined;
  return {
    n: pairs.length,
    agreement: pairs.filter(([a, b]) => a === b).length / pairs.length,
    kappa: cohensKappa(pairs),
  };
}

export function aggregateCriteria(
  criteria: readonly Criterion[],
  results: readonly ExampleResult[],
  examples: readonly LoadedExample[] = [],
): CriterionAggregate[] {
  return criteria.map((c) => {
    const scores: number[] = [];
    let passed = 0;
    for (const r of results) {
      const verdict = r.criteria[c.name];
      if (r.status !== "ok" || !verdict) continue;
      scores.push(verdict.score);
      if (verdict.passed) passed++;
    }
    const n = scores.length;
    // The unit is the example: with repeats, an example's figure is its mean over them, and
    // intervals are over examples (repeats of one example are not independent samples).
    const side = clusterSide(results, c.name);
    const repeated = side.pass.length < n;
    const score = repeated ? clusteredRate(side.score) : undefined;
    const rate = repeated ? clusteredPassRate(side.pass) : undefined;
    const passAll = passAllRepeats(results, c.name);
    const { mean, ci } = score ? { mean: score.rate, ci: score.ci } : meanInterval(scores);
    const agg: CriterionAggregate = {
      name: c.name,
      type: c.type,
      n,
      passed,
      pass_rate: rate ? rate.rate : n > 0 ? passed / n : 0,
      pass_rate_ci: rate ? rate.ci : wilsonInterval(passed, n),
      mean_score: mean,
      mean_score_ci: n > 0 ? [clamp01(ci[0]), clamp01(ci[1])] : [0, 1],
      ...(passAll ? { pass_all_repeats: passAll } : {}),
    };
    if (c.type === "llm_judge") {
      const agreement = judgeAgreement(c.name, results, examples);
      if (agreement) agg.judge_agreement = agreement;
    }
    if (c.threshold !== undefined) {
      agg.threshold = c.threshold;
      // One meaning for every criterion: the minimum mean score (a pass/fail check's is its pass rate).
      agg.threshold_met = n > 0 && mean >= c.threshold;
    }
    return agg;
  });
}

export function summarize(results: readonly ExampleResult[]): SuiteSummary {
  const ok = results.filter((r) => r.status === "ok");
  // A refused request the gate counted as a failure has no latency to speak of.
  const latencies = Float64Array.from(
    ok.filter((r) => !r.charged_error).map((r) => r.latency_ms ?? 0),
  ).sort();
  const error_kinds: Record<string, number> = {};
  for (const r of results) {
    if (r.status === "error" && r.error) error_kinds[r.error.kind] = (error_kinds[r.error.kind] ?? 0) + 1;
  }
  const passed = ok.filter((r) => r.passed).length;
  return {
    examples: results.length,
    ok: ok.length,
    errors: results.filter((r) => r.status === "error").length,
    skipped: results.filter((r) => r.status === "skipped").length,
    passed,
    pass_rate: ok.length > 0 ? passed / ok.length : 0,
    mean_score: ok.length > 0 ? ok.reduce((s, r) => s + (r.score ?? 0), 0) / ok.length : 0,
    latency_ms:
      latencies.length > 0 ? { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) } : null,
    tokens: {
      prompt: ok.reduce((s, r) => s + (r.usage?.prompt_tokens ?? 0), 0),
      completion: ok.reduce((s, r) => s + (r.usage?.completion_tokens ?? 0), 0),
      ...cachedTokens(ok),
    },
    cost_usd: results.some((r) => r.usage && r.cost_usd === undefined)
      ? null
      : results.reduce((s, r) => s + (r.cost_usd ?? 0), 0),
    cached: ok.filter((r) => r.cached).length,
    error_kinds,
    truncated: ok.filter((r) => r.finish_reason === "length").length,
  };
}

/** The prompt-cache hits of a run's answers, only when there were some (results without them stay as they were). */
function cachedTokens(ok: readonly { usage?: { cached_tokens?: number } }[]): { cached?: number } {
  const cached = ok.reduce((s, r) => s + (r.usage?.cached_tokens ?? 0), 0);
  return cached > 0 ? { cached } : {};
}

import type { Criterion } from "../config/schema.js";
import type { CriterionAggregate } from "../engine/aggregate.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";
import { holm, mcnemarExact, pairedBootstrap } from "./stats.js";

/** needs_approval: the change edits how it is judged (config, criteria, eval set); a maintainer must accept it. */
export type Verdict = "pass" | "fail" | "inconclusive" | "needs_approval";
export type CriterionStatus =
  "ok" | "improved" | "regressed" | "below_threshold" | "inconclusive" | "new" | "removed";

export interface GateSettings {
  /** Largest tolerated drop, in points (0..100) of a criterion's mean score. */
  tolerancePoints: number;
  /** Share of a side's examples that may error before the verdict is inconclusive. */
  maxErrorRate: number;
  /** Significance level after Holm correction. */
  alpha: number;
  resamples: number;
  seed: number;
}

export const DEFAULT_GATE: GateSettings = {
  tolerancePoints: 2,
  maxErrorRate: 0.1,
  alpha: 0.05,
  resamples: 2000,
  seed: 20240601,
};

export interface CriterionComparison {
  name: string;
  type: Criterion["type"];
  status: CriterionStatus;
  /** One sentence saying why, for the report and the results JSON. */
  reason: string;
  /** Pairs of examples scored on both sides. */
  pairs: number;
  champion: { mean: number; pass_rate: number } | null;
  /** pass_rate_all and n cover all of the challenger's scored examples, paired or not. */
  challenger: { mean: number; pass_rate: number; pass_rate_all: number; n: number };
  /** challenger − champion mean score over the pairs, with a 95% paired-bootstrap interval. */
  delta: number | null;
  delta_ci: [number, number] | null;
  /** pass→fail and fail→pass counts, exact McNemar p-value and its Holm-adjusted value. */
  discordant: { pass_to_fail: number; fail_to_pass: number } | null;
  p_value: number | null;
  p_adjusted: number | null;
  threshold?: number;
}

export interface FlippedExample {
  id: string;
  direction: "pass_to_fail" | "fail_to_pass";
  input: Record<string, unknown>;
  champion_output: string;
  challenger_output: string;
  /** Criteria whose pass/fail changed. */
  criteria: string[];
}

export interface PromptComparison {
  prompt: string;
  verdict: Verdict;
  /** Why, in a sentence (the first deciding reason). */
  reason: string;
  baseline: boolean;
  champion_version: number | null;
  challenger_version: number;
  criteria: CriterionComparison[];
  flipped: FlippedExample[];
  errors: { champion: number; challenger: number; excluded_pairs: number };
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
const points = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} pts`;

/** Pairs are matched by example id and repeat index. */
const pairKey = (r: { id: string; repeat: number }): string => `${r.id}#${r.repeat}`;

function byId(results: readonly ExampleResult[]): Map<string, ExampleResult> {
  return new Map(results.map((r) => [pairKey(r), r]));
}

function errorRate(run: PromptRun): number {
  return run.summary.examples > 0 ? (run.summary.errors + run.summary.skipped) / run.summary.examples : 0;
}

/** Compares a challenger run with its champion (or with nothing) and decides the gate. */
export function comparePrompt(
  champion: PromptRun | null,
  challenger: PromptRun,
  criteria: readonly Criterion[],
  settings: GateSettings = DEFAULT_GATE,
  inputs: ReadonlyMap<string, Record<string, unknown>> = new Map(),
): PromptComparison {
  const tol = settings.tolerancePoints / 100;
  const champById = champion ? byId(champion.examples) : new Map<string, ExampleResult>();
  const champCriteria = new Set(champion?.criteria.map((c) => c.name) ?? []);
  const challengerAgg = new Map(challenger.criteria.map((c) => [c.name, c]));

  const rows: CriterionComparison[] = criteria.map((c) => {
    const agg = challengerAgg.get(c.name) as CriterionAggregate;
    const base: CriterionComparison = {
      name: c.name,
      type: c.type,
      status: "ok",
      reason: "",
      pairs: 0,
      champion: null,
      challenger: {
        mean: round(agg.mean_score),
        pass_rate: round(agg.pass_rate),
        pass_rate_all: round(agg.pass_rate),
        n: agg.n,
      },
      delta: null,
      delta_ci: null,
      discordant: null,
      p_value: null,
      p_adjusted: null,
      ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
    };
    if (!champion || !champCriteria.has(c.name)) {
      base.status = "new";
      base.reason = champion
        ? "new criterion: absolute threshold only"
        : "no baseline: absolute threshold only";
      return base;
    }
    const a: number[] = [];
    const b: number[] = [];
    let passToFail = 0;
    let failToPass = 0;
    let champPass = 0;
    let challPass = 0;
    for (const r of challenger.examples) {
      const other = champById.get(pairKey(r));
      const x = other?.criteria[c.name];
      const y = r.criteria[c.name];
      if (r.status !== "ok" || other?.status !== "ok" || !x || !y) continue;
      a.push(x.score);
      b.push(y.score);
      if (x.passed) champPass++;
      if (y.passed) challPass++;
      if (x.passed && !y.passed) passToFail++;
      if (!x.passed && y.passed) failToPass++;
    }
    const n = a.length;
    // No pair scored on both sides: no paired figures, rather than 0% on each side and a Δ of zero.
    if (n === 0) return base;
    const boot = pairedBootstrap(a, b, { resamples: settings.resamples, seed: settings.seed });
    base.pairs = n;
    base.champion = {
      mean: round(a.reduce((s, v) => s + v, 0) / n),
      pass_rate: round(champPass / n),
    };
    base.challenger.mean = round(b.reduce((s, v) => s + v, 0) / n);
    base.challenger.pass_rate = round(challPass / n);
    base.delta = round(boot.delta);
    base.delta_ci = [round(boot.ci[0]), round(boot.ci[1])];
    base.discordant = { pass_to_fail: passToFail, fail_to_pass: failToPass };
    base.p_value = mcnemarExact(passToFail, failToPass);
    return base;
  });

  // Holm across the criteria of this prompt that have a paired test.
  const tested = rows.filter((r) => r.p_value !== null);
  holm(tested.map((r) => r.p_value ?? 1)).forEach((p, i) => {
    const row = tested[i];
    if (row) row.p_adjusted = round(p, 6);
  });

  for (const row of rows) decideCriterion(row, tol, settings.alpha);

  const removed: CriterionComparison[] = (champion?.criteria ?? [])
    .filter((c) => !criteria.some((k) => k.name === c.name))
    .map((c) => ({
      name: c.name,
      type: c.type,
      status: "removed",
      reason: "criterion removed by this change",
      pairs: 0,
      champion: { mean: round(c.mean_score), pass_rate: round(c.pass_rate) },
      challenger: { mean: 0, pass_rate: 0, pass_rate_all: 0, n: 0 },
      delta: null,
      delta_ci: null,
      discordant: null,
      p_value: null,
      p_adjusted: null,
    }));

  const flipped = champion ? flippedExamples(champion, challenger, inputs) : [];
  const errors = {
    champion: champion ? champion.summary.errors + champion.summary.skipped : 0,
    challenger: challenger.summary.errors + challenger.summary.skipped,
    excluded_pairs: champion
      ? challenger.examples.filter((r) => r.status !== "ok" || champById.get(pairKey(r))?.status !== "ok")
          .length
      : 0,
  };
  const { verdict, reason } = decidePrompt(rows, champion, challenger, settings);
  return {
    prompt: challenger.prompt,
    verdict,
    reason,
    baseline: champion !== null,
    champion_version: champion?.version ?? null,
    challenger_version: challenger.version,
    criteria: [...rows, ...removed],
    flipped,
    errors,
  };
}

function decideCriterion(row: CriterionComparison, tol: number, alpha: number): void {
  if (row.challenger.n === 0) {
    // Every example errored or was skipped: there is nothing to hold against a threshold.
    row.status = "inconclusive";
    row.reason = "no example could be scored";
    return;
  }
  const belowThreshold = row.threshold !== undefined && row.challenger.pass_rate_all < row.threshold;
  if (belowThreshold) {
    row.status = "below_threshold";
    row.reason = `pass rate ${(row.challenger.pass_rate_all * 100).toFixed(1)}% is below the threshold of ${((row.threshold ?? 0) * 100).toFixed(0)}%`;
    // A reviewer should know when this change did not cause the miss.
    if (row.champion && row.champion.pass_rate < (row.threshold ?? 0))
      row.reason += `, as on the base (${(row.champion.pass_rate * 100).toFixed(1)}%)`;
    return;
  }
  if (row.status === "new") return;
  if (row.delta === null || row.delta_ci === null) {
    row.status = "inconclusive";
    row.reason = "no example was scored on both sides, so there is nothing to compare";
    return;
  }
  const { delta, delta_ci: ci } = row;
  const binaryTestSays =
    row.p_adjusted === null || row.discordant === null || row.p_adjusted < alpha || isGraded(row);
  const significantDrop = ci[1] < 0 && binaryTestSays;
  if (delta < -tol && significantDrop) {
    row.status = "regressed";
    row.reason = `dropped ${points(delta)} (95% CI ${points(ci[0])} to ${points(ci[1])}), beyond the ${(tol * 100).toFixed(1)}-point tolerance`;
  } else if (delta < -tol) {
    row.status = "inconclusive";
    row.reason = `dropped ${points(delta)}, but the data cannot tell it from noise (95% CI ${points(ci[0])} to ${points(ci[1])})`;
  } else if (delta > tol && ci[0] > 0) {
    row.status = "improved";
    row.reason = `improved ${points(delta)} (95% CI ${points(ci[0])} to ${points(ci[1])})`;
  } else {
    row.status = "ok";
    row.reason = `within tolerance (${points(delta)})`;
  }
}

/** Graded criteria have no pass/fail test worth trusting over the bootstrap of their scores. */
function isGraded(row: CriterionComparison): boolean {
  return row.type === "similarity";
}

function decidePrompt(
  rows: readonly CriterionComparison[],
  champion: PromptRun | null,
  challenger: PromptRun,
  settings: GateSettings,
): { verdict: Verdict; reason: string } {
  const failing = rows.find((r) => r.status === "below_threshold" || r.status === "regressed");
  // Too many errors make the verdict inconclusive, not a failure: what was scored may not be
  // representative (an outage, a budget stop). What the scored part showed is still said.
  for (const [side, run] of [
    ["challenger", challenger],
    ["champion", champion],
  ] as const) {
    if (run && errorRate(run) > settings.maxErrorRate) {
      const common = commonestError(run);
      return {
        verdict: "inconclusive",
        reason:
          `${(errorRate(run) * 100).toFixed(0)}% of the ${side}'s examples errored or were skipped (limit ${(settings.maxErrorRate * 100).toFixed(0)}%)` +
          (common ? `; ${common.count} of them: ${common.message}` : "") +
          (failing ? `; on the rest, ${failing.name}: ${failing.reason}` : ""),
      };
    }
  }
  if (failing) return { verdict: "fail", reason: `${failing.name}: ${failing.reason}` };
  const unsure = rows.find((r) => r.status === "inconclusive");
  if (unsure) return { verdict: "inconclusive", reason: `${unsure.name}: ${unsure.reason}` };
  if (!champion)
    return rows.some((r) => r.threshold !== undefined)
      ? { verdict: "pass", reason: "no baseline — absolute thresholds only, and they are met" }
      : {
          verdict: "pass",
          reason: "no baseline and no thresholds — nothing gates this prompt; add threshold: to its criteria",
        };
  return { verdict: "pass", reason: "no significant regression beyond tolerance, thresholds met" };
}

/** The error message most examples of a run share, so an inconclusive verdict says what went wrong. */
function commonestError(run: PromptRun): { message: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const r of run.examples)
    if (r.status !== "ok" && r.error) counts.set(r.error.message, (counts.get(r.error.message) ?? 0) + 1);
  let best: { message: string; count: number } | undefined;
  for (const [message, count] of counts) if (!best || count > best.count) best = { message, count };
  return best;
}

function flippedExamples(
  champion: PromptRun,
  challenger: PromptRun,
  inputs: ReadonlyMap<string, Record<string, unknown>>,
): FlippedExample[] {
  const champById = byId(champion.examples);
  const out: FlippedExample[] = [];
  for (const r of challenger.examples) {
    const c = champById.get(pairKey(r));
    if (r.status !== "ok" || c?.status !== "ok" || r.passed === c.passed) continue;
    const changed = Object.keys(r.criteria).filter(
      (k) => c.criteria[k] && c.criteria[k].passed !== r.criteria[k]?.passed,
    );
    out.push({
      id: r.id,
      direction: c.passed ? "pass_to_fail" : "fail_to_pass",
      input: inputs.get(r.id) ?? {},
      champion_output: c.output ?? "",
      challenger_output: r.output ?? "",
      criteria: changed,
    });
  }
  return out;
}

/** What a failing gate is called: a regression when a criterion dropped, else a miss of absolute thresholds. */
export function failureKind(comparisons: readonly PromptComparison[]): "regression" | "below threshold" {
  return comparisons.some((c) => c.verdict === "fail" && c.criteria.some((k) => k.status === "regressed"))
    ? "regression"
    : "below threshold";
}

/** The overall verdict: any failure fails; otherwise any inconclusive is inconclusive. */
export function overallVerdict(prompts: readonly PromptComparison[]): Verdict {
  if (prompts.some((p) => p.verdict === "fail")) return "fail";
  if (prompts.some((p) => p.verdict === "inconclusive")) return "inconclusive";
  return "pass";
}

import type { Criterion } from "../config/schema.js";
import type { PromptRun } from "../engine/evaluate.js";
import { decideCriterion, measureCriterion, type CriterionComparison, type Look } from "./criterion.js";
import { categoryBreakdown, type CategoryBreakdown } from "./categories.js";
import { costChange, type CostChange } from "./cost.js";
import { failingExamples, type FailingExamples } from "./failing.js";
import { flippedExamples, type FlippedExample, type ShownInput } from "./flipped.js";
import { classifyError } from "./error-kinds.js";
import { mustPassFailures, type MustPassExample } from "./must-pass.js";
import { lookLevel } from "./sequential.js";

export type { FlippedExample, ShownInput } from "./flipped.js";
export type { CriterionComparison, CriterionStatus, CriterionDecision, DecidedBy } from "./criterion.js";

/** needs_approval: the change edits how it is judged (config, criteria, eval set); a maintainer must accept it. */
export type Verdict = "pass" | "fail" | "inconclusive" | "needs_approval";

export interface GateSettings {
  /** Largest tolerated drop, in points (0..100) of a criterion's mean score. */
  tolerancePoints: number;
  /** Share of a side's samples that may error before the verdict is inconclusive. */
  maxErrorRate: number;
  /** Family-wise error over every tested criterion of every prompt of the PR (one-sided). */
  alpha: number;
  /** Looks of the sequential test: the first pass and up to this many minus one further rounds. */
  maxSamplingRounds: number;
  /** Percent the cost per answer may rise against the champion (thresholds.max_cost_increase). */
  maxCostIncreasePct?: number;
  /** Percent the p95 latency may rise against the champion (thresholds.max_latency_increase). */
  maxLatencyIncreasePct?: number;
}

export const DEFAULT_GATE: GateSettings = {
  tolerancePoints: 2,
  maxErrorRate: 0.1,
  alpha: 0.01,
  maxSamplingRounds: 16,
};

/** Gate settings from the (trusted) config's thresholds, with explicit overrides (flags, Action inputs) first. */
export function gateSettings(
  thresholds:
    | {
        regression_tolerance?: number;
        max_error_rate?: number;
        alpha?: number;
        max_sampling_rounds?: number;
        max_cost_increase?: number;
        max_latency_increase?: number;
      }
    | undefined,
  overrides: { tolerance?: number | undefined; alpha?: number | undefined } = {},
): GateSettings {
  return {
    tolerancePoints: overrides.tolerance ?? thresholds?.regression_tolerance ?? DEFAULT_GATE.tolerancePoints,
    maxErrorRate: thresholds?.max_error_rate ?? DEFAULT_GATE.maxErrorRate,
    alpha: overrides.alpha ?? thresholds?.alpha ?? DEFAULT_GATE.alpha,
    maxSamplingRounds: thresholds?.max_sampling_rounds ?? DEFAULT_GATE.maxSamplingRounds,
    ...(thresholds?.max_cost_increase !== undefined
      ? { maxCostIncreasePct: thresholds.max_cost_increase }
      : {}),
    ...(thresholds?.max_latency_increase !== undefined
      ? { maxLatencyIncreasePct: thresholds.max_latency_increase }
      : {}),
  };
}

/** Where a prompt's sampling stands. */
export interface Sampling {
  rounds: number;
  max_rounds: number;
  /** Repeats returned identical text on both sides for every example: more rounds would repeat them. */
  deterministic: boolean;
  /** Why sampling ended, once it has ("decided", "deterministic answers", "max_sampling_rounds", a budget…). */
  ended: string | null;
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
  errors: {
    champion: number;
    challenger: number;
    excluded_pairs: number;
    /** Challenger answers that errored deterministically (a 400…) where the champion answered: counted as failures. */
    charged?: number;
    /** Challenger answers still errored by a transient kind (timeout, 5xx, 429, connection) after a retry round. */
    transient?: number;
  };
  /** The α the prompt's criteria share (one family per prompt) and each criterion's final-look level. */
  family?: { alpha: number; criteria: number; final_level: number };
  /** Examples marked must_pass in the eval set, failed by the challenger in at least one repeat. */
  must_pass?: MustPassExample[];
  sampling: Sampling;
  /** The tolerance the criteria were tested against (fraction). */
  tolerance: number;
  /** The largest minimum detectable drop (80% power) over the tested criteria, and whose it is. */
  minimum_detectable_drop: { drop: number; criterion: string; examples: number } | null;
  /** Tokens, cost and p95 latency of the challenger against the champion; null without a champion. */
  cost?: CostChange | null;
  /** Each criterion by eval-set category (tags, labels.category); absent when no example has one. */
  categories?: CategoryBreakdown;
  /** The challenger's failing examples of each criterion below its threshold (capped). */
  failing?: FailingExamples[];
}

/** Where this look stands in the sequential design; absent, one fixed-sample look at the full α. */
export interface PromptLook {
  round: number;
  maxRounds: number;
  /** Criteria α is shared over; absent, this prompt's own tested criteria (one family per prompt). */
  familySize?: number;
  /** Ids of the eval set's must_pass examples. */
  mustPass?: ReadonlySet<string>;
  final: boolean;
  deterministic?: boolean;
  ended?: string;
  previous?: PromptComparison;
}

function errorRate(run: PromptRun): number {
  return run.summary.examples > 0 ? (run.summary.errors + run.summary.skipped) / run.summary.examples : 0;
}

/** Criteria that have a champion figure to be tested against. */
export function testedCriteria(champion: PromptRun | null, criteria: readonly Criterion[]): number {
  return champion ? criteria.filter((c) => champion.criteria.some((k) => k.name === c.name)).length : 0;
}

/** Compares a challenger run with its champion (or with nothing) at one look and decides the gate. */
export function comparePrompt(
  champion: PromptRun | null,
  challenger: PromptRun,
  criteria: readonly Criterion[],
  settings: GateSettings = DEFAULT_GATE,
  inputs: ReadonlyMap<string, ShownInput> = new Map(),
  at: PromptLook = { round: 1, maxRounds: 1, final: true },
): PromptComparison {
  const look: Look = {
    round: at.round,
    final: at.final,
    tol: settings.tolerancePoints / 100,
    design: {
      alpha: settings.alpha,
      familySize: at.familySize ?? testedCriteria(champion, criteria),
      maxRounds: at.maxRounds,
    },
  };
  const previous = new Map(at.previous?.criteria.map((r) => [r.name, r]));
  const rows = criteria.map((c) =>
    decideCriterion(
      measureCriterion(c, champion, challenger, look),
      champion,
      challenger,
      look,
      previous.get(c.name),
    ),
  );
  const removed: CriterionComparison[] = (champion?.criteria ?? [])
    .filter((c) => !criteria.some((k) => k.name === c.name))
    .map((c) => ({
      name: c.name,
      type: c.type,
      status: "removed",
      decision: "pass",
      decided_by: null,
      rounds: at.round,
      reason: "criterion removed by this change",
      pairs: 0,
      champion: { mean: c.mean_score, pass_rate: c.pass_rate, pass_rate_ci: c.pass_rate_ci },
      challenger: { mean: 0, pass_rate: 0, pass_rate_ci: [0, 1], pass_rate_all: 0, mean_all: 0, n: 0 },
      delta: null,
      delta_ci: null,
      test: null,
      minimum_detectable_drop: null,
    }));

  const champIds = new Set(champion?.examples.filter((r) => r.status === "ok").map((r) => r.id));
  const charged = challenger.examples.filter((r) => r.charged_error).length;
  const transient = challenger.examples.filter(
    (r) =>
      r.status === "error" &&
      classifyError(r.error?.kind) === "transient" &&
      (champion === null || champIds.has(r.id)),
  ).length;
  const errors = {
    champion: champion ? champion.summary.errors + champion.summary.skipped : 0,
    challenger: challenger.summary.errors + challenger.summary.skipped,
    excluded_pairs: champion
      ? new Set(challenger.examples.map((r) => r.id)).size -
        new Set(challenger.examples.filter((r) => r.status === "ok" && champIds.has(r.id)).map((r) => r.id))
          .size
      : 0,
    ...(charged > 0 ? { charged } : {}),
    ...(transient > 0 ? { transient } : {}),
  };
  const mdd = rows.reduce<PromptComparison["minimum_detectable_drop"]>(
    (worst, r) =>
      r.minimum_detectable_drop !== null && (worst === null || r.minimum_detectable_drop > worst.drop)
        ? { drop: r.minimum_detectable_drop, criterion: r.name, examples: r.pairs }
        : worst,
    null,
  );
  const cost = costChange(champion, challenger, settings);
  const mustPass = at.mustPass
    ? mustPassFailures(
        challenger.examples,
        at.mustPass,
        criteria.map((c) => c.name),
        inputs,
      )
    : [];
  const { verdict, reason } = decidePrompt(rows, champion, challenger, settings, cost, mustPass);
  const categories = categoryBreakdown(
    champion,
    challenger,
    challenger.example_categories ?? champion?.example_categories,
  );
  const failing = failingExamples(challenger, rows, inputs);
  return {
    prompt: challenger.prompt,
    verdict,
    reason,
    baseline: champion !== null,
    champion_version: champion?.version ?? null,
    challenger_version: challenger.version,
    criteria: [...rows, ...removed],
    flipped: champion ? flippedExamples(champion, challenger, criteria, inputs) : [],
    errors,
    sampling: {
      rounds: at.round,
      max_rounds: at.maxRounds,
      deterministic: at.deterministic ?? false,
      ended: at.ended ?? (at.final ? "max_sampling_rounds" : null),
    },
    tolerance: look.tol,
    minimum_detectable_drop: mdd,
    ...(look.design.familySize > 0
      ? {
          family: {
            alpha: settings.alpha,
            criteria: look.design.familySize,
            final_level: lookLevel(look.design, true),
          },
        }
      : {}),
    ...(mustPass.length > 0 ? { must_pass: mustPass } : {}),
    cost,
    ...(categories ? { categories } : {}),
    ...(failing.length > 0 ? { failing } : {}),
  };
}

/** The final look's level for a design, for the report's footnotes. */
export function finalLevel(settings: GateSettings, familySize: number): number {
  return lookLevel({ alpha: settings.alpha, familySize, maxRounds: settings.maxSamplingRounds }, true);
}

/** Undecided criteria: more rounds are worth running for them. */
export function undecided(c: PromptComparison): boolean {
  return c.criteria.some((k) => k.decision === "undecided");
}

function decidePrompt(
  rows: readonly CriterionComparison[],
  champion: PromptRun | null,
  challenger: PromptRun,
  settings: GateSettings,
  cost: CostChange | null,
  mustPass: readonly MustPassExample[],
): { verdict: Verdict; reason: string } {
  // A must_pass example the challenger failed fails the prompt whatever the statistics or the
  // error rate say: it is the base's promise about that one case.
  if (mustPass.length > 0) {
    const ids = mustPass.map((m) => m.id);
    return {
      verdict: "fail",
      reason: `must-pass example${ids.length === 1 ? "" : "s"} failed: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ` and ${ids.length - 5} more` : ""}`,
    };
  }
  const failing = rows.filter((r) => r.decision === "fail");
  const failed = [
    ...failing.map((r) => `${r.name}: ${r.reason}`),
    ...(cost?.exceeded ?? []).map((g) => g.reason),
  ].join("; ");
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
          (failing.length ? `; on the rest, ${failed}` : ""),
      };
    }
  }
  if (failing.length || cost?.exceeded.length) return { verdict: "fail", reason: failed };
  const unsure = rows.find((r) => r.decision === "inconclusive");
  if (unsure) return { verdict: "inconclusive", reason: `${unsure.name}: ${unsure.reason}` };
  const unmeasured = cost?.unmeasured[0];
  if (unmeasured) return { verdict: "inconclusive", reason: unmeasured.reason };
  if (!champion)
    return rows.some((r) => r.threshold !== undefined)
      ? { verdict: "pass", reason: "no baseline — absolute thresholds only, and they are met" }
      : {
          verdict: "pass",
          reason: "no baseline and no thresholds — nothing gates this prompt; add threshold: to its criteria",
        };
  const possible = rows.filter((r) => r.status === "possible_drop").map((r) => r.name);
  if (possible.length > 0)
    return {
      verdict: "pass",
      reason: `⚠️ possible drop, not confirmed: ${possible.join(", ")} (95% interval wholly below −tolerance; the test did not reject)`,
    };
  return { verdict: "pass", reason: "no evidence of a drop beyond the tolerance, thresholds met" };
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

/**
 * What a failing gate is called: a regression when a criterion dropped, a miss of absolute
 * thresholds, else a cost or latency increase beyond its gate.
 */
export function failureKind(
  comparisons: readonly PromptComparison[],
): "regression" | "below threshold" | "cost or latency increase" | "must-pass example failed" {
  const failing = comparisons.filter((c) => c.verdict === "fail");
  if (failing.some((c) => c.must_pass?.length)) return "must-pass example failed";
  if (failing.some((c) => c.criteria.some((k) => k.status === "regressed"))) return "regression";
  if (failing.some((c) => c.criteria.some((k) => k.status === "below_threshold")) || failing.length === 0)
    return "below threshold";
  return failing.some((c) => c.cost?.exceeded.length) ? "cost or latency increase" : "below threshold";
}

/** The overall verdict: any failure fails; otherwise any inconclusive is inconclusive. */
export function overallVerdict(prompts: readonly PromptComparison[]): Verdict {
  if (prompts.some((p) => p.verdict === "fail")) return "fail";
  if (prompts.some((p) => p.verdict === "inconclusive")) return "inconclusive";
  return "pass";
}

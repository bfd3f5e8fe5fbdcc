/**
 * One criterion at one look: its clustered figures and the decision of the
 * sequential non-inferiority test. Pure.
 */
import type { Criterion } from "../config/schema.js";
import type { PromptRun } from "../engine/evaluate.js";
import {
  clusteredPassRate,
  clusterPairs,
  clusterSide,
  passAllRepeats,
  type PassAllRepeats,
} from "./cluster.js";
import {
  designDrop,
  isFutile,
  lookLevel,
  minimumDetectableDrop,
  nonInferiorityTest,
  rejects,
  type SequentialDesign,
} from "./sequential.js";
import { meanInterval } from "./stats.js";

export type CriterionStatus =
  | "ok"
  | "improved"
  | "regressed"
  | "below_threshold"
  | "inconclusive"
  | "new"
  | "removed"
  // Ended undecided (passes) while its 95% interval lies wholly below −tolerance: never shown as fine.
  | "possible_drop";

/** "undecided" only between rounds: when sampling ends, an undecided criterion passes. */
export type CriterionDecision = "pass" | "fail" | "inconclusive" | "undecided";

/** How a decision was reached. */
export type DecidedBy =
  | "test" // the non-inferiority test rejected: worse beyond the tolerance
  | "not_worse" // the futility stop: the data favour no change over the drop the run is built to catch
  | "end_of_sampling" // no more rounds (cap, deterministic answers, budget or deadline): passes undecided
  | "threshold"
  | "not_measured"
  | "no_baseline";

export interface TestFigures {
  name: "paired t-test on per-example means, one-sided, against the tolerance";
  statistic: number;
  df: number;
  /** One-sided p-value at Δ = −tolerance (nominal, at the look that decided). */
  p_value: number;
  /** The nominal level of that look (α spent over criteria and looks). */
  level: number;
  round: number;
}

export interface SideFigures {
  /** Mean over examples of the per-example mean score. */
  mean: number;
  /** Mean over examples of the per-example share of passing repeats, with its 95% interval over examples. */
  pass_rate: number;
  pass_rate_ci: [number, number];
  /** With repeats: pass^k of this side's scored examples, paired or not. */
  pass_all_repeats?: PassAllRepeats;
}

export interface CriterionComparison {
  name: string;
  type: Criterion["type"];
  status: CriterionStatus;
  decision: CriterionDecision;
  decided_by: DecidedBy | null;
  /** Rounds of sampling behind the figures (and the decision, once taken). */
  rounds: number;
  /** One sentence saying why, for the report and the results JSON. */
  reason: string;
  /** Examples scored on both sides. */
  pairs: number;
  champion: SideFigures | null;
  /**
   * pass_rate_all, mean_all and n cover every scored example of the challenger, paired or not; n counts
   * examples. mean_all is what a threshold is held against.
   */
  challenger: SideFigures & { pass_rate_all: number; mean_all: number; n: number };
  /** challenger − champion over the paired examples, with a 95% t-interval over examples. */
  delta: number | null;
  delta_ci: [number, number] | null;
  /** The test figures of the deciding look; null unless the test decided (a failure). */
  test: TestFigures | null;
  /** The smallest drop (fraction) the final look on this data detects with 80% power. */
  minimum_detectable_drop: number | null;
  /** The drop the futility stop weighs against, fixed at the first look with spread. */
  design_drop?: number;
  /** A futility stop ("not worse" than a drop of design_drop) whose estimate lies below −tolerance. */
  below_tolerance?: true;
  threshold?: number;
}

export interface Look {
  round: number;
  design: SequentialDesign;
  /** Whether this is the prompt's last look (no further round will run). */
  final: boolean;
  /** The tolerance of the test; a fraction. */
  tol: number;
}

const points = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} pts`;
const pctOf = (x: number): string => `${(x * 100).toFixed(1)}%`;

function side(pass: readonly number[], score: readonly number[]): SideFigures {
  const r = clusteredPassRate(pass);
  return { mean: score.length ? meanInterval(score).mean : 0, pass_rate: r.rate, pass_rate_ci: r.ci };
}

/** The figures of a criterion at this look, before any decision. */
export function measureCriterion(
  c: Criterion,
  champion: PromptRun | null,
  challenger: PromptRun,
  look: Look,
): CriterionComparison {
  const all = clusterSide(challenger.examples, c.name);
  const allRate = clusteredPassRate(all.pass);
  const challengerAll = passAllRepeats(challenger.examples, c.name);
  const row: CriterionComparison = {
    name: c.name,
    type: c.type,
    status: "ok",
    decision: "undecided",
    decided_by: null,
    rounds: look.round,
    reason: "",
    pairs: 0,
    champion: null,
    challenger: (() => {
      const figures = side(all.pass, all.score);
      return {
        ...figures,
        pass_rate_all: allRate.rate,
        mean_all: figures.mean,
        n: all.pass.length,
        ...(challengerAll ? { pass_all_repeats: challengerAll } : {}),
      };
    })(),
    delta: null,
    delta_ci: null,
    test: null,
    minimum_detectable_drop: null,
    ...(c.threshold !== undefined ? { threshold: c.threshold } : {}),
  };
  if (!champion?.criteria.some((k) => k.name === c.name)) return row;
  const pairs = clusterPairs(champion.examples, challenger.examples, c.name);
  const n = pairs.ids.length;
  if (n === 0) return row;
  row.pairs = n;
  const championAll = passAllRepeats(champion.examples, c.name);
  row.champion = {
    ...side(pairs.championPass, pairs.champion),
    ...(championAll ? { pass_all_repeats: championAll } : {}),
  };
  row.challenger = { ...row.challenger, ...side(pairs.challengerPass, pairs.challenger) };
  const diffs = pairs.challenger.map((y, i) => y - (pairs.champion[i] ?? 0));
  const { mean, ci } = meanInterval(diffs);
  row.delta = mean;
  // A difference of means of scores in [0, 1] lies in [−1, 1]: the t-interval of a small set can reach past that.
  row.delta_ci = [Math.max(-1, ci[0]), Math.min(1, ci[1])];
  return row;
}

/**
 * Decides a criterion at this look. A decision taken at an earlier look
 * (`previous`) stands; only its figures are refreshed.
 */
export function decideCriterion(
  row: CriterionComparison,
  champion: PromptRun | null,
  challenger: PromptRun,
  look: Look,
  previous: CriterionComparison | undefined,
): CriterionComparison {
  const tol = look.tol;
  if (row.challenger.n === 0) {
    // Every example errored or was skipped: there is nothing to hold against a threshold.
    return {
      ...row,
      status: "inconclusive",
      decision: "inconclusive",
      decided_by: "not_measured",
      reason: "no example could be scored",
    };
  }
  // One meaning for every criterion: the minimum mean score (for a pass/fail check, its pass rate).
  // Unrounded: 0.8999 misses a threshold of 0.9 even though both print as 90%.
  if (row.threshold !== undefined && row.challenger.mean_all < row.threshold) {
    // A pass/fail check's mean score is its pass rate: call it that.
    const what = row.challenger.mean_all === row.challenger.pass_rate_all ? "pass rate" : "mean score";
    let reason = `${what} ${pctOf(row.challenger.mean_all)} is below the threshold of ${(row.threshold * 100).toFixed(0)}%`;
    // A reviewer should know when this change did not cause the miss.
    if (row.champion && row.champion.mean < row.threshold)
      reason += `, as on the base (${pctOf(row.champion.mean)})`;
    return { ...row, status: "below_threshold", decision: "fail", decided_by: "threshold", reason };
  }
  if (!champion?.criteria.some((k) => k.name === row.name)) {
    return {
      ...row,
      status: "new",
      decision: "pass",
      decided_by: "no_baseline",
      reason: champion ? "new criterion: absolute threshold only" : "no baseline: absolute threshold only",
    };
  }
  if (row.delta === null || row.delta_ci === null) {
    return {
      ...row,
      status: "inconclusive",
      decision: "inconclusive",
      decided_by: "not_measured",
      reason: "no example was scored on both sides, so there is nothing to compare",
    };
  }
  const pairs = clusterPairs(champion.examples, challenger.examples, row.name);
  const test = nonInferiorityTest(pairs.champion, pairs.challenger, tol);
  const finalLevel = lookLevel(look.design, true);
  const mdd = test ? minimumDetectableDrop(test.se, test.n, tol, finalLevel, test.df) : null;
  const drop =
    previous?.design_drop ??
    (test && test.se > 0 ? designDrop(test.se, tol, finalLevel, test.df) : undefined);
  const figures = {
    ...row,
    minimum_detectable_drop: mdd,
    ...(drop !== undefined ? { design_drop: drop } : {}),
  };
  const interval = `Δ ${points(row.delta)}, 95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])}`;
  if (previous && previous.decision !== "undecided") {
    return {
      ...figures,
      status: previous.status,
      decision: previous.decision,
      decided_by: previous.decided_by,
      rounds: previous.rounds,
      test: previous.test,
      reason: previous.reason,
    };
  }
  if (!test) {
    // One paired example has no spread to test against; more repeats cannot add examples.
    return {
      ...figures,
      decision: "pass",
      decided_by: "end_of_sampling",
      reason: `one example scored on both sides is too few to test (${interval})`,
    };
  }
  const level = lookLevel(look.design, look.final);
  if (rejects(test, level)) {
    return {
      ...figures,
      status: "regressed",
      decision: "fail",
      decided_by: "test",
      test: {
        name: "paired t-test on per-example means, one-sided, against the tolerance",
        statistic: test.statistic,
        df: test.df,
        p_value: test.p_value,
        level,
        round: look.round,
      },
      reason: `dropped ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])}), worse than the ${(tol * 100).toFixed(1)}-point tolerance allows`,
    };
  }
  const improved = row.delta > tol && row.delta_ci[0] > 0;
  const passed = {
    ...figures,
    status: improved ? ("improved" as const) : ("ok" as const),
    decision: "pass" as const,
  };
  // At the last look this only names why it passes; before it, it ends sampling for the criterion.
  const futile =
    test.se === 0
      ? test.delta >= -tol
      : drop !== undefined && isFutile(test, tol, drop, look.design.familySize);
  if (futile) {
    // The futility stop weighs "no change" against a drop of D, not against the tolerance: the estimate
    // can lie below −tolerance, and then the report must not say "not worse" (never ✅ when the 95%
    // interval lies wholly below it).
    const dropText = drop === undefined ? "" : ` of ${(drop * 100).toFixed(1)} pts or more`;
    if (!improved && row.delta_ci[1] < -tol)
      return {
        ...passed,
        status: "possible_drop",
        decided_by: "not_worse",
        reason: `possible drop, not confirmed: ${interval} lies wholly below the −${(tol * 100).toFixed(1)}-point tolerance; sampling stopped because the data favour no change over a drop${dropText}`,
      };
    return {
      ...passed,
      decided_by: "not_worse",
      ...(row.delta < -tol ? { below_tolerance: true as const } : {}),
      reason: improved
        ? `improved ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])})`
        : row.delta < -tol
          ? `no sign of a drop${dropText} (${interval}); the estimate is below the tolerance, but the test at this prompt's level did not reject`
          : `not worse beyond the tolerance (${interval})`,
    };
  }
  if (look.final) {
    const detect = mdd === null ? "" : `; this run detects drops of ${(mdd * 100).toFixed(1)} pts or more`;
    if (!improved && row.delta_ci[1] < -tol) {
      return {
        ...passed,
        status: "possible_drop",
        decided_by: "end_of_sampling",
        reason: `possible drop, not confirmed: ${interval} lies wholly below the −${(tol * 100).toFixed(1)}-point tolerance, but the test at this prompt's level did not reject${detect}`,
      };
    }
    return {
      ...passed,
      decided_by: "end_of_sampling",
      reason: improved
        ? `improved ${points(row.delta)} (95% CI ${points(row.delta_ci[0])} to ${points(row.delta_ci[1])})`
        : `no evidence of a drop beyond the tolerance (${interval})${detect}`,
    };
  }
  return { ...figures, decision: "undecided", reason: `undecided at round ${look.round} (${interval})` };
}

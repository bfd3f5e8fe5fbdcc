/**
 * The sequential non-inferiority test of the gate. docs/statistics.md says why
 * each constant has the value it has; change them together with that page and
 * the figures of `npm run bench:gate`.
 *
 * H0: the challenger is not worse than the champion by more than the tolerance
 * (Δ ≥ −tol). Rejecting H0 fails the criterion. The unit is the example: the
 * test is a paired t-test on per-example mean differences, shifted by the
 * tolerance, one-sided.
 */
import { normalQuantile, studentTCdf, studentTQuantile } from "./distributions.js";

/** Share of a criterion's α spent over all interim looks together (Haybittle–Peto shape); the rest is the final look's. */
export const INTERIM_ALPHA_SHARE = 0.1;
/** Rounds of sampling the futility stop plans for: it asks whether a drop this run could detect by then is still plausible. */
export const DESIGN_ROUNDS = 6;
/**
 * Log likelihood ratio of "no change" over "the design drop" above which the only criterion of a
 * prompt is decided not worse; with m criteria, see futilityLogLr.
 */
export const FUTILITY_LOG_LR = 1;
/** The power the minimum detectable drop is stated at. */
export const POWER = 0.8;

export interface SequentialDesign {
  /** Family-wise error over every tested criterion of the PR. */
  alpha: number;
  /** Criteria tested against a champion, over every prompt of the PR. */
  familySize: number;
  maxRounds: number;
}

/**
 * The one-sided nominal level of one look. Each interim look spends an equal
 * part of INTERIM_ALPHA_SHARE of the criterion's α/m, the final look the rest;
 * by the union bound the chance of any false failure over all looks is at most
 * α/m, whatever the correlation between looks (so re-estimating the variance
 * and choosing which examples to sample cannot break it).
 */
export function lookLevel(design: SequentialDesign, final: boolean): number {
  const perCriterion = design.alpha / Math.max(1, design.familySize);
  if (design.maxRounds <= 1) return perCriterion;
  const interim = (perCriterion * INTERIM_ALPHA_SHARE) / (design.maxRounds - 1);
  return final ? perCriterion - interim * (design.maxRounds - 1) : interim;
}

export interface NonInferiorityTest {
  /** Examples paired. */
  n: number;
  /** Mean per-example difference, challenger − champion. */
  delta: number;
  /** Its standard error over examples. */
  se: number;
  df: number;
  /** (Δ + tol) / se. */
  statistic: number;
  /** One-sided p-value at the boundary Δ = −tol. */
  p_value: number;
}

/** The paired test on per-example means, or null with fewer than two examples (no spread to estimate). */
export function nonInferiorityTest(
  champion: readonly number[],
  challenger: readonly number[],
  tol: number,
): NonInferiorityTest | null {
  const n = champion.length;
  if (n < 2 || challenger.length !== n) return null;
  const diffs = challenger.map((y, i) => y - (champion[i] ?? 0));
  const delta = diffs.reduce((s, v) => s + v, 0) / n;
  const ss = diffs.reduce((s, v) => s + (v - delta) ** 2, 0);
  const se = Math.sqrt(ss / (n - 1) / n);
  const df = n - 1;
  const shifted = delta + tol;
  // Float noise in the mean of identical differences must not read as spread.
  const noSpread = se <= 1e-12;
  const statistic = noSpread ? (shifted > 1e-12 ? Infinity : shifted < -1e-12 ? -Infinity : 0) : shifted / se;
  return { n, delta, se: noSpread ? 0 : se, df, statistic, p_value: studentTCdf(statistic, df) };
}

/** The critical value of a one-sided level with df degrees of freedom. */
function critical(level: number, df: number): number {
  return -studentTQuantile(level, df);
}

/**
 * The drop (positive fraction) the futility stop weighs "no change" against:
 * the tolerance plus what DESIGN_ROUNDS rounds of the first look's spread could
 * detect with POWER at the final level.
 */
export function designDrop(firstSe: number, tol: number, finalLevel: number, df: number): number {
  const beyond = (critical(finalLevel, df) + normalQuantile(POWER)) * (firstSe / Math.sqrt(DESIGN_ROUNDS));
  return tol + beyond;
}

/**
 * The log likelihood ratio a criterion of a prompt with m tested criteria needs
 * to be decided not worse: FUTILITY_LOG_LR − ln m, never below 0. A prompt
 * samples until its last criterion stops, so with m criteria each one's
 * likelihood ratio threshold is divided by m (the futility side's counterpart
 * of α/m), but the data must still favour "no change" over the design drop.
 * Only passing gets easier: the test's levels do not depend on it.
 */
export function futilityLogLr(familySize: number): number {
  return Math.max(0, FUTILITY_LOG_LR - Math.log(Math.max(1, familySize)));
}

/**
 * Decided not worse: the data favour "no change" over "worse by the design
 * drop" by a log likelihood ratio above futilityLogLr(familySize). Stopping
 * here never adds a failure, so it costs no type I error, only power.
 */
export function isFutile(test: NonInferiorityTest, tol: number, drop: number, familySize: number): boolean {
  if (test.se === 0) return test.delta >= -tol;
  return ((test.delta + drop / 2) * drop) / test.se ** 2 > futilityLogLr(familySize);
}

/** Worse than the champion beyond the tolerance at this look's level. */
export function rejects(test: NonInferiorityTest, level: number): boolean {
  return test.p_value <= level;
}

/**
 * The smallest drop (positive fraction) a final look on this much data detects
 * with POWER. With no spread at all the floor is one example of n flipping.
 */
export function minimumDetectableDrop(
  se: number,
  n: number,
  tol: number,
  finalLevel: number,
  df: number,
): number {
  const floor = n > 0 ? 1 / n : 1;
  return tol + (critical(finalLevel, Math.max(1, df)) + normalQuantile(POWER)) * Math.max(se, floor);
}

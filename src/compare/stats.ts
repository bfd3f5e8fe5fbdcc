/**
 * Pure statistics for paired champion/challenger comparisons. Everything that
 * draws random numbers takes a seed, so a rerun on the same data prints the
 * same intervals (a report that changes on re-run would not be trusted).
 *
 * Invalid arguments (negative counts, mismatched pairs, p-values outside
 * [0, 1]) throw a RangeError rather than returning NaN: a NaN would silently
 * turn into "not significant" further down the gate.
 */

/** Two-sided 95% standard-normal quantile, Φ⁻¹(0.975). */
const Z975 = 1.959963984540054;

/**
 * Mulberry32 (Tommy Ettinger): a small 32-bit-state PRNG, ample for bootstrap
 * resampling. The same seed yields the same sequence on every run, platform and
 * Node version (only 32-bit integer ops and one exact division), which is what
 * makes reported intervals reproducible. Seeds are taken modulo 2³².
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sample quantile of an ascending-sorted sample, interpolating linearly between
 * order statistics (Hyndman & Fan type 7, the R and NumPy default). q is
 * clamped to [0, 1]; an empty sample gives NaN.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  // Return the order statistic itself when h is whole, so an infinite neighbour cannot give Inf·0 = NaN.
  if (h === lo || lo + 1 >= n) return a;
  const b = sorted[lo + 1] ?? NaN;
  return a + (h - lo) * (b - a);
}

/**
 * Wilson score interval for a binomial proportion: unlike the Wald interval it
 * stays inside [0, 1] and is not degenerate at 0/n and n/n. n = 0 → [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = Z975): [number, number] {
  if (!(n >= 0) || !(successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0/n and n/n the bound is exactly 0 or 1 algebraically; pin it so rounding cannot leave 1e-17 or 0.9999999999999999.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return [lower, upper];
}

/** Student-t 0.975 quantiles for df = 1…30 (to 10 significant digits), where series expansions are poor. */
const T975_SMALL = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/**
 * Student-t 0.975 quantile (two-sided 95%). Table for df ≤ 30; beyond, the
 * Cornish–Fisher expansion of t around the normal quantile (Abramowitz &
 * Stegun 26.7.5, terms to ν⁻⁴), whose error is below 1e-7 at df = 31 and
 * shrinks as ν⁻⁵. df is floored; df < 1 gives NaN.
 */
export function t975(df: number): number {
  if (!(df >= 1)) return NaN;
  const d = Math.floor(df);
  const tabled = T975_SMALL[d - 1];
  if (tabled !== undefined) return tabled;
  const x = Z975;
  const x2 = x * x;
  const x3 = x2 * x;
  const x5 = x3 * x2;
  const x7 = x5 * x2;
  const x9 = x7 * x2;
  const g1 = (x3 + x) / 4;
  const g2 = (5 * x5 + 16 * x3 + 3 * x) / 96;
  const g3 = (3 * x7 + 19 * x5 + 17 * x3 - 15 * x) / 384;
  const g4 = (79 * x9 + 776 * x7 + 1482 * x5 - 1920 * x3 - 945 * x) / 92160;
  return x + (g1 + (g2 + (g3 + g4 / d) / d) / d) / d;
}

/**
 * Mean with a 95% Student-t interval, mean ± t₀.₉₇₅(n−1)·s/√n. Not clamped:
 * callers clamp where a bound is known. n = 0 → mean 0 with the uninformative
 * [0, 1] (scores live in [0, 1]); n = 1 → a zero-width interval at the value,
 * since one observation carries no estimate of spread.
 */
export function meanInterval(values: readonly number[]): { mean: number; ci: [number, number] } {
  const n = values.length;
  if (n === 0) return { mean: 0, ci: [0, 1] };
  let sum = 0;
  for (const v of values) sum += v;
  let mean = sum / n;
  if (n === 1) return { mean, ci: [mean, mean] };
  // Two-pass (corrected) algorithm: the second pass fixes the mean's rounding and avoids the
  // catastrophic cancellation of the one-pass Σx² − n·x̄² variance formula.
  let dev = 0;
  for (const v of values) dev += v - mean;
  mean += dev / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci: [mean - half, mean + half] };
}

/** Lanczos coefficients for g = 7, n = 9 (the Numerical Recipes / Godfrey set). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) by the Lanczos approximation (g = 7), relative error ~1e-15 for
 * x > 0; the reflection formula Γ(x)Γ(1−x) = π / sin(πx) covers x < 0.5.
 */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = y + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const isCount = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

/**
 * Exact two-sided McNemar test. Under H0 the b + c discordant pairs split as
 * X ~ Binomial(b + c, 1/2), so p = min(1, 2·P(X ≤ min(b, c))); b + c = 0 → 1.
 *
 * The largest tail term C(n, k)/2ⁿ is taken in log space through ln Γ (it
 * underflows as a plain product long before n = 100 000); the rest of the tail
 * is summed relative to it with the ratio C(n, i−1)/C(n, i) = i/(n−i+1) < 1, so
 * nothing overflows and only three ln Γ calls are made. The result underflows
 * to 0 only when the true p-value is below ~1e-308 (e.g. min(b, c) = 0 with
 * b + c > 1074).
 */
export function mcnemarExact(b: number, c: number): number {
  if (!isCount(b) || !isCount(c)) {
    throw new RangeError(`mcnemarExact needs non-negative integer counts, got b=${b}, c=${c}`);
  }
  const n = b + c;
  // With b = c the lower tail already holds at least half the mass.
  if (n === 0 || b === c) return 1;
  const k = Math.min(b, c);
  const logTop = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + n * Math.log(0.5);
  let term = 1;
  let sum = 1;
  for (let i = k; i >= 1; i--) {
    const ratio = i / (n - i + 1);
    term *= ratio;
    sum += term;
    // Ratios shrink as i falls, so the remaining tail is at most term·ratio/(1 − ratio).
    if ((term * ratio) / (1 - ratio) < sum * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTop + Math.log(sum)));
}

export interface BootstrapResult {
  /** Mean of challenger − champion over the pairs. */
  delta: number;
  /** Percentile-bootstrap interval for delta at the requested confidence. */
  ci: [number, number];
  resamples: number;
}

/**
 * Percentile bootstrap (Efron) of the mean paired difference, challenger −
 * champion. Index i of both arrays is the same example: resampling pairs, not
 * the two sides apart, keeps the per-example correlation that makes paired
 * comparisons far tighter than comparing two raw means.
 *
 * O(resamples·n) time, two Float64Array allocations in total; deterministic for
 * a given seed. n = 0 → delta 0, ci [0, 0].
 */
export function pairedBootstrap(
  champion: readonly number[],
  challenger: readonly number[],
  opts: { resamples?: number; seed?: number; confidence?: number } = {},
): BootstrapResult {
  if (champion.length !== challenger.length) {
    throw new RangeError(`paired samples differ in length: ${champion.length} vs ${challenger.length}`);
  }
  const resamples = opts.resamples ?? 2000;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const confidence = opts.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
  const n = champion.length;
  if (n === 0) return { delta: 0, ci: [0, 0], resamples };
  const diffs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (challenger[i] ?? 0) - (champion[i] ?? 0);
    diffs[i] = d;
    sum += d;
  }
  // Same left-to-right summation as each resample, so a constant shift gives ci === [delta, delta] exactly.
  const delta = sum / n;
  const random = mulberry32(opts.seed ?? 20240601);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += diffs[Math.floor(random() * n)] ?? 0;
    means[r] = s / n;
  }
  // TypedArray#sort is numeric (not lexicographic like Array#sort without a comparator).
  means.sort();
  const alpha = 1 - confidence;
  return { delta, ci: [quantile(means, alpha / 2), quantile(means, 1 - alpha / 2)], resamples };
}

/**
 * Holm–Bonferroni step-down adjusted p-values: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎). Returned in input order; controls the
 * family-wise error rate without Bonferroni's loss of power.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    // The running maximum enforces monotonicity: a larger raw p never gets a smaller adjusted p.
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

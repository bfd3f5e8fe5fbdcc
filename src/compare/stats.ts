/**
 * Pure statistics for paired champion/challenger comparisons. Everything that
 * draws random numbers takes a seed, so a rerun on the same data prints the
 * same intervals (a report that changes on re-run would not be trusted).
 */

/** Mulberry32: a small, fast, seedable PRNG; quality is ample for bootstrap resampling. */
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

/** Sample quantile with linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (h - lo) * (b - a);
}

/** Wilson score interval: unlike the normal approximation it stays inside [0, 1] and behaves at 0/n and n/n. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const T975_SMALL = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/** Student-t 0.975 quantile: exact table to df 30, then Cornish–Fisher expansion around the normal quantile. */
export function t975(df: number): number {
  if (df < 1) return NaN;
  const d = Math.floor(df);
  const tabled = T975_SMALL[d - 1];
  if (tabled !== undefined) return tabled;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * d) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * d * d) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * d ** 3)
  );
}

/** Mean with a 95% Student-t interval; not clamped, callers clamp where a bound is known. */
export function meanInterval(values: readonly number[]): { mean: number; ci: [number, number] } {
  const n = values.length;
  if (n === 0) return { mean: 0, ci: [0, 1] };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, ci: [mean, mean] };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { mean, ci: [mean - half, mean + half] };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) by the Lanczos approximation (g = 7), accurate to ~15 digits for x > 0. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Exact two-sided McNemar test: under H0 the discordant pairs split as
 * Binomial(b + c, 1/2). Summed in log space so b + c in the tens of thousands
 * neither underflows nor loses precision.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const logHalfN = n * Math.log(0.5);
  const lnN = lgamma(n + 1);
  let maxLog = -Infinity;
  const logs: number[] = [];
  for (let i = 0; i <= k; i++) {
    const l = lnN - lgamma(i + 1) - lgamma(n - i + 1) + logHalfN;
    logs.push(l);
    if (l > maxLog) maxLog = l;
  }
  const tail = Math.exp(maxLog) * logs.reduce((s, l) => s + Math.exp(l - maxLog), 0);
  return Math.min(1, 2 * tail);
}

export interface BootstrapResult {
  delta: number;
  ci: [number, number];
  resamples: number;
}

/**
 * Percentile bootstrap of the mean paired difference (challenger − champion).
 * Resampling pairs, not the two sides apart, keeps the per-example correlation
 * that makes paired comparisons far tighter than comparing two raw means.
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
  const n = champion.length;
  if (n === 0) return { delta: 0, ci: [0, 0], resamples };
  const diffs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (challenger[i] ?? 0) - (champion[i] ?? 0);
    diffs[i] = d;
    sum += d;
  }
  const delta = sum / n;
  const random = mulberry32(opts.seed ?? 20240601);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += diffs[Math.floor(random() * n)] ?? 0;
    means[r] = s / n;
  }
  means.sort();
  const alpha = 1 - (opts.confidence ?? 0.95);
  // Rounding guards against the bootstrap reporting 0.30000000000000004 for a constant shift of 0.3.
  const tidy = (x: number): number => Math.round(x * 1e12) / 1e12;
  return { delta, ci: [tidy(quantile(means, alpha / 2)), tidy(quantile(means, 1 - alpha / 2))], resamples };
}

/** Holm–Bonferroni step-down adjusted p-values, in input order, monotone and capped at 1. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

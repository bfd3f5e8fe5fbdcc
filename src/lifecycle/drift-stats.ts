/**
 * The statistics of `agentops drift`, written down in docs/statistics.md
 * ("Drift") exactly as computed here. Pure.
 */
import { quantile } from "../compare/stats.js";

export type PsiBand = "none" | "moderate" | "significant";

/** The specification's bands: < 0.1 none, 0.1–0.25 moderate, > 0.25 significant. */
export function psiBand(psi: number): PsiBand {
  return psi < 0.1 ? "none" : psi <= 0.25 ? "moderate" : "significant";
}

/** Added to every kept bin's count on both sides, so an empty bin has a finite log ratio. */
export const PSI_SMOOTHING = 0.5;

/**
 * Population stability index of two histograms over the same bins (baseline
 * counts a, current counts b): Σ (qᵢ − pᵢ) · ln(qᵢ / pᵢ) with pᵢ = (aᵢ + ½)/(Nₐ + ½k),
 * qᵢ = (bᵢ + ½)/(N_b + ½k), over the k bins that are not empty on both sides.
 */
export function psi(a: readonly number[], b: readonly number[]): number {
  const kept: [number, number][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x > 0 || y > 0) kept.push([x, y]);
  }
  const k = kept.length;
  if (k === 0) return 0;
  const na = kept.reduce((s, [x]) => s + x, 0) + PSI_SMOOTHING * k;
  const nb = kept.reduce((s, [, y]) => s + y, 0) + PSI_SMOOTHING * k;
  let sum = 0;
  for (const [x, y] of kept) {
    const p = (x + PSI_SMOOTHING) / na;
    const q = (y + PSI_SMOOTHING) / nb;
    sum += (q - p) * Math.log(q / p);
  }
  return sum;
}

/** Scores in [0, 1] into 10 equal-width bins [0, 0.1), …, [0.9, 1]; an edge value goes up (1 into the last). */
export function scoreBins(values: readonly number[]): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const v of values) {
    // 1e-9 keeps 0.3 − 0.1 (0.19999…98 in binary) in the bin that starts at 0.2.
    const i = Math.min(9, Math.max(0, Math.floor(v * 10 + 1e-9)));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * The baseline's deciles as bin edges (type-7 quantiles at 0.1 … 0.9); a value
 * goes into the bin of the number of edges ≤ it, so ties share a bin and a
 * repeated edge leaves an empty bin (dropped by psi).
 */
export function decileEdges(baseline: readonly number[]): number[] {
  const sorted = [...baseline].sort((x, y) => x - y);
  return Array.from({ length: 9 }, (_, i) => quantile(sorted, (i + 1) / 10));
}

export function binByEdges(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    const i = edges.filter((e) => e <= v).length;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Category counts of both windows over the union of their categories, in first-seen order. */
export function categoryBins(
  a: readonly string[],
  b: readonly string[],
): { categories: string[]; a: number[]; b: number[] } {
  const categories = [...new Set([...a, ...b])];
  const count = (xs: readonly string[]) => categories.map((c) => xs.filter((x) => x === c).length);
  return { categories, a: count(a), b: count(b) };
}

/**
 * Two-sample Kolmogorov–Smirnov test: D = max |Fₐ(x) − F_b(x)| over the pooled
 * values (empirical CDFs, share ≤ x), and the asymptotic p-value Q_KS(λ) with
 * λ = (√nₑ + 0.12 + 0.11/√nₑ)·D, nₑ = nₐn_b/(nₐ + n_b) (Stephens' correction).
 */
export function ksTest(a: readonly number[], b: readonly number[]): { d: number; p_value: number } | null {
  if (a.length === 0 || b.length === 0) return null;
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i] ?? Infinity, sb[j] ?? Infinity);
    while (i < sa.length && (sa[i] ?? Infinity) <= x) i++;
    while (j < sb.length && (sb[j] ?? Infinity) <= x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  const ne = (sa.length * sb.length) / (sa.length + sb.length);
  const root = Math.sqrt(ne);
  return { d, p_value: kolmogorovQ((root + 0.12 + 0.11 / root) * d) };
}

/**
 * Q_KS(λ) = 2 Σⱼ₌₁^∞ (−1)^(j−1) e^(−2j²λ²), summed until a term is under 0.1% of
 * the previous one or 1e-8 of the sum; when it does not settle in 100 terms
 * (λ near 0) the answer is 1.
 */
export function kolmogorovQ(lambda: number): number {
  const a2 = -2 * lambda * lambda;
  let sum = 0;
  let sign = 2;
  let previous = 0;
  for (let j = 1; j <= 100; j++) {
    const term = sign * Math.exp(a2 * j * j);
    sum += term;
    if (Math.abs(term) <= 0.001 * previous || Math.abs(term) <= 1e-8 * sum)
      return Math.min(1, Math.max(0, sum));
    sign = -sign;
    previous = Math.abs(term);
  }
  return 1;
}

/**
 * Two-proportion z-test (pooled): z = (p_b − pₐ)/√(p̄(1 − p̄)(1/nₐ + 1/n_b)),
 * p̄ = (xₐ + x_b)/(nₐ + n_b), two-sided p = 2(1 − Φ(|z|)). No spread (p̄ 0 or 1): z 0, p 1.
 */
export function twoProportionTest(
  xa: number,
  na: number,
  xb: number,
  nb: number,
): { z: number; p_value: number } | null {
  if (na === 0 || nb === 0) return null;
  const pooled = (xa + xb) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (se === 0) return { z: 0, p_value: 1 };
  const z = (xb / nb - xa / na) / se;
  return { z, p_value: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/** Φ(x) = 1 − ½·erfc(x/√2), erfc by the Chebyshev fit of Numerical Recipes' erfcc (|error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Jensen–Shannon divergence of two histograms over the same bins (counts a, b):
 * JS = ½ Σ pᵢ log₂(pᵢ/mᵢ) + ½ Σ qᵢ log₂(qᵢ/mᵢ), pᵢ = aᵢ/Nₐ, qᵢ = bᵢ/N_b, mᵢ = (pᵢ + qᵢ)/2,
 * a term with pᵢ = 0 (or qᵢ = 0) being 0. Base 2, so 0 ≤ JS ≤ 1 (1: no label in
 * common). No smoothing: mᵢ > 0 wherever a term is counted. An empty window gives 0.
 */
export function jsDivergence(a: readonly number[], b: readonly number[]): number {
  const na = a.reduce((s, x) => s + x, 0);
  const nb = b.reduce((s, x) => s + x, 0);
  if (na === 0 || nb === 0) return 0;
  let sum = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const p = (a[i] ?? 0) / na;
    const q = (b[i] ?? 0) / nb;
    const m = (p + q) / 2;
    if (p > 0) sum += 0.5 * p * Math.log2(p / m);
    if (q > 0) sum += 0.5 * q * Math.log2(q / m);
  }
  // Rounding can leave −1e-17 for identical histograms.
  return Math.min(1, Math.max(0, sum));
}

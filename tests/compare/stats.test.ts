import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  holm,
  lgamma,
  mcnemarExact,
  meanInterval,
  mulberry32,
  pairedBootstrap,
  quantile,
  t975,
  wilsonInterval,
} from "../../src/compare/stats.js";

/** Exact 2·P(X ≤ min(b, c)), X ~ Binomial(b + c, 1/2), in rational BigInt arithmetic: the oracle for McNemar. */
function mcnemarBigInt(b: number, c: number): number {
  const n = BigInt(b + c);
  const k = BigInt(Math.min(b, c));
  let binom = 1n;
  let tail = 0n;
  for (let i = 0n; i <= k; i++) {
    tail += binom;
    binom = (binom * (n - i)) / (i + 1n);
  }
  // Shift the numerator so the integer quotient keeps ~64 significant bits, however small p is.
  const num = 2n * tail;
  const shift = n - BigInt(num.toString(2).length) + 64n;
  const q = (num << shift) / (1n << n);
  return Math.min(1, Number(q) * 2 ** -64 * 2 ** -Number(shift - 64n));
}

describe("mulberry32", () => {
  test("matches the reference sequence, so intervals are reproducible across runs and machines", () => {
    // First outputs of the reference mulberry32 implementation for seed 1.
    const r = mulberry32(1);
    expect(r()).toBe(0.6270739405881613);
    expect(r()).toBe(0.002735721180215478);
  });

  test("same seed → same stream; different seed → different stream; values in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});

describe("quantile (type 7)", () => {
  test("interpolates linearly between order statistics", () => {
    const xs = [1, 2, 3, 4];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile(xs, 0.5)).toBe(2.5);
    // h = (n − 1)·q = 0.75 → 1 + 0.75·(2 − 1)
    expect(quantile(xs, 0.25)).toBe(1.75);
    expect(quantile(Float64Array.from([10, 20, 30, 40, 50]), 0.9)).toBeCloseTo(46, 12);
  });

  test("edge cases: empty, single value, q out of range, infinite neighbour", () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([1, 2], -1)).toBe(1);
    expect(quantile([1, 2], 2)).toBe(2);
    expect(quantile([1, Infinity], 0)).toBe(1);
  });
});

describe("wilsonInterval", () => {
  test("known values at 0/10, 10/10 and 5/10", () => {
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775, 4);
    const [lo10, hi10] = wilsonInterval(10, 10);
    expect(lo10).toBeCloseTo(0.7225, 4);
    expect(hi10).toBe(1);
    const [lo5, hi5] = wilsonInterval(5, 10);
    expect(lo5).toBeCloseTo(0.2366, 4);
    expect(hi5).toBeCloseTo(0.7634, 4);
  });

  test("n = 0 is uninformative; impossible counts are rejected", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });

  test("a larger z widens the interval", () => {
    const [a, b] = wilsonInterval(30, 100);
    const [c, d] = wilsonInterval(30, 100, 2.5758293035489);
    expect(c).toBeLessThan(a);
    expect(d).toBeGreaterThan(b);
  });
});

describe("t975 (Student-t 0.975 quantile)", () => {
  test("table and Cornish–Fisher values", () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(5)).toBeCloseTo(2.571, 3);
    expect(t975(30)).toBeCloseTo(2.042, 3);
    // Published values: t(0.975; 31) = 2.039513, t(0.975; 60) = 2.000298, t(0.975; 120) = 1.979930.
    expect(t975(31)).toBeCloseTo(2.039513, 6);
    expect(t975(60)).toBeCloseTo(2.000298, 6);
    expect(t975(120)).toBeCloseTo(1.97993, 6);
    expect(t975(1000)).toBeCloseTo(1.962, 3);
    expect(t975(0)).toBeNaN();
  });

  test("decreases strictly towards the normal quantile, with no jump where the table ends", () => {
    let prev = Infinity;
    for (let df = 1; df <= 2000; df++) {
      const t = t975(df);
      expect(t).toBeLessThan(prev);
      expect(t).toBeGreaterThan(1.959963984540054);
      prev = t;
    }
  });
});

describe("meanInterval", () => {
  test("mean ± t(4)·s/√n for 1…5", () => {
    // s² = 2.5, s/√n = √0.5, half-width = 2.776445105·0.70710678 = 1.963243
    const { mean, ci } = meanInterval([1, 2, 3, 4, 5]);
    expect(mean).toBe(3);
    expect(ci[0]).toBeCloseTo(3 - 1.963243, 5);
    expect(ci[1]).toBeCloseTo(3 + 1.963243, 5);
  });

  test("n = 0, n = 1 and constant values", () => {
    expect(meanInterval([])).toEqual({ mean: 0, ci: [0, 1] });
    expect(meanInterval([0.42])).toEqual({ mean: 0.42, ci: [0.42, 0.42] });
    const c = meanInterval([0.1, 0.1, 0.1]);
    expect(c.mean).toBe(0.1);
    expect(c.ci).toEqual([0.1, 0.1]);
  });

  test("is not clamped to [0, 1]", () => {
    const { mean, ci } = meanInterval([-5, 5]);
    expect(mean).toBe(0);
    // half-width = 12.706·(√50 / √2) = 12.706·5
    expect(ci[0]).toBeCloseTo(-63.531, 3);
    expect(ci[1]).toBeCloseTo(63.531, 3);
  });
});

describe("lgamma (Lanczos)", () => {
  test("matches log-factorials and Γ(1/2) = √π", () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    let logFact100 = 0;
    for (let i = 2; i <= 100; i++) logFact100 += Math.log(i);
    expect(lgamma(101)).toBeCloseTo(logFact100, 10);
  });
});

describe("mcnemarExact", () => {
  test("hand-computed values", () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(1, 0)).toBe(1);
    expect(mcnemarExact(3, 3)).toBe(1);
    // 2·(1/2)⁵
    expect(mcnemarExact(0, 5)).toBeCloseTo(0.0625, 14);
    expect(mcnemarExact(5, 0)).toBeCloseTo(0.0625, 14);
    // 2·(C(12,0) + C(12,1) + C(12,2)) / 2¹² = 2·(1 + 12 + 66)/4096
    expect(mcnemarExact(2, 10)).toBeCloseTo(0.03857421875, 14);
  });

  test("agrees with exact rational arithmetic", () => {
    for (const [b, c] of [
      [30, 70],
      [45, 55],
      [1, 40],
      [120, 200],
    ] as const) {
      const want = mcnemarBigInt(b, c);
      expect(Math.abs(mcnemarExact(b, c) - want) / want).toBeLessThan(1e-11);
    }
  });

  test("stays finite and accurate for b + c = 10 000 and 100 000", () => {
    // Continuity-corrected normal approximation: z = (|b − c| − 1)/√(b + c) = 1.99, 2·(1 − Φ(1.99)) = 0.046591.
    const p = mcnemarExact(4900, 5100);
    expect(Number.isFinite(p)).toBe(true);
    expect(Math.abs(p - 0.046591)).toBeLessThan(1e-3);
    // z = 1999/√100 000 = 6.3214, 2·(1 − Φ(z)) ≈ 2.6e-10: far in the tail, still not underflowed.
    const far = mcnemarExact(49_000, 51_000);
    expect(far).toBeGreaterThan(2e-10);
    expect(far).toBeLessThan(3e-10);
    expect(mcnemarExact(50_000, 50_000)).toBe(1);
  });

  test("rejects counts that are not non-negative integers", () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(Number.NaN, 3)).toThrow(RangeError);
  });

  test("property: symmetric in b and c, in (0, 1], and matches the exact oracle", () => {
    // Bounded so that even min(b, c) = 0 keeps 2·2^−(b+c) above the smallest double.
    const count = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(count, count, (b, c) => {
        const p = mcnemarExact(b, c);
        expect(mcnemarExact(c, b)).toBe(p);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        const want = mcnemarBigInt(b, c);
        expect(Math.abs(p - want)).toBeLessThanOrEqual(1e-11 * want);
      }),
    );
  });

  test("property: more evidence on the same side never raises the p-value", () => {
    const count = fc.integer({ min: 0, max: 300 });
    fc.assert(
      fc.property(count, count, (b, extra) => {
        const c = b + extra;
        expect(mcnemarExact(b, c + 1)).toBeLessThanOrEqual(mcnemarExact(b, c));
      }),
    );
  });
});

describe("pairedBootstrap", () => {
  const rng = mulberry32(7);
  const champion = Array.from({ length: 200 }, () => Math.round(rng() * 100) / 100);
  const challenger = champion.map((x) => Math.min(1, Math.max(0, x + (rng() - 0.4) * 0.3)));

  test("reproducible for a seed; another seed moves the CI but not delta", () => {
    const a = pairedBootstrap(champion, challenger, { seed: 1 });
    const b = pairedBootstrap(champion, challenger, { seed: 1 });
    const c = pairedBootstrap(champion, challenger, { seed: 2 });
    expect(b).toEqual(a);
    expect(c.delta).toBe(a.delta);
    expect(c.ci).not.toEqual(a.ci);
    expect(a.resamples).toBe(2000);
  });

  test("delta is the mean paired difference and lies inside the CI", () => {
    const { delta, ci } = pairedBootstrap(champion, challenger);
    const want = challenger.reduce((s, y, i) => s + y - (champion[i] ?? 0), 0) / champion.length;
    expect(delta).toBeCloseTo(want, 12);
    expect(ci[0]).toBeLessThanOrEqual(delta);
    expect(ci[1]).toBeGreaterThanOrEqual(delta);
    expect(ci[0]).toBeLessThan(ci[1]);
  });

  test("a lower confidence gives a nested, narrower interval", () => {
    const wide = pairedBootstrap(champion, challenger, { confidence: 0.99 }).ci;
    const narrow = pairedBootstrap(champion, challenger, { confidence: 0.8 }).ci;
    expect(narrow[0]).toBeGreaterThan(wide[0]);
    expect(narrow[1]).toBeLessThan(wide[1]);
  });

  test("identical arrays → delta 0 and ci [0, 0]; empty → zeros", () => {
    expect(pairedBootstrap(champion, champion)).toEqual({ delta: 0, ci: [0, 0], resamples: 2000 });
    expect(pairedBootstrap([], [], { resamples: 10 })).toEqual({ delta: 0, ci: [0, 0], resamples: 10 });
  });

  test("a constant shift of +0.1 gives delta 0.1 and ci [0.1, 0.1]", () => {
    const shifted = champion.map((x) => x + 0.1);
    const { delta, ci } = pairedBootstrap(champion, shifted);
    expect(Math.abs(delta - 0.1)).toBeLessThan(1e-12);
    expect(Math.abs(ci[0] - 0.1)).toBeLessThan(1e-12);
    expect(Math.abs(ci[1] - 0.1)).toBeLessThan(1e-12);
  });

  test("two pairs with differences 0 and 1: resampled means are 0, ½, 1 with prob ¼, ½, ¼", () => {
    // 2.5% and 97.5% of the bootstrap distribution fall on the atoms 0 and 1.
    expect(pairedBootstrap([0, 0], [0, 1])).toEqual({ delta: 0.5, ci: [0, 1], resamples: 2000 });
  });

  test("at n = 10 000 the interval matches the normal theory half-width 1.96·s/√n", () => {
    const r = mulberry32(99);
    const n = 10_000;
    const a = Array.from({ length: n }, () => (r() < 0.7 ? 1 : 0));
    const b = a.map((x) => (r() < 0.1 ? 1 - x : x));
    const diffs = b.map((y, i) => y - (a[i] ?? 0));
    const mean = diffs.reduce((s, d) => s + d, 0) / n;
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1));
    const half = (1.959963984540054 * sd) / Math.sqrt(n);
    const { delta, ci } = pairedBootstrap(a, b);
    expect(delta).toBeCloseTo(mean, 12);
    expect((ci[1] - ci[0]) / 2).toBeGreaterThan(half * 0.9);
    expect((ci[1] - ci[0]) / 2).toBeLessThan(half * 1.1);
    expect(Math.abs((ci[0] + ci[1]) / 2 - delta)).toBeLessThan(half * 0.1);
  });

  test("rejects unpaired input and bad options", () => {
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(RangeError);
    expect(() => pairedBootstrap([1], [1], { resamples: 0 })).toThrow(RangeError);
    expect(() => pairedBootstrap([1], [1], { resamples: 1.5 })).toThrow(RangeError);
    expect(() => pairedBootstrap([1], [1], { confidence: 1 })).toThrow(RangeError);
  });
});

describe("holm", () => {
  test("hand-computed adjustment, in input order", () => {
    // Sorted: 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06 by monotonicity.
    const adj = holm([0.01, 0.04, 0.03]);
    expect(adj).toHaveLength(3);
    expect(adj[0]).toBeCloseTo(0.03, 15);
    expect(adj[1]).toBeCloseTo(0.06, 15);
    expect(adj[2]).toBeCloseTo(0.06, 15);
  });

  test("caps at 1, keeps a single p unchanged, handles empty input", () => {
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
    expect(holm([0.02])).toEqual([0.02]);
    expect(holm([])).toEqual([]);
    expect(() => holm([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => holm([1.5])).toThrow(RangeError);
  });

  test("property: adjusted ≥ raw, ≤ 1, ≤ m·raw, and order-preserving", () => {
    const p = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(p, { maxLength: 30 }), (ps) => {
        const adj = holm(ps);
        expect(adj).toHaveLength(ps.length);
        ps.forEach((raw, i) => {
          const a = adj[i] ?? Number.NaN;
          expect(a).toBeGreaterThanOrEqual(raw);
          expect(a).toBeLessThanOrEqual(1);
          expect(a).toBeLessThanOrEqual(Math.min(1, ps.length * raw));
          ps.forEach((other, j) => {
            if (raw <= other) expect(a).toBeLessThanOrEqual(adj[j] ?? Number.NaN);
          });
        });
      }),
    );
  });
});

import { expect, test } from "vitest";
import {
  binByEdges,
  decileEdges,
  kolmogorovQ,
  ksTest,
  normalCdf,
  psi,
  psiBand,
  scoreBins,
  twoProportionTest,
} from "../../src/lifecycle/drift-stats.js";

test("PSI against hand-computed figures", () => {
  // p = (50.5, 30.5, 20.5)/101.5, q = (30.5, 30.5, 40.5)/101.5:
  // (−20/101.5)·ln(30.5/50.5) + 0 + (20/101.5)·ln(40.5/20.5) = 0.197044 · (0.504247 + 0.680877) = 0.233522
  expect(psi([50, 30, 20], [30, 30, 40])).toBeCloseTo(0.233522, 5);
  // An empty bin on one side: p = (10.5, 0.5)/11, q = (5.5, 5.5)/11:
  // (−5/11)·ln(5.5/10.5) + (5/11)·ln(5.5/0.5) = 0.454545 · (0.646627 + 2.397895) = 1.383874
  expect(psi([10, 0], [5, 5])).toBeCloseTo(1.383874, 5);
  // Bins empty on both sides are dropped, not smoothed: the same figure with zeros around.
  expect(psi([0, 10, 0, 0], [0, 5, 5, 0])).toBeCloseTo(1.383874, 5);
  expect(psi([3, 7], [3, 7])).toBe(0);
});

test("the specification's bands", () => {
  expect([0.099, 0.1, 0.25, 0.2501].map(psiBand)).toEqual(["none", "moderate", "moderate", "significant"]);
});

test("scores go into ten equal bins, an edge value into the upper one", () => {
  expect(scoreBins([0, 0.05, 0.1, 0.7, 0.3 - 0.1, 0.95, 1])).toEqual([2, 1, 1, 0, 0, 0, 0, 1, 0, 2]);
  // Deciles of 1..10 (type 7): 1.9, 2.8, …, 9.1; a value goes into the bin of the number of edges ≤ it.
  const edges = decileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(edges[0]).toBeCloseTo(1.9, 10);
  expect(edges[8]).toBeCloseTo(9.1, 10);
  expect(binByEdges([1, 2, 10, 100], edges)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
});

test("KS against hand-computed figures", () => {
  // F_a reaches 1 at 0.4 where F_b is 1/5: D = 0.8. nₑ = 4·5/9, λ = (1.490712 + 0.12 + 0.073790)·0.8 = 1.347602,
  // Q = 2(e^(−2λ²) − e^(−8λ²) + …) = 0.052922.
  const r = ksTest([0.1, 0.2, 0.3, 0.4], [0.3, 0.5, 0.6, 0.7, 0.8]);
  expect(r?.d).toBeCloseTo(0.8, 12);
  expect(r?.p_value).toBeCloseTo(0.052922, 5);
  // Ties: the CDFs are compared after every copy of a value.
  expect(ksTest([0.5, 0.5, 1], [0.5, 1, 1])?.d).toBeCloseTo(1 / 3, 12);
  expect(ksTest([1, 2], [1, 2])).toEqual({ d: 0, p_value: 1 });
  expect(kolmogorovQ(0)).toBe(1);
  expect(ksTest([], [1])).toBeNull();
});

test("two-proportion test against a hand-computed figure", () => {
  // 40/50 vs 30/50: p̄ = 0.7, SE = √(0.21 · 0.04) = 0.0916515, z = −0.2/SE = −2.182179, p = erfc(2.182179/√2) = 0.029096.
  const r = twoProportionTest(40, 50, 30, 50);
  expect(r?.z).toBeCloseTo(-2.182179, 5);
  expect(r?.p_value).toBeCloseTo(0.029096, 5);
  expect(twoProportionTest(5, 5, 9, 9)).toEqual({ z: 0, p_value: 1 });
  expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
});

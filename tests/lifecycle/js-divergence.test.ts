import { expect, test } from "vitest";
import { jsDivergence, psi } from "../../src/lifecycle/drift-stats.js";

test("Jensen–Shannon divergence, hand-computed in bits", () => {
  // P = (½, ½), Q = (1, 0), M = (¾, ¼):
  // KL(P‖M) = ½·log₂(½/¾) + ½·log₂(½/¼) = ½·(−0.5849625007) + ½·1 = 0.2075187496
  // KL(Q‖M) = 1·log₂(1/¾) = 0.4150374993
  // JS = ½·(0.2075187496 + 0.4150374993) = 0.3112781245
  expect(jsDivergence([5, 5], [8, 0])).toBeCloseTo(0.3112781245, 9);
  // Counts are shares: scaling a window changes nothing.
  expect(jsDivergence([1, 1], [3, 0])).toBeCloseTo(0.3112781245, 9);
});

test("JS is 0 for the same shares, 1 for disjoint labels, symmetric, and 0 against an empty window", () => {
  expect(jsDivergence([3, 1, 0], [6, 2, 0])).toBe(0);
  expect(jsDivergence([4, 0], [0, 9])).toBe(1);
  expect(jsDivergence([7, 2, 1], [1, 5, 4])).toBeCloseTo(jsDivergence([1, 5, 4], [7, 2, 1]), 15);
  expect(jsDivergence([], [1, 2])).toBe(0);
  // Unsmoothed, unlike PSI: the two disagree on how much a new label weighs.
  expect(psi([4, 0], [0, 9])).toBeGreaterThan(1);
});

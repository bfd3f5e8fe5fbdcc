import { describe, expect, test } from "vitest";
import { comparePrompt, DEFAULT_GATE, overallVerdict } from "../../src/compare/compare.js";
import { runOf, twoCriteria } from "../helpers/runs.js";

const same = (n: number, passed: boolean, sim: number): [boolean, number][] =>
  Array.from({ length: n }, () => [passed, sim]);

describe("comparePrompt", () => {
  test("identical runs pass with zero deltas", () => {
    const rows = [...same(30, true, 0.8), ...same(10, false, 0.4)];
    const c = comparePrompt(runOf(1, rows), runOf(2, rows), twoCriteria());
    expect(c.verdict).toBe("pass");
    expect(c.criteria.map((k) => [k.name, k.status, k.delta])).toEqual([
      ["ok", "ok", 0],
      ["sim", "ok", 0],
    ]);
    expect(c.flipped).toEqual([]);
  });

  test("a large, significant drop on a pass/fail criterion is a regression with flips listed", () => {
    const champion = runOf(1, same(40, true, 0.8));
    const challenger = runOf(2, [...same(28, true, 0.8), ...same(12, false, 0.8)]);
    const c = comparePrompt(champion, challenger, twoCriteria());
    const ok = c.criteria.find((k) => k.name === "ok");
    expect(ok?.status).toBe("regressed");
    expect(ok?.decision).toBe("fail");
    expect(ok?.delta).toBeCloseTo(-0.3);
    // The test decided it, so its figures are kept: one-sided, against the tolerance, at the full α/m of one look.
    expect(ok?.test?.level).toBeCloseTo(0.01 / 2, 12);
    expect(ok?.test?.p_value).toBeLessThan(ok?.test?.level ?? 0);
    expect(ok?.test?.df).toBe(39);
    expect(c.verdict).toBe("fail");
    expect(c.flipped).toHaveLength(12);
    expect(c.flipped[0]).toMatchObject({ direction: "pass_to_fail", criteria: ["ok"] });
  });

  test("a drop beyond tolerance that the data cannot confirm passes and states the drop it could detect", () => {
    const champion = runOf(1, [...same(9, true, 0.8), [false, 0.8]]);
    const challenger = runOf(2, [...same(8, true, 0.8), [false, 0.8], [false, 0.8]]);
    const c = comparePrompt(champion, challenger, twoCriteria());
    const ok = c.criteria.find((k) => k.name === "ok");
    expect(ok?.status).toBe("ok");
    expect(ok?.decided_by).toBe("end_of_sampling");
    expect(ok?.test).toBeNull();
    expect(ok?.reason).toMatch(
      /^no evidence of a drop beyond the tolerance .*; this run detects drops of \d+\.\d pts or more$/,
    );
    expect(c.verdict).toBe("pass");
    expect(c.minimum_detectable_drop?.drop).toBeGreaterThan(0.1);
  });

  test("a drop within tolerance passes", () => {
    const rows = same(100, true, 0.8);
    const worse = [...same(99, true, 0.8), [false, 0.8] as [boolean, number]];
    const c = comparePrompt(runOf(1, rows), runOf(2, worse), twoCriteria());
    expect(c.verdict).toBe("pass");
  });

  test("a graded criterion is judged by the same test on its per-example mean scores", () => {
    const c = comparePrompt(runOf(1, same(30, true, 0.9)), runOf(2, same(30, true, 0.6)), twoCriteria());
    const sim = c.criteria.find((k) => k.name === "sim");
    expect(sim?.status).toBe("regressed");
    expect(sim?.delta_ci?.[0]).toBeCloseTo(-0.3, 12);
    expect(sim?.delta_ci?.[1]).toBeCloseTo(-0.3, 12);
  });

  test("a missed absolute threshold fails even without a baseline", () => {
    const c = comparePrompt(
      null,
      runOf(2, [...same(5, true, 0.8), ...same(5, false, 0.8)]),
      twoCriteria(0.9),
    );
    expect(c.baseline).toBe(false);
    expect(c.verdict).toBe("fail");
    expect(c.criteria.find((k) => k.name === "ok")?.status).toBe("below_threshold");
  });

  test("no baseline and thresholds met is a pass that says so", () => {
    const c = comparePrompt(null, runOf(2, same(10, true, 0.8)), twoCriteria(0.9));
    expect(c.verdict).toBe("pass");
    expect(c.reason).toBe("no baseline — absolute thresholds only, and they are met");
    expect(c.criteria.every((k) => k.status === "new")).toBe(true);
  });

  test("no baseline and no thresholds says that nothing gates the prompt, rather than that thresholds are met", () => {
    const c = comparePrompt(null, runOf(2, same(10, false, 0.1)), twoCriteria());
    expect(c.verdict).toBe("pass");
    expect(c.reason).toBe(
      "no baseline and no thresholds — nothing gates this prompt; add threshold: to its criteria",
    );
  });

  test("errors are left out of the pairing and too many make the verdict inconclusive", () => {
    const champion = runOf(1, same(10, true, 0.8));
    const challenger = runOf(2, [...same(7, true, 0.8), null, null, null]);
    const c = comparePrompt(champion, challenger, twoCriteria());
    expect(c.criteria[0]?.pairs).toBe(7);
    expect(c.errors).toMatchObject({ challenger: 3, excluded_pairs: 3 });
    expect(c.verdict).toBe("inconclusive");
    expect(c.reason).toBe(
      "30% of the challenger's examples errored or were skipped (limit 10%); 3 of them: 500",
    );
    const tolerant = comparePrompt(champion, challenger, twoCriteria(), {
      ...DEFAULT_GATE,
      maxErrorRate: 0.5,
    });
    expect(tolerant.verdict).toBe("pass");
  });

  test("too many errors make a regression inconclusive, and the reason still says what the rest showed", () => {
    const champion = runOf(1, same(40, true, 0.8));
    const challenger = runOf(2, [
      ...same(20, false, 0.8),
      ...same(5, true, 0.8),
      ...Array.from({ length: 15 }, () => null),
    ]);
    const c = comparePrompt(champion, challenger, twoCriteria());
    expect(c.criteria.find((k) => k.name === "ok")?.status).toBe("regressed");
    expect(c.verdict).toBe("inconclusive");
    expect(c.reason).toMatch(
      /^38% of the challenger's examples errored or were skipped \(limit 10%\); 15 of them: 500; on the rest, ok: dropped −80\.0 pts/,
    );
  });

  test("a champion that errored on every example gives no paired figures, never 0% and a zero Δ", () => {
    const champion = runOf(
      1,
      Array.from({ length: 10 }, () => null),
    );
    const c = comparePrompt(champion, runOf(2, same(10, true, 0.8)), twoCriteria());
    for (const row of c.criteria) {
      expect(row).toMatchObject({ pairs: 0, champion: null, delta: null, delta_ci: null, test: null });
      expect(row.status).toBe("inconclusive");
      expect(row.reason).toBe("no example was scored on both sides, so there is nothing to compare");
    }
    expect(c.criteria[1]?.challenger.mean).toBe(0.8);
    expect(c.verdict).toBe("inconclusive");
    expect(c.reason).toMatch(
      /^100% of the champion's examples errored or were skipped \(limit 10%\); 10 of them: 500$/,
    );
  });

  test("a removed criterion is listed, a new one has no baseline", () => {
    const champion = runOf(1, same(10, true, 0.8));
    const challengerCriteria = twoCriteria().filter((c) => c.name === "ok");
    const c = comparePrompt(champion, runOf(2, same(10, true, 0.8)), challengerCriteria);
    expect(c.criteria.map((k) => [k.name, k.status])).toEqual([
      ["ok", "ok"],
      ["sim", "removed"],
    ]);
  });

  test("the overall verdict: fail beats inconclusive beats pass", () => {
    const pass = comparePrompt(null, runOf(2, same(10, true, 0.8)), twoCriteria());
    const fail = comparePrompt(null, runOf(2, same(10, false, 0.8)), twoCriteria(0.5));
    expect(overallVerdict([pass])).toBe("pass");
    expect(overallVerdict([pass, fail])).toBe("fail");
    expect(overallVerdict([])).toBe("pass");
  });
});

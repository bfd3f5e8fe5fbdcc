import { describe, expect, test } from "vitest";
import { comparePrompt, DEFAULT_GATE } from "../../src/compare/compare.js";
import {
  FUTILITY_LOG_LR,
  futilityLogLr,
  isFutile,
  lookLevel,
  nonInferiorityTest,
} from "../../src/compare/sequential.js";
import { parsePromptFile } from "../../src/config/load.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { decideInRounds, type SampledPrompt } from "../../src/pipeline/sampling-rounds.js";
import { promptRunOf } from "../helpers/runs.js";

/** Pass/fail criteria c0 … c(m−1). */
function criteriaOf(m: number) {
  const list = Array.from(
    { length: m },
    (_, k) => `  - name: c${k}\n    type: contains\n    value: "c${k}"\n`,
  );
  return parsePromptFile(
    `name: p\nversion: 2\nmodel: m\ntemplate: "{x}"\neval_criteria:\n${list.join("")}`,
    "v2.yaml",
  ).data.eval_criteria;
}

/** One answer: which of the m criteria it passes; the text varies, as a temperature-1 answer does. */
function answer(id: string, repeat: number, passes: readonly boolean[]): ExampleResult {
  return {
    id,
    repeat,
    status: "ok",
    output: `${id}/${String(repeat)}/${passes.map(Number).join("")}/${String(Math.random())}`,
    criteria: Object.fromEntries(passes.map((p, k) => [`c${k}`, { score: p ? 1 : 0, passed: p }])),
    passed: passes.every(Boolean),
    score: passes.filter(Boolean).length / passes.length,
  };
}

describe("the futility stop's threshold over a prompt's family", () => {
  test("one criterion needs FUTILITY_LOG_LR; m criteria need ln m less, never below 0", () => {
    expect(futilityLogLr(1)).toBe(FUTILITY_LOG_LR);
    expect(futilityLogLr(2)).toBeCloseTo(1 - Math.log(2), 12);
    expect(futilityLogLr(3)).toBe(0);
    expect(futilityLogLr(40)).toBe(0);
  });

  test("the data must still favour no change: below the midpoint −D/2 no family size stops", () => {
    const test = { n: 100, delta: -0.051, se: 0.02, df: 99, statistic: 0, p_value: 0.5 };
    expect(isFutile(test, 0.02, 0.1, 1)).toBe(false);
    expect(isFutile(test, 0.02, 0.1, 50)).toBe(false);
    expect(isFutile({ ...test, delta: -0.049 }, 0.02, 0.1, 3)).toBe(true);
    expect(isFutile({ ...test, delta: -0.049 }, 0.02, 0.1, 1)).toBe(false);
  });

  // 100 examples: the champion passes all but 7, the challenger fails 10 the champion passes and passes
  // the 7: Δ −3 pts, SE 4.1 pts, at the first of 16 looks. The log likelihood ratio of "no change" over
  // the design drop is 0.32 with one criterion (below 1) and 0.52 with three (above 0).
  const rows = Array.from({ length: 100 }, (_, i): [boolean, boolean] =>
    i < 10 ? [true, false] : i < 17 ? [false, true] : [true, true],
  );
  const one = criteriaOf(1);
  const champion = promptRunOf(
    1,
    rows.map(([a], i) => answer(`e${i}`, 0, [a])),
    one,
  );
  const challenger = promptRunOf(
    2,
    rows.map(([, b], i) => answer(`e${i}`, 0, [b])),
    one,
  );
  const look = (familySize: number) =>
    comparePrompt(champion, challenger, one, DEFAULT_GATE, new Map(), {
      round: 1,
      maxRounds: 16,
      familySize,
      final: false,
    }).criteria[0];

  test("the same evidence that leaves one criterion undecided decides a member of three not worse", () => {
    expect(look(1)).toMatchObject({ decision: "undecided" });
    expect(look(3)).toMatchObject({ decision: "pass", decided_by: "not_worse", status: "ok" });
  });

  test("the test's levels do not depend on the futility stop: failing is exactly as hard as before", () => {
    const t = nonInferiorityTest(
      rows.map(([a]) => Number(a)),
      rows.map(([, b]) => Number(b)),
      0.02,
    );
    expect(t?.delta).toBeCloseTo(-0.03, 12);
    for (const m of [1, 3]) {
      const design = { alpha: 0.01, familySize: m, maxRounds: 16 };
      expect(lookLevel(design, false)).toBeCloseTo(((0.01 / m) * 0.1) / 15, 15);
      expect(lookLevel(design, true)).toBeCloseTo((0.01 / m) * 0.9, 15);
    }
  });
});

describe("rounds of a no-change prompt with three criteria", () => {
  /** A seeded generator, so that the round counts below are exact. */
  function lcg(seed: number): () => number {
    let s = seed;
    return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }

  async function roundsOf(seed: number, m: number, n: number) {
    const random = lcg(seed);
    const criteria = criteriaOf(m);
    // Each example's pass probability per criterion, the same on both sides (no change).
    const p = Array.from({ length: n }, () => Array.from({ length: m }, () => 0.5 + 0.5 * random()));
    const draw = (i: number, repeat: number) => answer(`e${i}`, repeat, p[i]?.map((q) => random() < q) ?? []);
    const first = (version: number) =>
      promptRunOf(
        version,
        Array.from({ length: n }, (_, i) => draw(i, 0)),
        criteria,
      );
    const sampled: SampledPrompt = {
      criteria,
      championCriteria: criteria,
      evalSet: { file: "eval_set.jsonl", examples: [] },
      champion: first(1),
      challenger: first(2),
      inputs: new Map(),
    };
    let calls = 2 * n;
    const [c] = await decideInRounds([sampled], DEFAULT_GATE, (_prompt, side, _round, items) => {
      calls += items.length;
      return Promise.resolve(
        promptRunOf(
          side === "champion" ? 1 : 2,
          items.map(({ id, repeat }) => draw(Number(id.slice(1)), repeat)),
          criteria,
        ),
      );
    });
    return {
      rounds: c?.sampling.rounds,
      calls,
      verdict: c?.verdict,
      decidedBy: c?.criteria.map((k) => k.decided_by),
    };
  }

  test("each criterion stops at the threshold of a family of three (exact rounds on fixed seeds)", async () => {
    // With one criterion's threshold (log LR 1) for each of the three, as before 5 December 2026, these
    // seeds took 4, 3, 3 and 3 rounds: the prompt waited for its slowest criterion.
    const runs = await Promise.all([6, 8, 12, 14].map((seed) => roundsOf(seed, 3, 100)));
    expect(runs.map((r) => r.rounds)).toEqual([1, 2, 1, 2]);
    expect(runs.map((r) => r.calls)).toEqual([200, 400, 200, 400]);
    for (const r of runs) {
      expect(r.verdict).toBe("pass");
      expect(r.decidedBy).toEqual(["not_worse", "not_worse", "not_worse"]);
    }
  });
});

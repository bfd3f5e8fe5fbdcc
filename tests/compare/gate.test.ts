import { describe, expect, test } from "vitest";
import { comparePrompt, DEFAULT_GATE } from "../../src/compare/compare.js";
import { aggregateCriteria, summarize } from "../../src/engine/aggregate.js";
import type { PromptRun } from "../../src/engine/evaluate.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { decideInRounds, nextItems, type SampledPrompt } from "../../src/pipeline/sampling-rounds.js";
import { twoCriteria } from "../helpers/runs.js";

/** The pass/fail criterion "ok" alone. */
const criteria = twoCriteria().filter((c) => c.name === "ok");

/** One sample: passed or not, and the answer's text (identical texts mark deterministic answers). */
type Sample = [passed: boolean, text: string];

function sample(id: string, repeat: number, [passed, text]: Sample): ExampleResult {
  return {
    id,
    repeat,
    status: "ok",
    output: text,
    criteria: { ok: { score: passed ? 1 : 0, passed } },
    passed,
    score: passed ? 1 : 0,
  };
}

/** A run from per-example samples; example i is "e{i}", its samples are repeats 0, 1, … */
function run(version: number, examples: readonly (readonly Sample[])[]): PromptRun {
  const results = examples.flatMap((samples, i) => samples.map((s, r) => sample(`e${i}`, r, s)));
  return {
    prompt: "p",
    version,
    file: `v${version}.yaml`,
    eval_set: "eval_set.jsonl",
    model: "m",
    reason: "test",
    repeats: 1,
    summary: summarize(results),
    criteria: aggregateCriteria(criteria, results),
    examples: results,
  };
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const pass = (text = "yes"): Sample => [true, text];
const fail = (text = "no"): Sample => [false, text];
const ok = (c: ReturnType<typeof comparePrompt>) => c.criteria.find((k) => k.name === "ok");

describe("the gate's decision rule", () => {
  test("a clear drop fails, decided by the test", () => {
    const champion = run(
      1,
      times(100, () => [pass()]),
    );
    const challenger = run(
      2,
      times(100, (i) => [i < 70 ? pass() : fail()]),
    );
    const c = comparePrompt(champion, challenger, criteria);
    expect(c.verdict).toBe("fail");
    expect(ok(c)).toMatchObject({ decision: "fail", decided_by: "test", status: "regressed" });
  });

  test("identical answers pass", () => {
    const examples = times(50, (i) => [i % 3 ? pass() : fail()]);
    const c = comparePrompt(run(1, examples), run(2, examples), criteria);
    expect(c.verdict).toBe("pass");
    expect(ok(c)).toMatchObject({ decision: "pass", delta: 0, test: null });
  });

  test("a drop of exactly the tolerance passes", () => {
    // 4 of 200 examples lose their pass: Δ = −2 points, the default tolerance, on the boundary of H0.
    const champion = run(
      1,
      times(200, () => [pass()]),
    );
    const challenger = run(
      2,
      times(200, (i) => [i < 4 ? fail() : pass()]),
    );
    const c = comparePrompt(champion, challenger, criteria);
    expect(ok(c)?.delta).toBeCloseTo(-DEFAULT_GATE.tolerancePoints / 100, 12);
    expect(c.verdict).toBe("pass");
    // One more lost example is a drop beyond the tolerance, but not evidence of one: it passes too.
    const worse = run(
      2,
      times(200, (i) => [i < 5 ? fail() : pass()]),
    );
    expect(comparePrompt(champion, worse, criteria).verdict).toBe("pass");
  });

  test("one example's repeats count once", () => {
    // e0 fails all ten of its repeats on the challenger; 19 other examples pass once each on both sides.
    const champion = run(1, [times(10, () => pass()), ...times(19, () => [pass()])]);
    const challenger = run(2, [times(10, () => fail()), ...times(19, () => [pass()])]);
    const row = ok(comparePrompt(champion, challenger, criteria));
    expect(row?.pairs).toBe(20);
    // Per example: one of 20 examples dropped from 1 to 0. Pooled pairs would say 10 of 29.
    expect(row?.delta).toBeCloseTo(-1 / 20, 12);
    expect(row?.challenger.pass_rate).toBeCloseTo(19 / 20, 12);
    expect(row?.decision).toBe("pass");
  });

  test("changes that help some examples and hurt others as much do not fail, however many repeats", () => {
    // Ten repeats each: half the examples gain 3 of 10 passes, half lose 3. Pooled as 400 pairs,
    // 60 flips against 60 look like firm evidence of nothing; clustered, it is 40 examples.
    const champion = run(
      1,
      times(40, () => times(10, (r) => (r < 5 ? pass() : fail()))),
    );
    const challenger = run(
      2,
      times(40, (i) => times(10, (r) => (r < (i % 2 ? 8 : 2) ? pass() : fail()))),
    );
    const c = comparePrompt(champion, challenger, criteria);
    expect(ok(c)?.delta).toBeCloseTo(0, 12);
    expect(c.verdict).toBe("pass");
  });

  test("a threshold is compared unrounded", () => {
    const c = comparePrompt(
      null,
      run(
        2,
        times(10_000, (i) => [i < 8_999 ? pass() : fail()]),
      ),
      twoCriteria(0.9).filter((k) => k.name === "ok"),
    );
    // 89.99% prints as 90.0% but misses 90%.
    expect(ok(c)?.status).toBe("below_threshold");
  });

  test("α is shared by every tested criterion of the PR", () => {
    const champion = run(
      1,
      times(100, () => [pass()]),
    );
    const challenger = run(
      2,
      times(100, (i) => [i < 90 ? pass() : fail()]),
    );
    const alone = comparePrompt(champion, challenger, criteria);
    const shared = comparePrompt(champion, challenger, criteria, DEFAULT_GATE, new Map(), {
      round: 1,
      maxRounds: 1,
      familySize: 10,
      final: true,
    });
    expect(ok(alone)?.decision).toBe("fail");
    expect(ok(alone)?.test?.level).toBeCloseTo(0.01, 12);
    // Ten criteria in the PR: each gets a tenth of α, and this drop is no longer enough evidence.
    expect(ok(shared)?.decision).toBe("pass");
  });
});

describe("sampling rounds", () => {
  /** Runs each asked-for repeat with `answer`, counting the rounds asked for. */
  function rounds(answer: (side: "champion" | "challenger", id: string, repeat: number) => Sample) {
    const asked: number[] = [];
    return {
      asked,
      runItems: (
        _prompt: number,
        side: "champion" | "challenger",
        round: number,
        items: { id: string; repeat: number }[],
      ) => {
        asked.push(round);
        const results = items.map(({ id, repeat }) => sample(id, repeat, answer(side, id, repeat)));
        return Promise.resolve({ ...run(side === "champion" ? 1 : 2, []), examples: results });
      },
    };
  }

  function prompt(champion: PromptRun, challenger: PromptRun): SampledPrompt {
    return {
      criteria,
      championCriteria: criteria,
      evalSet: { file: "eval_set.jsonl", examples: [] },
      champion,
      challenger,
      inputs: new Map(),
    };
  }

  test("a deterministic pair stops after one round and says so", async () => {
    // Two repeats each, identical text on each side: a drop beyond the tolerance that is not evidence.
    const champion = run(
      1,
      times(30, () => [pass("a"), pass("a")]),
    );
    const challenger = run(
      2,
      times(30, (i) => (i < 2 ? [fail("b"), fail("b")] : [pass("a"), pass("a")])),
    );
    const r = rounds(() => pass());
    const [c] = await decideInRounds([prompt(champion, challenger)], DEFAULT_GATE, r.runItems);
    expect(r.asked).toEqual([]);
    expect(c?.sampling).toMatchObject({ rounds: 1, deterministic: true, ended: "deterministic answers" });
    expect(c?.verdict).toBe("pass");
  });

  test("an undecided criterion gets more repeats of the same examples until it is decided", async () => {
    // The challenger really is worse: 75% against 95%, each call an independent draw.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const draw = (p: number, tag: string): Sample =>
      random() < p ? pass(`${tag}${random()}`) : fail(`${tag}${random()}`);
    const champion = run(
      1,
      times(30, () => [draw(0.95, "a")]),
    );
    const challenger = run(
      2,
      times(30, () => [draw(0.75, "b")]),
    );
    const r = rounds((side) => draw(side === "champion" ? 0.95 : 0.75, side));
    const p = prompt(champion, challenger);
    const [c] = await decideInRounds([p], DEFAULT_GATE, r.runItems);
    expect(r.asked.length).toBeGreaterThan(0);
    expect(c?.sampling.rounds).toBeGreaterThan(1);
    expect(c?.sampling.rounds).toBeLessThanOrEqual(DEFAULT_GATE.maxSamplingRounds);
    expect(ok(c as ReturnType<typeof comparePrompt>)?.rounds).toBe(c?.sampling.rounds);
    // Each example got one repeat per round, so it still counts once.
    expect(ok(c as ReturnType<typeof comparePrompt>)?.pairs).toBe(30);
    expect(p.challenger.examples.filter((e) => e.id === "e0")).toHaveLength(c?.sampling.rounds ?? 0);
  });

  test("the next round asks each unsettled example for its next repeat index, the same on both sides", () => {
    const champion = run(1, [[pass("a"), pass("a")], [pass("x")]]);
    const challenger = run(2, [
      [pass("a"), pass("a")],
      [pass("y"), fail("z")],
    ]);
    // e0 is settled (two identical answers a side); e1 varies and has repeats 0–1 on the challenger.
    expect(nextItems(champion, challenger)).toEqual([{ id: "e1", repeat: 2 }]);
  });
});

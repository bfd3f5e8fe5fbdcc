import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_GATE, type GateSettings } from "../../src/compare/compare.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { runComparison, type CompareOptions, type CompareResults } from "../../src/pipeline/compare-run.js";
import { createGit } from "../../src/plan/git.js";
import { planComparison, type ComparisonPlan } from "../../src/plan/plan.js";
import { renderCompareMarkdown } from "../../src/report/compare-report.js";
import { checkShards, mergeShards, shardNote } from "../../src/scale/merge.js";
import { runShard } from "../../src/scale/shard-run.js";
import { shardProblems } from "../../src/scale/write-shard.js";
import { parseShard, shareOf } from "../../src/scale/shard.js";
import { BAD, GOOD, deployV2, evalSet, gatePr, promptFile, type GatePr } from "../helpers/gate-project.js";
import { UNCHANGED_REQUESTS } from "../../src/pipeline/unchanged.js";

describe("shard selection", () => {
  const keys = Array.from({ length: 103 }, (_, i) => ({ prompt: i % 2 ? "a" : "b", id: `e${i}` }));

  test("the shares of N shards cover every key once, and their sizes differ by at most one", () => {
    const shares = [1, 2, 3, 4].map((index) => shareOf(keys, { index, count: 4 }));
    const all = shares.flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(keys.length);
    expect(all).toHaveLength(keys.length);
    const sizes = shares.map((s) => s.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test("a share depends on the keys, not on their order", () => {
    const a = shareOf(keys, { index: 2, count: 3 });
    const b = shareOf([...keys].reverse(), { index: 2, count: 3 });
    expect([...b].sort()).toEqual([...a].sort());
  });

  test("--shard takes i/N with 1 ≤ i ≤ N", () => {
    expect(parseShard("2/3", "--shard")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "3", "a/b", "1/0", "1/999"])
      expect(() => parseShard(bad, "--shard")).toThrow(/--shard takes i\/N/);
  });
});

/** Answers that vary by repeat, v2 good less often than v1 (0.8): the sequential gate takes rounds to decide. */
let v2Good = 0.55;
const provider = createMockProvider((request, options) => {
  const text = request.messages.map((m) => m.content).join("|");
  // Examples a change adds to make its regression look small: both versions answer them well.
  if (text.includes("easy")) return GOOD;
  const h = parseInt(
    createHash("sha256")
      .update(`${text}#${options.repeat ?? 0}`)
      .digest("hex")
      .slice(0, 8),
    16,
  );
  return h / 0xffffffff < (text.includes("(v2)") ? v2Good : 0.8) ? GOOD : BAD;
});

let pr: GatePr;
let plan: ComparisonPlan;
const gate: GateSettings = { ...DEFAULT_GATE, maxSamplingRounds: 6, alpha: 0.01, tolerancePoints: 2 };
const options = (): CompareOptions => ({ run: { provider, concurrency: 4 }, gate, now: () => 0 });
/** The parts of results that two runs on the same answers share (not the clock, not the shard note). */
const figures = (r: CompareResults) => {
  const { started_at: _a, finished_at: _b, shards: _c, ...rest } = r;
  return rest;
};

beforeAll(async () => {
  pr = gatePr(deployV2());
  plan = await planComparison({
    git: createGit(pr.repo.dir),
    base: pr.baseSha,
    head: pr.headSha,
    promptsDir: "prompts",
    configPath: "prompts/config.yaml",
  });
});
afterAll(() => pr.repo.remove());

describe("a sharded compare merged", () => {
  test.each([
    [0.55, "max_sampling_rounds"],
    [0.5, "decided"],
  ])(
    "equals the unsharded compare (v2 good %s, sampling ends: %s): verdict, figures, report",
    async (good, ended) => {
      v2Good = good;
      const labels = { base: "main", head: "feature" };
      const whole = await runComparison(plan, labels, options());
      // The scenario has to exercise the rounds (and, decided early, the shards' rounds the merge leaves out).
      expect(whole.prompts[0]?.comparison.sampling.rounds).toBeGreaterThan(1);
      expect(whole.prompts[0]?.comparison.sampling.ended).toBe(ended);
      const shards = [];
      for (const index of [1, 2, 3])
        shards.push(await runShard(plan, labels, options(), { index, count: 3 }));
      // Each shard ran only its share.
      expect(shards.map((s) => s.prompts[0]?.eval_set.examples.length).sort()).toEqual([10, 10, 10]);
      const merged = await mergeShards(
        checkShards(shards.map((results, i) => ({ file: `shard-${i + 1}.json`, results }))),
        () => 0,
      );
      expect(merged.shards).toEqual({ count: 3, merged: [1, 2, 3], missing: [] });
      expect(figures(merged)).toEqual(figures(whole));
      expect(renderCompareMarkdown(merged)).toBe(renderCompareMarkdown(whole));
      expect(shardNote(merged)).toContain("Merged from 3 of 3 shards");
    },
  );

  test("more shards than examples: the empty shares run nothing and the merge still equals one run", async () => {
    v2Good = 0.5;
    const labels = { base: "main", head: "feature" };
    const whole = await runComparison(plan, labels, options());
    const shards = [];
    for (let index = 1; index <= 32; index++)
      shards.push(await runShard(plan, labels, options(), { index, count: 32 }));
    expect(shards.filter((s) => s.prompts[0]?.eval_set.examples.length === 0)).toHaveLength(2);
    const merged = await mergeShards(
      checkShards(shards.map((results, i) => ({ file: `s${i}.json`, results }))),
      () => 0,
    );
    expect(figures(merged)).toEqual(figures(whole));
  });

  test("a missing shard is named and leaves the run incomplete", async () => {
    const labels = { base: "main", head: "feature" };
    const shards = [1, 3].map((index) => runShard(plan, labels, options(), { index, count: 3 }));
    const checked = checkShards((await Promise.all(shards)).map((results) => ({ file: "x.json", results })));
    expect(checked.missing).toEqual([2]);
    const merged = await mergeShards(checked, () => 0);
    // What the shards that came back show is evidence still: a regression there fails (a pass would not).
    expect(merged.verdict).toBe("fail");
    expect(merged.complete).toBe(false);
    expect(merged.not_evaluated).toContainEqual({
      prompt: "shard 2/3",
      reason: expect.stringMatching(/no results/) as string,
    });
    const report = renderCompareMarkdown(merged) + shardNote(merged);
    expect(report).toContain("shard 2/3");
    expect(report).toContain("missing: shard 2/3");
  });

  test("shards of different plans, or one shard twice, are refused with a clear error", async () => {
    const labels = { base: "main", head: "feature" };
    const one = await runShard(plan, labels, options(), { index: 1, count: 3 });
    const looser = await runShard(
      plan,
      labels,
      { ...options(), gate: { ...gate, tolerancePoints: 5 } },
      {
        index: 2,
        count: 3,
      },
    );
    expect(() =>
      checkShards([
        { file: "a/shard-1-of-3.json", results: one },
        { file: "b/shard-2-of-3.json", results: looser },
      ]),
    ).toThrow(/b\/shard-2-of-3\.json comes from another plan than a\/shard-1-of-3\.json \(gate settings: /);
    const ofTwo = await runShard(plan, labels, options(), { index: 2, count: 2 });
    expect(() =>
      checkShards([
        { file: "a.json", results: one },
        { file: "b.json", results: ofTwo },
      ]),
    ).toThrow(/shard count: 3 vs 2/);
    expect(() =>
      checkShards([
        { file: "a.json", results: one },
        { file: "again.json", results: one },
      ]),
    ).toThrow(/shard 1\/3 is given twice: a\.json and again\.json/);
  });

  test("examples the change adds are a population of their own in the merge too: they cannot hide a base regression", async () => {
    // v2 fails the base examples more often than v1; 600 added examples both answer well would pool the
    // drop down to about −1 point, within the tolerance.
    v2Good = 0.3;
    const easy = Array.from({ length: 600 }, (_, i) => `{"id": "x${i}", "input": {"text": "easy ${i}"}}`);
    const added = gatePr(
      deployV2({ "prompts/summarize/eval_set.jsonl": evalSet() + easy.join("\n") + "\n" }),
    );
    try {
      const addedPlan = await planComparison({
        git: createGit(added.repo.dir),
        base: added.baseSha,
        head: added.headSha,
        promptsDir: "prompts",
        configPath: "prompts/config.yaml",
      });
      const labels = { base: "main", head: "feature" };
      const whole = await runComparison(addedPlan, labels, options());
      expect(whole.verdict).toBe("fail");
      expect(whole.prompts[0]?.added_examples?.count).toBe(600);
      const shards = [];
      for (const index of [1, 2, 3])
        shards.push(await runShard(addedPlan, labels, options(), { index, count: 3 }));
      const merged = await mergeShards(
        checkShards(shards.map((results, i) => ({ file: `shard-${i + 1}.json`, results }))),
        () => 0,
      );
      expect(merged.verdict).toBe("fail");
      expect(figures(merged)).toEqual(figures(whole));
      expect(renderCompareMarkdown(merged)).toBe(renderCompareMarkdown(whole));
    } finally {
      added.repo.remove();
    }
  });

  test("a prompt whose requests are byte-identical is not tested by shards either", async () => {
    const cosmetic = gatePr(() => ({ "prompts/summarize/v1.yaml": `# reworded comment\n${promptFile(1)}` }));
    try {
      const cosmeticPlan = await planComparison({
        git: createGit(cosmetic.repo.dir),
        base: cosmetic.baseSha,
        head: cosmetic.headSha,
        promptsDir: "prompts",
        configPath: "prompts/config.yaml",
      });
      expect(cosmeticPlan.prompts.map((p) => p.name)).toEqual(["summarize"]);
      const labels = { base: "main", head: "feature" };
      const whole = await runComparison(cosmeticPlan, labels, options());
      expect(whole.not_evaluated).toEqual([{ prompt: "summarize", reason: UNCHANGED_REQUESTS }]);
      const shards = [];
      for (const index of [1, 2])
        shards.push(await runShard(cosmeticPlan, labels, options(), { index, count: 2 }));
      expect(shards.flatMap((s) => s.prompts)).toEqual([]);
      // Skipping it is the plan's decision, not a shard's problem: the shard job is not incomplete.
      expect(shards.flatMap((s) => shardProblems(s))).toEqual([]);
      const merged = await mergeShards(
        checkShards(shards.map((results, i) => ({ file: `shard-${i + 1}.json`, results }))),
        () => 0,
      );
      expect(figures(merged)).toEqual(figures(whole));
    } finally {
      cosmetic.repo.remove();
    }
  });
});

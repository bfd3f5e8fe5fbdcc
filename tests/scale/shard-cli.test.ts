import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import type { EvalResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { TempRepo } from "../helpers/git-repo.js";

/** prompts-example as a repository; the feature branch deploys every prompt's v2 (the replay answers both). */
let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  repo.commit("base");
  repo.branch("feature");
  let config = readFileSync(join(repo.dir, "prompts/config.yaml"), "utf8");
  for (const name of ["summarize", "classify-ticket", "extract-contact"])
    config = config.replace(new RegExp(`(production:[\\s\\S]*?${name}: )\\d`), "$12");
  const base = readFileSync(join(repo.dir, "prompts/config.yaml"), "utf8");
  repo.commit("deploy v2", { "prompts/config.yaml": config });
  // A change that passes alone: classify-ticket's v2 is better.
  repo.checkout("main");
  repo.branch("improve");
  repo.commit("classify v2", {
    "prompts/config.yaml": base.replace(/(production:[\s\S]*?classify-ticket: )\d/, "$12"),
  });
  repo.checkout("feature");
});
afterAll(() => repo.remove());

const read = (file: string): string => readFileSync(join(repo.dir, file), "utf8");
const json = (file: string): CompareResults => JSON.parse(read(file)) as CompareResults;
const run = (args: string[]) => cli(args, { cwd: repo.dir });
const figures = (r: CompareResults) => {
  const { started_at: _a, finished_at: _b, shards: _c, ...rest } = r;
  return rest;
};

describe("agentops compare --shard and agentops merge", () => {
  test("three shards merged give the unsharded verdict, figures and report (plus the shard note)", async () => {
    const whole = await run([
      "compare",
      "--base",
      "main",
      "-q",
      "--out",
      "whole.json",
      "--report",
      "whole.md",
    ]);
    for (const i of [1, 2, 3]) {
      const shard = await run(["compare", "--base", "main", "-q", "--shard", `${i}/3`]);
      expect(shard.stderr).toBe("");
      expect(shard.code).toBe(0);
      expect(shard.stdout).toContain(`results in agentops-shards/shard-${i}-of-3.json`);
    }
    const merged = await run(["merge", "agentops-shards", "--out", "merged.json", "--report", "merged.md"]);
    expect(merged.code).toBe(whole.code);
    expect(json("whole.json").prompts).toHaveLength(3);
    expect(figures(json("merged.json"))).toEqual(figures(json("whole.json")));
    expect(read("merged.md")).toBe(`${read("whole.md")}\n<sub>Merged from 3 of 3 shards.</sub>\n`);
    expect(merged.stdout).toBe(read("merged.md"));
  });

  test("a missing shard: inconclusive (exit 3), named on stderr and in the report", async () => {
    const alone = await run(["compare", "--base", "main", "--head", "improve", "-q"]);
    expect(alone.code).toBe(0);
    for (const i of [1, 3])
      await run([
        "compare",
        "--base",
        "main",
        "--head",
        "improve",
        "-q",
        "--shard",
        `${i}/3`,
        "--out",
        `part/s${i}.json`,
      ]);
    const r = await run(["merge", "part/s1.json", "part/s3.json", "--format", "json"]);
    const results = JSON.parse(r.stdout) as CompareResults;
    expect(results.verdict).toBe("inconclusive");
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("missing: shard 2/3\n");
    expect(results.shards).toEqual({ count: 3, merged: [1, 3], missing: [2] });
    const report = await run(["merge", "part/s1.json", "part/s3.json"]);
    expect(report.stdout).toContain(
      "- **shard 2/3**: no results: the shard's job failed or its results were not passed to merge",
    );
    expect(report.stdout).toContain("Merged from 2 of 3 shards; missing: shard 2/3.");
  });

  test("shards of different plans are refused (exit 2) naming the file and what differs", async () => {
    await run(["compare", "--base", "main", "-q", "--shard", "1/2", "--out", "mixed/a.json"]);
    await run([
      "compare",
      "--base",
      "main",
      "-q",
      "--shard",
      "2/2",
      "--tolerance",
      "5",
      "--out",
      "mixed/b.json",
    ]);
    const r = await run(["merge", "mixed/a.json", "mixed/b.json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^error: mixed\/b\.json comes from another plan than mixed\/a\.json \(gate settings: /,
    );
    const unsharded = await run(["merge", "whole.json"]);
    expect(unsharded.code).toBe(2);
    expect(unsharded.stderr).toContain('whole.json is not the results of a shard (kind "compare-shard"');
  });

  test("eval --shard: the shards' results split every prompt's examples, once each, with the same answers", async () => {
    const whole = await run(["eval", "prompts", "-q", "--format", "json"]);
    const all = JSON.parse(whole.stdout) as EvalResults;
    const parts: (EvalResults & { shard: { index: number; count: number } })[] = [];
    for (const i of [1, 2, 3]) {
      await run(["eval", "prompts", "-q", "--shard", `${i}/3`]);
      parts.push(JSON.parse(read(`agentops-shards/eval-shard-${i}-of-3.json`)) as (typeof parts)[number]);
    }
    expect(parts.map((p) => p.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    const sizes = parts.map((p) => p.runs.reduce((n, r) => n + r.examples.length, 0));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const run of all.runs) {
      const mine = parts.flatMap((p) =>
        p.runs.filter((r) => r.prompt === run.prompt).flatMap((r) => r.examples),
      );
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      expect([...mine].sort(byId)).toEqual([...run.examples].sort(byId));
    }
  });

  test("a malformed --shard is a usage error before any model call", async () => {
    const r = await run(["compare", "--base", "main", "-q", "--shard", "4/3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard takes i/N with 1 ≤ i ≤ N ≤ 256, got "4/3"');
  });
});

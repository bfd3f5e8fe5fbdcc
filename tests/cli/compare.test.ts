import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";

/** prompts-example as its own repository: main runs v1, the feature branch switches production to v2. */
let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  repo.commit("base");
  repo.branch("feature");
});
afterAll(() => repo.remove());

function switchTo(versions: Record<string, number>): void {
  repo.checkout("main");
  repo.git("branch", "-q", "-D", "feature");
  repo.branch("feature");
  let config = readFileSync(join(repo.dir, "prompts/config.yaml"), "utf8");
  for (const [name, v] of Object.entries(versions))
    config = config.replace(new RegExp(`(production:[\\s\\S]*?${name}: )\\d`), `$1${v}`);
  repo.commit("switch", { "prompts/config.yaml": config });
}

describe("agentops compare", () => {
  test("a switch that improves classification passes (exit 0)", async () => {
    switchTo({ "classify-ticket": 2 });
    const r = await cli(["compare", "--base", "main", "--format", "json", "-q"], { cwd: repo.dir });
    const results = JSON.parse(r.stdout) as CompareResults;
    expect(r.code).toBe(0);
    expect(results.verdict).toBe("pass");
    expect(
      results.prompts.map((p) => [p.name, p.comparison.champion_version, p.comparison.challenger_version]),
    ).toEqual([["classify-ticket", 1, 2]]);
    const accuracy = results.prompts[0]?.comparison.criteria.find((c) => c.name === "accuracy");
    expect(accuracy?.status).toBe("improved");
  });

  test("a switch that loses summary overlap is a regression (exit 1) and the report says why first", async () => {
    switchTo({ summarize: 2 });
    // 24 recorded examples at α = 0.01 over every criterion: the overlap drop alone is not evidence
    // enough (the replay has no answers for further repeats), the embedding similarity's is.
    const strict = await cli(["compare", "--base", "main", "--alpha", "0.01", "--format", "json", "-q"], {
      cwd: repo.dir,
    });
    expect(strict.code).toBe(1);
    const criteria = (JSON.parse(strict.stdout) as CompareResults).prompts[0]?.comparison.criteria;
    expect(criteria?.find((c) => c.name === "overlap")?.reason).toMatch(
      /; this run detects drops of \d+\.\d pts or more$/,
    );
    expect(criteria?.find((c) => c.name === "meaning")?.decision).toBe("fail");
    const r = await cli(
      [
        "compare",
        "--base",
        "main",
        "--alpha",
        "0.05",
        "--report",
        "report.md",
        "--out",
        "results.json",
        "-q",
      ],
      { cwd: repo.dir },
    );
    expect(r.code).toBe(1);
    const report = readFileSync(join(repo.dir, "report.md"), "utf8");
    expect(report.split("\n")[0]).toBe("## ❌ agentops: regression");
    // The headline names every failing criterion.
    expect(report.split("\n")[2]).toBe(
      "**failing: summarize: overlap −11.6 pts, summarize: meaning −18.6 pts**",
    );
    expect(report).toMatch(/overlap: dropped −\d+\.\d pts/);
    expect(report).toContain("<details><summary>");
    const results = JSON.parse(readFileSync(join(repo.dir, "results.json"), "utf8")) as CompareResults;
    expect(results.verdict).toBe("fail");
    expect(r.stdout).toBe(report);
  });

  test("--max-examples compares the same deterministic sample on both sides, and the report says so", async () => {
    switchTo({ "classify-ticket": 2 });
    const r = await cli(["compare", "--base", "main", "--max-examples", "10", "--format", "json", "-q"], {
      cwd: repo.dir,
    });
    const results = JSON.parse(r.stdout) as CompareResults;
    const p = results.prompts[0];
    expect(p?.champion?.examples.map((e) => e.id)).toEqual(p?.challenger.examples.map((e) => e.id));
    expect(p?.challenger.examples).toHaveLength(10);
    const md = await cli(["compare", "--base", "main", "--max-examples", "10", "-q"], { cwd: repo.dir });
    expect(md.stdout).toContain(
      "Sampled: 10 of 40 examples on both sides (max_examples; deterministic by sha256 of the base commit and the example id).",
    );
    const text = await cli(["eval", "prompts/classify-ticket", "--max-examples", "10", "-q"], {
      cwd: repo.dir,
    });
    expect(text.stdout).toContain("sampled 10 of 40 examples (max_examples;");
  });

  test("a raised tolerance lets the same change through", async () => {
    switchTo({ summarize: 2 });
    const r = await cli(["compare", "--base", "main", "--tolerance", "20", "-q"], { cwd: repo.dir });
    expect(r.code).toBe(0);
  });

  test("a change outside prompts evaluates nothing and passes", async () => {
    repo.checkout("main");
    repo.git("branch", "-q", "-D", "feature");
    repo.branch("feature");
    repo.commit("docs", { "NOTES.md": "hi\n" });
    const r = await cli(["compare", "--base", "main", "--format", "json", "-q"], { cwd: repo.dir });
    const results = JSON.parse(r.stdout) as CompareResults;
    expect(r.code).toBe(0);
    expect(results.prompts).toEqual([]);
    expect(results.ignored).toEqual(["NOTES.md"]);
  });

  test("without --base, a clone compares with the remote's default branch and says so", async () => {
    repo.checkout("main");
    const clone = TempRepo.clone(repo);
    try {
      clone.branch("switch");
      const path = join(clone.dir, "prompts/config.yaml");
      clone.commit("switch", {
        "prompts/config.yaml": readFileSync(path, "utf8").replace(
          /(production:[\s\S]*?classify-ticket: )1/,
          "$12",
        ),
      });
      const r = await cli(["compare", "--format", "json", "-q"], { cwd: clone.dir });
      expect(r.stderr).toContain(
        "comparing with origin/main, the remote's default branch (--base to choose)",
      );
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as CompareResults).base).toBe("origin/main");
    } finally {
      clone.remove();
    }
  });

  test("an undecided criterion gets further rounds from a live model, and a warm rerun answers them all from the cache", async () => {
    // The champion always answers yes; the challenger, every fifth call, no: a drop of about
    // 20 points on 30 examples, which one pass cannot tell from noise at α = 0.01.
    let calls = 0;
    const server = await startFakeOpenAI((r) => {
      calls++;
      const challenger = r.body.messages.some((m) => m.content.includes("v2 asks"));
      return { text: challenger && r.n % 5 === 0 ? `no ${r.n}` : `yes ${r.n}` };
    });
    const live = new TempRepo();
    try {
      const prompt = (v: number) =>
        `name: p\nversion: ${v}\nmodel: m\ntemperature: 1\ntemplate: "v${v} asks {x}"\neval_criteria:\n  - name: ok\n    type: contains\n    value: "yes"\n`;
      const config = (v: number) => `environments:\n  production:\n    p: ${v}\nprovider:\n  type: openai\n`;
      live.commit("base", {
        "prompts/config.yaml": config(1),
        "prompts/p/v1.yaml": prompt(1),
        "prompts/p/v2.yaml": prompt(2),
        "prompts/p/eval_set.jsonl": Array.from({ length: 30 }, (_, i) =>
          JSON.stringify({ id: `e${i}`, input: { x: `q${i}` } }),
        ).join("\n"),
      });
      live.branch("feature");
      live.commit("switch", { "prompts/config.yaml": config(2) });
      const args = [
        "compare",
        "--base",
        "main",
        "--base-url",
        server.url,
        "--concurrency",
        "1",
        "--format",
        "json",
        "-q",
      ];
      const env = { OPENAI_API_KEY: "sk-test" };
      const first = await cli(args, { cwd: live.dir, env });
      const results = JSON.parse(first.stdout) as CompareResults;
      const c = results.prompts[0]?.comparison;
      expect(c?.sampling.rounds).toBeGreaterThan(1);
      // Each round is one more repeat of every example on both sides.
      expect(calls).toBe(2 * 30 * (c?.sampling.rounds ?? 0));
      const before = calls;
      const warm = await cli(args, { cwd: live.dir, env });
      expect(calls).toBe(before);
      const again = (JSON.parse(warm.stdout) as CompareResults).prompts[0]?.comparison;
      expect(again?.sampling).toEqual(c?.sampling);
      expect(again?.verdict).toBe(c?.verdict);
    } finally {
      live.remove();
      await server.close();
    }
  });

  test("usage errors exit 2", async () => {
    const noBase = await cli(["compare"], { cwd: repo.dir });
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toContain("--base is required here (no origin/HEAD to default to)");
    expect((await cli(["compare", "--base", "no-such-branch"], { cwd: repo.dir })).stderr).toMatch(
      /cannot find the revision/,
    );
    expect((await cli(["compare", "--base", "main", "--tolerance", "-1"], { cwd: repo.dir })).code).toBe(2);
    expect((await cli(["compare", "--base", "main", "--alpha", "0"], { cwd: repo.dir })).code).toBe(2);
  });
});

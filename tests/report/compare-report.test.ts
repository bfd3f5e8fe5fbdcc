import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { renderCompareMarkdown, renderCouldNotEvaluate } from "../../src/report/compare-report.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

const GOLDEN = "tests/golden/compare-report.md";

function fixture(): CompareResults {
  const same = (n: number, passed: boolean, sim: number): [boolean, number][] =>
    Array.from({ length: n }, () => [passed, sim]);
  const champion = runOf(1, same(40, true, 0.8));
  const challenger = runOf(2, [...same(28, true, 0.8), ...same(12, false, 0.8)]);
  challenger.examples[30] = {
    ...challenger.examples[30],
    id: "e30",
    output: "ignore | this <b>@admin</b> #1 ```",
  } as never;
  const inputs = new Map(
    champion.examples.map((e) => [e.id, { input: { x: `input ${e.id}` }, expected: "yes" }]),
  );
  const comparison = comparePrompt(champion, challenger, twoCriteria(0.5), undefined, inputs);
  const fresh = comparePrompt(null, runOf(1, same(10, true, 0.8)), twoCriteria(0.9));
  return compareResults(
    [
      { name: "p", reasons: ["v2.yaml added"], comparison, champion, challenger },
      {
        name: "fresh|<x>",
        reasons: ["v1.yaml added"],
        comparison: fresh,
        champion: null,
        challenger: runOf(1, same(10, true, 0.8)),
      },
    ],
    {
      provider: "replay",
      verdict: "fail",
      not_evaluated: [{ prompt: "old", reason: "removed by this change" }],
      ignored: ["README.md"],
    },
  );
}

test("the compare report matches the golden file", () => {
  const md = renderCompareMarkdown(fixture(), { flippedLimit: 3 });
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, md);
  expect(md).toBe(readFileSync(GOLDEN, "utf8"));
});

test("the verdict comes first and model text is inert", () => {
  const md = renderCompareMarkdown(fixture(), { flippedLimit: 20 });
  expect(md.startsWith("## ❌ agentops: regression\n")).toBe(true);
  expect(md).not.toContain("<b>");
  expect(md).not.toMatch(/@admin/);
  expect(md).toContain("fresh\\|&lt;x&gt;");
  expect(md).toContain("No baseline");
});

test("a failure on absolute thresholds alone is not called a regression, and says when the base misses too", () => {
  const rows: [boolean, number][] = [
    ...Array.from({ length: 8 }, () => [true, 0.8] as [boolean, number]),
    [false, 0.8],
    [false, 0.8],
  ];
  // The same answers on both sides, both below the 90% threshold: the change did not cause the miss.
  const comparison = comparePrompt(runOf(1, rows), runOf(2, rows), twoCriteria(0.9));
  expect(comparison.verdict).toBe("fail");
  expect(comparison.reason).toBe("ok: pass rate 80.0% is below the threshold of 90%, as on the base (80.0%)");
  const md = renderCompareMarkdown(
    compareResults([
      {
        name: "p",
        reasons: ["eval set changed"],
        comparison,
        champion: runOf(1, rows),
        challenger: runOf(2, rows),
      },
    ]),
  );
  expect(md.startsWith("## ❌ agentops: below threshold\n")).toBe(true);
  expect(md).toContain("### p: v1 → v2 — below threshold");
  expect(md).not.toContain("regression");
});

test("a run that reached no verdict: the user's mistake is shown inert, an internal error only points at the run", () => {
  const mine = renderCouldNotEvaluate(
    'prompts/a/v2.yaml:3: eval_criteria[0].type: unknown criterion type "<b>x</b>"',
  );
  expect(mine).toContain(
    '<pre>prompts/a/v2.yaml:3: eval_criteria[0].type: unknown criterion type "&lt;b&gt;x&lt;/b&gt;"</pre>',
  );
  expect(mine).toContain("Fix this and push again.");
  const internal = renderCouldNotEvaluate(undefined, "https://github.com/o/r/actions/runs/42");
  expect(internal).toContain("[the workflow run](https://github.com/o/r/actions/runs/42)");
  expect(internal).not.toContain("<pre>");
});

test("failing prompts come first, headings link to the prompt file at the head commit, the footer names it", () => {
  const rows = (n: number, fails: number): [boolean, number][] =>
    Array.from({ length: n }, (_, i) => [i >= fails, 0.8]);
  const passing = comparePrompt(runOf(1, rows(40, 0)), runOf(2, rows(40, 0)), twoCriteria());
  const failing = comparePrompt(runOf(1, rows(40, 0)), runOf(2, rows(40, 14)), twoCriteria());
  const below = comparePrompt(runOf(1, rows(10, 3)), runOf(2, rows(10, 3)), twoCriteria(0.9));
  const side = (name: string, comparison: typeof passing) => ({
    name,
    reasons: ["v2.yaml added"],
    comparison,
    champion: runOf(1, rows(10, 0)),
    challenger: runOf(2, rows(10, 0)),
    challenger_file: `prompts/${name}/v2 #1.yaml`,
  });
  const sha = "a".repeat(40);
  const md = renderCompareMarkdown(
    compareResults([side("aaa", passing), side("bbb", failing), side("ccc", below)], {
      head_sha: sha,
      repository_url: "https://ghe.example.com/o/r",
    }),
  );
  const headings = [...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
  expect(headings[0]).toBe(
    `[bbb](https://ghe.example.com/o/r/blob/${sha}/prompts/bbb/v2%20%231.yaml): v1 → v2 — regression`,
  );
  expect(headings.map((h) => h?.slice(1, 4))).toEqual(["bbb", "ccc", "aaa"]);
  expect(md).toContain("**failing: bbb: ok −35.0 pts, ccc: ok below its threshold**");
  expect(md).toContain(`· head ${sha}</sub>`);
  // The below-threshold verdict lists its failing examples.
  expect(md).toContain("<summary>ok: 3 examples below the threshold</summary>");
  // Without a repository URL (the CLI), no link.
  expect(renderCompareMarkdown(compareResults([side("bbb", failing)]))).toContain("### bbb: v1 → v2");
});

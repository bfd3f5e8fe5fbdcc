import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { CompareResults, ComparedPrompt } from "../../src/pipeline/compare-run.js";
import { renderWithin } from "../../src/report/fit.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

function many(n: number): CompareResults {
  const long = "x".repeat(1500);
  const prompts: ComparedPrompt[] = Array.from({ length: n }, (_, i) => {
    const champion = runOf(
      1,
      Array.from({ length: 40 }, () => [true, 0.8] as [boolean, number]),
    );
    const challenger = runOf(
      2,
      Array.from({ length: 40 }, (_, k) => [i % 10 !== 0 || k >= 12, 0.8] as [boolean, number]),
    );
    for (const e of [...champion.examples, ...challenger.examples]) e.output = long;
    return {
      name: `prompt-${i}`,
      reasons: ["v2.yaml added"],
      comparison: comparePrompt(champion, challenger, twoCriteria()),
      champion,
      challenger,
    };
  });
  return compareResults(prompts, {
    verdict: "fail",
    tool: { name: "agentops", version: "t" },
    merge_base: "0",
    started_at: "",
    finished_at: "",
  });
}

test("a report over GitHub's limit is cut, keeping the verdict and the failing prompts", () => {
  const results = many(50);
  const md = renderWithin(results, 65_000);
  expect(md.length).toBeLessThanOrEqual(65_000);
  expect(md.startsWith("## ❌ agentops: regression")).toBe(true);
  // prompt-0, -10, -20, -30, -40 regressed; their sections come first.
  for (const i of [0, 10, 20, 30, 40]) expect(md).toContain(`### prompt-${i}: v1 → v2 — regression`);
});

test("a report that fits is returned whole", () => {
  const results = many(1);
  const md = renderWithin(results, 65_000, "\\nnote\\n");
  expect(md.endsWith("\\nnote\\n")).toBe(true);
  expect(md).toContain("<details>");
});

import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { CompareResults, ComparedPrompt } from "../../src/pipeline/compare-run.js";
import { renderWithin, renderWithinBytes } from "../../src/report/fit.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

function many(n: number, text = "x"): CompareResults {
  const long = text.repeat(1500);
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

test("the job summary is cut by UTF-8 bytes, not characters: outputs in CJK take three bytes a character", () => {
  const results = many(20, "漢");
  const full = renderWithinBytes(results, 10_000_000);
  const limit = Buffer.byteLength(full, "utf8") - 1;
  // Fits in characters, not in bytes: a cut by length alone would still be too big.
  expect(full.length).toBeLessThan(limit);
  const md = renderWithinBytes(results, limit);
  expect(Buffer.byteLength(md, "utf8")).toBeLessThanOrEqual(limit);
  expect(md.startsWith("## ❌ agentops: regression")).toBe(true);
});

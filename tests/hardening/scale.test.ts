import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MAX_COMMENT_CHARS, COMMENT_MARKER } from "../../src/github/comment.js";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { renderWithin } from "../../src/report/fit.js";
import { cli } from "../helpers/cli.js";
import { TempRepo } from "../helpers/git-repo.js";

const prompt = (name: string, version: number, says: string) =>
  `name: ${name}\nversion: ${version}\nmodel: m\ntemplate: "${says} {x}"\neval_criteria:\n  - name: says-v1\n    type: icontains\n    value: "v1 says"\n  - name: short\n    type: length\n    chars: { max: 400 }\n`;
const examples = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `e${i}`, input: { x: `example number ${i}` } }),
  ).join("\n");

let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo();
  const base: Record<string, string> = {};
  for (let i = 0; i < 50; i++) {
    base[`prompts/p${i}/v1.yaml`] = prompt(`p${i}`, 1, "v1 says");
    base[`prompts/p${i}/eval_set.jsonl`] = examples(20);
  }
  base["prompts/big/v1.yaml"] = prompt("big", 1, "v1 says");
  base["prompts/big/eval_set.jsonl"] = examples(10_000);
  repo.commit("base", base);
  repo.branch("feature");
  const head: Record<string, string> = {};
  for (let i = 0; i < 50; i++) head[`prompts/p${i}/v2.yaml`] = prompt(`p${i}`, 2, "v2 says");
  head["prompts/big/v2.yaml"] = prompt("big", 2, "v1 says, again,");
  repo.commit("fifty-one new versions", head);
});
afterAll(() => repo.remove());

test("51 changed prompts, one with 10,000 examples: bounded memory, and the comment fits with the verdict intact", async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const r = await cli(
    ["compare", "--base", "main", "--provider", "mock", "--concurrency", "32", "--out", "results.json", "-q"],
    { cwd: repo.dir },
  );
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  expect(r.code).toBe(1);
  const results = JSON.parse(readFileSync(join(repo.dir, "results.json"), "utf8")) as CompareResults;
  expect(results.prompts).toHaveLength(51);
  const big = results.prompts.find((p) => p.name === "big");
  expect(big?.challenger.summary.ok).toBe(10_000);
  expect(big?.comparison.verdict).toBe("pass");
  expect(results.prompts.filter((p) => p.comparison.verdict === "fail")).toHaveLength(50);
  // 20,000 evaluated examples plus 2,000 more: the results are kept (the report needs them), little else.
  expect(heapGrowth).toBeLessThan(400 * 1024 * 1024);

  const comment = `${COMMENT_MARKER}\n${renderWithin(results, MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1)}`;
  expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  expect(comment).toContain("## ❌ agentops: regression");
}, 120_000);

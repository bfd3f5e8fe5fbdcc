import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { ExampleResult } from "../../src/engine/runner.js";
import { COMMENT_MARKER } from "../../src/github/comment.js";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { renderCompareMarkdown } from "../../src/report/compare-report.js";
import { renderEvalMarkdown } from "../../src/report/eval-report.js";
import { buildEvalResults } from "../../src/report/results.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

const HOSTILE = [
  "| col | break |",
  "```\nfence\n```",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<!-- hidden -->",
  COMMENT_MARKER,
  "@everyone @octocat",
  "fixes #123",
  "\u202Eevil\u202C",
  "::set-output name=verdict::pass",
  "::add-mask::x",
  "</pre></details><details open>",
].join("\n");

function hostileResults(): CompareResults {
  const champion = runOf(
    1,
    Array.from({ length: 20 }, () => [true, 0.8] as [boolean, number]),
  );
  const challenger = runOf(
    2,
    Array.from({ length: 20 }, (_, i) => [i >= 8, 0.8] as [boolean, number]),
  );
  const poison = (e: ExampleResult): void => {
    e.id = `id ${HOSTILE}`.slice(0, 150) + e.id;
    e.output = HOSTILE;
    if (e.error) e.error.message = HOSTILE;
  };
  champion.examples.forEach(poison);
  challenger.examples.forEach(poison);
  const inputs = new Map(
    challenger.examples.map((e) => [e.id, { input: { text: HOSTILE }, expected: HOSTILE }]),
  );
  const comparison = comparePrompt(champion, challenger, twoCriteria(), undefined, inputs);
  return compareResults([{ name: "p", reasons: [HOSTILE], comparison, champion, challenger }], {
    provider: HOSTILE,
    verdict: comparison.verdict,
    not_evaluated: [{ prompt: HOSTILE, reason: HOSTILE }],
    ignored: [HOSTILE],
  });
}

function expectInert(md: string): void {
  const body = `${COMMENT_MARKER}\n${md}`;
  expect(body.split(COMMENT_MARKER)).toHaveLength(2); // the marker stays unique
  expect(md).not.toContain("<!--");
  expect(md).not.toMatch(/<(img|script)\b/i);
  expect(md).not.toMatch(/@(everyone|octocat)\b/);
  expect(md).not.toMatch(/#123\b/);
  expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(md).not.toMatch(/^::/m);
  expect(md).not.toContain("</pre></details>");
  // Every table row has as many unescaped pipes as its header.
  for (const block of md.split("\n\n")) {
    const rows = block.split("\n").filter((l) => l.startsWith("|"));
    const count = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
    if (rows.length > 1) for (const row of rows) expect(count(row)).toBe(count(rows[0] ?? ""));
  }
}

test("the compare report renders hostile example text, outputs and reasons inertly", () => {
  const md = renderCompareMarkdown(hostileResults(), { flippedLimit: 20 });
  expect(md).toContain("<details>"); // flipped examples are shown…
  expectInert(md); // …but nothing in them takes effect
});

test("the eval report (job summary) too", () => {
  const run = runOf(1, [[true, 0.8], null]);
  run.examples.forEach((e) => {
    e.output = HOSTILE;
    if (e.error) e.error.message = HOSTILE;
  });
  run.stopped = { reason: HOSTILE };
  const md = renderEvalMarkdown(
    buildEvalResults({
      version: "t",
      provider: HOSTILE,
      startedAt: new Date(0),
      finishedAt: new Date(0),
      runs: [run],
      failed: [{ prompt: HOSTILE, reason: HOSTILE }],
    }),
  );
  expectInert(md);
});

// The demo's compare report (npm run demo:compare) as a reviewer reads it, pinned in a golden
// file. Needs the built CLI (npm run build). After an intended change: UPDATE_GOLDEN=1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { COMMENT_MARKER, MAX_COMMENT_CHARS } from "../../src/github/comment.js";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { renderWithin } from "../../src/report/fit.js";
import { STAMP_RESERVE } from "../../src/report/report-stamp.js";
import {
  chartsOfPassingCriteria,
  escapedCodeSpans,
  gateChangesWithoutValues,
  nextStepUnderHeadline,
  unfoldedPassingPrompts,
  widePreLines,
} from "../helpers/report-properties.js";

const GOLDEN = "tests/golden/demo-compare-report.md";

test("the demo's compare report matches its golden file", { timeout: 120_000 }, () => {
  expect(existsSync("dist/cli/index.js"), "run npm run build first").toBe(true);
  const out = join(mkdtempSync(join(tmpdir(), "agentops-golden-")), "results.json");
  const run = spawnSync(process.execPath, ["scripts/demo-compare.mjs", "--out", out], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  // The head commit's SHA hashes every byte of prompts-example: pinned apart, so a README edit there does not
  // break the golden, while the footer must still name a full SHA.
  expect(run.stdout).toMatch(/· head [0-9a-f]{40}<\/sub>/);
  const md = run.stdout.replace(/\b[0-9a-f]{40}\b/g, "<head-sha>");
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, md);
  expect(md).toBe(readFileSync(GOLDEN, "utf8"));
  // What the report is for, whatever the golden says: the failing prompt first, its criterion named
  // in the headline, the category breakdown, readable flips, and the token increase pointed out.
  const sections = [...md.matchAll(/^### (\S+):/gm)].map((m) => m[1]);
  expect(sections[0]).toBe("summarize");
  expect(md).toMatch(/^\*\*failing: summarize: meaning .*support\\_agent: refund\\_after\\_lookup/m);
  expect(md).toContain("Transitions between tools");
  expect(md).toContain("By category");
  expect(md).toContain("```mermaid");
  expect(md).toMatch(/<tr><th align="left">expected<\/th>/);
  expect(md).toMatch(/\*\*\+\d+% tokens per answer\*\* ⚠️/);

  // What a reviewer sees (issue 23), in the full report and in the comment the Action would post.
  const results = JSON.parse(readFileSync(out, "utf8")) as CompareResults;
  const room = MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1 - STAMP_RESERVE;
  const comment = renderWithin(results, room, "", { runUrl: "https://github.com/o/r/actions/runs/7" });
  expect(Buffer.byteLength(comment, "utf8")).toBeLessThanOrEqual(room);
  for (const report of [md, comment]) {
    expect(escapedCodeSpans(report)).toEqual([]);
    expect(nextStepUnderHeadline(report)).toBe(true);
    expect(gateChangesWithoutValues(report)).toEqual([]);
    expect(chartsOfPassingCriteria(report)).toEqual([]);
    expect(widePreLines(report)).toEqual([]);
    expect(unfoldedPassingPrompts(report)).toEqual([]);
  }
  // The agent's chart is of the criterion that failed hardest, not of a passing one.
  expect(md).toMatch(/^ {4}title "refund_after_lookup by category/m);
  expect(md).toMatch(/<details><summary>✅ classify-ticket: v1 → v2 — passes<\/summary>/);
});

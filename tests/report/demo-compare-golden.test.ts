// The demo's compare report (npm run demo:compare) as a reviewer reads it, pinned in a golden
// file. Needs the built CLI (npm run build). After an intended change: UPDATE_GOLDEN=1.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";

const GOLDEN = "tests/golden/demo-compare-report.md";

test("the demo's compare report matches its golden file", { timeout: 120_000 }, () => {
  expect(existsSync("dist/cli/index.js"), "run npm run build first").toBe(true);
  const run = spawnSync(process.execPath, ["scripts/demo-compare.mjs"], { encoding: "utf8" });
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
});

import { expect, test } from "vitest";
import { parseProjectConfig } from "../../src/config/load.js";
import { configGateChanges, type ConfigText } from "../../src/plan/trust.js";
import { renderCompareMarkdown } from "../../src/report/compare-report.js";
import { renderGateChanges } from "../../src/report/gate-changes.js";
import {
  chartsOfPassingCriteria,
  escapedCodeSpans,
  gateChangesWithoutValues,
  nextStepUnderHeadline,
  unfoldedPassingPrompts,
  widePreLines,
} from "../helpers/report-properties.js";
import { compareResults } from "../helpers/runs.js";

const cfg = (path: string, text: string): ConfigText => ({
  path,
  text,
  config: parseProjectConfig(text, path).config,
});

test("a gate change shows each edited field as `field: old → new`, and its path once", () => {
  const base = cfg("prompts/config.yaml", "thresholds: {regression_tolerance: 2, alpha: 0.01}\n");
  const head = cfg(
    "prompts/config.yaml",
    "thresholds: {regression_tolerance: 25, alpha: 0.01, max_cost_increase: 50}\n",
  );
  const changes = configGateChanges(base, head, new Map());
  const md = renderGateChanges(compareResults([], { verdict: "needs_approval", gate_changes: changes })).join(
    "\n",
  );
  expect(md).toContain("`thresholds.regression_tolerance: 2 → 25`");
  expect(md).toContain("`thresholds.max_cost_increase: (not set) → 50`");
  expect(md.split("prompts/config.yaml").length - 1).toBe(1);
  // A code span shows its text as typed: no markdown escape may sit inside one.
  for (const span of md.matchAll(/(`+)(.+?)\1/g)) expect(span[2]).not.toMatch(/\\[\\`*_[\]|~!]|&\w+;/);
});

test("a gate change from older results, whose summary starts with its path, still shows the path once", () => {
  const md = renderGateChanges(
    compareResults([], {
      verdict: "needs_approval",
      gate_changes: [{ kind: "config", path: "c.yaml", summary: "c.yaml: thresholds edited; …" }],
    }),
  ).join("\n");
  expect(md).toContain("- `c.yaml`: thresholds edited; …");
});

test("a needs-approval report: the approve step under the headline with the run's links, and each edit's values", () => {
  const base = cfg("prompts/config.yaml", "thresholds: {regression_tolerance: 2}\n");
  const head = cfg("prompts/config.yaml", "thresholds: {regression_tolerance: 25}\n");
  const md = renderCompareMarkdown(
    compareResults([], { verdict: "needs_approval", gate_changes: configGateChanges(base, head, new Map()) }),
    { runUrl: "https://github.com/o/r/actions/runs/9" },
  );
  expect(nextStepUnderHeadline(md)).toBe(true);
  expect(md.split("\n")[4]).toMatch(/^\*\*Next:\*\* a maintainer comments `\/agentops approve`/);
  expect(gateChangesWithoutValues(md)).toEqual([]);
  expect(md).toContain("`thresholds.regression_tolerance: 2 → 25`");
  expect(escapedCodeSpans(md)).toEqual([]);
});

test("the property checks catch what issue 23 found (they can fail)", () => {
  const old = [
    "## ❌ agentops: regression",
    "",
    "**failing: p: x −5.0 pts**",
    "",
    "| calls to `escalate\\_to\\_human` | 1 |",
    "",
    "### 🔐 Gate changes: a maintainer must approve",
    "",
    "- `prompts/config.yaml`: prompts/config.yaml: thresholds edited",
    "  - `thresholds edited`",
    "",
    "### q: v1 → v2 — pass",
    "",
    `<pre>${"x".repeat(120)}</pre>`,
  ].join("\n");
  expect(escapedCodeSpans(old)).toHaveLength(1);
  expect(nextStepUnderHeadline(old)).toBe(false);
  expect(gateChangesWithoutValues(old)).toHaveLength(1);
  expect(widePreLines(old)).toHaveLength(1);
  expect(unfoldedPassingPrompts(old)).toHaveLength(1);
  expect(
    chartsOfPassingCriteria('### s: v1 → v2\n\n| a | 1 | ✅ not worse |\n\n    title "a by category - x"\n'),
  ).toEqual(["a"]);
});

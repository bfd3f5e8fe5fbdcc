import { expect, test } from "vitest";
import { parseProjectConfig } from "../../src/config/load.js";
import { configGateChanges, type ConfigText } from "../../src/plan/trust.js";
import { renderGateChanges } from "../../src/report/gate-changes.js";
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

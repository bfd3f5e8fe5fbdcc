import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { ComparedPrompt } from "../../src/pipeline/compare-run.js";
import { gateLine, MAX_STATUS_DESCRIPTION_BYTES, nameAll } from "../../src/report/status-line.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");

function prompt(name: string, failing: boolean): ComparedPrompt {
  const champion = runOf(
    1,
    Array.from({ length: 30 }, () => [true, 0.9] as [boolean, number]),
  );
  const challenger = runOf(
    2,
    Array.from(
      { length: 30 },
      (_, k) => (failing && k < 20 ? [false, 0.9] : [true, 0.9]) as [boolean, number],
    ),
  );
  return {
    name,
    reasons: ["test"],
    comparison: comparePrompt(champion, challenger, twoCriteria()),
    champion,
    challenger,
  };
}

test("the status names every failing prompt, plain text, then what unblocks it", () => {
  const results = compareResults([
    prompt("summarize", true),
    prompt("support_agent", true),
    prompt("ok", false),
  ]);
  const { state, description } = gateLine(results, {}, MAX_STATUS_DESCRIPTION_BYTES);
  expect(state).toBe("failure");
  expect(description).toBe(
    "regression: 2 prompts failed: summarize, support_agent. Push a fix, or a maintainer comments /agentops approve",
  );
  expect(description).not.toContain("\\");
});

test("long names are shortened alike so that every one is named, within 140 bytes", () => {
  const names = ["customer-support-refunds-agent", "customer-support-escalation", "billing-dispute-summary"];
  const results = compareResults(names.map((n) => prompt(n, true)));
  const { description } = gateLine(results, {}, MAX_STATUS_DESCRIPTION_BYTES);
  expect(bytes(description)).toBeLessThanOrEqual(140);
  expect(description).toMatch(/^regression: 3 prompts failed: customer-s\S*…, customer-s\S*…, billing-\S*/);
  expect(description.endsWith("/agentops approve")).toBe(true);
});

test("too many to name: as many as fit and a count of the rest; multi-byte names measured in bytes", () => {
  const names = Array.from({ length: 30 }, (_, i) => `提示${i}`);
  const results = compareResults(names.map((n) => prompt(n, true)));
  const { description } = gateLine(results, {}, MAX_STATUS_DESCRIPTION_BYTES);
  expect(bytes(description)).toBeLessThanOrEqual(140);
  expect(description).toMatch(/^regression: 30 prompts failed: 提示0, .*\+\d+ more\. Push a fix/);
});

test("when approval is what unblocks, the approve hint comes first", () => {
  const results = compareResults([prompt("p", false)], {
    verdict: "needs_approval",
    gate_changes: [{ kind: "config", path: "prompts/config.yaml", summary: "thresholds edited" }],
  });
  const { state, description } = gateLine(results, {}, MAX_STATUS_DESCRIPTION_BYTES);
  expect(state).toBe("failure");
  expect(description).toBe(
    "needs approval: a maintainer comments /agentops approve (gate changes: prompts/config.yaml)",
  );
});

test("fail-on: never is success, and still names the prompts", () => {
  const results = compareResults([prompt("a_b", true)]);
  expect(gateLine(results, { failOnNever: true }, 140)).toEqual({
    state: "success",
    description: "regression (not gating, fail-on: never): 1 prompt failed: a_b",
  });
});

test("nameAll never exceeds its budget, whatever the names", () => {
  for (const max of [20, 60, 140, 255]) {
    const line = nameAll("x: ", ["a".repeat(300), "b", "ü".repeat(90)], ". tail", max);
    expect(bytes(line)).toBeLessThanOrEqual(max);
  }
});

import { readFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { VERSION } from "../../src/version.js";
import { cli } from "../helpers/cli.js";

interface Results {
  complete: boolean;
  runs: {
    prompt: string;
    version: number;
    summary: { errors: number; examples: number };
    criteria: { name: string; pass_rate: number }[];
  }[];
}

test("the README demo: eval on the summarize prompt prints per-criterion results offline", async () => {
  const r = await cli(["eval", "prompts-example/prompts/summarize", "-q"]);
  // Production's v1 misses its bullets threshold: eval is a CI gate and says so with exit 1.
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("failed: summarize v1: bullets is below its threshold of 90%");
  expect(r.stdout).toContain("summarize v1 — active in production (prompts/config.yaml)");
  for (const name of ["bullets", "concise", "no-boilerplate", "overlap"])
    expect(r.stdout).toContain(`| ${name}`);
  // The staged v2 meets every threshold.
  expect((await cli(["eval", "prompts-example/prompts/summarize", "--env", "staging", "-q"])).code).toBe(0);
});

test("every example prompt version has a recorded answer for every example (recordings are fresh)", async () => {
  for (const env of ["production", "staging"]) {
    const r = await cli(["eval", "prompts-example", "--env", env, "--format", "json", "-q"]);
    const results = JSON.parse(r.stdout) as Results;
    expect(results.complete).toBe(true);
    expect(results.runs.map((run) => [run.prompt, run.summary.errors])).toEqual([
      ["classify-ticket", 0],
      ["extract-contact", 0],
      ["summarize", 0],
      ["support_agent", 0],
    ]);
  }
});

test("the agent's results keep each example's trajectory: calls, matched fixture or unmatched, final answer", async () => {
  const r = await cli([
    "eval",
    "prompts-example/prompts/support_agent",
    "--env",
    "staging",
    "--format",
    "json",
    "-q",
  ]);
  // The staged v2 is the broken one: it misses its thresholds (refund_after_lookup, right_tools).
  expect(r.code).toBe(1);
  const results = JSON.parse(r.stdout) as {
    runs: {
      examples: {
        id: string;
        trajectory?: { steps: { tool_calls: Record<string, unknown>[] }[]; final: string };
      }[];
    }[];
  };
  const byId = new Map(results.runs[0]?.examples.map((e) => [e.id, e.trajectory]));
  // v2 refunds an already refunded order without a lookup: no fixture answers that call.
  expect(byId.get("sa-009")?.steps[0]?.tool_calls[0]).toMatchObject({
    name: "issue_refund",
    unmatched: true,
    result: { error: "no fixture for issue_refund" },
  });
  expect(byId.get("sa-012")?.steps[0]?.tool_calls[0]).toMatchObject({ name: "lookup_order", fixture: 0 });
  expect(byId.get("sa-012")?.final).toContain("UPS");
  expect(byId.get("sa-021")?.steps).toEqual([{ tool_calls: [] }]);
});

test("the example shows real differences between versions", async () => {
  const rate = async (env: string, prompt: string, criterion: string): Promise<number> => {
    const r = await cli([
      "eval",
      `prompts-example/prompts/${prompt}`,
      "--env",
      env,
      "--format",
      "json",
      "-q",
    ]);
    const results = JSON.parse(r.stdout) as Results;
    return results.runs[0]?.criteria.find((c) => c.name === criterion)?.pass_rate ?? NaN;
  };
  expect(await rate("staging", "classify-ticket", "accuracy")).toBeGreaterThan(
    await rate("production", "classify-ticket", "accuracy"),
  );
  expect(await rate("staging", "summarize", "bullets")).toBeGreaterThan(
    await rate("production", "summarize", "bullets"),
  );
});

test("the version constant matches package.json", async () => {
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
  expect(VERSION).toBe(pkg.version);
});

test("npm run demo:compare shows the gate on the example offline: summarize regresses, support_agent misses its thresholds, the others pass", () => {
  // The script runs the built CLI (dist/), which `npm test` builds first.
  const r = spawnSync(process.execPath, ["scripts/demo-compare.mjs"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^## ❌ agentops: regression/);
  expect(r.stdout).toMatch(/\| summarize +\| v1 → v2 \| +❌/);
  expect(r.stdout).toMatch(/\| classify-ticket +\| v1 → v2 \| +✅/);
  expect(r.stderr).toContain("agentops compare exited 1 (regression");
  // A threshold is the minimum mean score, the figure in the table, for graded and pass/fail criteria alike.
  // 62.85…% is rounded once, when printed (figures stay unrounded until then).
  expect(r.stdout).toMatch(/\| overlap \(min 45%\) +\| +62\.9% \| +51\.3% \|/);
  expect(r.stdout).toMatch(/\| bullets \(min 90%\) +\| +83\.3% \|/);
  // Cached or replayed answers keep their list price, so the sides can be compared by cost.
  expect(r.stdout).toMatch(/\| champion v1 +\| +40\/40 \| +2,984 \| \$0\.0005 \|/);
  // Addresses in model outputs stay readable (mentions neutralised by a zero-width space, nothing more).
  expect(r.stdout).toContain("sophie.turnerhale@&#8203;greenleafmedia.co.uk");
  // The agent: v2 refunds without looking the order up, falls below refund_after_lookup's threshold and fails the gate.
  expect(r.stdout).toMatch(/\| support\\_agent +\| v1 → v2 \| +❌/);
  expect(r.stdout).toMatch(
    /\| refund\\_after\\_lookup \(min 95%\) +\| +100\.0% \| +45\.8% \| .*❌ below threshold/,
  );
  expect(r.stdout).toContain("**Tool use**");
  expect(r.stdout).toMatch(/\| calls to `lookup_order` +\| +19 \| +5 \|/);
  expect(r.stdout).toMatch(/\| \*start\* +\|.*\*\*0 → 13\*\* ◀/);
  expect(r.stdout).toContain("Trajectories of 5 flipped examples");
  expect(r.stdout).not.toContain("&#&#");
});

test("npm run demo shows the broken staged agent failing its thresholds, and the demo itself exits 0", () => {
  // The script runs the built CLI (dist/), which `npm test` builds first.
  const r = spawnSync(process.execPath, ["scripts/demo.mjs", "-q"], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\| refund_after_lookup +\| trajectory +\| .*\| +≥ 95% \| BELOW THRESHOLD \|/);
  expect(r.stdout).not.toMatch(/\| info +\|/);
  expect(r.stderr).toContain("failed: support_agent v2: refund_after_lookup is below its threshold of 95%");
  expect(r.stderr).toContain("agentops eval exited 1 (a staged version misses its thresholds");
});

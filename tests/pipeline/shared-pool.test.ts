import { expect, test } from "vitest";
import { DEFAULT_GATE } from "../../src/compare/compare.js";
import { parsePromptFile } from "../../src/config/load.js";
import { Budget } from "../../src/engine/budget.js";
import type { Provider } from "../../src/engine/providers/types.js";
import type { ComparisonPlan } from "../../src/plan/plan.js";
import { runComparison } from "../../src/pipeline/compare-run.js";

const promptText = (v: number, temperature = 0): string =>
  `name: p\nversion: ${v}\nmodel: m\ntemperature: ${temperature}\ntemplate: "v${v} asks {x}"\neval_criteria:\n  - name: ok\n    type: contains\n    value: "yes"\n`;

function planOf(examples: number, temperature = 0): ComparisonPlan {
  return {
    baseSha: "a".repeat(40),
    headSha: "b".repeat(40),
    mergeBaseSha: "a".repeat(40),
    environment: "production",
    changed: [],
    prompts: [
      {
        name: "p",
        reasons: ["v2.yaml added"],
        champion: { version: 1, path: "prompts/p/v1.yaml", text: promptText(1, temperature) },
        challenger: { version: 2, path: "prompts/p/v2.yaml", text: promptText(2, temperature) },
        evalSet: {
          path: "prompts/p/eval_set.jsonl",
          text: Array.from({ length: examples }, (_, i) =>
            JSON.stringify({ id: `e${i}`, input: { x: i } }),
          ).join("\n"),
        },
        criteria: parsePromptFile(promptText(2), "v2.yaml").data.eval_criteria,
        informational: [],
        addedExamples: [],
        gateChanges: [],
      },
    ],
    ignored: [],
    gateChanges: [],
    trustedConfig: {},
  };
}

/** Answers after a few milliseconds, counting calls in flight: in all, and per side. */
function watchedProvider(answer: (side: "v1" | "v2", n: number) => string = () => "yes") {
  const inFlight = { all: 0, v1: 0, v2: 0 };
  const peak = { all: 0, v1: 0, v2: 0, overlap: 0 };
  let n = 0;
  const provider: Provider = {
    id: "watched",
    async complete(request) {
      const side = request.messages.some((m) => m.content.startsWith("v1")) ? "v1" : "v2";
      inFlight.all++;
      inFlight[side]++;
      peak.all = Math.max(peak.all, inFlight.all);
      peak[side] = Math.max(peak[side], inFlight[side]);
      if (inFlight.v1 > 0 && inFlight.v2 > 0) peak.overlap++;
      await new Promise((r) => setTimeout(r, 2));
      inFlight.all--;
      inFlight[side]--;
      return {
        text: answer(side, n++),
        usage: { prompt_tokens: 1, completion_tokens: 1 },
        latencyMs: 2,
        cached: false,
      };
    },
  };
  return { provider, peak };
}

test("champion and challenger run at the same time through one pool of the run's concurrency", async () => {
  const { provider, peak } = watchedProvider();
  const results = await runComparison(
    planOf(40),
    { base: "main", head: "pr" },
    { run: { provider, concurrency: 4 }, gate: DEFAULT_GATE },
  );
  expect(peak.all).toBe(4);
  expect(peak.v1).toBeGreaterThan(0);
  expect(peak.v2).toBeGreaterThan(0);
  // Calls of both sides were in flight together, many times, not one side after the other.
  expect(peak.overlap).toBeGreaterThan(10);
  const p = results.prompts[0];
  expect(p?.champion?.examples.filter((r) => r.status === "ok")).toHaveLength(40);
  expect(p?.challenger.examples.filter((r) => r.status === "ok")).toHaveLength(40);
});

test("further sampling rounds share the pool too, and a shared budget still stops both sides", async () => {
  // The challenger sometimes says no: undecided after one pass, so rounds follow.
  const { provider, peak } = watchedProvider((side, n) =>
    side === "v2" && n % 5 === 0 ? `no ${n}` : `yes ${n}`,
  );
  const budget = new Budget({ maxTokensTotal: 5000 });
  const results = await runComparison(
    planOf(30, 1),
    { base: "main", head: "pr" },
    { run: { provider, concurrency: 3, budget }, gate: { ...DEFAULT_GATE, maxSamplingRounds: 50 } },
  );
  expect(peak.all).toBeLessThanOrEqual(3);
  expect(budget.spend.tokens).toBeLessThanOrEqual(5000);
  const c = results.prompts[0]?.comparison;
  expect(c?.sampling.rounds).toBeGreaterThan(1);
  expect(c?.sampling.ended).toMatch(/budget/);
});

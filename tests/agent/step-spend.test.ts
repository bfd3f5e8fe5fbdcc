// A failing later step of an agent must not hide what the earlier steps cost: budgets are hard limits.
import { expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { Budget } from "../../src/engine/budget.js";
import { ProviderError, type Completion, type Provider } from "../../src/engine/providers/types.js";
import { runSuite } from "../../src/engine/runner.js";

const prompt = parsePromptFile(
  [
    "name: agent",
    "version: 1",
    "model: m",
    "max_steps: 3",
    'template: "refund {order}"',
    "tools:",
    "  - name: lookup_order",
    "    parameters: { type: object, properties: { order_id: { type: string } } }",
    "eval_criteria:",
    "  - name: says-refund",
    "    type: contains",
    "    value: refund",
  ].join("\n"),
  "agent.yaml",
);
const evalSet = parseEvalSet(
  JSON.stringify({
    id: "a",
    input: { order: "A1" },
    tool_results: [{ name: "lookup_order", result: { status: "delivered" } }],
  }),
  "eval_set.jsonl",
);

/** Step 1 asks for a lookup (100 + 20 tokens, live); step 2 fails for good. */
function failingSecondStep(cachedFirst: boolean): Provider {
  let calls = 0;
  return {
    id: "scripted",
    complete(): Promise<Completion> {
      calls++;
      if (calls > 1) return Promise.reject(new ProviderError("bad request", { kind: "bad_request" }));
      return Promise.resolve({
        text: "",
        toolCalls: [{ id: "x", name: "lookup_order", arguments: '{"order_id":"A1"}' }],
        usage: { prompt_tokens: 100, completion_tokens: 20 },
        latencyMs: 5,
        cached: cachedFirst,
      });
    },
  };
}

test("the steps before a failing one are charged to the budget and shown on the error", async () => {
  const budget = new Budget({ maxTokensTotal: 100_000 });
  const run = await runSuite(prompt, evalSet, { provider: failingSecondStep(false), concurrency: 1, budget });
  const [result] = run.results;
  expect(result?.status).toBe("error");
  expect(result?.usage).toEqual({ prompt_tokens: 100, completion_tokens: 20 });
  expect(budget.spend.tokens).toBe(120);
});

test("a cached first step costs the budget nothing", async () => {
  const budget = new Budget({ maxTokensTotal: 100_000 });
  await runSuite(prompt, evalSet, { provider: failingSecondStep(true), concurrency: 1, budget });
  expect(budget.spend.tokens).toBe(0);
});

/**
 * Issue 20, attack 9: "An unpriced model escapes the cost budget". The PR's v2
 * names a model the price table lacks (`gpt-4`) and answers well; the base
 * config caps a run at $1. Counted as free, the run used to pass at any spend.
 * Runs the bundled Action (dist/index.js) against a fake GitHub and a fake model
 * on 127.0.0.1: the gate must end blocking, with a report that says why.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { CONFIG, GOOD, gatePr, promptFile, runGate, type GatePr } from "../helpers/gate-project.js";

const KEY = "sk-budget-canary-0a1b2c3d4e5f";
let llm: FakeOpenAI;
const prs: GatePr[] = [];

beforeAll(async () => {
  // Long answers, as a real model gives: 1,000 answer tokens a call (under the 1,024 bound).
  llm = await startFakeOpenAI(() => ({
    text: GOOD,
    usage: { prompt_tokens: 20, completion_tokens: 1000 },
  }));
  return () => llm.close();
});
afterEach(() => {
  for (const pr of prs.splice(0)) pr.repo.remove();
});

const BUDGET = "budgets: { max_cost_usd: 1 }\n";
const BLOCKING = ["failure", "error"];

describe("attack 9: an unpriced model escapes the cost budget", () => {
  test("a v2 on `model: gpt-4` (no price) against max_cost_usd: 1 ends blocking and says why", async () => {
    const v2 = promptFile(2).replace("model: gpt-4o-mini", "model: gpt-4");
    const pr = gatePr(() => ({ "prompts/summarize/v2.yaml": v2, "prompts/config.yaml": CONFIG(2, BUDGET) }), {
      "prompts/config.yaml": CONFIG(1, BUDGET),
    });
    prs.push(pr);
    const r = await runGate(pr, { inputs: { "api-key": KEY, "base-url": llm.url } });
    expect(BLOCKING).toContain(r.status?.state);
    expect(r.outputs.verdict).toBe("inconclusive");
    expect(r.comment).toContain("has no price: counted at the highest known price");
    expect(r.comment).toMatch(/cost budget of \$1 reached/);
    // At the highest known price, $1 pays for one or two gpt-4 answers of 1,000 tokens, not 30.
    const gpt4Calls = llm.requests.filter((q) => q.body.model === "gpt-4").length;
    expect(gpt4Calls).toBeGreaterThan(0);
    expect(gpt4Calls).toBeLessThan(5);
  });
});

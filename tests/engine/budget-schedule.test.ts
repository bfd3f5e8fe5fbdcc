import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile, type LoadedEvalSet } from "../../src/config/load.js";
import { Budget } from "../../src/engine/budget.js";
import { budgetCostUsd, costUsd, highestPrice } from "../../src/engine/pricing.js";
import type { Completion, Provider } from "../../src/engine/providers/types.js";
import type { ChatRequest } from "../../src/engine/request.js";
import { runSuite, type SuiteRun } from "../../src/engine/runner.js";

/** A prompt whose max_tokens (200) is far above what its answers use, as in real prompts. */
const prompt = parsePromptFile(
  `name: p\nversion: 1\nmodel: m\nmax_tokens: 200\ntemplate: "{x}"\neval_criteria:\n  - name: c\n    type: contains\n    value: "a"\n`,
  "v1.yaml",
);
const evalSet = (n: number): LoadedEvalSet =>
  parseEvalSet(
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { x: `example ${i}` } })).join(
      "\n",
    ),
    "e.jsonl",
  );
/** One dollar per thousand tokens. */
const price = (_model: string, u: { prompt_tokens: number; completion_tokens: number }): number =>
  (u.prompt_tokens + u.completion_tokens) / 1000;

/**
 * An instant model that answers `answerTokens(example)` tokens and, like a real
 * endpoint, never more than max_tokens (cut answers say "length").
 */
function model(answerTokens: (content: string) => number, delay = 0): Provider & { calls: number } {
  const p = {
    id: "fake",
    calls: 0,
    async complete(request: ChatRequest): Promise<Completion> {
      p.calls++;
      const content = request.messages.map((m) => m.content).join("");
      const wanted = answerTokens(content);
      const allowed = request.max_tokens ?? 1024;
      const tokens = Math.min(wanted, allowed);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return {
        text: "a".repeat(tokens * 4),
        usage: { prompt_tokens: Math.ceil(content.length / 4), completion_tokens: tokens },
        latencyMs: delay,
        cached: false,
        ...(wanted > allowed ? { finishReason: "length" } : {}),
      };
    },
  };
  return p;
}

const ok = (run: SuiteRun): number => run.results.filter((r) => r.status === "ok").length;

async function fullCost(n: number, answer: (c: string) => number): Promise<number> {
  const budget = new Budget();
  await runSuite(prompt, evalSet(n), { provider: model(answer), concurrency: 4, budget, price });
  return budget.spend.usd;
}

describe("budgets that schedule", () => {
  const answer = (): number => 10;

  test("a call that does not fit waits for the calls in flight instead of ending the run", async () => {
    const full = await fullCost(100, answer);
    const budget = new Budget({ maxCostUsd: full * 1.15 });
    const run = await runSuite(prompt, evalSet(100), {
      provider: model(answer, 1),
      concurrency: 8,
      budget,
      price,
    });
    // Each call's bound at max_tokens is ~12x what it spends: refusing the first call that did not
    // fit scored a few dozen examples here before; now all 100.
    expect(ok(run)).toBe(100);
    expect(run.stopped).toBeUndefined();
    expect(budget.spend.usd).toBeLessThanOrEqual(full * 1.15);
  });

  test("half the cost scores close to half the examples, spends at most the cap and says how many it left out", async () => {
    const full = await fullCost(100, answer);
    const budget = new Budget({ maxCostUsd: full / 2 });
    const run = await runSuite(prompt, evalSet(100), {
      provider: model(answer, 1),
      concurrency: 8,
      budget,
      price,
    });
    expect(ok(run)).toBeGreaterThanOrEqual(40);
    expect(budget.spend.usd).toBeLessThanOrEqual(full / 2);
    const skipped = run.results.filter((r) => r.status === "skipped").length;
    expect(ok(run) + skipped).toBe(100);
    expect(run.stopped?.left_out).toBe(skipped);
    expect(run.stopped?.reason).toMatch(new RegExp(`the budget left out ${skipped} of 100 examples`));
  });

  test("near the cap a call runs with a smaller max_tokens; an answer it cuts is left out, never scored", async () => {
    // Every answer is 10 tokens but example e7's is 150: it outgrows twice the longest seen so far.
    const long = (c: string): number => (c.includes("example 7") && !c.includes("example 7x") ? 150 : 10);
    const full = await fullCost(10, long);
    const budget = new Budget({ maxCostUsd: full * 0.8 });
    const sent: (number | undefined)[] = [];
    const inner = model(long);
    const provider: Provider = {
      id: "fake",
      complete: (r, o) => (sent.push(r.max_tokens), inner.complete(r, o)),
    };
    const run = await runSuite(prompt, evalSet(10), { provider, concurrency: 1, budget, price });
    expect(sent.some((t) => t !== undefined && t < 200)).toBe(true);
    const e7 = run.results.find((r) => r.id === "e7");
    expect(e7?.status).toBe("skipped");
    expect(e7?.error?.message).toMatch(/the budget could pay for at most \d+ answer tokens/);
    expect(budget.spend.usd).toBeLessThanOrEqual(full * 0.8);
  });

  test("two suites sharing a budget (champion and challenger) are cut at the same examples", async () => {
    const full = await fullCost(60, answer);
    const budget = new Budget({ maxCostUsd: full });
    const opts = { provider: model(answer, 1), concurrency: 4, budget, price };
    const [a, b] = await Promise.all([
      runSuite(prompt, evalSet(60), opts),
      runSuite(prompt, evalSet(60), opts),
    ]);
    const okIds = (run: SuiteRun): string[] => run.results.filter((r) => r.status === "ok").map((r) => r.id);
    expect(okIds(a).length).toBeGreaterThan(20);
    expect(okIds(a)).toEqual(okIds(b));
    expect(budget.spend.usd).toBeLessThanOrEqual(full);
  });

  test("property: with an instant model the spend never exceeds the cap, whatever the budget and concurrency", async () => {
    const answerOf = (c: string): number => 1 + ((c.length * 7919) % 60);
    const full = await fullCost(40, answerOf);
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.001, max: 1.5, noNaN: true }),
        fc.integer({ min: 1, max: 16 }),
        fc.option(fc.integer({ min: 50, max: 5000 }), { nil: undefined }),
        async (share, concurrency, maxTokens) => {
          const budget = new Budget({
            maxCostUsd: full * share,
            ...(maxTokens !== undefined ? { maxTokensTotal: maxTokens } : {}),
          });
          const run = await runSuite(prompt, evalSet(40), {
            provider: model(answerOf),
            concurrency,
            budget,
            price,
          });
          expect(budget.spend.usd).toBeLessThanOrEqual(full * share);
          if (maxTokens !== undefined) expect(budget.spend.tokens).toBeLessThanOrEqual(maxTokens);
          expect(run.results.filter((r) => r.status === "ok" || r.status === "skipped")).toHaveLength(40);
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });
});

describe("a model without a price (issue 20, attack 9)", () => {
  test("budgets count it at the highest known price, never as free; a known model keeps its own", () => {
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 };
    expect(costUsd("gpt-4", usage)).toBeUndefined();
    const top = highestPrice();
    expect(budgetCostUsd("gpt-4", usage)).toBe(top.input + top.output);
    expect(top.input).toBeGreaterThanOrEqual(150);
    expect(budgetCostUsd("gpt-4o-mini", usage)).toBe(costUsd("gpt-4o-mini", usage));
    // A project's own price for a pricier model raises the ceiling.
    expect(highestPrice({ "my-model": { input: 1000, output: 1 } }).input).toBe(1000);
  });
});

test("a reservation waiting for room is refused when the run's signal aborts; one that fits at once is granted", async () => {
  const budget = new Budget({ maxTokensTotal: 100 });
  const estimate = (tokens: number) => ({
    cost: { base: { usd: 0, tokens }, perToken: { usd: 0, tokens: 0 }, maxTokens: 0 },
    expected: { usd: 0, tokens },
  });
  const run = new AbortController();
  const first = await budget.reserve(estimate(80), { signal: run.signal });
  expect(first).toMatchObject({ maxTokens: 0 });
  // 80 more do not fit beside the 80 in flight: it waits for them, until the run stops.
  const waiting = budget.reserve(estimate(80), { signal: run.signal });
  run.abort();
  await expect(waiting).resolves.toEqual({ refused: "the run stopped early" });
});

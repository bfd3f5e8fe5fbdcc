import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { Budget } from "../../src/engine/budget.js";
import { UserError } from "../../src/errors.js";
import { AdaptiveConcurrency } from "../../src/engine/concurrency.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import type { Provider } from "../../src/engine/providers/types.js";
import { runSuite } from "../../src/engine/runner.js";
import { sampleById } from "../../src/engine/sample.js";

const prompt = (extra = "") =>
  parsePromptFile(
    `name: p\nversion: 1\nmodel: m\nmax_tokens: 100\ntemplate: "{x}"\n${extra}eval_criteria:\n  - name: c\n    type: contains\n    value: "x"\n`,
    "v1.yaml",
  );
const set = parseEvalSet(
  Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `e${i}`, input: { x: `example ${i}` } })).join(
    "\n",
  ),
  "e.jsonl",
);
/** One dollar per thousand tokens, so the arithmetic below is easy to follow. */
const price = (_model: string, u: { prompt_tokens: number; completion_tokens: number }): number =>
  (u.prompt_tokens + u.completion_tokens) / 1000;

describe("budgets", () => {
  test("a cost budget stops the run before it is exceeded; the rest are skipped with the reason", async () => {
    const budget = new Budget({ maxCostUsd: 1 });
    let calls = 0;
    // ~100 completion tokens a call: about $0.10 each at the price below.
    const provider = createMockProvider(() => {
      calls++;
      return "x".repeat(400);
    });
    const run = await runSuite(prompt(), set, { provider, concurrency: 4, budget, price });
    expect(budget.spend.usd).toBeLessThanOrEqual(1);
    expect(run.stopped?.reason).toMatch(/cost budget of \$1 reached/);
    const ok = run.results.filter((r) => r.status === "ok").length;
    const skipped = run.results.filter((r) => r.status === "skipped");
    expect(ok).toBe(calls);
    expect(ok + skipped.length).toBe(50);
    expect(skipped[0]?.error?.message).toMatch(/cost budget/);
  });

  test("a token budget counts every token", async () => {
    const budget = new Budget({ maxTokensTotal: 1000 });
    const run = await runSuite(prompt(), set, {
      provider: createMockProvider(() => "x".repeat(400)),
      concurrency: 1,
      budget,
    });
    expect(budget.spend.tokens).toBeLessThanOrEqual(1000);
    expect(run.results.some((r) => r.status === "skipped")).toBe(true);
  });

  test("cached answers cost this run nothing, but keep their list price for the cost criterion and the report", async () => {
    const live = createMockProvider(() => "x".repeat(400));
    const cached: Provider = {
      id: "cached",
      complete: async (req, opts) => ({ ...(await live.complete(req, opts)), cached: true }),
    };
    const budget = new Budget({ maxCostUsd: 1, maxTokensTotal: 1000 });
    const gated = prompt().data.eval_criteria.concat(
      parsePromptFile(
        'name: p\nversion: 1\nmodel: m\ntemplate: "{x}"\neval_criteria:\n  - name: cheap\n    type: cost\n    max_usd: 0.01\n',
        "v1.yaml",
      ).data.eval_criteria,
    );
    const withCost = { ...prompt(), data: { ...prompt().data, eval_criteria: gated } };
    const run = await runSuite(withCost, set, { provider: cached, concurrency: 2, budget, price });
    // 50 answers of ~100 tokens would blow both budgets if they were paid for now.
    expect(run.results.every((r) => r.status === "ok")).toBe(true);
    expect(budget.spend).toEqual({ usd: 0, tokens: 0 });
    for (const r of run.results) {
      expect(r.cost_usd).toBeGreaterThan(0.01);
      expect(r.criteria.cheap?.passed).toBe(false);
    }
  });

  test("the budget is shared by every suite of a run", async () => {
    const budget = new Budget({ maxCostUsd: 1.5 });
    const provider = createMockProvider(() => "x".repeat(400));
    await runSuite(prompt(), set, { provider, concurrency: 2, budget, price });
    const second = await runSuite(prompt(), set, { provider, concurrency: 2, budget, price });
    expect(second.results.every((r) => r.status === "skipped")).toBe(true);
  });

  test("a refusal while calls are in flight says what they hold, not just '0 used'", () => {
    const budget = new Budget({ maxTokensTotal: 500 });
    expect(budget.tryReserve({ usd: 0, tokens: 400 })).toHaveProperty("estimate");
    expect(budget.tryReserve({ usd: 0, tokens: 400 })).toEqual({
      refused:
        "token budget of 500 reached (0 used, 400 held by calls in flight; one more call may use up to 400, 500 left)",
    });
  });

  test("reservations never let in-flight calls overshoot", () => {
    const b = new Budget({ maxCostUsd: 1 });
    const r1 = b.tryReserve({ usd: 0.6, tokens: 0 });
    expect("refused" in r1).toBe(false);
    expect("refused" in b.tryReserve({ usd: 0.6, tokens: 0 })).toBe(true);
    if (!("refused" in r1)) b.settle(r1, { usd: 0.1, tokens: 0 });
    expect("refused" in b.tryReserve({ usd: 0.6, tokens: 0 })).toBe(false);
  });
});

describe("sampling", () => {
  test("max_examples keeps a deterministic, labelled subset in the original order", async () => {
    const a = sampleById(set.examples, 10);
    const b = sampleById([...set.examples].reverse(), 10);
    expect(a.items).toHaveLength(10);
    expect(a.sampled).toMatchObject({ kept: 10, of: 50 });
    expect(new Set(a.items.map((e) => e.id))).toEqual(new Set(b.items.map((e) => e.id)));
    const positions = a.items.map((e) => set.examples.indexOf(e));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    const run = await runSuite(prompt(), set, {
      provider: createMockProvider(),
      concurrency: 2,
      maxExamples: 10,
    });
    expect(run.results).toHaveLength(10);
    expect(run.sampled?.of).toBe(50);
  });

  test("no cut when the set is small enough", () => {
    expect(sampleById(set.examples, 100).sampled).toBeUndefined();
  });
});

describe("repeats", () => {
  test("each example runs k times with distinct repeat indexes", async () => {
    const seen: number[] = [];
    const provider = createMockProvider((_req, opts) => {
      seen.push(opts.repeat ?? -1);
      return "x";
    });
    const small = parseEvalSet(
      '{"id": "a", "input": {"x": "1"}}\n{"id": "b", "input": {"x": "2"}}',
      "e.jsonl",
    );
    const run = await runSuite(prompt("repeats: 3\n"), small, { provider, concurrency: 2 });
    expect(run.repeats).toBe(3);
    expect(run.results.map((r) => `${r.id}:${r.repeat}`)).toEqual(["a:0", "a:1", "a:2", "b:0", "b:1", "b:2"]);
    expect(seen.sort()).toEqual([0, 0, 1, 1, 2, 2]);
  });

  test("an example's own repeats override the prompt's, and progress counts every sample", async () => {
    const small = parseEvalSet(
      '{"id": "a", "input": {"x": "1"}, "repeats": 4}\n{"id": "b", "input": {"x": "2"}}',
      "e.jsonl",
    );
    let total = 0;
    const run = await runSuite(prompt("repeats: 2\n"), small, {
      provider: createMockProvider(() => "x"),
      concurrency: 3,
      onProgress: (p) => (total = p.total),
    });
    expect(run.results.map((r) => `${r.id}:${r.repeat}`)).toEqual(["a:0", "a:1", "a:2", "a:3", "b:0", "b:1"]);
    expect(total).toBe(6);
  });

  test("repeats on an example line must be a whole number from 1 to 20", () => {
    let caught: unknown;
    try {
      parseEvalSet('{"id": "a", "input": {}, "repeats": 0}', "e.jsonl");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).format()).toMatch(/^e\.jsonl:1: repeats: /);
  });
});

describe("adaptive concurrency", () => {
  test("halves on a 429 at most once per cooldown, regains one slot per round of successes, never above max", () => {
    let now = 0;
    const c = new AdaptiveConcurrency(8, { cooldownMs: 1000, now: () => now });
    c.onRateLimited();
    c.onRateLimited(); // same burst: ignored
    expect(c.limit).toBe(4);
    now = 1500;
    c.onRateLimited();
    expect(c.limit).toBe(2);
    c.onSuccess();
    expect(c.limit).toBe(2);
    c.onSuccess();
    expect(c.limit).toBe(3);
    for (let i = 0; i < 100; i++) c.onSuccess();
    expect(c.limit).toBe(8);
    expect(c.low).toBe(2);
    for (let i = 0; i < 10; i++) {
      now += 2000;
      c.onRateLimited();
    }
    expect(c.limit).toBe(1);
  });
});

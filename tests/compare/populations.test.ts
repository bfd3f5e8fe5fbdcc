import { describe, expect, test } from "vitest";
import { withAddedPopulation } from "../../src/compare/populations.js";
import type { PromptComparison } from "../../src/compare/compare.js";
import { sampleById } from "../../src/engine/sample.js";
import { countLines, MAX_ADDED_EXAMPLES, tooManyAdded } from "../../src/plan/trust.js";

const comparison = (verdict: PromptComparison["verdict"], reason: string): PromptComparison =>
  ({
    prompt: "p",
    verdict,
    reason,
    criteria: [{ name: "bullets", status: verdict === "fail" ? "regressed" : "ok", decision: verdict }],
  }) as unknown as PromptComparison;

describe("the examples a change adds can only add failures", () => {
  test.each([
    ["fail", "pass", "fail"],
    ["fail", "fail", "fail"],
    ["pass", "fail", "fail"],
    ["pass", "inconclusive", "inconclusive"],
    ["inconclusive", "pass", "inconclusive"],
    ["pass", "pass", "pass"],
  ] as const)("base %s, added %s: %s", (base, added, expected) => {
    const merged = withAddedPopulation(comparison(base, "base reason"), comparison(added, "added reason"), 7);
    expect(merged.verdict).toBe(expected);
    expect(merged.criteria.map((c) => c.name)).toEqual(["bullets", "bullets (examples this change adds)"]);
    if (expected !== base) expect(merged.reason).toBe("on the 7 example(s) this change adds: added reason");
    else expect(merged.reason).toBe("base reason");
  });
});

describe("a gate's max_examples sample", () => {
  const items = (ids: string[]) => ids.map((id) => ({ id }));
  const base = Array.from({ length: 30 }, (_, i) => `e${i}`);
  const added = Array.from({ length: 500 }, (_, i) => `x${i}`);

  test("is filled with base examples first, whatever ids the added ones have", () => {
    const s = sampleById(items([...added, ...base]), 20, { seed: "a".repeat(40), first: new Set(base) });
    expect(s.items).toHaveLength(20);
    expect(s.items.every((i) => base.includes(i.id))).toBe(true);
    expect(s.sampled?.method).toMatch(/^base examples first/);
    // With room to spare, added examples fill the rest.
    const roomy = sampleById(items([...base, ...added]), 40, { seed: "a".repeat(40), first: new Set(base) });
    expect(roomy.items.filter((i) => base.includes(i.id))).toHaveLength(30);
  });

  test("depends on the seed (the base commit), so no id ranks first under every base", () => {
    const pick = (seed: string) =>
      sampleById(items(base), 5, { seed })
        .items.map((i) => i.id)
        .join(",");
    expect(pick("1".repeat(40))).not.toBe(pick("2".repeat(40)));
    expect(pick("1".repeat(40))).toBe(pick("1".repeat(40)));
  });
});

describe("the cap on examples a change adds", () => {
  const lines = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `{"id":"x${from + i}","input":{"text":"t"}}`).join("\n") + "\n";
  test("10,000 added lines are read; 10,001 are a gate change and not read", () => {
    expect(countLines("a\n\n  \nb\nc")).toBe(3);
    const head = (n: number) => ({ path: "prompts/p/eval_set.jsonl", text: lines(30) + lines(n, 30) });
    expect(tooManyAdded("p", 30, head(MAX_ADDED_EXAMPLES))).toBeUndefined();
    expect(tooManyAdded("p", 30, head(MAX_ADDED_EXAMPLES + 1))).toMatchObject({
      kind: "eval_set",
      prompt: "p",
      path: "prompts/p/eval_set.jsonl",
      summary: expect.stringMatching(/^10001 more lines .* cap of 10000 added examples/) as unknown,
    });
  });
});

import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import {
  lcsLength,
  MAX_TOKENS,
  rougeL,
  scoreSimilarity,
  tokenF1,
  tokenize,
} from "../../src/engine/scorers/similarity.js";
import { ctx } from "../helpers/score-context.js";

type Settings = Omit<CriterionOf<"similarity">, "name" | "type">;
const check = (settings: Settings, output: string, expected?: unknown) =>
  scoreSimilarity({ name: "s", type: "similarity", ...settings }, ctx(output, expected));

describe("tokenize", () => {
  test("lowercase runs of letters and digits; punctuation separates", () => {
    expect(tokenize("Hello, World! It's 2024.")).toEqual(["hello", "world", "it", "s", "2024"]);
    expect(tokenize("Grüße aus MÜNCHEN")).toEqual(["grüße", "aus", "münchen"]);
    expect(tokenize("— … !")).toEqual([]);
  });
  test("composed and decomposed accents give the same token", () => {
    expect(tokenize("cafe\u0301")).toEqual(tokenize("café"));
  });
  test("lowercasing does not split a word", () => {
    expect(tokenize("İstanbul")).toHaveLength(1);
  });
  test(`keeps at most ${MAX_TOKENS} tokens`, () => {
    expect(tokenize("w ".repeat(MAX_TOKENS + 100))).toHaveLength(MAX_TOKENS);
  });
});

describe("lcsLength", () => {
  test("hand-checked cases", () => {
    expect(lcsLength(["a", "b", "c", "d"], ["a", "c", "d", "b"])).toBe(3);
    expect(lcsLength(["a", "c", "d", "b"], ["a", "b", "c", "d"])).toBe(3);
    expect(lcsLength(["x"], ["a", "b"])).toBe(0);
    expect(lcsLength([], ["a"])).toBe(0);
    expect(lcsLength(["a", "b", "a"], ["b", "a", "b", "a"])).toBe(3);
  });
});

describe("ROUGE-L", () => {
  test("hand-computed values", () => {
    // LCS "the cat on the mat" = 5 of 6 tokens on both sides: P = R = F = 5/6.
    expect(rougeL("The cat sat on the mat", "the cat is on the mat")).toBeCloseTo(5 / 6, 12);
    // Candidate 7 tokens, reference 6, LCS 6: P = 6/7, R = 1, F = 2·(6/7)·1 / (6/7 + 1) = 12/13.
    expect(rougeL("the cat was found under the bed", "the cat was under the bed")).toBeCloseTo(12 / 13, 12);
    // Shuffled: the longest in-order run is "the on the" (3 of 6): F = 1/2.
    expect(rougeL("mat the on sat cat the", "the cat sat on the mat")).toBeCloseTo(0.5, 12);
    // LCS of "a a a b" and "a b b" is "a b" = 2: P = 2/4, R = 2/3, F = 4/7.
    expect(rougeL("a a a b", "a b b")).toBeCloseTo(4 / 7, 12);
  });
  test("case and punctuation do not matter", () => {
    expect(rougeL("Hello, World!", "hello world")).toBe(1);
  });
  test("empty sides", () => {
    expect(rougeL("", "")).toBe(1);
    expect(rougeL("...", "!!")).toBe(1);
    expect(rougeL("", "something")).toBe(0);
    expect(rougeL("something", "")).toBe(0);
    expect(rougeL("a b", "c d")).toBe(0);
  });
});

describe("token F1", () => {
  test("hand-computed values", () => {
    // Bags {the:2, cat, sat, on, mat} and {the:2, cat, is, on, mat} share 5: P = R = 5/6.
    expect(tokenF1("the cat sat on the mat", "the cat is on the mat")).toBeCloseTo(5 / 6, 12);
    // Order is ignored.
    expect(tokenF1("mat the on sat cat the", "the cat sat on the mat")).toBe(1);
    // Multiplicity counts: "a a a b" vs "a b b" share one "a" and one "b": P = 2/4, R = 2/3, F = 4/7.
    expect(tokenF1("a a a b", "a b b")).toBeCloseTo(4 / 7, 12);
    // "a b c d" vs "a x": one shared token: P = 1/4, R = 1/2, F = 2·(1/8)/(3/4) = 1/3.
    expect(tokenF1("a b c d", "a x")).toBeCloseTo(1 / 3, 12);
  });
  test("empty sides", () => {
    expect(tokenF1("", "")).toBe(1);
    expect(tokenF1("x", "")).toBe(0);
  });
});

describe("similarity criterion", () => {
  test("rouge_l is the default method; the score is the F value", () => {
    expect(check({}, "The cat sat on the mat", "the cat is on the mat")).toEqual({
      score: rougeL("The cat sat on the mat", "the cat is on the mat"),
      passed: true,
      detail: "rouge_l 0.83 (min 0.5)",
    });
    expect(check({ method: "token_f1" }, "mat the on sat cat the", "the cat sat on the mat")).toMatchObject({
      score: 1,
      detail: "token_f1 1.00 (min 0.5)",
    });
  });
  test("min_score decides the pass and defaults to 0.5, inclusive", () => {
    expect(check({}, "mat the on sat cat the", "the cat sat on the mat")).toMatchObject({
      score: 0.5,
      passed: true,
    });
    expect(check({ min_score: 0.51 }, "mat the on sat cat the", "the cat sat on the mat").passed).toBe(false);
    expect(check({ min_score: 0 }, "", "x").passed).toBe(true);
  });
  test("empty output", () => {
    expect(check({}, "", "something")).toMatchObject({ score: 0, passed: false });
    expect(check({ method: "token_f1" }, "", "").score).toBe(1);
  });
  test("non-string expected values are compared as their JSON text", () => {
    expect(check({}, '{"a": "b"}', { a: "b" }).score).toBe(1);
    expect(check({}, "42", 42).score).toBe(1);
  });
  test("an example without expected fails with a reason", () => {
    expect(check({}, "x")).toEqual({ score: 0, passed: false, detail: "example has no expected value" });
  });
  test("a huge output is capped rather than stalling the run", () => {
    const huge = "alpha beta gamma ".repeat(200_000);
    const reference = "beta gamma alpha delta ".repeat(2_000);
    const started = performance.now();
    const score = check({}, huge, reference).score;
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(check({}, huge, huge).score).toBe(1);
  });
});

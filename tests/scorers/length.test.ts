import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import { countChars, countWords, scoreLength } from "../../src/engine/scorers/length.js";
import { ctx } from "../helpers/score-context.js";

type Settings = Omit<CriterionOf<"length">, "name" | "type">;
const check = (settings: Settings, output: string) =>
  scoreLength({ name: "l", type: "length", ...settings }, ctx(output));

describe("countChars", () => {
  test("counts what a reader sees as one character", () => {
    expect(countChars("abc")).toBe(3);
    expect(countChars("e\u0301")).toBe(1); // e + combining acute
    expect(countChars("👍🏽")).toBe(1); // emoji + skin tone
    expect(countChars("🇫🇷")).toBe(1); // regional-indicator pair
    expect(countChars("日本語")).toBe(3);
    expect(countChars("")).toBe(0);
  });
});

describe("countWords", () => {
  test("splits on any run of whitespace", () => {
    expect(countWords("  one\ttwo\n\nthree  ")).toBe(3);
    expect(countWords("don't stop-me now")).toBe(3);
    expect(countWords("")).toBe(0);
    expect(countWords(" \n ")).toBe(0);
  });
});

describe("length", () => {
  test("bounds are inclusive", () => {
    expect(check({ chars: { min: 3, max: 3 } }, "abc")).toEqual({
      score: 1,
      passed: true,
      detail: "3 chars",
    });
    expect(check({ words: { min: 2, max: 4 } }, "a b")).toMatchObject({ passed: true });
    expect(check({ words: { min: 2, max: 4 } }, "a b c d")).toMatchObject({ passed: true });
    expect(check({ words: { min: 2, max: 4 } }, "a b c d e")).toEqual({
      score: 0,
      passed: false,
      detail: "5 words, expected 2–4",
    });
  });

  test("score is the share of configured bounds met", () => {
    const c = { chars: { max: 3 }, words: { min: 2 } };
    expect(check(c, "é ü")).toEqual({ score: 1, passed: true, detail: "3 chars; 2 words" });
    expect(check(c, "éüö")).toEqual({
      score: 0.5,
      passed: false,
      detail: "3 chars; 1 words, expected at least 2",
    });
    expect(check(c, "too long here")).toMatchObject({ score: 0.5, passed: false });
  });

  test("empty output", () => {
    expect(check({ chars: { max: 10 }, words: { min: 1 } }, "")).toMatchObject({ score: 0.5, passed: false });
    expect(check({ chars: { min: 0 } }, "").passed).toBe(true);
  });

  test("no bounds configured is a pass", () => {
    expect(check({}, "anything")).toEqual({ score: 1, passed: true, detail: "no checks configured" });
  });
});

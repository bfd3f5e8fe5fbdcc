import { describe, expect, test } from "vitest";
import type { RuleCriterion as Criterion } from "../../src/engine/scorers/index.js";
import { scoreCriterion } from "../../src/engine/scorers/index.js";
import { lcsLength, rougeL, tokenF1 } from "../../src/engine/scorers/similarity.js";
import { ctx } from "../helpers/score-context.js";

const score = (c: Criterion, output: string, expected?: unknown, latency?: number) =>
  scoreCriterion(c, ctx(output, expected, latency));

describe("format_check", () => {
  const bullets: Criterion = { name: "b", type: "format_check", bullets: { min: 3, max: 5 } };
  test("counts -, *, • and numbered bullets, bounds inclusive", async () => {
    expect(await score(bullets, "- a\n* b\n• c")).toMatchObject({
      passed: true,
      score: 1,
      detail: "3 bullets",
    });
    expect(await score(bullets, "1. a\n2) b\n3. c\n4. d\n5. e")).toMatchObject({ passed: true });
    expect(await score(bullets, "- a\n- b\n- c\n- d\n- e\n- f")).toMatchObject({
      passed: false,
      detail: "6 bullets, expected 3–5",
    });
  });
  test("prose and empty output have no bullets", async () => {
    expect((await score(bullets, "Just - a sentence.")).passed).toBe(false);
    expect((await score(bullets, "")).score).toBe(0);
  });
  test("json check accepts one fence, rejects prose; partial credit across checks", async () => {
    const c: Criterion = { name: "j", type: "format_check", json: true, lines: { max: 1 } };
    expect(await score(c, '{"a": 1}')).toMatchObject({ passed: true, score: 1 });
    expect(await score(c, '```json\n{"a": 1}\n```')).toMatchObject({ score: 0.5 });
    expect(await score(c, "Here you go: {")).toMatchObject({ passed: false, score: 0.5 });
  });
});

describe("contains family", () => {
  test("contains needs every value; score is the share present", async () => {
    const c: Criterion = { name: "c", type: "contains", value: ["refund", "apolog"] };
    expect(await score(c, "We apologize; a refund is on its way")).toMatchObject({ passed: true, score: 1 });
    expect(await score(c, "A refund is on its way")).toMatchObject({
      passed: false,
      score: 0.5,
      detail: 'missing: "apolog"',
    });
  });
  test("case sensitivity differs between contains and icontains", async () => {
    expect((await score({ name: "c", type: "contains", value: "Refund" }, "refund")).passed).toBe(false);
    expect((await score({ name: "c", type: "icontains", value: "Refund" }, "REFUND")).passed).toBe(true);
  });
  test("not_contains forbids every value", async () => {
    const c: Criterion = { name: "n", type: "not_icontains", value: ["as an ai", "sorry"] };
    expect((await score(c, "Here is the summary")).passed).toBe(true);
    expect(await score(c, "As an AI, I cannot")).toMatchObject({ passed: false, score: 0.5 });
    expect((await score({ name: "n", type: "not_contains", value: "AI" }, "as an ai")).passed).toBe(true);
  });
});

describe("regex", () => {
  test("match and must-not-match, with flags", async () => {
    expect(
      (await score({ name: "r", type: "regex", pattern: "^ticket-\\d+$", flags: "i" }, "TICKET-42")).passed,
    ).toBe(true);
    expect(
      (await score({ name: "r", type: "regex", pattern: "\\bTODO\\b", match: false }, "all done")).passed,
    ).toBe(true);
    expect(
      (await score({ name: "r", type: "regex", pattern: "\\bTODO\\b", match: false }, "a TODO left")).passed,
    ).toBe(false);
  });
});

describe("equals", () => {
  test("trimmed strings, optional case folding", async () => {
    expect((await score({ name: "e", type: "equals" }, " billing\n", "billing")).passed).toBe(true);
    expect((await score({ name: "e", type: "equals" }, "Billing", "billing")).passed).toBe(false);
    expect((await score({ name: "e", type: "equals", ignore_case: true }, "Billing", "billing")).passed).toBe(
      true,
    );
  });
  test("JSON comparison ignores key order and fences", async () => {
    const c: Criterion = { name: "e", type: "equals", json: true };
    expect((await score(c, '```json\n{"b": 2, "a": [1, null]}\n```', { a: [1, null], b: 2 })).passed).toBe(
      true,
    );
    expect((await score(c, '{"a": [1], "b": 2}', { a: [1, null], b: 2 })).passed).toBe(false);
    expect((await score(c, "not json", { a: 1 })).detail).toBe("output is not JSON");
  });
  test("a missing expected fails with a reason", async () => {
    expect(await score({ name: "e", type: "equals" }, "x")).toMatchObject({
      passed: false,
      detail: "example has no expected value",
    });
  });
});

describe("json_schema", () => {
  const c: Criterion = {
    name: "s",
    type: "json_schema",
    schema: {
      type: "object",
      required: ["name", "email"],
      properties: { name: { type: "string" }, email: { type: "string", pattern: "^[^@\\s]+@[^@\\s]+$" } },
      additionalProperties: false,
    },
  };
  test("valid, invalid and non-JSON outputs", async () => {
    expect((await score(c, '{"name": "Ana", "email": "ana@x.io"}')).passed).toBe(true);
    const bad = await score(c, '{"name": "Ana", "email": "nope"}');
    expect(bad.passed).toBe(false);
    expect(bad.detail).toContain("/email");
    expect((await score(c, '{"name": "Ana"}')).passed).toBe(false);
    expect((await score(c, '{"name": "Ana", "email": "a@b.c", "x": 1}')).passed).toBe(false);
    expect(await score(c, "Sure! {")).toMatchObject({ passed: false, detail: "not JSON" });
  });
});

describe("one_of", () => {
  const c: Criterion = { name: "o", type: "one_of", labels: ["billing", "technical"] };
  test("labels match after trimming quotes and a full stop, case-insensitively by default", async () => {
    expect((await score(c, "Billing.")).passed).toBe(true);
    expect((await score(c, "`technical`\n")).passed).toBe(true);
    expect((await score(c, "billing and technical")).passed).toBe(false);
    expect((await score({ ...c, case_sensitive: true }, "Billing")).passed).toBe(false);
  });
});

describe("length", () => {
  test("chars count code points and words split on whitespace", async () => {
    const c: Criterion = { name: "l", type: "length", chars: { max: 3 }, words: { min: 2 } };
    expect(await score(c, "é ü")).toMatchObject({ passed: true, score: 1 });
    expect(await score(c, "éüö")).toMatchObject({ passed: false, score: 0.5 });
    expect(await score(c, "")).toMatchObject({ passed: false, score: 0.5 });
  });
});

describe("similarity", () => {
  test("hand-computed ROUGE-L and token F1", () => {
    // candidate: the cat sat on the mat (6), reference: the cat is on the mat (6); LCS = the cat on the mat = 5
    expect(lcsLength(["a", "b", "c", "d"], ["a", "c", "d", "b"])).toBe(3);
    expect(rougeL("The cat sat on the mat", "the cat is on the mat")).toBeCloseTo(5 / 6);
    // tokens: {the:2, cat, sat, on, mat} vs {the:2, cat, is, on, mat}: common = 5 -> P = R = 5/6
    expect(tokenF1("the cat sat on the mat", "the cat is on the mat")).toBeCloseTo(5 / 6);
    // order matters for ROUGE-L (LCS "the on the" = 3 of 6) but not for token F1
    expect(rougeL("mat the on sat cat the", "the cat sat on the mat")).toBeCloseTo(0.5);
    expect(tokenF1("mat the on sat cat the", "the cat sat on the mat")).toBe(1);
  });
  test("min_score decides the pass; defaults to 0.5", async () => {
    const c: Criterion = { name: "s", type: "similarity" };
    expect(await score(c, "refund issued today", "refund issued")).toMatchObject({ passed: true });
    expect(await score({ ...c, min_score: 0.9 }, "refund issued today", "refund issued")).toMatchObject({
      passed: false,
    });
    expect((await score({ ...c, method: "token_f1" }, "", "")).score).toBe(1);
    expect((await score(c, "", "something")).score).toBe(0);
  });
  test("non-string expected values compare as JSON", async () => {
    expect((await score({ name: "s", type: "similarity" }, '{"a": "b"}', { a: "b" })).score).toBe(1);
  });
});

describe("latency", () => {
  test("passes at or under the limit", async () => {
    const c: Criterion = { name: "l", type: "latency", max_ms: 500 };
    expect((await score(c, "x", undefined, 500)).passed).toBe(true);
    expect((await score(c, "x", undefined, 501)).passed).toBe(false);
  });
});

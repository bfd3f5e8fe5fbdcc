import { describe, expect, test } from "vitest";
import type { CriterionOf } from "../../src/config/schema.js";
import { countBullets, countLines, scoreFormatCheck } from "../../src/engine/scorers/format-check.js";
import { ctx } from "../helpers/score-context.js";

type Settings = Omit<CriterionOf<"format_check">, "name" | "type">;
const check = (settings: Settings, output: string) =>
  scoreFormatCheck({ name: "f", type: "format_check", ...settings }, ctx(output));

describe("countBullets", () => {
  test("counts -, *, +, • and numbered items, also indented", () => {
    expect(countBullets("- a\n* b\n+ c\n• d\n1. e\n2) f\n  - nested\n\t10. tabbed")).toBe(8);
  });
  test("ignores bold text, rules, decimals, bare markers and prose dashes", () => {
    expect(countBullets("**Bold** start\n---\n1.5 million\n-\n-dash\nA - B\n")).toBe(0);
  });
  test("handles CRLF and unicode item text", () => {
    expect(countBullets("- 日本語\r\n- 🎉 party\r\n")).toBe(2);
  });
  test("empty output has none", () => {
    expect(countBullets("")).toBe(0);
  });
});

describe("countLines", () => {
  test("counts non-blank lines only", () => {
    expect(countLines("a\n\n   \n\tb\r\nc\n")).toBe(3);
    expect(countLines("")).toBe(0);
    expect(countLines(" \n \n")).toBe(0);
  });
});

describe("format_check", () => {
  const bullets = { bullets: { min: 3, max: 5 } };

  test("bounds are inclusive at both ends", () => {
    expect(check(bullets, "- a\n- b\n- c")).toEqual({ score: 1, passed: true, detail: "3 bullets" });
    expect(check(bullets, "1. a\n2. b\n3. c\n4. d\n5. e").passed).toBe(true);
    expect(check(bullets, "- a\n- b")).toEqual({
      score: 0,
      passed: false,
      detail: "2 bullets, expected 3–5",
    });
    expect(check(bullets, "- a\n- b\n- c\n- d\n- e\n- f").detail).toBe("6 bullets, expected 3–5");
  });

  test("one-sided bounds say so", () => {
    expect(check({ bullets: { min: 4 } }, "- a").detail).toBe("1 bullets, expected at least 4");
    expect(check({ lines: { max: 1 } }, "a\nb").detail).toBe("2 lines, expected at most 1");
    expect(check({ lines: { min: 0 } }, "").passed).toBe(true);
  });

  test("empty output fails a minimum", () => {
    expect(check({ lines: { min: 1 } }, "")).toMatchObject({ score: 0, passed: false });
  });

  test("json accepts bare, fenced and padded JSON", () => {
    for (const out of [
      '{"a": 1}',
      " \n[1, 2]\n ",
      '```json\n{"a": 1}\n```',
      "```\n42\n```",
      '```JSON\n"x"\n```',
    ]) {
      expect(check({ json: true }, out), out).toMatchObject({ passed: true, detail: "valid JSON" });
    }
  });

  test("json rejects prose around JSON, two fences and empty output", () => {
    for (const out of [
      'Sure! {"a": 1}',
      '```json\n{"a": 1}\n```\nDone.',
      "```json\n1\n```\n```json\n2\n```",
      "",
    ]) {
      const r = check({ json: true }, out);
      expect(r.passed, out).toBe(false);
      expect(r.detail, out).toMatch(/^not JSON \(/);
    }
  });

  test("score is the share of configured checks that hold; passed needs all", () => {
    const all = { bullets: { min: 2 }, lines: { max: 2 }, json: true };
    expect(check(all, "- a")).toMatchObject({ score: 1 / 3, passed: false });
    expect(check(all, '["- a",\n"- b"]')).toMatchObject({ score: 2 / 3, passed: false });
    expect(check({ lines: { max: 3 }, json: true }, '{"a": 1}')).toEqual({
      score: 1,
      passed: true,
      detail: "1 lines; valid JSON",
    });
  });

  test("no configured checks is a pass", () => {
    expect(check({}, "anything")).toEqual({ score: 1, passed: true, detail: "no checks configured" });
    expect(check({ json: false }, "anything").passed).toBe(true);
  });
});

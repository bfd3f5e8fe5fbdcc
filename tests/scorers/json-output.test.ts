import { describe, expect, test } from "vitest";
import { jsonDifference, jsonEqual, parseJsonOutput } from "../../src/engine/scorers/json-output.js";

describe("parseJsonOutput", () => {
  test("parses bare JSON with surrounding whitespace", () => {
    expect(parseJsonOutput('  {"a": [1, "é"]}\n')).toEqual({ ok: true, value: { a: [1, "é"] } });
  });
  test("unwraps one fence, with or without a language tag, and CRLF", () => {
    expect(parseJsonOutput('```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonOutput("```\r\n[true]\r\n```")).toEqual({ ok: true, value: [true] });
    expect(parseJsonOutput('\n```json  \n"x"```\n')).toEqual({ ok: true, value: "x" });
  });
  test("a fence with another language, prose or a second block is not JSON", () => {
    expect(parseJsonOutput('```yaml\n{"a": 1}\n```').ok).toBe(false);
    expect(parseJsonOutput('Here:\n```json\n{"a": 1}\n```').ok).toBe(false);
    expect(parseJsonOutput("```json\n1\n```\n```json\n2\n```").ok).toBe(false);
  });
  test("empty and invalid outputs report the parser's error", () => {
    const r = parseJsonOutput("");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toBe("");
    expect(parseJsonOutput("{'a': 1}").ok).toBe(false);
  });
  test("a deeply nested document parses without overflowing", () => {
    expect(parseJsonOutput("[".repeat(10_000) + "]".repeat(10_000)).ok).toBe(true);
  });
});

describe("jsonDifference", () => {
  test("object key order does not matter, array order does", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonDifference([1, 2], [2, 1])).toBe("/0");
  });
  test("points at the first difference", () => {
    expect(jsonDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe("/a/b/1");
    expect(jsonDifference({ a: 1 }, { a: 1, b: 2 })).toBe("");
    expect(jsonDifference({ a: 1 }, { b: 1 })).toBe("");
    expect(jsonDifference({ "x/y~": 1 }, { "x/y~": 2 })).toBe("/x~1y~0");
    expect(jsonDifference([1], [1, 2])).toBe("");
  });
  test("types are not coerced", () => {
    expect(jsonEqual(1, "1")).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual(null, null)).toBe(true);
  });
});

import { describe, expect, test } from "vitest";
import { renderTemplate } from "../../src/config/template.js";
import { parseCsv } from "../../src/import/csv.js";
import { convertTemplate, renderValue } from "../../src/import/nunjucks.js";
import { assertionFromCell, mapAssertion, providerModel } from "../../src/import/promptfoo-assertions.js";

describe("parseCsv", () => {
  test("quoted fields hold commas, doubled quotes and newlines", () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n3,\n')).toEqual([
      { a: "x, y", b: 'say "hi"\nthere' },
      { a: "3", b: "" },
    ]);
  });
  test("tab-separated files", () => {
    expect(parseCsv("a\tb\n1\t2\n")).toEqual([{ a: "1", b: "2" }]);
  });
});

describe("convertTemplate", () => {
  test("{{ name }} becomes {name}; JSON braces in the text stay as they are", () => {
    expect(convertTemplate('Reply as {"a": 1} for {{ item }} and {{item}}')).toEqual({
      ok: true,
      template: 'Reply as {"a": 1} for {item} and {item}',
      variables: ["item"],
    });
  });
  test("a literal {word} or }} is escaped so agentops renders exactly the promptfoo text", () => {
    const c = convertTemplate("Keep {name} literally, and }} too: {{who}}");
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(renderTemplate(c.template, { who: "Ana" }, { exampleId: "x" })).toBe(
      "Keep {name} literally, and }} too: Ana",
    );
  });
  test("filters, tags and dotted paths are refused with the expression named", () => {
    expect(convertTemplate("{{ name | upper }}")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("| upper") as unknown,
    });
    expect(convertTemplate("{% if x %}y{% endif %}").ok).toBe(false);
    expect(convertTemplate("{{ a.b }}").ok).toBe(false);
  });
  test("renderValue fills vars and refuses a var the test lacks", () => {
    expect(renderValue("is {{x}}", { x: 3 })).toEqual({ ok: true, text: "is 3" });
    expect(renderValue("is {{y}}", {}).ok).toBe(false);
  });
});

describe("promptfoo assertions", () => {
  test("CSV cells: type(threshold):value, list types, grade:, fn:, plain text is equals", () => {
    expect(assertionFromCell("icontains:bonjour")).toEqual({ type: "icontains", value: "bonjour" });
    expect(assertionFromCell("not-contains-any:a, b")).toEqual({
      type: "not-contains-any",
      value: ["a", "b"],
    });
    expect(assertionFromCell("similar(0.7):hello")).toEqual({
      type: "similar",
      value: "hello",
      threshold: 0.7,
    });
    expect(assertionFromCell("similar:hello")).toEqual({ type: "similar", value: "hello", threshold: 0.8 });
    expect(assertionFromCell("grade:is polite")).toEqual({ type: "llm-rubric", value: "is polite" });
    expect(assertionFromCell("fn:output.length > 3")).toEqual({
      type: "javascript",
      value: "output.length > 3",
    });
    expect(assertionFromCell("is-json")).toEqual({ type: "is-json" });
    expect(assertionFromCell("Paris")).toEqual({ type: "equals", value: "Paris" });
  });

  test.each([
    [{ type: "equals", value: "4" }, { type: "equals" }, "4"],
    [{ type: "equals", value: { a: 1 } }, { type: "equals", json: true }, { a: 1 }],
    [{ type: "not-icontains", value: "sorry" }, { type: "not_icontains", value: "sorry" }, undefined],
    [{ type: "contains-all", value: ["a", "b"] }, { type: "contains", value: ["a", "b"] }, undefined],
    [
      { type: "icontains-any", value: ["a.b", "c"] },
      { type: "regex", pattern: "a\\.b|c", flags: "i" },
      undefined,
    ],
    [{ type: "not-contains-any", value: ["x"] }, { type: "not_contains", value: ["x"] }, undefined],
    [{ type: "starts-with", value: "Yes" }, { type: "regex", pattern: "^Yes" }, undefined],
    [{ type: "not-regex", value: "\\d+" }, { type: "regex", pattern: "\\d+", match: false }, undefined],
    [{ type: "is-json" }, { type: "format_check", json: true }, undefined],
    [{ type: "similar", value: "hi" }, { type: "similarity", method: "embedding", min_score: 0.75 }, "hi"],
    [
      { type: "factuality", value: "Paris", threshold: 0.5 },
      { type: "llm_judge", preset: "correctness", min_score: 0.5 },
      "Paris",
    ],
    [{ type: "answer-relevance" }, { type: "llm_judge", preset: "relevance" }, undefined],
    [
      { type: "llm-rubric", value: "polite", provider: "openai:gpt-4.1" },
      { type: "llm_judge", rubric: "polite", model: "gpt-4.1" },
      undefined,
    ],
    [{ type: "moderation" }, { type: "safety" }, undefined],
    [{ type: "cost", threshold: 0.002 }, { type: "cost", max_usd: 0.002 }, undefined],
    [{ type: "latency", threshold: 800, weight: 2 }, { type: "latency", max_ms: 800, weight: 2 }, undefined],
  ])("%o maps to %o", (assertion, spec, expected) => {
    const m = mapAssertion(assertion, {});
    expect(m).toMatchObject({ ok: true, spec });
    if (m.ok) expect(m.expected).toEqual(expected);
  });

  test.each([
    [{ type: "javascript", value: "true" }, /never executes code/],
    [{ type: "python", value: "file://x.py" }, /never executes code/],
    [{ type: "not-equals", value: { a: 1 } }, /no not-equals criterion for JSON values/],
    [{ type: "regex", value: "(?=a)" }, /not RE2 syntax/],
    [{ type: "cost" }, /needs a threshold/],
    [{ type: "levenshtein", value: "x" }, /no criterion like promptfoo's levenshtein/],
    [{ type: "contains", value: "file://expected.txt" }, /read from file:\/\/expected\.txt/],
  ])("%o is not imported", (assertion, reason) => {
    const m = mapAssertion(assertion, {});
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toMatch(reason);
  });

  test("values are rendered with the test's vars", () => {
    expect(mapAssertion({ type: "contains", value: "{{city}}" }, { city: "Lima" })).toMatchObject({
      spec: { type: "contains", value: "Lima" },
    });
  });

  test("provider ids name their model", () => {
    expect(providerModel("openai:gpt-4.1")).toBe("gpt-4.1");
    expect(providerModel("openai:chat:gpt-4o-mini")).toBe("gpt-4o-mini");
    expect(providerModel({ id: "anthropic:messages:claude-sonnet-4-5" })).toBe("claude-sonnet-4-5");
    expect(providerModel("file://grader.js")).toBeUndefined();
    expect(providerModel("echo")).toBeUndefined();
  });
});

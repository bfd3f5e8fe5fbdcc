import { expect, test } from "vitest";
import { renderTemplate, templateVariables } from "../../src/config/template.js";
import { UserError } from "../../src/errors.js";

const where = { exampleId: "ex1", file: "e.jsonl", line: 3 };

test("fills placeholders by plain substitution", () => {
  expect(renderTemplate("Hi {name}, re: {topic}.", { name: "Ana", topic: "billing" }, where)).toBe(
    "Hi Ana, re: billing.",
  );
});

test("non-string values become JSON", () => {
  expect(renderTemplate("{n} {o}", { n: 3, o: { a: [1] } }, where)).toBe('3 {"a":[1]}');
});

test("double braces are literal and JSON examples are left alone", () => {
  const t = 'Return {{"name": ...}} like {"name": "x"} for {text}';
  expect(renderTemplate(t, { text: "T" }, where)).toBe('Return {"name": ...} like {"name": "x"} for T');
  expect(templateVariables(t)).toEqual(["text"]);
});

test("substituted values are never re-expanded", () => {
  expect(renderTemplate("{a}", { a: "{b}", b: "boom" }, where)).toBe("{b}");
});

test("a missing variable names the example and variable", () => {
  expect(() => renderTemplate("{missing}", {}, where)).toThrow(UserError);
  expect(() => renderTemplate("{missing}", {}, where)).toThrow(/example "ex1" has no input "missing"/);
});

test("inherited properties are not variables", () => {
  expect(() => renderTemplate("{toString}", {}, where)).toThrow(/no input "toString"/);
});

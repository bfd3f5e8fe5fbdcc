import { describe, expect, test } from "vitest";
import { compilePattern } from "../../src/config/pattern.js";
import { mapAssertion } from "../../src/import/promptfoo-assertions.js";
import { mapJavascript } from "../../src/import/promptfoo-javascript.js";

const js = (code: string, negated = false) => mapJavascript(code, negated, true);
const spec = (code: string, negated = false) => {
  const m = js(code, negated);
  if (!m.ok) throw new Error(`refused: ${m.reason}`);
  return m.spec;
};

describe("javascript assertions: exact forms become criteria", () => {
  test("includes, toLowerCase().includes, startsWith, endsWith", () => {
    expect(spec("output.includes('Paris')")).toEqual({ type: "contains", value: "Paris" });
    expect(spec('output.toLowerCase().includes("world")')).toEqual({ type: "icontains", value: "world" });
    expect(spec("output.startsWith('Ahoy')")).toEqual({ type: "regex", pattern: "^Ahoy" });
    expect(spec("output.endsWith('(done).')")).toEqual({ type: "regex", pattern: "\\(done\\)\\.$" });
    expect(spec("!output.includes('sorry')")).toEqual({ type: "not_contains", value: "sorry" });
    expect(spec("output.includes('it\\'s')")).toEqual({ type: "contains", value: "it's" });
  });

  test("&& of the same kind is one list criterion; output && and typeof output === 'string' add nothing", () => {
    expect(
      spec("output && typeof output === 'string' && output.includes('![') && output.includes('](http');"),
    ).toEqual({
      type: "contains",
      value: ["![", "](http"],
    });
    expect(
      spec("!output.toLowerCase().includes('error') && !output.toLowerCase().includes('not sure')"),
    ).toEqual({
      type: "not_icontains",
      value: ["error", "not sure"],
    });
    expect(spec("output.includes('a') || output.includes('b.c')")).toEqual({
      type: "regex",
      pattern: "a|b\\.c",
    });
  });

  test("lengths become length bounds, with the counting difference said", () => {
    const m = js("output.length >= 100");
    expect(m).toMatchObject({ ok: true, spec: { type: "length", chars: { min: 100 } } });
    expect(m.ok && m.difference).toMatch(/UTF-16/);
    expect(spec("output.length < 500")).toEqual({ type: "length", chars: { max: 499 } });
    expect(spec("output.length <= 280")).toEqual({ type: "length", chars: { max: 280 } });
    expect(spec("output && output.length > 0")).toEqual({ type: "length", chars: { min: 1 } });
    expect(spec("output.length > 10 && output.length < 20")).toEqual({
      type: "length",
      chars: { min: 11, max: 19 },
    });
    // not-javascript inverts a boolean: a length of at least 100 fails, so at most 99 passes.
    expect(spec("output.length >= 100", true)).toEqual({ type: "length", chars: { max: 99 } });
    expect(spec("output.includes('x')", true)).toEqual({ type: "not_contains", value: "x" });
  });

  test("trim().length > 0 and startsWith/endsWith: the regex decides as JavaScript does", () => {
    const matches = (code: string, text: string): boolean => {
      const s = spec(code);
      if (s.type !== "regex") throw new Error(s.type);
      return compilePattern(s.pattern).matcher(text).find() === (s.match ?? true);
    };
    const texts = [
      "",
      "  ",
      "\u00a0\ufeff\u2028\u3000\t",
      " a ",
      "\u200b",
      "x\n",
      "Ahoy!",
      "say Ahoy",
      "end.\n",
      "end.",
    ];
    for (const t of texts) {
      expect(matches("output && output.trim().length > 0", t)).toBe(t !== "" && t.trim().length > 0);
      expect(matches("output.startsWith('Ahoy')", t)).toBe(t.startsWith("Ahoy"));
      expect(matches("output.endsWith('end.')", t)).toBe(t.endsWith("end."));
    }
  });

  test("a body of comments and one return statement is read; promptfoo returns the one-line value", () => {
    expect(spec("// the image is there\nreturn output.includes('![Generated Image](data:image/')\n")).toEqual(
      {
        type: "contains",
        value: "![Generated Image](data:image/",
      },
    );
  });
});

describe("javascript assertions: near misses are listed with the reason, never mistranslated", () => {
  test.each([
    // a capital letter after toLowerCase() never matches: not icontains
    ["output.toLowerCase().includes('World')", /capitals/],
    // a property of an object output, not the text
    ["output.sentiment === 'negative'", /other than includes/],
    ["JSON.parse(output).color === 'yellow'", /does not start from output/],
    // a number is a score, not a pass/fail
    ["output.length <= 100 ? 1 : 0", /more than one expression|character/],
    ["output.length > 1.5", /character|whole number/],
    // `x && output` returns the text, which promptfoo refuses as a result
    ["output.includes('a') && output", /last operand/],
    ["output.includes('a') && output.length > 3", /different kinds/],
    ["output.includes(`a`)", /character/],
    ["output.includes('a') // trailing", /comment/],
    ["output.trim().length > 10", /trimmed length/],
    ["const v = output;\nreturn v.includes('a')", /statements before/],
    ["output.includes(context.vars.word)", /not a plain string/],
    ["output.toLowerCase().includes('a') || output.includes('B')", /\|\|/],
    ["typeof output === 'string'", /always true/],
    ["false", /does not start from output/],
  ])("%s", (code, why) => {
    const m = js(code);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toMatch(why);
  });

  test("a multi-line body without return always fails in promptfoo: listed as such", () => {
    const m = js(
      "// tone\noutput.toLowerCase().includes('sorry') ||\noutput.toLowerCase().includes('help')\n",
    );
    expect(m).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/returns nothing, so the assertion always fails/) as unknown,
    });
  });

  test("when a provider's output may be an object (tools, JSON schema) nothing is read", () => {
    const m = mapJavascript("output.includes('x')", false, false);
    expect(m).toMatchObject({ ok: false, reason: expect.stringMatching(/may be an object/) as unknown });
  });

  test("through mapAssertion: vars rendered first, weight and transform", () => {
    expect(
      mapAssertion(
        { type: "javascript", value: "output.includes('{{city}}')", weight: 2 },
        { city: "Rome" },
        true,
      ),
    ).toMatchObject({
      ok: true,
      spec: { type: "contains", value: "Rome", weight: 2 },
    });
    expect(
      mapAssertion({ type: "not-javascript", value: "output.startsWith('No')" }, {}, true),
    ).toMatchObject({
      ok: true,
      spec: { type: "regex", pattern: "^No", match: false },
    });
    expect(
      mapAssertion(
        { type: "javascript", value: "output.includes('x')", transform: "output.trim()" },
        {},
        true,
      ).ok,
    ).toBe(false);
    expect(mapAssertion({ type: "javascript", value: "file://check.js" }, {}, true)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/runs code/) as unknown,
    });
  });
});

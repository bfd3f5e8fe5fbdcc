import fc from "fast-check";
import { expect, test } from "vitest";
import { scoreCriterion, type RuleCriterion } from "../../src/engine/scorers/index.js";
import type { ScoreContext } from "../../src/engine/types.js";
import { ctx } from "../helpers/score-context.js";

const word = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 });
const bounds = fc
  .tuple(fc.nat(20), fc.nat(20))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

/** One criterion of every rule type, with arbitrary settings. */
const criteria: fc.Arbitrary<RuleCriterion[]> = fc
  .record({
    value: fc.array(word, { minLength: 1, maxLength: 4 }),
    labels: fc.array(word, { minLength: 1, maxLength: 4 }),
    bounds,
    flag: fc.boolean(),
    minScore: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ value, labels, bounds: b, flag, minScore }): RuleCriterion[] => [
    { name: "f", type: "format_check", bullets: b, lines: b, json: flag },
    { name: "c", type: "contains", value },
    { name: "nc", type: "not_contains", value },
    { name: "ic", type: "icontains", value },
    { name: "nic", type: "not_icontains", value },
    { name: "r", type: "regex", pattern: "^\\s*[\\p{L}\\d]+(?:[.,]\\s*\\S+)*$", flags: "u", match: flag },
    { name: "e", type: "equals", json: flag, ignore_case: !flag },
    { name: "s", type: "json_schema", schema: { type: "object", required: ["a"] } },
    { name: "o", type: "one_of", labels, case_sensitive: flag },
    { name: "l", type: "length", chars: b, words: b },
    { name: "m", type: "similarity", method: "rouge_l", min_score: minScore },
    { name: "t", type: "similarity", method: "token_f1" },
    { name: "p", type: "latency", max_ms: 100 },
    { name: "$", type: "cost", max_usd: 0.01 },
  ]);

/** Plain text, text that looks like the things scorers parse, and broken variants of it. */
const output = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.json().map((j) => `\`\`\`json\n${j}\n\`\`\``),
  fc.json().map((j) => j.slice(0, -1)),
  fc.array(word, { maxLength: 10 }).map((ws) => ws.map((w) => `- ${w}`).join("\n")),
);

test("every scorer returns a score in [0, 1] and a boolean pass for any output, and never throws", async () => {
  await fc.assert(
    fc.asyncProperty(
      criteria,
      output,
      fc.option(fc.jsonValue()),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      async (all, out, expected, cost) => {
        const context: ScoreContext = {
          ...ctx(out, expected ?? undefined),
          ...(cost !== null ? { costUsd: cost } : {}),
        };
        for (const c of all) {
          const r = await scoreCriterion(c, context);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(typeof r.passed).toBe("boolean");
          expect(r.detail ?? "").not.toMatch(/^scorer error/);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test("similarity of a text to itself is 1, by both methods", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), async (s) => {
      for (const method of ["rouge_l", "token_f1"] as const) {
        const r = await scoreCriterion({ name: "s", type: "similarity", method }, ctx(s, s));
        expect(r).toMatchObject({ score: 1, passed: true });
      }
    }),
  );
});

test("ROUGE-L never exceeds token F1 and both are symmetric", async () => {
  const text = fc
    .array(fc.constantFrom("a", "b", "c", "d", "É", "é", "1"), { maxLength: 30 })
    .map((ws) => ws.join(" "));
  await fc.assert(
    fc.asyncProperty(text, text, async (a, b) => {
      const score = async (method: "rouge_l" | "token_f1", x: string, y: string) =>
        (await scoreCriterion({ name: "s", type: "similarity", method }, ctx(x, y))).score;
      const rouge = await score("rouge_l", a, b);
      const f1 = await score("token_f1", a, b);
      expect(rouge).toBeLessThanOrEqual(f1 + 1e-12);
      expect(await score("rouge_l", b, a)).toBeCloseTo(rouge, 12);
      expect(await score("token_f1", b, a)).toBeCloseTo(f1, 12);
    }),
  );
});

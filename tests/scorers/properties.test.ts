import fc from "fast-check";
import { expect, test } from "vitest";
import type { RuleCriterion as Criterion } from "../../src/engine/scorers/index.js";
import { scoreCriterion } from "../../src/engine/scorers/index.js";
import { rougeL, tokenF1 } from "../../src/engine/scorers/similarity.js";
import { ctx } from "../helpers/score-context.js";

const ALL: Criterion[] = [
  { name: "f", type: "format_check", bullets: { min: 1 }, lines: { max: 10 }, json: true },
  { name: "c", type: "contains", value: ["a", "b"] },
  { name: "n", type: "not_icontains", value: "x" },
  { name: "r", type: "regex", pattern: "(a+)+b" },
  { name: "e", type: "equals", json: true },
  { name: "s", type: "json_schema", schema: { type: "object" } },
  { name: "o", type: "one_of", labels: ["x", "y"] },
  { name: "l", type: "length", chars: { max: 50 }, words: { min: 1 } },
  { name: "m", type: "similarity", method: "rouge_l" },
  { name: "t", type: "similarity", method: "token_f1" },
  { name: "p", type: "latency", max_ms: 100 },
];

test("every scorer returns a score in [0, 1] for any output and never throws", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.jsonValue(),
      async (output, expected) => {
        for (const c of ALL) {
          const r = await scoreCriterion(c, ctx(output, expected ?? "x"));
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(typeof r.passed).toBe("boolean");
        }
      },
    ),
    { numRuns: 200 },
  );
});

test("a text is fully similar to itself", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      expect(rougeL(s, s)).toBe(1);
      expect(tokenF1(s, s)).toBe(1);
    }),
  );
});

// The small things a reviewer trips on (issue 23): an empty answer, "1 examples", "p 0.0e+0",
// intervals past ±100 points, a "minimum detectable drop of 107 points".
import { expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import type { ComparedPrompt } from "../../src/pipeline/compare-run.js";
import { detectableDrop, pText } from "../../src/report/criteria-table.js";
import { flippedTable } from "../../src/report/examples.js";
import { count } from "../../src/report/format.js";
import { runOf, twoCriteria } from "../helpers/runs.js";

test("an empty answer says so instead of leaving a blank cell", () => {
  const html = flippedTable(
    {
      id: "e1",
      direction: "pass_to_fail",
      input: { q: "hi" },
      champion_output: "hello",
      challenger_output: "  ",
      criteria: ["ok"],
    },
    ["champion v1", "challenger v2"],
  );
  expect(html).toContain("<td><em>(empty answer)</em></td>");
});

test("counts agree with their number", () => {
  expect(count(1, "example")).toBe("1 example");
  expect(count(2, "example")).toBe("2 examples");
  expect(count(1200, "example")).toBe("1,200 examples");
});

test("a p-value too small to print is a bound, never 0.0e+0", () => {
  expect(pText(0)).toBe("p < 1e-6");
  expect(pText(3e-9)).toBe("p < 1e-6");
  expect(pText(7.3e-5)).toBe("p=7.3e-5");
  expect(pText(0.042)).toBe("p=0.042");
});

function smallSet(): ComparedPrompt {
  // Three examples that swing from all-pass to mostly-fail: the t-interval (t₂ = 4.3) reaches past −100 points.
  const champion = runOf(1, [
    [true, 1],
    [true, 1],
    [true, 1],
  ]);
  const challenger = runOf(2, [
    [false, 0],
    [false, 0],
    [true, 1],
  ]);
  return {
    name: "p",
    reasons: ["test"],
    comparison: comparePrompt(champion, challenger, twoCriteria()),
    champion,
    challenger,
  };
}

test("Δ intervals stay within what a difference of [0, 1] means can be: ±100 points", () => {
  for (const c of smallSet().comparison.criteria) {
    expect(c.delta_ci?.[0]).toBeGreaterThanOrEqual(-1);
    expect(c.delta_ci?.[1]).toBeLessThanOrEqual(1);
  }
  expect(smallSet().comparison.criteria.some((c) => c.delta_ci?.[0] === -1)).toBe(true);
});

test("a set too small to detect any drop says so, and how many examples would detect one", () => {
  const p = smallSet();
  const mdd = p.comparison.minimum_detectable_drop;
  expect(mdd?.drop).toBeGreaterThanOrEqual(1);
  const text = detectableDrop(p).join("\n");
  expect(text).toMatch(/^With 3 examples × 1 round this set is too small to detect any drop \(80% power/);
  expect(text).toMatch(/About [\d,]+ examples would detect drops of 12\.0 points\./);
  expect(text).not.toMatch(/detects drops of 1\d\d/);
});

import { expect, test } from "vitest";
import { categoryBreakdown, UNTAGGED } from "../../src/compare/categories.js";
import { exampleCategories } from "../../src/config/categories.js";
import { categorySection, concentratedSentence } from "../../src/report/categories.js";
import { runOf } from "../helpers/runs.js";

/** 20 examples: e0–e3 tagged refund, e4–e9 shipping, the rest untagged. */
const tags: Record<string, string[]> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`e${i}`, [i < 4 ? "refund" : "shipping"]]),
);
const rows = (fails: readonly number[]): [boolean, number][] =>
  Array.from({ length: 20 }, (_, i) => [!fails.includes(i), 0.8]);

test("an eval set's tags and labels.category are an example's categories", () => {
  expect(
    exampleCategories([
      { id: "a", tags: ["refund", " vip "], labels: { category: "refund" } },
      { id: "b", labels: { category: 3 } },
      { id: "c" },
    ]),
  ).toEqual({ a: ["refund", "vip"] });
  expect(exampleCategories([{ id: "c" }])).toBeUndefined();
});

test("a drop that sits in one category is found and said in words", () => {
  const b = categoryBreakdown(runOf(1, rows([])), runOf(2, rows([0, 1, 2])), tags);
  expect(b?.categories).toEqual(["refund", "shipping", UNTAGGED]);
  const refund = b?.rows.find((r) => r.criterion === "ok" && r.category === "refund");
  expect(refund).toMatchObject({ examples: 4, champion: 1, challenger: 0.25, delta: -0.75 });
  expect(refund?.failing).toEqual(["e0", "e1", "e2"]);
  expect(b?.concentrated).toEqual([
    { criterion: "ok", category: "refund", delta: -0.75, elsewhere: 0, examples: 4 },
  ]);
  const drop = b?.concentrated[0];
  if (!drop) throw new Error("no concentrated drop");
  expect(concentratedSentence(drop)).toBe("ok fell 75 points on `refund` (4 examples), unchanged elsewhere");
  const md = categorySection(b).join("\n");
  expect(md).toContain("```mermaid");
  expect(md).toContain('x-axis ["refund", "shipping", "(untagged)"]');
});

test("a drop spread over every category is not called concentrated", () => {
  const b = categoryBreakdown(runOf(1, rows([])), runOf(2, rows([0, 4, 5, 10, 11, 12])), tags);
  expect(b?.concentrated).toEqual([]);
  expect(categorySection(b, ["ok"]).join("\n")).toContain(
    "ok fell on 3 of 3 categories, most on `shipping` (33 points, 6 examples)",
  );
});

test("no champion: the challenger's figures alone, nothing concentrated; no tags: no breakdown", () => {
  const b = categoryBreakdown(null, runOf(2, rows([0, 1, 2])), tags);
  expect(b?.rows.every((r) => r.champion === null && r.delta === null)).toBe(true);
  expect(b?.concentrated).toEqual([]);
  expect(categoryBreakdown(null, runOf(2, rows([])), undefined)).toBeUndefined();
});

test("a category of fewer than three examples, or a criterion that rose overall, is no concentrated drop", () => {
  const small = { e0: ["vip"], e1: ["vip"] };
  expect(categoryBreakdown(runOf(1, rows([])), runOf(2, rows([0, 1])), small)?.concentrated).toEqual([]);
  // The refund examples fall, but the criterion rose over the whole set.
  const champion = runOf(1, rows([10, 11, 12, 13, 14, 15, 16, 17]));
  expect(categoryBreakdown(champion, runOf(2, rows([0, 1])), tags)?.concentrated).toEqual([]);
});

test("category names cannot break the Mermaid chart or the markdown", () => {
  const hostile = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`e${i}`, [i < 4 ? '"]\n```<b>@x' : "b|c"]]),
  );
  const md = categorySection(categoryBreakdown(runOf(1, rows([])), runOf(2, rows([0, 1, 2])), hostile)).join(
    "\n",
  );
  const chart = md.slice(md.indexOf("```mermaid"), md.indexOf("```", md.indexOf("```mermaid") + 3));
  expect(chart).toContain('x-axis ["_______b__x", "b_c", "(untagged)"]');
  // Inside a code span GitHub shows text as typed (no HTML, no mention): the hostile name may only stand there.
  const outsideCode = md.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, "");
  expect(outsideCode).not.toContain("<b>");
  expect(outsideCode).not.toMatch(/@x/);
  expect(md).toContain("<b>");
});

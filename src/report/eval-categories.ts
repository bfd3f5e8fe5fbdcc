/**
 * The per-category part of an eval report (`agentops eval --by tag`, and the
 * markdown report): each criterion by category, and each criterion's failing
 * examples grouped by category with counts. Pure.
 */
import type { CategoryBreakdown } from "../compare/categories.js";
import { categoryTable } from "./categories.js";
import { escapeInline } from "./escape.js";

/** Failing ids listed per category before "…". */
const IDS_SHOWN = 8;

/** "accuracy: 4 failing examples — `billing` 2 (tkt-005, tkt-014), `shipping` 2 (…)"; one line per criterion with failures. */
export function failingByCategory(b: CategoryBreakdown, escape: (s: string) => string): string[] {
  const criteria = [...new Set(b.rows.map((r) => r.criterion))];
  return criteria.flatMap((criterion) => {
    const rows = b.rows.filter((r) => r.criterion === criterion && r.failing.length > 0);
    if (rows.length === 0) return [];
    const ids = new Set(rows.flatMap((r) => r.failing));
    const parts = rows
      .sort(
        (x, y) =>
          y.failing.length - x.failing.length ||
          b.categories.indexOf(x.category) - b.categories.indexOf(y.category),
      )
      .map((r) => {
        const shown = r.failing.slice(0, IDS_SHOWN).join(", ");
        const more = r.failing.length > IDS_SHOWN ? `, … ${r.failing.length - IDS_SHOWN} more` : "";
        return `${escape(r.category)} ${r.failing.length} (${escape(shown + more)})`;
      });
    return [
      `${escape(criterion)}: ${ids.size} failing example${ids.size === 1 ? "" : "s"} — ${parts.join("; ")}`,
    ];
  });
}

/** Plain text for a terminal: the table, then failures by category. */
export function categoryText(b: CategoryBreakdown | undefined): string[] {
  if (!b) return ["  no example has tags or labels.category: nothing to break down"];
  const table = categoryTable(b, (s) => s)
    .split("\n")
    .map((l) => `  ${l}`);
  const failing = failingByCategory(b, (s) => s).map((l) => `  ${l}`);
  return ["  by category (score %; an example counts in each of its categories):", ...table, ...failing];
}

/** Markdown, folded: the table and failures by category. */
export function categoryMarkdown(b: CategoryBreakdown | undefined): string[] {
  if (!b) return [];
  const failing = failingByCategory(b, (s) => escapeInline(s, 300)).map((l) => `- ${l}`);
  return [
    `<details><summary>By category (${b.categories.length}): score %</summary>`,
    "",
    categoryTable(b),
    "",
    ...(failing.length > 0 ? [...failing, ""] : []),
    "</details>",
    "",
  ];
}

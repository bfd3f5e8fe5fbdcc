/**
 * The per-category breakdown (src/compare/categories.ts) as markdown: a sentence
 * for each drop that sits in one category, a table of every criterion by
 * category, and a small Mermaid chart when a drop is concentrated. Pure.
 */
import { markdownTable } from "markdown-table";
import type { CategoryBreakdown, CategoryRow, ConcentratedDrop } from "../compare/categories.js";
import { codeSpan, escapeInline } from "./escape.js";

/** Charts stay small: past this many categories the table says it better. */
const CHART_MAX_CATEGORIES = 10;

const points = (x: number): string => Math.abs(x * 100).toFixed(0);
const pctOf = (x: number): string => (x * 100).toFixed(0);
const code = (s: string): string => codeSpan(s, { maxLength: 60 });
const codeInTable = (s: string): string => codeSpan(s, { maxLength: 60, table: true });
/** The markdown escaping of the report; plain text (a terminal) passes `(s) => s`. */
type Escape = (s: string) => string;

/** "overlap fell 25 points on `refund`, 1 point elsewhere" (or "rose 3 points elsewhere"). */
export function concentratedSentence(d: ConcentratedDrop): string {
  const elsewhere =
    Math.abs(d.elsewhere) < 0.005
      ? "unchanged elsewhere"
      : `${d.elsewhere < 0 ? "" : "rose "}${points(d.elsewhere)} point${points(d.elsewhere) === "1" ? "" : "s"} elsewhere`;
  return `${escapeInline(d.criterion)} fell ${points(d.delta)} points on ${code(d.category)} (${d.examples} example${d.examples === 1 ? "" : "s"}), ${elsewhere}`;
}

/** For a failing criterion with no concentrated drop: "meaning fell on 5 of 6 categories, most on `billing` (22 points)". */
export function spreadSentence(b: CategoryBreakdown, criterion: string): string | undefined {
  const rows = b.rows.filter((r) => r.criterion === criterion && r.delta !== null);
  const fell = rows.filter((r) => (r.delta ?? 0) <= -0.005);
  if (rows.length < 2 || fell.length === 0) return undefined;
  const worst = fell.reduce((w, r) => ((r.delta ?? 0) < (w.delta ?? 0) ? r : w));
  return `${escapeInline(criterion)} fell on ${fell.length} of ${rows.length} categories, most on ${code(worst.category)} (${points(worst.delta ?? 0)} points, ${worst.examples} example${worst.examples === 1 ? "" : "s"})`;
}

function cell(r: CategoryRow | undefined, plain = false): string {
  if (!r) return "–";
  if (r.champion === null || r.delta === null) return `${pctOf(r.challenger)}%`;
  const d = Math.round(r.delta * 100);
  const delta = d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${Math.abs(d)}`;
  const text = `${pctOf(r.champion)} → ${pctOf(r.challenger)} (${delta})`;
  return r.delta <= -0.1 && !plain ? `**${text}**` : text;
}

/** Rows are categories, columns criteria; a cell is champion → challenger (Δ points), or the challenger alone. */
export function categoryTable(b: CategoryBreakdown, escape?: Escape): string {
  const name = escape ?? codeInTable;
  const head = escape ?? ((s: string) => escapeInline(s, 60));
  const criteria = [...new Set(b.rows.map((r) => r.criterion))];
  const at = new Map(b.rows.map((r) => [`${r.criterion}\u0000${r.category}`, r]));
  const rows = b.categories.map((cat) => {
    const n = Math.max(0, ...b.rows.filter((r) => r.category === cat).map((r) => r.examples));
    return [
      `${name(cat)} (${n})`,
      ...criteria.map((c) => cell(at.get(`${c}\u0000${cat}`), escape !== undefined)),
    ];
  });
  return markdownTable([["category (examples)", ...criteria.map(head)], ...rows], {
    align: ["l", ...criteria.map(() => "r" as const)],
  });
}

/** Mermaid labels: quoted strings, so only a safe alphabet and no quote can reach them. */
const label = (s: string): string => s.replace(/[^A-Za-z0-9 _./()-]/g, "_").slice(0, 24);

/**
 * A bar chart of one criterion by category, the challenger as bars and the
 * champion as a line: drawn for the first failing criterion, else for a
 * concentrated drop, where a picture shows at once which categories fell. Empty when
 * it would add nothing (no such criterion, one category, too many).
 */
export function categoryChart(b: CategoryBreakdown, failing: readonly string[] = []): string[] {
  // The criterion that failed the gate (the first given: the worst) is the one a reviewer asks about;
  // a concentrated drop of a passing criterion is charted only when nothing failed.
  const criterion = failing[0] ?? b.concentrated[0]?.criterion;
  if (criterion === undefined || b.categories.length < 2 || b.categories.length > CHART_MAX_CATEGORIES)
    return [];
  const drop = { criterion };
  const rows = b.categories.flatMap((cat) => {
    const r = b.rows.find((x) => x.criterion === drop.criterion && x.category === cat);
    return r && r.champion !== null ? [r] : [];
  });
  if (rows.length < 2) return [];
  const list = (xs: readonly number[]): string => `[${xs.map((x) => (x * 100).toFixed(0)).join(", ")}]`;
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${label(drop.criterion)} by category - challenger bars, champion line"`,
    `    x-axis [${rows.map((r) => `"${label(r.category)}"`).join(", ")}]`,
    `    y-axis "score (%)" 0 --> 100`,
    `    bar ${list(rows.map((r) => r.challenger))}`,
    `    line ${list(rows.map((r) => r.champion ?? 0))}`,
    "```",
    "",
  ];
}

/**
 * The compare report's category part: sentences first (each concentrated drop, and how each
 * failing criterion's drop spreads), then the chart, then the table folded away.
 */
export function categorySection(b: CategoryBreakdown | undefined, failing: readonly string[] = []): string[] {
  if (!b) return [];
  const out: string[] = [];
  for (const d of b.concentrated) out.push(`- By category: ${concentratedSentence(d)}.`);
  for (const name of failing) {
    if (b.concentrated.some((d) => d.criterion === name)) continue;
    const spread = spreadSentence(b, name);
    if (spread) out.push(`- By category: ${spread}.`);
  }
  if (out.length > 0) out.push("");
  out.push(...categoryChart(b, failing));
  out.push(
    `<details><summary>By category (${b.categories.length}): score % champion → challenger (Δ points)</summary>`,
    "",
    categoryTable(b),
    "",
    "Examples count in each of their categories (tags and labels.category); figures are descriptive, not tested per category.",
    "",
    "</details>",
    "",
  );
  return out;
}

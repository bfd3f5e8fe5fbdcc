/**
 * Examples a reviewer can read: input, expected answer, the answers of both
 * sides side by side (stacked when they are long), and each criterion's result
 * per side. HTML tables, because GitHub wraps text in table cells while a <pre>
 * scrolls sideways; every cell is escaped (escapeCell) and the table has no
 * blank line, so markdown never starts inside it. Pure.
 */
import type { FlippedExample } from "../compare/compare.js";
import type { FailingExamples } from "../compare/failing.js";
import type { ShownScore } from "../compare/flipped.js";
import { codeSpan, escapeCell, escapeInline } from "./escape.js";

/** Answers longer than this (characters) are stacked rather than side by side. */
const SIDE_BY_SIDE_MAX = 700;
const OUTPUT_MAX = 1500;

function inputText(input: Record<string, unknown>): string {
  const entries = Object.entries(input);
  return entries
    .map(([k, v]) => {
      const value = typeof v === "string" ? v : JSON.stringify(v);
      return entries.length === 1 ? value : `${k}: ${value}`;
    })
    .join("\n");
}

function expectedText(expected: unknown): string {
  return typeof expected === "string" ? expected : JSON.stringify(expected, null, 1);
}

function scoreCell(s: ShownScore | undefined): string {
  if (!s) return "–";
  const detail = s.detail ? ` · ${escapeCell(s.detail, 160)}` : "";
  return `${s.passed ? "✅" : "❌"} ${s.score.toFixed(2)}${detail}`;
}

/** An answer's cell: an empty answer says so instead of leaving a blank a reader takes for a rendering fault. */
const answer = (text: string): string =>
  text.trim() === "" ? "<em>(empty answer)</em>" : escapeCell(text, OUTPUT_MAX);

const row = (head: string, ...cells: string[]): string =>
  `<tr><th align="left">${head}</th>${cells.join("")}</tr>`;
const td = (html: string, span = 1): string => `<td${span > 1 ? ` colspan="${span}"` : ""}>${html}</td>`;

interface Shown {
  input: Record<string, unknown>;
  expected?: unknown;
}

function inputRows(e: Shown, span: number): string[] {
  const rows = [row("input", td(escapeCell(inputText(e.input), 800), span))];
  if (e.expected !== undefined)
    rows.push(row("expected", td(escapeCell(expectedText(e.expected), 800), span)));
  return rows;
}

/** Criterion rows: the flipped ones first, each side's result on the answer shown. */
function criteriaRows(
  names: readonly string[],
  flipped: readonly string[],
  a: Record<string, ShownScore> | undefined,
  b: Record<string, ShownScore> | undefined,
): string[] {
  const order = [...flipped, ...names.filter((n) => !flipped.includes(n))];
  return order.map((n) => {
    const name = escapeCell(n, 80);
    return row(
      flipped.includes(n) ? `<strong>${name}</strong>` : name,
      td(scoreCell(a?.[n])),
      td(scoreCell(b?.[n])),
    );
  });
}

/** One flipped example as a table; `sides` names the columns ("champion v1", "challenger v2"). */
export function flippedTable(f: FlippedExample, sides: readonly [string, string]): string {
  const a = f.champion_output;
  const b = f.challenger_output;
  const stacked = a.length > SIDE_BY_SIDE_MAX || b.length > SIDE_BY_SIDE_MAX;
  const names = [
    ...new Set([...Object.keys(f.champion_scores ?? {}), ...Object.keys(f.challenger_scores ?? {})]),
  ];
  const rows = [`<table>`, row("", `<th>${sides[0]}</th>`, `<th>${sides[1]}</th>`), ...inputRows(f, 2)];
  if (stacked)
    rows.push(row(`answer, ${sides[0]}`, td(answer(a), 2)), row(`answer, ${sides[1]}`, td(answer(b), 2)));
  else rows.push(row("answer", td(answer(a)), td(answer(b))));
  rows.push(...criteriaRows(names, f.criteria, f.champion_scores, f.challenger_scores), `</table>`);
  return rows.join("\n");
}

function heading(id: string, what: string, categories: readonly string[] | undefined): string {
  const tags = categories?.length
    ? ` · ${categories.map((c) => codeSpan(c, { maxLength: 40 })).join(" ")}`
    : "";
  return `**${escapeInline(id)}** — ${what}${tags}`;
}

/** Flipped examples in a collapsed section, regressions first, at most `limit` shown. */
export function flippedSection(
  flipped: readonly FlippedExample[],
  limit: number,
  sides: readonly [string, string],
  categories?: Readonly<Record<string, string[]>>,
  where = "the results JSON",
): string[] {
  if (flipped.length === 0) return [];
  const down = flipped.filter((f) => f.direction === "pass_to_fail");
  const up = flipped.filter((f) => f.direction === "fail_to_pass");
  const out = [
    `<details><summary>${down.length} example${down.length === 1 ? "" : "s"} went pass → fail, ${up.length} fail → pass</summary>`,
    "",
  ];
  // Regressions first: they are what a reviewer needs to see.
  for (const f of [...down, ...up].slice(0, limit)) {
    const arrow = f.direction === "pass_to_fail" ? "pass → fail" : "fail → pass";
    const what = `${arrow} (${f.criteria.map((c) => escapeInline(c)).join(", ")})`;
    out.push(heading(f.id, what, categories?.[f.id]), "", flippedTable(f, sides), "");
  }
  if (flipped.length > limit) out.push(`… and ${flipped.length - limit} more in ${where}.`, "");
  out.push("</details>", "");
  return out;
}

/** A below-threshold verdict's failing examples, per criterion: at most `limit` shown, with a count of the rest. */
export function failingSection(
  failing: readonly FailingExamples[],
  limit: number,
  side: string,
  categories?: Readonly<Record<string, string[]>>,
  where = "the results JSON",
): string[] {
  const out: string[] = [];
  for (const f of failing) {
    const shown = f.examples.slice(0, limit);
    out.push(
      `<details><summary>${escapeCell(f.criterion, 100)}: ${f.total} example${f.total === 1 ? "" : "s"} below the threshold${shown.length < f.total ? ` (${shown.length} shown)` : ""}</summary>`,
      "",
    );
    for (const e of shown) {
      const names = Object.keys(e.scores);
      const table = [
        `<table>`,
        row("", `<th>${side}</th>`),
        ...inputRows(e, 1),
        row("answer", td(answer(e.output))),
        ...[f.criterion, ...names.filter((n) => n !== f.criterion)].map((n) =>
          row(
            n === f.criterion ? `<strong>${escapeCell(n, 80)}</strong>` : escapeCell(n, 80),
            td(scoreCell(e.scores[n])),
          ),
        ),
        `</table>`,
      ].join("\n");
      out.push(heading(e.id, `fails ${escapeInline(f.criterion)}`, categories?.[e.id]), "", table, "");
    }
    if (f.total > shown.length)
      out.push(`… and ${f.total - shown.length} more failing ${escapeInline(f.criterion)} in ${where}.`, "");
    out.push("</details>", "");
  }
  return out;
}

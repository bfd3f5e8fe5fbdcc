import { markdownTable } from "markdown-table";
import { cell, END, mostChanged, START, toolUseOf, type ToolUse } from "../agent/tool-stats.js";
import type { Trajectory } from "../agent/trajectory.js";
import type { FlippedExample } from "../compare/compare.js";
import type { PromptRun } from "../engine/evaluate.js";
import { codeSpan, escapeBlock, escapeInline } from "./escape.js";
import { count, int } from "./format.js";

/*
 * The tool-use part of a report: per side, calls per tool, mean steps and unmatched calls; the
 * transition matrix of the trajectories (start → tools → end) with the most-changed cells
 * marked; and the trajectories of flipped examples, compactly. Tool names come from prompt
 * files and arguments from models: everything is escaped.
 */

// Every use of a tool name is in a table.
const name = (s: string): string =>
  s === START || s === END ? `*${s}*` : codeSpan(s, { maxLength: 64, table: true });

function tools(...uses: (ToolUse | undefined)[]): string[] {
  return [...new Set(uses.flatMap((u) => Object.keys(u?.calls ?? {})))].sort();
}

function summaryTable(champion: ToolUse | undefined, challenger: ToolUse | undefined, both: boolean): string {
  const fig = (u: ToolUse | undefined, f: (u: ToolUse) => string): string => (u ? f(u) : "–");
  const row = (label: string, f: (u: ToolUse) => string): string[] =>
    both ? [label, fig(champion, f), fig(challenger, f)] : [label, fig(challenger, f)];
  const rows = [
    both ? ["", "champion", "challenger"] : ["", "value"],
    ...tools(champion, challenger).map((t) => row(`calls to ${name(t)}`, (u) => int(u.calls[t] ?? 0))),
    row("mean steps", (u) => u.mean_steps.toFixed(2)),
    row("unmatched calls (no fixture)", (u) => int(u.unmatched)),
    row("answers", (u) => int(u.samples)),
  ];
  return markdownTable(rows, { align: both ? ["l", "r", "r"] : ["l", "r"] });
}

function matrix(champion: ToolUse | undefined, challenger: ToolUse | undefined): string {
  const names = tools(champion, challenger);
  const marked = mostChanged(champion, challenger);
  const count = (u: ToolUse | undefined, k: string): number => u?.transitions.get(k) ?? 0;
  const rows = [START, ...names].map((from) => [
    name(from),
    ...[...names, END].map((to) => {
      const k = cell(from, to);
      const b = count(challenger, k);
      if (!champion) return b ? int(b) : "·";
      const a = count(champion, k);
      if (a === 0 && b === 0) return "·";
      const text = a === b ? int(a) : `${int(a)} → ${int(b)}`;
      return marked.has(k) ? `**${text}** ◀` : text;
    }),
  ]);
  return markdownTable([["from \\ to", ...[...names, END].map(name)], ...rows], {
    align: ["l", ...names.map(() => "c" as const), "c"],
  });
}

/** One line per call: step, tool, arguments, result; then the answer. */
export function compactTrajectory(t: Trajectory | undefined): string {
  if (!t) return "(no trajectory)";
  const lines: string[] = [];
  t.steps.forEach((s, i) => {
    for (const c of s.tool_calls) {
      const result =
        c.result === undefined ? "(not answered: no steps left)" : JSON.stringify(c.result).slice(0, 160);
      lines.push(
        `${i + 1}. ${c.name}(${c.arguments.slice(0, 160)}) → ${c.unmatched ? "UNMATCHED " : ""}${result}`,
      );
    }
  });
  lines.push(`answer: ${t.final.trim() === "" ? "(empty answer)" : t.final.slice(0, 200)}`);
  return lines.join("\n");
}

function firstOf(run: PromptRun | null, id: string): Trajectory | undefined {
  return run?.examples.find((r) => r.id === id && r.status === "ok")?.trajectory;
}

function flippedTrajectories(
  champion: PromptRun | null,
  challenger: PromptRun,
  flipped: readonly FlippedExample[],
  limit: number,
): string[] {
  const shown = [...flipped]
    .sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "pass_to_fail" ? -1 : 1))
    .filter((f) => firstOf(challenger, f.id) ?? firstOf(champion, f.id))
    .slice(0, limit);
  if (shown.length === 0) return [];
  const out = [`<details><summary>Trajectories of ${count(shown.length, "flipped example")}</summary>`, ""];
  for (const f of shown) {
    out.push(
      `**${escapeInline(f.id)}** — ${f.direction === "pass_to_fail" ? "pass → fail" : "fail → pass"}`,
      "",
    );
    out.push("Champion:", escapeBlock(compactTrajectory(firstOf(champion, f.id)), 1200), "");
    out.push("Challenger:", escapeBlock(compactTrajectory(firstOf(challenger, f.id)), 1200), "");
  }
  out.push("</details>", "");
  return out;
}

/** The compare report's tool-use section of one prompt; nothing for a prompt without tools. */
export function toolUseSection(
  champion: PromptRun | null,
  challenger: PromptRun,
  flipped: readonly FlippedExample[] = [],
  flippedLimit = 5,
): string[] {
  const a = champion ? toolUseOf(champion.examples) : undefined;
  const b = toolUseOf(challenger.examples);
  if (!a && !b) return [];
  const both = champion !== null;
  return [
    "**Tool use**",
    "",
    summaryTable(a, b, both),
    "",
    both
      ? "Transitions between tools over all answers (champion → challenger; ◀ marks the cells that changed most):"
      : "Transitions between tools over all answers:",
    "",
    matrix(both ? a : undefined, b),
    "",
    ...flippedTrajectories(champion, challenger, flipped, flippedLimit),
  ];
}

/** The eval report's tool-use section of one run. */
export function toolUseEvalSection(run: PromptRun): string[] {
  return toolUseSection(null, run);
}

/** Plain-text lines for the terminal: calls per tool, mean steps, unmatched calls. */
export function toolUseText(run: PromptRun): string[] {
  const u = toolUseOf(run.examples);
  if (!u) return [];
  const calls = Object.entries(u.calls)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([t, n]) => `${t} ${n}`);
  return [
    `tool calls: ${calls.join(", ") || "none"} · mean steps ${u.mean_steps.toFixed(2)} · unmatched ${u.unmatched}`,
  ];
}

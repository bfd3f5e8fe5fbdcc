/**
 * `agentops history`: each prompt version's criteria over time, from results
 * files of eval and score. Pure: the files come in already read.
 * (src/lifecycle/history.ts is another history: the config's git history, for rollback.)
 */
import { markdownTable } from "markdown-table";
import { escapeInline } from "../report/escape.js";
import type { EvalResults } from "../report/results.js";

export type HistorySource = "eval set" | "production traces";

export interface HistoryRun {
  finished_at: string;
  version: number;
  file: string;
  /** Criterion -> its figures in that run. */
  criteria: Record<string, { mean_score: number; pass_rate: number; n: number }>;
}

/** One prompt's runs on one kind of data, oldest first: eval-set and production figures are not one series. */
export interface HistorySeries {
  prompt: string;
  source: HistorySource;
  criteria: string[];
  runs: HistoryRun[];
}

export interface History {
  series: HistorySeries[];
  /** Files in a folder that are not results of eval or score (drift, compare …), passed over. */
  skipped: string[];
}

/** score's results say where the answers came from: its provider is "traces" or "traces+…". */
const sourceOf = (r: EvalResults): HistorySource =>
  r.provider === "traces" || r.provider.startsWith("traces+") ? "production traces" : "eval set";

export function buildHistory(
  files: readonly { file: string; results: EvalResults }[],
  skipped: readonly string[] = [],
  last = 30,
): History {
  const bySeries = new Map<string, HistorySeries>();
  for (const { file, results } of files) {
    const source = sourceOf(results);
    for (const run of results.runs) {
      const key = `${run.prompt}\u0000${source}`;
      const series = bySeries.get(key) ?? { prompt: run.prompt, source, criteria: [], runs: [] };
      bySeries.set(key, series);
      for (const c of run.criteria) if (!series.criteria.includes(c.name)) series.criteria.push(c.name);
      series.runs.push({
        finished_at: results.finished_at,
        version: run.version,
        file,
        criteria: Object.fromEntries(
          run.criteria.map((c) => [c.name, { mean_score: c.mean_score, pass_rate: c.pass_rate, n: c.n }]),
        ),
      });
    }
  }
  const series = [...bySeries.values()]
    .map((s) => ({
      ...s,
      runs: s.runs
        .sort((a, b) => a.finished_at.localeCompare(b.finished_at) || a.file.localeCompare(b.file))
        .slice(-last),
    }))
    .sort((a, b) => a.prompt.localeCompare(b.prompt) || a.source.localeCompare(b.source));
  return { series, skipped: [...skipped] };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** "2026-12-01 03:17" from an ISO time, UTC. */
const when = (iso: string): string => iso.slice(0, 16).replace("T", " ");
/** Mermaid strings are quoted: keep them to an alphabet with no quote or bracket. */
const mermaidText = (s: string): string => s.replace(/[^A-Za-z0-9 _.:/()-]/g, "_").slice(0, 60);

/** A Mermaid xychart of one criterion's mean score over the runs that scored it. */
export function historyChart(s: HistorySeries, criterion: string): string[] {
  const seen = new Map<string, number>();
  const points = s.runs.flatMap((r) => {
    const c = r.criteria[criterion];
    if (!c || c.n === 0) return [];
    // Mermaid merges equal categories into one point: two runs in the same minute get a (2).
    const base = `v${r.version} ${when(r.finished_at).slice(5)}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return [{ label: k === 1 ? base : `${base} (${k})`, value: c.mean_score * 100 }];
  });
  if (points.length <= 2) return [];
  return [
    "```mermaid",
    // The default palette draws a lone line in a pale grey that barely shows: one strong blue, and half
    // the default height, as a summary holds one chart per criterion.
    '%%{init: {"xyChart": {"height": 280}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%',
    "xychart-beta",
    `  title "${mermaidText(`${s.prompt} - ${criterion} (${s.source})`)}"`,
    `  x-axis [${points.map((p) => `"${mermaidText(p.label)}"`).join(", ")}]`,
    '  y-axis "mean score (%)" 0 --> 100',
    `  line [${points.map((p) => p.value.toFixed(1)).join(", ")}]`,
    "```",
  ];
}

/** Markdown: per prompt and source a table (one row a run) and, past two runs, a chart per criterion. */
export function renderHistoryMarkdown(h: History): string {
  const parts = ["## agentops history", ""];
  if (h.series.length === 0) parts.push("No runs in these results.", "");
  for (const s of h.series) {
    parts.push(`### ${escapeInline(s.prompt)} — ${s.source}`, "");
    parts.push(
      markdownTable(
        [
          ["finished (UTC)", "version", ...s.criteria.map((c) => escapeInline(c)), "file"],
          ...s.runs.map((r) => [
            when(r.finished_at),
            `v${r.version}`,
            ...s.criteria.map((c) => {
              const x = r.criteria[c];
              return x && x.n > 0 ? pct(x.mean_score) : "–";
            }),
            escapeInline(r.file, 120),
          ]),
        ],
        { align: ["l", "l", ...s.criteria.map(() => "r" as const), "l"] },
      ),
      "",
    );
    for (const c of s.criteria) {
      const chart = historyChart(s, c);
      if (chart.length) parts.push(...chart, "");
    }
  }
  parts.push(
    "Each cell is the criterion's mean score in that run (a pass/fail criterion's is its pass rate), the figure thresholds compare. Eval-set runs and production-trace runs (agentops score) are separate series.",
    "",
  );
  if (h.skipped.length)
    parts.push(
      `Passed over (not results of eval or score): ${h.skipped.map((f) => escapeInline(f, 120)).join(", ")}`,
      "",
    );
  return parts.join("\n");
}

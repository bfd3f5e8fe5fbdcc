import { markdownTable } from "markdown-table";
import {
  failureKind,
  type CriterionComparison,
  type CriterionStatus,
  type FlippedExample,
  type PromptComparison,
  type Verdict,
} from "../compare/compare.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ComparedPrompt, CompareResults } from "../pipeline/compare-run.js";
import { escapeBlock, escapeInline } from "./escape.js";
import { int, ms, pct } from "./format.js";
import { gateChangeHeadline, renderGateChanges } from "./gate-changes.js";
import { judgeLines } from "./judges.js";
import { truncatedSides } from "./truncated.js";

const VERDICT_ICON: Record<Verdict, string> = {
  pass: "✅",
  fail: "❌",
  inconclusive: "⚠️",
  needs_approval: "🔐",
};

/** "pass", "inconclusive", or for a failure what kind it is (a regression, or thresholds missed). */
function verdictWord(verdict: Verdict, comparisons: readonly PromptComparison[]): string {
  return verdict === "fail"
    ? failureKind(comparisons)
    : verdict === "needs_approval"
      ? "needs approval"
      : verdict;
}

const STATUS_LABEL: Record<CriterionStatus, string> = {
  ok: "✅ ok",
  improved: "✅ improved",
  regressed: "❌ regressed",
  below_threshold: "❌ below threshold",
  inconclusive: "⚠️ inconclusive",
  new: "🆕 no baseline",
  removed: "➖ removed",
};

const signedPts = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;

/** The row shows mean scores that are not pass rates (partial credit, similarity). */
function showsMeanScores(c: CriterionComparison): boolean {
  if (c.status === "new" || c.status === "removed") return false;
  return (
    c.challenger.mean !== c.challenger.pass_rate ||
    (c.champion !== null && c.champion.mean !== c.champion.pass_rate)
  );
}

function criterionRow(c: CriterionComparison): string[] {
  // A threshold is on the share of passing examples; beside a mean score it must say so.
  const threshold =
    c.threshold === undefined
      ? ""
      : showsMeanScores(c)
        ? ` (mean score; min ${pct(c.threshold, 0)} passing)`
        : ` (min ${pct(c.threshold, 0)})`;
  return [
    escapeInline(c.name) + threshold,
    c.champion ? pct(c.champion.mean) : "–",
    c.status === "removed" || c.challenger.n === 0
      ? "–"
      : pct(c.status === "new" ? c.challenger.pass_rate_all : c.challenger.mean),
    c.delta !== null ? `${signedPts(c.delta)} pts` : "–",
    c.delta_ci ? `${signedPts(c.delta_ci[0])} to ${signedPts(c.delta_ci[1])}` : "–",
    c.p_adjusted !== null && c.discordant && c.discordant.pass_to_fail + c.discordant.fail_to_pass > 0
      ? `${c.discordant.pass_to_fail}↓ ${c.discordant.fail_to_pass}↑ (p=${c.p_adjusted < 0.001 ? "<0.001" : c.p_adjusted.toFixed(3)})`
      : "–",
    STATUS_LABEL[c.status],
  ];
}

function sideFigures(run: PromptRun | null): string[] {
  if (!run) return ["–", "–", "–", "–", "–"];
  const s = run.summary;
  return [
    `${s.ok}/${s.examples}${s.errors + s.skipped ? ` (${s.errors} errors, ${s.skipped} skipped)` : ""}`,
    int(s.tokens.prompt + s.tokens.completion),
    s.cost_usd === null ? "unknown price" : `$${s.cost_usd.toFixed(4)}`,
    s.latency_ms ? `${ms(s.latency_ms.p50)} / ${ms(s.latency_ms.p95)}` : "–",
    run.stopped ? `stopped: ${escapeInline(run.stopped.reason, 120)}` : "complete",
  ];
}

function flippedSection(flipped: readonly FlippedExample[], limit: number): string[] {
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
    out.push(
      `**${escapeInline(f.id)}** — ${arrow} (${f.criteria.map((c) => escapeInline(c)).join(", ")})`,
      "",
    );
    out.push("Input:", escapeBlock(JSON.stringify(f.input, null, 1), 600), "");
    out.push(
      "Champion:",
      escapeBlock(f.champion_output, 1000),
      "",
      "Challenger:",
      escapeBlock(f.challenger_output, 1000),
      "",
    );
  }
  if (flipped.length > limit) out.push(`… and ${flipped.length - limit} more in the results JSON.`, "");
  out.push("</details>", "");
  return out;
}

function promptSection(p: ComparedPrompt, flippedLimit: number): string[] {
  const c = p.comparison;
  const from =
    c.champion_version !== null
      ? `v${c.champion_version} → v${c.challenger_version}`
      : `new v${c.challenger_version}`;
  const out = [`### ${escapeInline(p.name)}: ${from} — ${verdictWord(c.verdict, [c])}`, ""];
  out.push(`Evaluated because: ${p.reasons.map((r) => escapeInline(r, 300)).join("; ")}.`, "");
  if (!c.baseline)
    out.push(
      `> **No baseline** — absolute thresholds only.${p.baseline_note ? ` ${escapeInline(p.baseline_note, 400)}` : ""}`,
      "",
    );
  out.push(`**${escapeInline(c.reason, 300)}**`, "");
  out.push(
    markdownTable(
      [
        ["criterion", "champion", "challenger", "Δ", "95% CI of Δ", "flips (McNemar)", "status"],
        ...c.criteria.map(criterionRow),
      ],
      { align: ["l", "r", "r", "r", "r", "r", "l"] },
    ),
    "",
  );
  out.push(
    markdownTable(
      [
        ["", "examples scored", "tokens", "cost", "latency p50 / p95", "run"],
        [`champion${p.champion ? ` v${p.champion.version}` : ""}`, ...sideFigures(p.champion)],
        [`challenger v${p.challenger.version}`, ...sideFigures(p.challenger)],
      ],
      { align: ["l", "r", "r", "r", "r", "l"] },
    ),
    "",
  );
  for (const line of judgeLines(p.challenger)) out.push(`> ${escapeInline(line, 300)}`, "");
  const sampled = p.challenger.sampled;
  if (sampled) {
    out.push(
      `Sampled: ${int(sampled.kept)} of ${int(sampled.of)} examples on both sides (max_examples; ${escapeInline(sampled.method)}).`,
      "",
    );
  }
  if (c.errors.excluded_pairs > 0) {
    out.push(
      `${c.errors.excluded_pairs} example(s) left out of the pairing because a side errored or was skipped.`,
      "",
    );
  }
  out.push(...truncatedSides(p.champion, p.challenger));
  out.push(...flippedSection(c.flipped, flippedLimit));
  return out;
}

/** The PR report: verdict first, then one section per evaluated prompt. Pure; all PR and model text escaped. */
export function renderCompareMarkdown(results: CompareResults, opts: { flippedLimit?: number } = {}): string {
  const limit = opts.flippedLimit ?? 10;
  const first = results.prompts.find((p) => p.comparison.verdict === results.verdict);
  const why =
    results.verdict === "needs_approval"
      ? gateChangeHeadline(results)
      : results.prompts.length === 0
        ? "no prompt is affected by this change"
        : results.verdict === "pass"
          ? `${results.prompts.length} prompt${results.prompts.length === 1 ? "" : "s"} evaluated, no regression`
          : first
            ? `${first.name}: ${first.comparison.reason}`
            : "some prompts could not be evaluated";
  const title = `${VERDICT_ICON[results.verdict]} agentops: ${verdictWord(
    results.verdict,
    results.prompts.map((p) => p.comparison),
  )}`;
  const out = [`## ${title}`, "", `**${escapeInline(why, 400)}**`, ""];
  if (results.prompts.length > 0) {
    out.push(
      markdownTable(
        [
          ["prompt", "change", "verdict", "why"],
          ...results.prompts.map((p) => [
            escapeInline(p.name),
            p.comparison.champion_version !== null
              ? `v${p.comparison.champion_version} → v${p.comparison.challenger_version}`
              : `new v${p.comparison.challenger_version}`,
            VERDICT_ICON[p.comparison.verdict],
            escapeInline(p.comparison.reason, 160),
          ]),
        ],
        { align: ["l", "l", "c", "l"] },
      ),
      "",
    );
  }
  out.push(...renderGateChanges(results));
  for (const p of results.prompts) out.push(...promptSection(p, limit));
  if (results.not_evaluated.length > 0) {
    out.push("### Not evaluated", "");
    for (const n of results.not_evaluated)
      out.push(`- **${escapeInline(n.prompt)}**: ${escapeInline(n.reason, 300)}`);
    out.push("");
  }
  if (!results.complete)
    out.push("> **Incomplete run**: some examples or prompts were not evaluated; see above.", "");
  if (results.ignored.length > 0) {
    out.push(`<details><summary>${results.ignored.length} changed file(s) affect no prompt</summary>`, "");
    for (const f of results.ignored.slice(0, 50)) out.push(`- ${escapeInline(f, 200)}`);
    out.push("", "</details>", "");
  }
  out.push(
    `<sub>champion = the version active on the base branch, read from git; challenger = this change. Scores are pass rates (mean scores for graded criteria) on the same examples, paired by id; Δ intervals are paired bootstrap (2,000 resamples), flips use an exact McNemar test with Holm correction. Provider: ${escapeInline(results.provider)} · agentops ${results.tool.version}</sub>`,
  );
  return out.join("\n") + "\n";
}

/**
 * The report when no verdict could be reached. A mistake in the repository's files
 * (`detail`: file, line, field, hint) is shown, so the author can fix it without
 * reading logs; anything else only points at the run, whose log says more.
 */
export function renderCouldNotEvaluate(detail: string | undefined, runUrl?: string): string {
  const run = runUrl ? `[the workflow run](${runUrl})` : "the workflow run";
  const out = ["## ⚠️ agentops: could not evaluate this change", ""];
  if (detail !== undefined) out.push(escapeBlock(detail, 4000), "", "Fix this and push again.", "");
  else
    out.push(
      `agentops stopped on an internal error; see ${run} for details, then comment \`/agentops rerun\`.`,
      "",
    );
  out.push("The check stays red until a run reaches a verdict.", "");
  return out.join("\n");
}

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
import { toolUseSection } from "./tool-use.js";

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
  ok: "✅ not worse",
  improved: "✅ improved",
  regressed: "❌ worse",
  below_threshold: "❌ below threshold",
  inconclusive: "⚠️ not measured",
  new: "🆕 no baseline",
  removed: "➖ removed",
};

const signedPts = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;
const pts = (x: number): string => (x * 100).toFixed(1);

/** A p-value to three significant digits, small ones in scientific notation. */
function pValue(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}

/** The decision, and the p-value beside it only when the test decided it. */
function decisionCell(c: CriterionComparison): string {
  const label = STATUS_LABEL[c.status];
  if (c.test) return `${label} (one-sided p=${pValue(c.test.p_value)} ≤ ${pValue(c.test.level)})`;
  if (c.decided_by === "end_of_sampling" && c.status === "ok") return "✅ undecided → passes";
  return label;
}

function criterionRow(c: CriterionComparison): string[] {
  // A threshold is the minimum mean score: the figure in the challenger column.
  const threshold = c.threshold === undefined ? "" : ` (min ${pct(c.threshold, 0)})`;
  return [
    escapeInline(c.name) + threshold,
    c.champion ? pct(c.champion.mean) : "–",
    c.status === "removed" || c.challenger.n === 0
      ? "–"
      : pct(c.status === "new" ? c.challenger.mean_all : c.challenger.mean),
    c.delta !== null && c.delta_ci
      ? `${signedPts(c.delta)} pts (${signedPts(c.delta_ci[0])} to ${signedPts(c.delta_ci[1])})`
      : "–",
    decisionCell(c),
    c.status === "removed" ? "–" : String(c.rounds),
  ];
}

/** "With 100 examples × 3 rounds this gate detects drops of 9.1 points or more", and what would lower it. */
function detectableDrop(p: ComparedPrompt): string[] {
  const c = p.comparison;
  const mdd = c.minimum_detectable_drop;
  if (!mdd) return [];
  const rounds = `${c.sampling.rounds} round${c.sampling.rounds === 1 ? "" : "s"}`;
  const out = [
    `With ${int(mdd.examples)} examples × ${rounds} this gate detects drops of ${pts(mdd.drop)} points or more (80% power${c.criteria.filter((k) => k.minimum_detectable_drop !== null).length > 1 ? `, ${escapeInline(mdd.criterion)}` : ""}).`,
  ];
  // Four times the examples halve the part beyond the tolerance.
  const lowered = c.tolerance + (mdd.drop - c.tolerance) / 2;
  const quadrupled = `${int(mdd.examples * 4)} examples would bring it to about ${pts(lowered)}`;
  if (c.sampling.deterministic)
    out.push(
      `Answers are deterministic, so more rounds cannot lower it; only more examples can: ${quadrupled}.`,
    );
  else if (c.sampling.ended === "max_sampling_rounds")
    out.push(`More examples lower it (${quadrupled}), and so would a higher \`max_sampling_rounds\`.`);
  else out.push(`More examples lower it: ${quadrupled}.`);
  return [out.join(" "), ""];
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

/** How sampling went, when it went beyond the first pass or stopped for a reason worth saying. */
function samplingNote(c: PromptComparison): string[] {
  const s = c.sampling;
  if (!c.baseline) return [];
  const rounds = `${s.rounds} of at most ${s.max_rounds} round${s.max_rounds === 1 ? "" : "s"}`;
  const why =
    s.ended === "decided"
      ? "every criterion was decided"
      : s.ended === "deterministic answers (temperature 0)"
        ? "both sides run at temperature 0, so their answers are taken as deterministic and not sampled again"
        : s.ended === "deterministic answers"
          ? "answers are deterministic: repeats returned identical text on both sides"
          : s.ended === "max_sampling_rounds"
            ? "the cap (max_sampling_rounds) was reached"
            : `sampling stopped: ${escapeInline(s.ended ?? "", 200)}`;
  return [`Sampling: ${rounds}; ${why}.`, ""];
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
        ["criterion", "champion", "challenger", "Δ (95% CI)", "decision", "rounds"],
        ...c.criteria.map(criterionRow),
      ],
      { align: ["l", "r", "r", "r", "l", "r"] },
    ),
    "",
  );
  out.push(...samplingNote(c), ...detectableDrop(p));
  out.push(
    markdownTable(
      [
        ["", "answers scored", "tokens", "cost", "latency p50 / p95", "run"],
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
  out.push(...toolUseSection(p.champion, p.challenger, c.flipped));
  out.push(...flippedSection(c.flipped, flippedLimit));
  return out;
}

const VERDICT_ORDER: Record<Verdict, number> = { fail: 0, needs_approval: 1, inconclusive: 1, pass: 2 };

/** Failing prompts first, then inconclusive (or needing approval) ones, then the rest, each group in plan order. */
function byVerdict(prompts: readonly ComparedPrompt[]): ComparedPrompt[] {
  return [...prompts].sort(
    (a, b) => VERDICT_ORDER[a.comparison.verdict] - VERDICT_ORDER[b.comparison.verdict],
  );
}

/** The headline's why: every failing criterion by name, else the first reason of the verdict. */
function headline(results: CompareResults, prompts: readonly ComparedPrompt[]): string {
  if (prompts.length === 0) return "no prompt is affected by this change";
  if (results.verdict === "pass")
    return `${prompts.length} prompt${prompts.length === 1 ? "" : "s"} evaluated, no evidence of a drop beyond the tolerance`;
  const failing = prompts.flatMap((p) =>
    p.comparison.verdict === "fail"
      ? p.comparison.criteria
          .filter((k) => k.decision === "fail")
          .map((k) =>
            k.status === "below_threshold"
              ? `${p.name}: ${k.name} below its threshold`
              : `${p.name}: ${k.name} ${k.delta !== null ? `${signedPts(k.delta)} pts` : "worse"}`,
          )
      : [],
  );
  if (results.verdict === "fail" && failing.length > 0) return `failing: ${failing.join(", ")}`;
  const first = prompts.find((p) => p.comparison.verdict === results.verdict);
  return first ? `${first.name}: ${first.comparison.reason}` : "some prompts could not be evaluated";
}

/** The PR report: verdict first, then one section per evaluated prompt, failing ones first. Pure; all PR and model text escaped. */
export function renderCompareMarkdown(results: CompareResults, opts: { flippedLimit?: number } = {}): string {
  const limit = opts.flippedLimit ?? 10;
  const prompts = byVerdict(results.prompts);
  const why = results.verdict === "needs_approval" ? gateChangeHeadline(results) : headline(results, prompts);
  const title = `${VERDICT_ICON[results.verdict]} agentops: ${verdictWord(
    results.verdict,
    results.prompts.map((p) => p.comparison),
  )}`;
  const out = [`## ${title}`, "", `**${escapeInline(why, 600)}**`, ""];
  if (prompts.length > 0) {
    out.push(
      markdownTable(
        [
          ["prompt", "change", "verdict", "why"],
          ...prompts.map((p) => [
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
  for (const p of prompts) out.push(...promptSection(p, limit));
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
    `<sub>champion = the version active on the base branch, read from git; challenger = this change. Each example counts once: scores are the mean over its repeats (pass rates, or mean scores for graded criteria), paired by example id. A criterion fails only when a one-sided paired t-test over examples shows it worse than the tolerance allows, with the chance of a false failure held under α over every criterion of the PR and every round; undecided criteria get more rounds, and pass when sampling ends. Δ intervals are 95% t-intervals over examples. See docs/statistics.md. Provider: ${escapeInline(results.provider)} · agentops ${results.tool.version}</sub>`,
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

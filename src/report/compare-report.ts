import { markdownTable } from "markdown-table";
import { failureKind, type PromptComparison, type Verdict } from "../compare/compare.js";
import { signedPct } from "../compare/cost.js";
import type { ComparedPrompt, CompareResults } from "../pipeline/compare-run.js";
import { categorySection } from "./categories.js";
import { costLine } from "./cost.js";
import {
  consistencyNote,
  criterionRow,
  detectableDrop,
  familyNote,
  mustPassSection,
  samplingNote,
  sideFigures,
  signedPts,
} from "./criteria-table.js";
import { escapeBlock, escapeCell, escapeInline } from "./escape.js";
import { failingSection, flippedSection } from "./examples.js";
import { count, int } from "./format.js";
import { gateChangeHeadline, renderGateChanges } from "./gate-changes.js";
import { judgeLines } from "./judges.js";
import { answerAgeNote } from "./answer-age.js";
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

/** "; ⚠️ +345% tokens per answer" for the summary table, when the challenger's usage rose a lot. */
function largeIncrease(c: PromptComparison): string {
  const t = c.cost?.tokens;
  const usd = c.cost?.cost_usd;
  const big = t?.large && t.change_pct !== null ? t : usd?.large && usd.change_pct !== null ? usd : undefined;
  if (!big || big.change_pct === null) return "";
  return `; ⚠️ ${signedPct(big.change_pct)} ${big === t ? "tokens" : "cost"} per answer`;
}

/** Where a repository file is at a commit on the run's GitHub server, each path segment encoded. */
function fileUrl(results: CompareResults, path: string | undefined): string | undefined {
  if (!results.repository_url || !results.head_sha || !path) return undefined;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${results.repository_url}/blob/${results.head_sha}/${encoded}`;
}

/** Where the reader finds what the report leaves out: the workflow run and its artifacts (Action runs). */
export interface ReportLinks {
  /** The workflow run's page (GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID). */
  runUrl?: string;
}

export interface RenderOptions extends ReportLinks {
  flippedLimit?: number;
}

/** The run's artifacts section: the example workflows upload `$RUNNER_TEMP/agentops/` (results JSON, full report). */
export const artifactsUrl = (runUrl: string): string => `${runUrl}#artifacts`;

/** "the results JSON", linked to the run's artifacts when there is a run. */
export function resultsJsonLink(links: ReportLinks): string {
  return links.runUrl
    ? `the results JSON ([run artifacts](${artifactsUrl(links.runUrl)}))`
    : "the results JSON";
}

/**
 * What unblocks a verdict, said under the headline; verdicts without an entry get no line.
 * Keyed by verdict so that a new verdict only adds an entry.
 */
const NEXT_STEP: Partial<Record<Verdict, string>> = {
  fail: "push a fix, or a maintainer comments `/agentops approve` to accept it",
  needs_approval:
    "a maintainer comments `/agentops approve` to accept the gate changes below, or push a fix that leaves them as on the base branch",
};

/** "**Next:** push a fix, or … See the [workflow run](…) and its [artifacts](…#artifacts) (results JSON, full report)." */
export function nextStepLine(verdict: Verdict, links: ReportLinks): string[] {
  const step = NEXT_STEP[verdict];
  if (step === undefined) return [];
  const run = links.runUrl
    ? ` See the [workflow run](${links.runUrl}) and its [artifacts](${artifactsUrl(links.runUrl)}) (results JSON, full report).`
    : "";
  return [`**Next:** ${step}.${run}`, ""];
}

const versions = (c: PromptComparison): string =>
  c.champion_version !== null
    ? `v${c.champion_version} → v${c.challenger_version}`
    : `new v${c.challenger_version}`;

function promptSection(
  p: ComparedPrompt,
  flippedLimit: number,
  results: CompareResults,
  links: ReportLinks,
): string[] {
  const c = p.comparison;
  const from =
    c.champion_version !== null
      ? `v${c.champion_version} → v${c.challenger_version}`
      : `new v${c.challenger_version}`;
  const url = fileUrl(results, p.challenger_file);
  const name = url ? `[${escapeInline(p.name)}](${url})` : escapeInline(p.name);
  const out = [`### ${name}: ${from} — ${verdictWord(c.verdict, [c])}`, ""];
  out.push(`Evaluated because: ${p.reasons.map((r) => escapeInline(r, 300)).join("; ")}.`, "");
  if (p.challenger_file && p.challenger_sha256)
    out.push(
      `Evaluated file: ${escapeInline(p.challenger_file, 200)} (sha256 \`${p.challenger_sha256}\`).`,
      "",
    );
  if (!c.baseline)
    out.push(
      `> **No baseline** — absolute thresholds only.${p.baseline_note ? ` ${escapeInline(p.baseline_note, 400)}` : ""}`,
      "",
    );
  out.push(`**${escapeInline(c.reason, 300)}**`, "");
  out.push(...mustPassSection(c));
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
  out.push(
    ...categorySection(
      c.categories,
      // Worst drop first: the chart shows the criterion that failed hardest.
      c.criteria
        .filter((k) => k.status === "regressed" || k.status === "below_threshold")
        .sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0))
        .map((k) => k.name),
    ),
  );
  out.push(...samplingNote(c), ...familyNote(c), ...detectableDrop(p), ...consistencyNote(p));
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
  out.push(...costLine(c.cost), ...answerAgeNote(p.champion, results.finished_at));
  for (const line of judgeLines(p.challenger)) out.push(`> ${escapeInline(line, 300)}`, "");
  const sampled = p.challenger.sampled;
  if (sampled) {
    out.push(
      `Sampled: ${int(sampled.kept)} of ${count(sampled.of, "example")} on both sides (max_examples; ${escapeInline(sampled.method)}).`,
      "",
    );
  }
  if (c.errors.charged) {
    out.push(
      `${c.errors.charged} challenger answer(s) errored where the champion answered, on a request error a retry cannot clear (a 400 such as a context overflow, a refused parameter): counted as failures of every criterion, not as outages.`,
      "",
    );
  }
  if (c.errors.transient) {
    out.push(
      `${c.errors.transient} challenger answer(s) still errored after a retry round with a transient error (timeout, 5xx, 429, connection): left out of the pairing and counted against max_error_rate.`,
      "",
    );
  }
  if (c.errors.excluded_pairs > 0) {
    out.push(
      `${count(c.errors.excluded_pairs, "example")} left out of the pairing because a side errored or was skipped.`,
      "",
    );
  }
  out.push(...truncatedSides(p.champion, p.challenger));
  const sides = [`champion v${c.champion_version ?? "?"}`, `challenger v${c.challenger_version}`] as const;
  const tags = p.challenger.example_categories;
  const where = resultsJsonLink(links);
  out.push(...failingSection(c.failing ?? [], Math.min(flippedLimit, 5), sides[1], tags, where));
  out.push(...toolUseSection(p.champion, p.challenger, c.flipped));
  out.push(...flippedSection(c.flipped, flippedLimit, sides, tags, where));
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
      ? (p.comparison.must_pass ?? [])
          .map((m) => `${p.name}: must-pass example ${m.id} failed`)
          .concat(
            p.comparison.criteria
              .filter((k) => k.decision === "fail")
              .map((k) =>
                k.status === "below_threshold"
                  ? `${p.name}: ${k.name} below its threshold`
                  : `${p.name}: ${k.name} ${k.delta !== null ? `${signedPts(k.delta)} pts` : "worse"}`,
              )
              .concat((p.comparison.cost?.exceeded ?? []).map((g) => `${p.name}: ${g.reason}`)),
          )
      : [],
  );
  if (results.verdict === "fail" && failing.length > 0) return `failing: ${failing.join(", ")}`;
  const first = prompts.find((p) => p.comparison.verdict === results.verdict);
  return first ? `${first.name}: ${first.comparison.reason}` : "some prompts could not be evaluated";
}

/**
 * The headline as plain text for places that show text as typed (the step's error line, the
 * `headline` output): verdict, every failing criterion, and what unblocks it.
 */
export function plainHeadline(results: CompareResults): string {
  const prompts = byVerdict(results.prompts);
  const why = results.verdict === "needs_approval" ? gateChangeHeadline(results) : headline(results, prompts);
  const word = verdictWord(
    results.verdict,
    results.prompts.map((p) => p.comparison),
  );
  const step = NEXT_STEP[results.verdict];
  const line = `agentops: ${word}: ${why}${step ? `. Next: ${step.replace(/`/g, "")}` : ""}`;
  // eslint-disable-next-line no-control-regex -- one line: no control characters from prompt names
  return line.replace(/[\u0000-\u001F\u007F]+/g, " ");
}

/** The PR report: verdict first, then one section per evaluated prompt, failing ones first. Pure; all PR and model text escaped. */
export function renderCompareMarkdown(results: CompareResults, opts: RenderOptions = {}): string {
  const limit = opts.flippedLimit ?? 10;
  const prompts = byVerdict(results.prompts);
  const why = results.verdict === "needs_approval" ? gateChangeHeadline(results) : headline(results, prompts);
  const title = `${VERDICT_ICON[results.verdict]} agentops: ${verdictWord(
    results.verdict,
    results.prompts.map((p) => p.comparison),
  )}`;
  const out = [
    `## ${title}`,
    "",
    `**${escapeInline(why, 600)}**`,
    "",
    ...nextStepLine(results.verdict, opts),
  ];
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
            escapeInline(p.comparison.reason, 160) + largeIncrease(p.comparison),
          ]),
        ],
        { align: ["l", "l", "c", "l"] },
      ),
      "",
    );
  }
  out.push(...renderGateChanges(results));
  for (const p of prompts) {
    const section = promptSection(p, limit, results, opts);
    // A failing report is read for what failed: passing prompts are there, folded.
    if (results.verdict !== "pass" && p.comparison.verdict === "pass") {
      // A <summary> is HTML: markdown escapes would show there, entities do not.
      const summary = `✅ ${escapeCell(p.name, 200)}: ${versions(p.comparison)} — passes`;
      out.push(`<details><summary>${summary}</summary>`, "", ...section, "</details>", "");
    } else out.push(...section);
  }
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
    `<sub>champion = the version active on the base branch, read from git; challenger = this change. Each example counts once: scores are the mean over its repeats (pass rates, or mean scores for graded criteria), paired by example id. A criterion fails only when a one-sided paired t-test over examples shows it worse than the tolerance allows, with the chance of a false failure held under α over the criteria of each prompt whose requests changed, and every round (prompts sending byte-identical requests are not tested); undecided criteria get more rounds, and pass when sampling ends. Δ intervals are 95% t-intervals over examples. See docs/statistics.md. Provider: ${escapeInline(results.provider)} · agentops ${results.tool.version}${results.head_sha && /^[0-9a-f]{7,64}$/.test(results.head_sha) ? ` · head ${results.head_sha}` : ""}</sub>`,
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

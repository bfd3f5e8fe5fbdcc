import { markdownTable } from "markdown-table";
import type { CriterionAggregate } from "../engine/aggregate.js";
import type { PromptRun } from "../engine/evaluate.js";
import { judgeLines } from "./judges.js";
import { MAX_STORED_OUTPUT_BYTES } from "../engine/output-cap.js";
import { codeSpan, escapeInline } from "./escape.js";
import { categoryMarkdown, categoryText } from "./eval-categories.js";
import { count, int, ms, pct, pctRange, score } from "./format.js";
import type { EvalResults } from "./results.js";
import { truncatedNote } from "./truncated.js";
import { toolUseEvalSection, toolUseText } from "./tool-use.js";

function status(c: CriterionAggregate): string {
  if (c.n === 0) return "no data";
  if (c.threshold_met === undefined) return "info";
  return c.threshold_met ? "ok" : "BELOW THRESHOLD";
}

function criteriaTable(run: PromptRun, escape: (s: string) => string): string {
  const rows = run.criteria.map((c) => [
    escape(c.name),
    c.type,
    c.n > 0 ? `${pct(c.pass_rate)} (${c.passed}/${c.n})` : "–",
    c.n > 0 ? pctRange(c.pass_rate_ci) : "–",
    c.n > 0 ? score(c.mean_score) : "–",
    c.threshold !== undefined ? `≥ ${pct(c.threshold, 0)}` : "–",
    status(c),
  ]);
  return markdownTable(
    [["criterion", "type", "pass rate", "95% CI", "mean score", "threshold", "status"], ...rows],
    {
      align: ["l", "l", "r", "r", "r", "r", "l"],
    },
  );
}

function headline(run: PromptRun): string {
  const s = run.summary;
  const parts = [
    count(s.examples, "example"),
    `${s.errors} errors`,
    ...(s.skipped ? [`${s.skipped} skipped`] : []),
    ...(s.latency_ms ? [`latency p50 ${ms(s.latency_ms.p50)} / p95 ${ms(s.latency_ms.p95)}`] : []),
    `${int(s.tokens.prompt + s.tokens.completion)} tokens`,
    s.cost_usd === null ? "cost unknown (no price for the model)" : `$${s.cost_usd.toFixed(4)}`,
    ...(s.cached ? [`${s.cached} from cache or recording`] : []),
  ];
  return parts.join(" · ");
}

/** How far each LLM judge can be trusted: its agreement with the eval set's human labels. */
function judgeAgreement(run: PromptRun): string[] {
  return run.criteria.flatMap((c) => {
    const a = c.judge_agreement;
    if (!a) return [];
    const kappa = a.kappa === null ? "κ undefined: one class only" : `Cohen's κ ${a.kappa.toFixed(2)}`;
    return [
      `${c.name}: the judge agrees with the human labels on ${pct(a.agreement)} of ${int(a.n)} examples (${kappa})`,
    ];
  });
}

/** With repeats, how reliably each criterion passes: pass^k beside the mean pass rate. */
function consistency(run: PromptRun): string[] {
  return run.criteria.flatMap((c) => {
    const k = c.pass_all_repeats;
    if (!k) return [];
    return [
      `${c.name}: pass^${k.k} ${pct(k.rate)} (${k.passed}/${k.n} examples passed in every repeat, 95% CI ${pctRange(k.ci)})`,
    ];
  });
}

function missing(run: PromptRun): string[] {
  const lines: string[] = [];
  if (run.sampled)
    lines.push(
      `sampled ${int(run.sampled.kept)} of ${count(run.sampled.of, "example")} (max_examples; ${run.sampled.method})`,
    );
  if (run.stopped) lines.push(`stopped early: ${run.stopped.reason}`);
  const kinds = Object.entries(run.summary.error_kinds);
  if (kinds.length) lines.push(`errors by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  lines.push(...truncatedNote(run.summary, "the"));
  const capped = run.examples.filter((e) => e.output_truncated).length;
  if (capped > 0)
    lines.push(
      `${capped} answer${capped === 1 ? " is" : "s are"} longer than ${MAX_STORED_OUTPUT_BYTES / 1024} KB: scored whole, stored shortened in the results (output_truncated)`,
    );
  const firstError = run.examples.find((e) => e.status === "error");
  if (firstError?.error) lines.push(`first error (${firstError.id}): ${firstError.error.message}`);
  return lines;
}

function breakdownOf(results: EvalResults, run: PromptRun) {
  return results.categories?.find((c) => c.prompt === run.prompt && c.version === run.version)?.breakdown;
}

/** Plain-text report for a terminal; `byTag` adds each run's breakdown by category (--by tag). */
export function renderEvalText(results: EvalResults, opts: { byTag?: boolean } = {}): string {
  const out: string[] = [];
  for (const run of results.runs) {
    out.push(`${run.prompt} v${run.version} — ${run.reason}`);
    out.push(`  ${run.file} on ${run.eval_set} · model ${run.model}`);
    out.push(`  ${headline(run)}`);
    out.push("");
    out.push(criteriaTable(run, (s) => s));
    out.push("");
    const s = run.summary;
    out.push(
      `  all criteria passed on ${s.passed}/${count(s.ok, "example")} (${pct(s.pass_rate)}), mean score ${score(s.mean_score)}`,
    );
    for (const line of [
      ...judgeLines(run),
      ...judgeAgreement(run),
      ...consistency(run),
      ...missing(run),
      ...toolUseText(run),
    ])
      out.push(`  ${line}`);
    if (opts.byTag) out.push("", ...categoryText(breakdownOf(results, run)));
    out.push("");
  }
  for (const f of results.failed) out.push(`${f.prompt}: not evaluated — ${f.reason}`, "");
  if (!results.complete) out.push("The run is incomplete: see above for what is missing.");
  return out.join("\n");
}

/** Markdown report (for a job summary or a file). All user and model text is escaped. */
export function renderEvalMarkdown(results: EvalResults): string {
  const out: string[] = ["## agentops eval", ""];
  for (const run of results.runs) {
    out.push(`### ${escapeInline(run.prompt)} v${run.version}`, "");
    out.push(`${escapeInline(run.reason)} · ${codeSpan(run.model)} · ${headline(run)}`, "");
    out.push(
      criteriaTable(run, (s) => escapeInline(s)),
      "",
    );
    const judging = [...judgeLines(run), ...judgeAgreement(run), ...consistency(run)];
    for (const line of judging) out.push(`- ${escapeInline(line, 300)}`);
    if (judging.length > 0) out.push("");
    for (const line of missing(run)) out.push(`> ${escapeInline(line, 500)}`, "");
    out.push(...toolUseEvalSection(run));
    out.push(...categoryMarkdown(breakdownOf(results, run)));
  }
  for (const f of results.failed)
    out.push(`- **${escapeInline(f.prompt)}**: not evaluated — ${escapeInline(f.reason, 500)}`);
  if (!results.complete)
    out.push("", "**The run is incomplete**: some examples or prompts were not evaluated (see above).");
  return out.join("\n") + "\n";
}

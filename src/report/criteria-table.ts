/** The figures of one prompt's section: the criteria table, sampling, detectable drop, side figures. Pure. */
import type { CriterionComparison, CriterionStatus, PromptComparison } from "../compare/compare.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { PassAllRepeats } from "../compare/cluster.js";
import type { ComparedPrompt } from "../pipeline/compare-run.js";
import { escapeInline } from "./escape.js";
import { count, int, ms, pct } from "./format.js";

const STATUS_LABEL: Record<CriterionStatus, string> = {
  ok: "✅ not worse",
  improved: "✅ improved",
  regressed: "❌ worse",
  below_threshold: "❌ below threshold",
  inconclusive: "⚠️ not measured",
  new: "🆕 no baseline",
  removed: "➖ removed",
  possible_drop: "⚠️ possible drop, not confirmed",
};

export const signedPts = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;
const pts = (x: number): string => (x * 100).toFixed(1);

/** Below this a p-value is said as a bound: its digits say nothing more, and 0 would read as certainty. */
const P_FLOOR = 1e-6;

/** A p-value to two significant digits, small ones in scientific notation. */
function pValue(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}

/** "p=7.3e-5", or "p < 1e-6" where the digits (or a 0.0e+0) would claim more than the test knows. */
export function pText(p: number): string {
  return p < P_FLOOR ? "p < 1e-6" : `p=${pValue(p)}`;
}

/** The decision, and the p-value beside it only when the test decided it. */
function decisionCell(c: CriterionComparison): string {
  const label = STATUS_LABEL[c.status];
  if (c.test) return `${label} (one-sided ${pText(c.test.p_value)} ≤ ${pValue(c.test.level)})`;
  if (c.decided_by === "end_of_sampling" && c.status === "ok") return "✅ undecided → passes";
  // A futility stop whose estimate is below −tolerance passes, but "not worse" would overstate it.
  if (c.decided_by === "not_worse" && c.status === "ok" && c.below_tolerance === true)
    return c.design_drop === undefined
      ? "✅ undecided → passes"
      : `✅ no ≥ ${pts(c.design_drop)} pt drop seen`;
  if (c.status === "possible_drop" && c.minimum_detectable_drop !== null)
    return `${label} (detects ≥ ${pts(c.minimum_detectable_drop)} pts)`;
  return label;
}

export function criterionRow(c: CriterionComparison): string[] {
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

/** Past 100 points, the report says how many examples would detect a drop this far beyond the tolerance. */
const TARGET_MARGIN = 0.1;

/** "With 100 examples × 3 rounds this gate detects drops of 9.1 points or more", and what would lower it. */
export function detectableDrop(p: ComparedPrompt): string[] {
  const c = p.comparison;
  const mdd = c.minimum_detectable_drop;
  if (!mdd) return [];
  const rounds = count(c.sampling.rounds, "round");
  if (mdd.drop >= 1) {
    // Beyond 100 points nothing can be detected; scale the part beyond the tolerance as 1/√n to a useful size.
    const target = c.tolerance + TARGET_MARGIN;
    const needed = Math.ceil(mdd.examples * ((mdd.drop - c.tolerance) / TARGET_MARGIN) ** 2);
    return [
      `With ${count(mdd.examples, "example")} × ${rounds} this set is too small to detect any drop (80% power${c.criteria.filter((k) => k.minimum_detectable_drop !== null).length > 1 ? `, ${escapeInline(mdd.criterion)}` : ""}). About ${int(needed)} examples would detect drops of ${pts(target)} points.`,
      "",
    ];
  }
  const out = [
    `With ${count(mdd.examples, "example")} × ${rounds} this gate detects drops of ${pts(mdd.drop)} points or more (80% power${c.criteria.filter((k) => k.minimum_detectable_drop !== null).length > 1 ? `, ${escapeInline(mdd.criterion)}` : ""}).`,
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

/** With repeats: each criterion's pass^k (examples passing in every repeat), champion beside challenger. */
export function consistencyNote(p: ComparedPrompt): string[] {
  const side = (k: PassAllRepeats | undefined): string => (k ? `${pct(k.rate)} (${k.passed}/${k.n})` : "–");
  const rows = p.comparison.criteria.flatMap((c) => {
    const a = c.champion?.pass_all_repeats;
    const b = c.challenger.pass_all_repeats;
    if (!a && !b) return [];
    const k = Math.max(a?.k ?? 0, b?.k ?? 0);
    return [`${escapeInline(c.name)} pass^${k}: champion ${side(a)} · challenger ${side(b)}`];
  });
  if (rows.length === 0) return [];
  return [`Consistency (examples that passed in every repeat): ${rows.join("; ")}.`, ""];
}

export function sideFigures(run: PromptRun | null): string[] {
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

/** How sampling went, when it went beyond the first pass or stopped for a reason worth saying. */
export function samplingNote(c: PromptComparison): string[] {
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

/** The prompt's α family: its tested criteria share α; each criterion's final look is held to its level. */
export function familyNote(c: PromptComparison): string[] {
  const f = c.family;
  if (!f || !c.baseline) return [];
  return [
    `Level: α ${f.alpha} for this prompt, shared by its ${f.criteria} tested criteri${f.criteria === 1 ? "on" : "a"}; each criterion's final look is held to one-sided ${f.final_level.toPrecision(2)}.`,
    "",
  ];
}

/** The must_pass examples the challenger failed, first in the prompt's section. */
export function mustPassSection(c: PromptComparison): string[] {
  const failed = c.must_pass ?? [];
  if (failed.length === 0) return [];
  const out = [`**Must-pass examples failed (${failed.length})** — each fails the gate on its own:`, ""];
  for (const m of failed.slice(0, 20)) {
    const why = m.error
      ? `request refused: ${escapeInline(m.error, 200)}`
      : `answer: ${escapeInline(m.output, 200)}`;
    out.push(
      `- **${escapeInline(m.id, 100)}**: failed ${m.failed} of ${m.of} repeat(s) on ${m.criteria.map((k) => escapeInline(k)).join(", ")}; ${why}`,
    );
  }
  if (failed.length > 20) out.push(`- … and ${failed.length - 20} more`);
  out.push("");
  return out;
}

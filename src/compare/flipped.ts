/** Examples whose majority over repeats flipped between champion and challenger, for the report. */
import type { Criterion } from "../config/schema.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";
import type { CriterionScore } from "../engine/types.js";

/** What the report shows of an example besides the answers: its input and expected answer. */
export interface ShownInput {
  input: Record<string, unknown>;
  expected?: unknown;
}

/** One criterion's result on the answer shown. */
export type ShownScore = Pick<CriterionScore, "passed" | "score" | "detail">;

/** The criteria results of one answer, as shown (the detail shortened). */
export function shownScores(criteria: Readonly<Record<string, CriterionScore>>): Record<string, ShownScore> {
  return Object.fromEntries(
    Object.entries(criteria).map(([k, v]) => [
      k,
      {
        passed: v.passed,
        score: v.score,
        ...(v.detail !== undefined ? { detail: v.detail.slice(0, 300) } : {}),
      },
    ]),
  );
}

export interface FlippedExample {
  id: string;
  direction: "pass_to_fail" | "fail_to_pass";
  input: Record<string, unknown>;
  expected?: unknown;
  champion_output: string;
  challenger_output: string;
  /** Each criterion's result on the answers shown. */
  champion_scores?: Record<string, ShownScore>;
  challenger_scores?: Record<string, ShownScore>;
  /** Criteria whose pass/fail (the majority over the example's repeats) changed. */
  criteria: string[];
}

interface ExampleTally {
  /** Samples that passed every shared criterion, of samples. */
  passed: number;
  samples: number;
  /** Per criterion: passing samples. */
  criteria: Record<string, number>;
  passing?: ExampleResult;
  failing?: ExampleResult;
}

/** Per example: how many samples passed every criterion in `names`, and one output of each kind. */
function tallies(results: readonly ExampleResult[], names: readonly string[]): Map<string, ExampleTally> {
  const out = new Map<string, ExampleTally>();
  for (const r of results) {
    if (r.status !== "ok" || !names.every((k) => r.criteria[k])) continue;
    let t = out.get(r.id);
    if (!t) out.set(r.id, (t = { passed: 0, samples: 0, criteria: {} }));
    const all = names.every((k) => r.criteria[k]?.passed);
    t.samples++;
    if (all) {
      t.passed++;
      t.passing ??= r;
    } else t.failing ??= r;
    for (const k of names) t.criteria[k] = (t.criteria[k] ?? 0) + (r.criteria[k]?.passed ? 1 : 0);
  }
  return out;
}

/**
 * Examples whose majority flipped: most of their samples passed every criterion
 * on one side and most failed on the other (an even split is neither).
 */
export function flippedExamples(
  champion: PromptRun,
  challenger: PromptRun,
  criteria: readonly Criterion[],
  inputs: ReadonlyMap<string, ShownInput>,
): FlippedExample[] {
  const names = criteria.map((c) => c.name).filter((k) => champion.criteria.some((c) => c.name === k));
  if (names.length === 0) return [];
  const a = tallies(champion.examples, names);
  const b = tallies(challenger.examples, names);
  const out: FlippedExample[] = [];
  const share = (t: ExampleTally, k?: string): number =>
    (k === undefined ? t.passed : (t.criteria[k] ?? 0)) / t.samples;
  for (const [id, y] of b) {
    const x = a.get(id);
    if (!x) continue;
    const down = share(x) > 0.5 && share(y) < 0.5;
    const up = share(x) < 0.5 && share(y) > 0.5;
    if (!down && !up) continue;
    const shown = inputs.get(id);
    const before = down ? x.passing : x.failing;
    const after = down ? y.failing : y.passing;
    out.push({
      id,
      direction: down ? "pass_to_fail" : "fail_to_pass",
      input: shown?.input ?? {},
      ...(shown && shown.expected !== undefined ? { expected: shown.expected } : {}),
      champion_output: before?.output ?? "",
      challenger_output: after?.output ?? "",
      ...(before ? { champion_scores: shownScores(before.criteria) } : {}),
      ...(after ? { challenger_scores: shownScores(after.criteria) } : {}),
      criteria: names.filter((k) => (down ? share(x, k) > share(y, k) : share(x, k) < share(y, k))),
    });
  }
  return out;
}

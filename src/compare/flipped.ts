/** Examples whose majority over repeats flipped between champion and challenger, for the report. */
import type { Criterion } from "../config/schema.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";

export interface FlippedExample {
  id: string;
  direction: "pass_to_fail" | "fail_to_pass";
  input: Record<string, unknown>;
  champion_output: string;
  challenger_output: string;
  /** Criteria whose pass/fail (the majority over the example's repeats) changed. */
  criteria: string[];
}

interface ExampleTally {
  /** Samples that passed every shared criterion, of samples. */
  passed: number;
  samples: number;
  /** Per criterion: passing samples. */
  criteria: Record<string, number>;
  passingOutput?: string;
  failingOutput?: string;
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
      t.passingOutput ??= r.output ?? "";
    } else t.failingOutput ??= r.output ?? "";
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
  inputs: ReadonlyMap<string, Record<string, unknown>>,
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
    out.push({
      id,
      direction: down ? "pass_to_fail" : "fail_to_pass",
      input: inputs.get(id) ?? {},
      champion_output: (down ? x.passingOutput : x.failingOutput) ?? "",
      challenger_output: (down ? y.failingOutput : y.passingOutput) ?? "",
      criteria: names.filter((k) => (down ? share(x, k) > share(y, k) : share(x, k) < share(y, k))),
    });
  }
  return out;
}

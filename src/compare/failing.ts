/** The challenger's failing examples of a criterion below its threshold, for the report. Pure. */
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";
import type { CriterionComparison } from "./criterion.js";
import { shownScores, type ShownInput, type ShownScore } from "./flipped.js";

/** Examples kept per criterion in the results; the report says how many more there are. */
export const MAX_FAILING_KEPT = 10;

export interface FailingExample {
  id: string;
  input: Record<string, unknown>;
  expected?: unknown;
  output: string;
  scores: Record<string, ShownScore>;
}

export interface FailingExamples {
  criterion: string;
  /** Examples whose majority over repeats fails the criterion. */
  total: number;
  examples: FailingExample[];
}

/** Per below-threshold criterion: the examples most of whose repeats fail it, in eval-set order. */
export function failingExamples(
  challenger: PromptRun,
  rows: readonly CriterionComparison[],
  inputs: ReadonlyMap<string, ShownInput>,
): FailingExamples[] {
  return rows
    .filter((r) => r.status === "below_threshold")
    .map((r) => {
      const byId = new Map<string, { passes: number; n: number; failed?: ExampleResult }>();
      for (const e of challenger.examples) {
        const v = e.criteria[r.name];
        if (e.status !== "ok" || !v) continue;
        const t = byId.get(e.id) ?? { passes: 0, n: 0 };
        t.n++;
        if (v.passed) t.passes++;
        else t.failed ??= e;
        byId.set(e.id, t);
      }
      const ids = [...byId].filter(([, t]) => t.passes / t.n < 0.5);
      return {
        criterion: r.name,
        total: ids.length,
        examples: ids.slice(0, MAX_FAILING_KEPT).map(([id, t]) => {
          const shown = inputs.get(id);
          const e = t.failed as ExampleResult;
          return {
            id,
            input: shown?.input ?? {},
            ...(shown && shown.expected !== undefined ? { expected: shown.expected } : {}),
            output: e.output ?? "",
            scores: shownScores(e.criteria),
          };
        }),
      };
    });
}

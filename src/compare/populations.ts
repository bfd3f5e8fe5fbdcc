/**
 * Two populations per prompt: the base revision's examples, on which the paired test and the
 * thresholds decide, and the examples the change adds, tested on their own. The added ones can
 * only add failures: pooled with the base's, a thousand easy examples would dilute a regression
 * on every base example into a pass. Pure.
 */
import type { CriterionComparison } from "./criterion.js";
import type { PromptComparison, Verdict } from "./compare.js";

/** Suffix of a criterion row decided on the examples the change adds. */
export const ADDED_POPULATION = " (examples this change adds)";

const SEVERITY: Record<Verdict, number> = { pass: 0, needs_approval: 1, inconclusive: 2, fail: 3 };

/**
 * The base population's comparison with the added population's rows shown after its own. The
 * verdict is the base's unless the added population's is worse: a pass on added examples never
 * turns a base failure into anything else.
 */
export function withAddedPopulation(
  base: PromptComparison,
  added: PromptComparison | undefined,
  count: number,
): PromptComparison {
  if (!added) return base;
  const rows: CriterionComparison[] = added.criteria
    .filter((r) => r.status !== "removed")
    .map((r) => ({ ...r, name: `${r.name}${ADDED_POPULATION}` }));
  const worse = SEVERITY[added.verdict] > SEVERITY[base.verdict];
  return {
    ...base,
    criteria: [...base.criteria, ...rows],
    ...(worse
      ? { verdict: added.verdict, reason: `on the ${count} example(s) this change adds: ${added.reason}` }
      : {}),
  };
}

/**
 * Failure categories: the eval set's `tags` and `labels.category` split each
 * criterion's figures by category, so a reviewer sees *where* a change got
 * worse. Descriptive only: no test is run per category (the gate's test is on
 * the whole eval set); see docs/statistics.md. Pure.
 */
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";

export { UNTAGGED } from "../config/categories.js";
import { UNTAGGED } from "../config/categories.js";

/** A category's drop must be at least this large (fraction) to be called concentrated. */
export const CONCENTRATED_DROP = 0.1;
/** …and hold at least this many examples: one example falling is an example, not a category. */
export const CONCENTRATED_MIN_EXAMPLES = 3;

export interface CategoryRow {
  criterion: string;
  category: string;
  /** Examples of the category scored on the challenger (and, with a champion, paired on both sides). */
  examples: number;
  /** Mean over the category's examples of the per-example mean score (the pass rate for pass/fail criteria). */
  champion: number | null;
  challenger: number;
  /** challenger − champion over the category's paired examples. */
  delta: number | null;
  /** The challenger's examples whose majority over repeats fails the criterion, in eval-set order. */
  failing: string[];
}

/** A drop that sits in one category: "overlap fell 25 points on `refund`, 1 point elsewhere". */
export interface ConcentratedDrop {
  criterion: string;
  category: string;
  delta: number;
  /** Δ over every paired example outside the category. */
  elsewhere: number;
  examples: number;
}

export interface CategoryBreakdown {
  categories: string[];
  rows: CategoryRow[];
  concentrated: ConcentratedDrop[];
}

interface Cluster {
  sum: number;
  n: number;
  passes: number;
}

/** Per example: the mean score and passing share of one criterion over its scored repeats. */
function perExample(results: readonly ExampleResult[], criterion: string): Map<string, Cluster> {
  const out = new Map<string, Cluster>();
  for (const r of results) {
    const v = r.criteria[criterion];
    if (r.status !== "ok" || !v) continue;
    let c = out.get(r.id);
    if (!c) out.set(r.id, (c = { sum: 0, n: 0, passes: 0 }));
    c.sum += v.score;
    c.n++;
    if (v.passed) c.passes++;
  }
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
const score = (c: Cluster): number => c.sum / c.n;

function tagsOf(categories: Readonly<Record<string, string[]>>, id: string): string[] {
  const c = categories[id];
  return c && c.length > 0 ? c : [UNTAGGED];
}

/** Δ of one criterion over a set of paired example ids; null when there is none. */
function pairedDelta(
  ids: readonly string[],
  a: ReadonlyMap<string, Cluster>,
  b: ReadonlyMap<string, Cluster>,
): { delta: number; champion: number } | null {
  const paired = ids.filter((id) => a.has(id) && b.has(id));
  if (paired.length === 0) return null;
  const x = paired.map((id) => score(a.get(id) as Cluster));
  const y = paired.map((id) => score(b.get(id) as Cluster));
  return { delta: mean(y) - mean(x), champion: mean(x) };
}

/**
 * Splits every criterion of the challenger by category. An example with several
 * categories counts in each. A concentrated drop is the worst category of a
 * criterion that fell over the whole eval set, when that category holds CONCENTRATED_MIN_EXAMPLES or more, fell by
 * CONCENTRATED_DROP or more, and by at least twice what the examples outside it
 * fell (each side's figures on paired examples).
 */
export function categoryBreakdown(
  champion: PromptRun | null,
  challenger: PromptRun,
  categories: Readonly<Record<string, string[]>> | undefined,
): CategoryBreakdown | undefined {
  if (!categories || Object.keys(categories).length === 0) return undefined;
  const names = challenger.criteria.map((c) => c.name);
  const order: string[] = [];
  for (const r of challenger.examples)
    for (const t of tagsOf(categories, r.id)) if (!order.includes(t)) order.push(t);
  // Untagged last: it is the remainder, not a category anyone chose.
  const cats = [...order.filter((t) => t !== UNTAGGED).sort(), ...order.filter((t) => t === UNTAGGED)];
  const rows: CategoryRow[] = [];
  const concentrated: ConcentratedDrop[] = [];
  for (const name of names) {
    const b = perExample(challenger.examples, name);
    const a = champion?.criteria.some((c) => c.name === name)
      ? perExample(champion.examples, name)
      : undefined;
    // Only a criterion that fell over the whole eval set has a regression to locate.
    const overall = a ? pairedDelta([...b.keys()], a, b) : null;
    let worst: ConcentratedDrop | undefined;
    for (const category of cats) {
      const ids = [...b.keys()].filter((id) => tagsOf(categories, id).includes(category));
      if (ids.length === 0) continue;
      const paired = a ? pairedDelta(ids, a, b) : null;
      rows.push({
        criterion: name,
        category,
        examples: ids.length,
        champion: paired ? paired.champion : null,
        challenger: mean(ids.map((id) => score(b.get(id) as Cluster))),
        delta: paired ? paired.delta : null,
        failing: ids.filter((id) => {
          const c = b.get(id) as Cluster;
          return c.passes / c.n < 0.5;
        }),
      });
      if (!a || !paired || !overall || overall.delta >= 0 || ids.length < CONCENTRATED_MIN_EXAMPLES) continue;
      const outside = pairedDelta(
        [...b.keys()].filter((id) => !tagsOf(categories, id).includes(category)),
        a,
        b,
      );
      if (!outside) continue;
      const drop = {
        criterion: name,
        category,
        delta: paired.delta,
        elsewhere: outside.delta,
        examples: ids.length,
      };
      if (
        paired.delta <= -CONCENTRATED_DROP &&
        paired.delta <= 2 * Math.min(outside.delta, 0) &&
        (!worst || paired.delta < worst.delta)
      )
        worst = drop;
    }
    if (worst) concentrated.push(worst);
  }
  return { categories: cats, rows, concentrated };
}

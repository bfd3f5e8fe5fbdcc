/**
 * Repeats clustered by example: the unit of every test and interval of the gate
 * is the example, its figure the mean over the repeats it got. Ten repeats of
 * one example are ten looks at one thing, not ten things; treating them as
 * independent pairs makes noise look like evidence.
 */
import type { ExampleResult } from "../engine/runner.js";
import { meanInterval } from "./stats.js";

/** One example's samples on one side for one criterion. */
interface SideCluster {
  scores: number[];
  passes: number;
}

export interface ClusteredPairs {
  ids: string[];
  /** Per-example mean score over its scored repeats, champion and challenger; index i is ids[i]. */
  champion: number[];
  challenger: number[];
  /** Per-example share of passing repeats. */
  championPass: number[];
  challengerPass: number[];
}

function clusters(results: readonly ExampleResult[], criterion: string): Map<string, SideCluster> {
  const out = new Map<string, SideCluster>();
  for (const r of results) {
    const v = r.criteria[criterion];
    if (r.status !== "ok" || !v) continue;
    let c = out.get(r.id);
    if (!c) out.set(r.id, (c = { scores: [], passes: 0 }));
    c.scores.push(v.score);
    if (v.passed) c.passes++;
  }
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Per-example means of the examples scored on both sides (in the challenger's order). */
export function clusterPairs(
  champion: readonly ExampleResult[],
  challenger: readonly ExampleResult[],
  criterion: string,
): ClusteredPairs {
  const a = clusters(champion, criterion);
  const b = clusters(challenger, criterion);
  const out: ClusteredPairs = { ids: [], champion: [], challenger: [], championPass: [], challengerPass: [] };
  for (const [id, y] of b) {
    const x = a.get(id);
    if (!x) continue;
    out.ids.push(id);
    out.champion.push(mean(x.scores));
    out.challenger.push(mean(y.scores));
    out.championPass.push(x.passes / x.scores.length);
    out.challengerPass.push(y.passes / y.scores.length);
  }
  return out;
}

/** One side's per-example pass shares and mean scores, paired or not. */
export function clusterSide(
  results: readonly ExampleResult[],
  criterion: string,
): { pass: number[]; score: number[] } {
  const pass: number[] = [];
  const score: number[] = [];
  for (const c of clusters(results, criterion).values()) {
    pass.push(c.passes / c.scores.length);
    score.push(mean(c.scores));
  }
  return { pass, score };
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** A rate over examples (per-example shares) with its 95% t-interval over examples, clamped to [0, 1]. */
export function clusteredRate(perExample: readonly number[]): { rate: number; ci: [number, number] } {
  if (perExample.length === 0) return { rate: 0, ci: [0, 1] };
  const { mean: m, ci } = meanInterval(perExample);
  return { rate: m, ci: [clamp01(ci[0]), clamp01(ci[1])] };
}

/**
 * Examples whose answers are settled: at least two samples on each side and
 * every sample of a side returned the same text. More repeats of them would
 * repeat the same answers; only other examples can add information.
 */
export function settledExamples(
  champion: readonly ExampleResult[],
  challenger: readonly ExampleResult[],
): Set<string> {
  const texts = (results: readonly ExampleResult[]): Map<string, Set<string>> => {
    const m = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const r of results) {
      if (r.status !== "ok") continue;
      let s = m.get(r.id);
      if (!s) m.set(r.id, (s = new Set()));
      s.add(r.output ?? "");
      counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    }
    // A single sample says nothing about whether the next one would differ.
    for (const [id, n] of counts) if (n < 2) m.delete(id);
    return m;
  };
  const a = texts(champion);
  const b = texts(challenger);
  const out = new Set<string>();
  for (const [id, s] of b) if (s.size === 1 && a.get(id)?.size === 1) out.add(id);
  return out;
}

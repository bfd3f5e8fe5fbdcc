import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/** Caps the quadratic LCS so one runaway output cannot stall a run. */
export const MAX_TOKENS = 5000;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS);
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Longest common subsequence length in O(n·m) time and O(min(n, m)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Uint32Array(short.length + 1);
  let curr = new Uint32Array(short.length + 1);
  for (const x of long) {
    for (let j = 1; j <= short.length; j++) {
      curr[j] = x === short[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, curr[j - 1] ?? 0);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[short.length] ?? 0;
}

/** ROUGE-L F-measure (β = 1) over word tokens. */
export function rougeL(candidate: string, reference: string): number {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  const lcs = lcsLength(c, r);
  return f1(lcs / c.length, lcs / r.length);
}

/** SQuAD-style token F1: overlap of token multisets. */
export function tokenF1(candidate: string, reference: string): number {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of c) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return f1(common / c.length, common / r.length);
}

export function scoreSimilarity(c: CriterionOf<"similarity">, ctx: ScoreContext): CriterionScore {
  const expected = ctx.example.expected;
  if (expected === undefined) return { score: 0, passed: false, detail: "example has no expected value" };
  const reference = typeof expected === "string" ? expected : JSON.stringify(expected);
  const method = c.method ?? "rouge_l";
  const score = method === "rouge_l" ? rougeL(ctx.output, reference) : tokenF1(ctx.output, reference);
  const min = c.min_score ?? 0.5;
  return { score, passed: score >= min, detail: `${method} ${score.toFixed(2)} (min ${min})` };
}

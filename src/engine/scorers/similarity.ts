import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/** Caps the quadratic LCS (5,000² cells, well under a second) so one runaway output cannot stall a run. */
export const MAX_TOKENS = 5000;

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Lowercase word tokens, at most MAX_TOKENS. NFC first, so "café" typed with a combining accent is
 * the same token as the precomposed one; tokens are lowercased after matching, because lowercasing
 * can add combining marks ("İ" → "i̇") that would otherwise split a word.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.normalize("NFC").matchAll(TOKEN)) {
    if (tokens.length === MAX_TOKENS) break;
    tokens.push(m[0].toLowerCase());
  }
  return tokens;
}

function fMeasure(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Maps tokens to small integers so the LCS inner loop compares numbers, not strings. */
function intern(a: readonly string[], b: readonly string[]): [Uint32Array, Uint32Array] {
  const ids = new Map<string, number>();
  const toIds = (tokens: readonly string[]): Uint32Array =>
    Uint32Array.from(tokens, (t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      return id;
    });
  return [toIds(a), toIds(b)];
}

/** Longest common subsequence length in O(n·m) time and O(min(n, m)) memory (two rows). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [x, y] = intern(a, b);
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  let prev = new Uint32Array(short.length + 1);
  let curr = new Uint32Array(short.length + 1);
  for (const token of long) {
    for (let j = 1; j <= short.length; j++) {
      // Indexes stay within the rows' length; `?? 0` only satisfies noUncheckedIndexedAccess.
      curr[j] = token === short[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, curr[j - 1] ?? 0);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[short.length] ?? 0;
}

/** Common tokens counted with multiplicity (the size of the multiset intersection). */
function overlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return common;
}

type Matcher = (candidate: readonly string[], reference: readonly string[]) => number;

function similarityBy(matched: Matcher, candidate: string, reference: string): number {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  if (c.length === 0 && r.length === 0) return 1;
  if (c.length === 0 || r.length === 0) return 0;
  const m = matched(c, r);
  return fMeasure(m / c.length, m / r.length);
}

/** ROUGE-L F-measure (β = 1): LCS-based precision and recall over word tokens. */
export function rougeL(candidate: string, reference: string): number {
  return similarityBy(lcsLength, candidate, reference);
}

/** SQuAD-style token F1: overlap of the token multisets, order ignored. */
export function tokenF1(candidate: string, reference: string): number {
  return similarityBy(overlap, candidate, reference);
}

export function scoreSimilarity(c: CriterionOf<"similarity">, ctx: ScoreContext): CriterionScore {
  const expected = ctx.example.expected;
  if (expected === undefined) return { score: 0, passed: false, detail: "example has no expected value" };
  const reference = typeof expected === "string" ? expected : JSON.stringify(expected);
  const method = c.method ?? "rouge_l";
  if (method === "embedding")
    throw new Error("embedding similarity needs a model call: the runner scores it");
  const score = method === "rouge_l" ? rougeL(ctx.output, reference) : tokenF1(ctx.output, reference);
  const min = c.min_score ?? 0.5;
  return { score, passed: score >= min, detail: `${method} ${score.toFixed(2)} (min ${min})` };
}

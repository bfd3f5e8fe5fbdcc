import { asRecord } from "./error-text.js";
import { shareTokens } from "./keys.js";
import { ProviderError, type Embeddings, type Moderation } from "./types.js";

/*
 * Reading moderation and embedding answers of an OpenAI-compatible endpoint.
 * Nothing about their shape is trusted: what does not parse is a bad answer
 * (retried), never a verdict.
 */

const CATEGORY = /^[a-z][a-z0-9/_-]{0,63}$/;

const badAnswer = (what: string): ProviderError =>
  new ProviderError(`the endpoint's ${what}`, { kind: "bad_response", retryable: true });

/** results[0] of a /moderations answer; categories keep only well-formed names. */
export function moderationOfAnswer(response: unknown, latencyMs: number): Moderation {
  const results = asRecord(response).results;
  const first = asRecord(Array.isArray(results) ? (results as unknown[])[0] : undefined);
  if (typeof first.flagged !== "boolean") throw badAnswer("moderation answer has no flagged verdict");
  const categories: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(asRecord(first.categories))) {
    if (CATEGORY.test(name) && typeof value === "boolean") categories[name] = value;
  }
  const scores: Record<string, number> = {};
  for (const [name, value] of Object.entries(asRecord(first.category_scores))) {
    if (CATEGORY.test(name) && typeof value === "number" && Number.isFinite(value)) {
      scores[name] = Math.min(1, Math.max(0, value));
    }
  }
  return { flagged: first.flagged, categories, scores, latencyMs, cached: false };
}

/** data[] of an /embeddings answer in input order (by `index`), one finite vector per input. */
export function embeddingsOfAnswer(
  response: unknown,
  inputs: readonly string[],
  latencyMs: number,
): Embeddings {
  const data = asRecord(response).data;
  const rows = Array.isArray(data) ? (data as unknown[]).map(asRecord) : [];
  if (rows.length !== inputs.length) {
    throw badAnswer(`embeddings answer has ${rows.length} vectors for ${inputs.length} inputs`);
  }
  const vectors = new Array<number[]>(inputs.length);
  rows.forEach((row, i) => {
    const at = typeof row.index === "number" ? row.index : i;
    const v = row.embedding;
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw badAnswer("embeddings answer holds something that is not a vector of numbers");
    }
    if (!Number.isInteger(at) || at < 0 || at >= inputs.length || vectors[at]) {
      throw badAnswer("embeddings answer has a duplicate or out-of-range index");
    }
    vectors[at] = v as number[];
  });
  const total = asRecord(asRecord(response).usage).prompt_tokens;
  const tokens =
    typeof total === "number" && Number.isFinite(total) && total >= 0
      ? shareTokens(total, inputs)
      : inputs.map((t) => Math.ceil(t.length / 4));
  return { vectors, tokens, cached: inputs.map(() => false), latencyMs };
}

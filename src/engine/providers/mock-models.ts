import { tokenize } from "../scorers/similarity.js";
import type { EmbeddingRequest, Embeddings, Moderation, ModerationRequest } from "./types.js";

/** OpenAI's omni-moderation categories, which the mock answers with. */
export const MODERATION_CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;

/**
 * The mock flags a text only when it carries this marker: `[unsafe]` flags
 * "violence", `[unsafe:<category>]` flags that category. Real text never
 * trips it, so offline runs pass safety checks unless a test asks otherwise.
 */
const MARKER = /\[unsafe(?::([a-z/-]{1,40}))?\]/g;

export function mockModeration(request: ModerationRequest): Moderation {
  const flaggedNames = new Set<string>();
  for (const m of request.input.matchAll(MARKER)) flaggedNames.add(m[1] ?? "violence");
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  for (const name of new Set([...MODERATION_CATEGORIES, ...flaggedNames])) {
    categories[name] = flaggedNames.has(name);
    scores[name] = flaggedNames.has(name) ? 0.99 : 0;
  }
  return { flagged: flaggedNames.size > 0, categories, scores, latencyMs: 20, cached: false };
}

export const MOCK_EMBEDDING_DIMENSIONS = 256;

/** FNV-1a, 32 bits: a stable, dependency-free hash for the bag of words. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A hashed bag of words, unit length, 4 decimals: texts sharing words get a
 * higher cosine, unrelated texts one near 0, the same text always the same
 * vector. Not semantic, but it orders answers sensibly and costs nothing.
 */
export function mockEmbedding(text: string): number[] {
  const v = new Array<number>(MOCK_EMBEDDING_DIMENSIONS).fill(0);
  for (const token of tokenize(text)) {
    const i = fnv1a(token) % MOCK_EMBEDDING_DIMENSIONS;
    v[i] = (v[i] ?? 0) + 1;
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => Math.round((x / norm) * 10_000) / 10_000);
}

export function mockEmbeddings(request: EmbeddingRequest): Embeddings {
  return {
    vectors: request.input.map(mockEmbedding),
    // Four characters a token, as the mock estimates chat usage.
    tokens: request.input.map((t) => Math.ceil(t.length / 4)),
    cached: request.input.map(() => false),
    latencyMs: 30,
  };
}

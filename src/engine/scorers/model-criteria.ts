import type { LoadedExample } from "../../config/load.js";
import type { Criterion, CriterionOf } from "../../config/schema.js";
import type { Judge } from "../judge.js";
import type { Provider, TokenUsage } from "../providers/types.js";
import type { CriterionScore } from "../types.js";
import { cosine, Embedder } from "./embedder.js";
import { createSafetyScorer } from "./safety.js";

/*
 * Criteria scored with a model call that is not a judge's: `safety` (the
 * moderation API) and `similarity` with method: embedding. The runner scores
 * them after the rule-based checks and before the judges.
 */

export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
/** Cosine of embeddings runs higher than word overlap: unrelated texts often score 0.2–0.4. */
export const DEFAULT_EMBEDDING_MIN_SCORE = 0.8;

/**
 * Characters of a text that are embedded. Embedding models take a bounded input
 * (OpenAI's: 8,192 tokens); at two or more characters a token this stays under
 * it, where a longer text would make the endpoint refuse the whole batch.
 */
export const MAX_EMBEDDED_CHARS = 16_000;

export const embeddedText = (text: string): string =>
  text.length > MAX_EMBEDDED_CHARS ? text.slice(0, MAX_EMBEDDED_CHARS) : text;

export type EmbeddingSimilarity = CriterionOf<"similarity"> & { method: "embedding" };
export type ModelCriterion = CriterionOf<"safety"> | EmbeddingSimilarity;

export function isModelCriterion(c: Criterion): c is ModelCriterion {
  return c.type === "safety" || (c.type === "similarity" && c.method === "embedding");
}

/** One model call a criterion made, for usage, cost and budgets. */
export interface ModelCall {
  model: string;
  usage: TokenUsage;
  cached: boolean;
}

export interface ModelScore {
  verdict: CriterionScore;
  calls: ModelCall[];
}

export interface ModelCase {
  input: Record<string, unknown>;
  expected?: unknown;
  output: string;
  modelUnderTest: string;
}

export interface ModelScorer {
  score(c: ModelCriterion, mc: ModelCase, signal?: AbortSignal): Promise<ModelScore>;
  embeddingModelOf(c: EmbeddingSimilarity): string;
  /** Embeds texts ahead of the examples (a suite's expected texts), batched; the calls made. */
  prefetch(model: string, texts: readonly string[], signal?: AbortSignal): Promise<ModelCall[]>;
}

export const referenceText = (expected: unknown): string =>
  typeof expected === "string" ? expected : JSON.stringify(expected);

export function createModelScorer(
  provider: Provider,
  judge: Judge | undefined,
  models: { moderation?: string | undefined; embedding?: string | undefined } = {},
): ModelScorer {
  const embedder = new Embedder(provider);
  const scoreSafety = createSafetyScorer(provider, judge, models.moderation);
  const embeddingModelOf = (c: EmbeddingSimilarity): string =>
    c.model ?? models.embedding ?? DEFAULT_EMBEDDING_MODEL;

  async function scoreEmbedding(c: EmbeddingSimilarity, mc: ModelCase, signal?: AbortSignal) {
    if (mc.expected === undefined) {
      return { verdict: { score: 0, passed: false, detail: "example has no expected value" }, calls: [] };
    }
    const model = embeddingModelOf(c);
    const [out, ref] = await Promise.all([
      embedder.embed(model, embeddedText(mc.output), signal),
      embedder.embed(model, embeddedText(referenceText(mc.expected)), signal),
    ]);
    // Cosine is in [-1, 1]; an answer pointing away from the reference is as wrong as an unrelated one.
    const score = Math.min(1, Math.max(0, cosine(out.vector, ref.vector)));
    const min = c.min_score ?? DEFAULT_EMBEDDING_MIN_SCORE;
    const call = (e: typeof out): ModelCall => ({
      model,
      usage: { prompt_tokens: e.tokens, completion_tokens: 0 },
      cached: e.cached,
    });
    return {
      verdict: {
        score,
        passed: score >= min,
        detail: `embedding cosine ${score.toFixed(2)} (min ${min}, ${model})`,
      },
      calls: [call(out), call(ref)],
    };
  }

  return {
    embeddingModelOf,
    score: (c, mc, signal) =>
      c.type === "safety" ? scoreSafety(c, mc, signal) : scoreEmbedding(c, mc, signal),
    async prefetch(model, texts, signal) {
      const got = await Promise.all(
        [...new Set(texts.map(embeddedText))].map((t) => embedder.embed(model, t, signal)),
      );
      return got.map((e) => ({
        model,
        usage: { prompt_tokens: e.tokens, completion_tokens: 0 },
        cached: e.cached,
      }));
    },
  };
}

/** The expected texts each embedding model will compare with, known before any call. */
export function expectedTexts(
  criteria: readonly Criterion[],
  examples: readonly LoadedExample[],
  scorer: ModelScorer,
): Map<string, string[]> {
  const byModel = new Map<string, string[]>();
  for (const c of criteria) {
    if (!isModelCriterion(c) || c.type !== "similarity") continue;
    const model = scorer.embeddingModelOf(c);
    const list = byModel.get(model) ?? [];
    for (const e of examples) if (e.expected !== undefined) list.push(referenceText(e.expected));
    byModel.set(model, list);
  }
  return byModel;
}

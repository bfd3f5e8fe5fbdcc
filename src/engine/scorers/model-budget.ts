import type { LoadedExample } from "../../config/load.js";
import type { Criterion } from "../../config/schema.js";
import type { Budget, Spend } from "../budget.js";
import type { TokenUsage } from "../providers/types.js";
import { expectedTexts, isModelCriterion, referenceText, type ModelScorer } from "./model-criteria.js";

type Price = (model: string, usage: TokenUsage) => number | undefined;

/** Tokenizers average ~4 characters a token on English; 3 leaves room for other text. */
const tokensOf = (text: string): number => Math.ceil(text.length / 3) + 1;

/**
 * The worst case of an example's embedding calls, reserved with its chat call:
 * the answer at max_tokens and the expected text, per embedding criterion.
 * Moderation is free; a safety check that falls back to the judge is reserved
 * as a judge by the runner.
 */
export function embeddingEstimate(
  criteria: readonly Criterion[],
  example: LoadedExample,
  maxOutputTokens: number,
  scorer: ModelScorer | undefined,
  price: Price | undefined,
): Spend {
  const spend: Spend = { usd: 0, tokens: 0 };
  if (!scorer) return spend;
  for (const c of criteria) {
    if (!isModelCriterion(c) || c.type !== "similarity") continue;
    const expected = example.expected === undefined ? 0 : tokensOf(referenceText(example.expected));
    const tokens = maxOutputTokens + expected;
    spend.tokens += tokens;
    spend.usd += price?.(scorer.embeddingModelOf(c), { prompt_tokens: tokens, completion_tokens: 0 }) ?? 0;
  }
  return spend;
}

/**
 * Embeds a suite's expected texts before its examples run, in batches, so each
 * example's request carries only its answer. Reserved and settled on the
 * shared budget like any call; a refusal or a failure only means the examples
 * embed their expected texts themselves (and fail on their own if it persists).
 */
export async function prefetchExpected(
  criteria: readonly Criterion[],
  examples: readonly LoadedExample[],
  scorer: ModelScorer | undefined,
  budget: Budget,
  price: Price | undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (!scorer) return;
  for (const [model, texts] of expectedTexts(criteria, examples, scorer)) {
    const unique = [...new Set(texts)];
    if (unique.length === 0) continue;
    const tokens = unique.reduce((n, t) => n + tokensOf(t), 0);
    const reservation = budget.tryReserve({
      tokens,
      usd: price?.(model, { prompt_tokens: tokens, completion_tokens: 0 }) ?? 0,
    });
    if ("refused" in reservation) return;
    const spent: Spend = { usd: 0, tokens: 0 };
    try {
      for (const call of await scorer.prefetch(model, unique, signal)) {
        if (call.cached) continue;
        spent.tokens += call.usage.prompt_tokens;
        spent.usd += price?.(model, call.usage) ?? 0;
      }
    } catch {
      // The examples ask again and report the failure as theirs.
    } finally {
      budget.settle(reservation, spent);
    }
  }
}

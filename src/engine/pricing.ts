import type { TokenUsage } from "./providers/types.js";

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
  /** Input tokens served from the provider's prompt cache; absent: the model has no cached rate (input price). */
  cached_input?: number | undefined;
}

/**
 * Standard-tier list prices, USD per 1M tokens, as of 2025-12 (OpenAI and
 * Anthropic price pages; Llama at a typical hosted rate, which varies by host).
 * Cached input is the rate for prompt tokens the provider served from its
 * prompt cache (usage.prompt_tokens_details.cached_tokens); Anthropic's is its
 * cache-read rate. Prices change and batch and regional rates differ: override
 * or add models with `pricing` in the project config. Costs are estimates for
 * budgets and reports, not invoices.
 *
 * Pricier variants are listed explicitly because prefix matching would
 * otherwise give them the base model's price (o3-pro is not o3).
 */
export const PRICES_AS_OF = "2025-12";
export const PRICES: Readonly<Record<string, Price>> = {
  "gpt-4o": { input: 2.5, output: 10, cached_input: 1.25 },
  "gpt-4o-2024-05-13": { input: 5, output: 15 },
  "gpt-4o-mini": { input: 0.15, output: 0.6, cached_input: 0.075 },
  "gpt-4.1": { input: 2, output: 8, cached_input: 0.5 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6, cached_input: 0.1 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4, cached_input: 0.025 },
  "gpt-4-turbo": { input: 10, output: 30 },
  "gpt-3.5-turbo": { input: 0.5, output: 1.5 },
  "gpt-5": { input: 1.25, output: 10, cached_input: 0.125 },
  "gpt-5-mini": { input: 0.25, output: 2, cached_input: 0.025 },
  "gpt-5-nano": { input: 0.05, output: 0.4, cached_input: 0.005 },
  "gpt-5-pro": { input: 15, output: 120 },
  "gpt-5.1": { input: 1.25, output: 10, cached_input: 0.125 },
  o1: { input: 15, output: 60, cached_input: 7.5 },
  "o1-mini": { input: 1.1, output: 4.4, cached_input: 0.55 },
  "o1-pro": { input: 150, output: 600 },
  o3: { input: 2, output: 8, cached_input: 0.5 },
  "o3-mini": { input: 1.1, output: 4.4, cached_input: 0.55 },
  "o3-pro": { input: 20, output: 80 },
  "o4-mini": { input: 1.1, output: 4.4, cached_input: 0.275 },
  "claude-3-5-sonnet": { input: 3, output: 15, cached_input: 0.3 },
  "claude-3-5-haiku": { input: 0.8, output: 4, cached_input: 0.08 },
  "claude-3-7-sonnet": { input: 3, output: 15, cached_input: 0.3 },
  "claude-sonnet-4": { input: 3, output: 15, cached_input: 0.3 },
  "claude-opus-4": { input: 15, output: 75, cached_input: 1.5 },
  "llama-3.1-70b": { input: 0.9, output: 0.9 },
  "llama-3.1-8b": { input: 0.2, output: 0.2 },
  // Embeddings are billed on input only.
  "text-embedding-3-small": { input: 0.02, output: 0 },
  "text-embedding-3-large": { input: 0.13, output: 0 },
  "text-embedding-ada-002": { input: 0.1, output: 0 },
  // OpenAI's moderation API is free; a price of 0 keeps the run's cost known (an unknown price makes it n/a).
  "omni-moderation": { input: 0, output: 0 },
  "text-moderation": { input: 0, output: 0 },
};

/**
 * What may follow a known name for a longer name to share its price: a dated
 * snapshot ("gpt-4o-mini-2024-07-18"), an Ollama tag ("llama-3.1-70b:q4") or a
 * Vertex version ("claude-3-5-sonnet@20240620"). Not "." — gpt-5.2 is a
 * different model from gpt-5, and an unknown price beats a wrong one.
 */
const SUFFIX_START = new Set(["-", ":", "@"]);

function extends_(model: string, name: string): boolean {
  return model.startsWith(name) && SUFFIX_START.has(model.charAt(name.length));
}

/**
 * The price of a model: exact name first, then the longest known name it
 * extends, so "gpt-4o-mini-2024-07-18" gets gpt-4o-mini's price and not
 * gpt-4o's. Overrides win over the table for the same name.
 */
export function priceOf(model: string, overrides: Readonly<Record<string, Price>> = {}): Price | undefined {
  const table: Record<string, Price> = { ...PRICES, ...overrides };
  const exact = Object.hasOwn(table, model) ? table[model] : undefined;
  if (exact) return exact;
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    if (extends_(model, name) && (best === undefined || name.length > best.length)) best = name;
  }
  return best === undefined ? undefined : table[best];
}

/** USD of `usage` at `p`: cached input tokens at the cached rate, the rest of the input at the input rate. */
function priced(p: Price, usage: TokenUsage): number {
  const cached = Math.min(usage.cached_tokens ?? 0, usage.prompt_tokens);
  const input = (usage.prompt_tokens - cached) * p.input + cached * (p.cached_input ?? p.input);
  return (input + usage.completion_tokens * p.output) / 1_000_000;
}

/**
 * The service tiers priced differently from the standard one. OpenAI prices `flex` at its Batch
 * API rates (half the list price, cached input included) as of PRICES_AS_OF.
 */
export const SERVICE_TIERS = ["flex"] as const;

/** USD for one call's usage, or undefined when the model's price is unknown; `serviceTier` "flex" at flex rates. */
export function costUsd(
  model: string,
  usage: TokenUsage,
  overrides?: Readonly<Record<string, Price>>,
  serviceTier?: string,
): number | undefined {
  if (serviceTier === "flex") return batchCostUsd(model, usage, overrides);
  const p = priceOf(model, overrides);
  return p ? priced(p, usage) : undefined;
}

/**
 * The highest input and output prices known (the table and the overrides): what
 * a budget counts for a model without a price, so that an unknown model is
 * never free (a PR could otherwise name one to escape \`max_cost_usd\`).
 */
export function highestPrice(overrides: Readonly<Record<string, Price>> = {}): Price {
  const all = Object.values({ ...PRICES, ...overrides });
  return {
    input: Math.max(...all.map((p) => p.input)),
    output: Math.max(...all.map((p) => p.output)),
  };
}

/** USD a budget counts for one call: the model's price, else the highest known price. */
export function budgetCostUsd(
  model: string,
  usage: TokenUsage,
  overrides?: Readonly<Record<string, Price>>,
  cost: (
    model: string,
    usage: TokenUsage,
    overrides?: Readonly<Record<string, Price>>,
  ) => number | undefined = costUsd,
): number {
  const known = cost(model, usage, overrides);
  if (known !== undefined) return known;
  const p = highestPrice(overrides);
  return (usage.prompt_tokens * p.input + usage.completion_tokens * p.output) / 1_000_000;
}

/**
 * Batch API prices that are not half the list price, USD per 1M tokens. OpenAI
 * and Anthropic charge half for every model in their tables as of PRICES_AS_OF,
 * so this is empty; an entry here wins over the half.
 */
export const BATCH_PRICES: Readonly<Record<string, Price>> = {};

/** USD for one call's usage sent through a batch: BATCH_PRICES, else half the (overridden) list price. */
export function batchCostUsd(
  model: string,
  usage: TokenUsage,
  overrides?: Readonly<Record<string, Price>>,
): number | undefined {
  // A project's own price for the model is its list price, halved like the table's.
  const special = Object.hasOwn(overrides ?? {}, model) ? undefined : batchPriceOf(model);
  const p = special ?? halve(priceOf(model, overrides));
  return p ? priced(p, usage) : undefined;
}

/** BATCH_PRICES by exact name, then by the longest known name the model extends. */
function batchPriceOf(model: string): Price | undefined {
  let best: string | undefined;
  for (const name of Object.keys(BATCH_PRICES)) {
    if ((name === model || extends_(model, name)) && (best === undefined || name.length > best.length))
      best = name;
  }
  return best === undefined ? undefined : BATCH_PRICES[best];
}

function halve(p: Price | undefined): Price | undefined {
  return p
    ? {
        input: p.input / 2,
        output: p.output / 2,
        ...(p.cached_input !== undefined ? { cached_input: p.cached_input / 2 } : {}),
      }
    : undefined;
}

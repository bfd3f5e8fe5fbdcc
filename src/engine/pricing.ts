import type { TokenUsage } from "./providers/types.js";

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
}

/**
 * List prices as of 2026-11 for common models; set `pricing` in the project
 * config (or the action input) for others or when prices change.
 */
export const PRICES: Readonly<Record<string, Price>> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
  o3: { input: 2, output: 8 },
  "o4-mini": { input: 1.1, output: 4.4 },
  "claude-3-5-sonnet": { input: 3, output: 15 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "llama-3.1-70b": { input: 0.9, output: 0.9 },
  "llama-3.1-8b": { input: 0.2, output: 0.2 },
};

/**
 * The price of a model: exact name first, then the longest known prefix, so
 * "gpt-4o-mini-2024-07-18" gets gpt-4o-mini's price and not gpt-4o's.
 */
export function priceOf(model: string, overrides: Readonly<Record<string, Price>> = {}): Price | undefined {
  const table = { ...PRICES, ...overrides };
  if (table[model]) return table[model];
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    if (model.startsWith(name) && (!best || name.length > best.length)) best = name;
  }
  return best ? table[best] : undefined;
}

export function costUsd(
  model: string,
  usage: TokenUsage,
  overrides?: Readonly<Record<string, Price>>,
): number | undefined {
  const p = priceOf(model, overrides);
  return p ? (usage.prompt_tokens * p.input + usage.completion_tokens * p.output) / 1_000_000 : undefined;
}

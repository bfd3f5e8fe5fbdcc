import { describe, expect, test } from "vitest";
import { batchCostUsd, costUsd, priceOf, PRICES, PRICES_AS_OF } from "../src/engine/pricing.js";

describe("priceOf", () => {
  test("the table covers the common models and says when it was taken", () => {
    for (const model of [
      "gpt-4o",
      "gpt-4o-mini",
      "gpt-4.1",
      "gpt-4.1-mini",
      "gpt-4.1-nano",
      "o3",
      "o4-mini",
      "gpt-5",
      "gpt-5-mini",
      "claude-3-5-sonnet",
      "llama-3.1-70b",
    ]) {
      expect(PRICES[model], model).toBeDefined();
    }
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}$/);
  });

  test("exact names first: gpt-4o-mini does not get gpt-4o's price", () => {
    expect(priceOf("gpt-4o")).toEqual({ input: 2.5, output: 10, cached_input: 1.25 });
    expect(priceOf("gpt-4o-mini")).toEqual({ input: 0.15, output: 0.6, cached_input: 0.075 });
  });

  test("then the longest known name it extends", () => {
    expect(priceOf("gpt-4o-mini-2024-07-18")).toEqual(PRICES["gpt-4o-mini"]);
    expect(priceOf("gpt-4o-2024-08-06")).toEqual(PRICES["gpt-4o"]);
    expect(priceOf("gpt-4.1-nano-2025-04-14")).toEqual(PRICES["gpt-4.1-nano"]);
    expect(priceOf("claude-3-5-sonnet-20241022")).toEqual(PRICES["claude-3-5-sonnet"]);
    expect(priceOf("claude-3-5-sonnet@20240620")).toEqual(PRICES["claude-3-5-sonnet"]);
    expect(priceOf("llama-3.1-70b:q4")).toEqual(PRICES["llama-3.1-70b"]);
  });

  test("pricier variants are not priced as their base model", () => {
    expect(priceOf("o3-pro-2025-06-10")).toEqual(PRICES["o3-pro"]);
    expect(priceOf("o3-mini")).toEqual(PRICES["o3-mini"]);
    expect(priceOf("gpt-5-pro")).toEqual(PRICES["gpt-5-pro"]);
  });

  test("a name is only extended at a separator: unknown beats wrong", () => {
    expect(priceOf("gpt-4.5-preview")).toBeUndefined();
    expect(priceOf("gpt-5.2")).toBeUndefined();
    expect(priceOf("o30")).toBeUndefined();
    expect(priceOf("my-local-llama")).toBeUndefined();
    expect(priceOf("constructor")).toBeUndefined();
  });

  test("overrides win for the same name and take part in prefix matching", () => {
    const overrides = { "gpt-4o": { input: 1, output: 1 }, "acme-chat": { input: 3, output: 6 } };
    expect(priceOf("gpt-4o", overrides)).toEqual({ input: 1, output: 1 });
    expect(priceOf("gpt-4o-2024-08-06", overrides)).toEqual({ input: 1, output: 1 });
    expect(priceOf("gpt-4o-mini", overrides)).toEqual(PRICES["gpt-4o-mini"]);
    expect(priceOf("acme-chat-v2", overrides)).toEqual({ input: 3, output: 6 });
  });
});

describe("costUsd", () => {
  test("USD from usage at per-million prices", () => {
    expect(costUsd("gpt-4o-mini", { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 })).toBeCloseTo(
      0.75,
    );
    expect(costUsd("gpt-4o", { prompt_tokens: 2000, completion_tokens: 500 })).toBeCloseTo(0.01);
    expect(costUsd("gpt-4o", { prompt_tokens: 0, completion_tokens: 0 })).toBe(0);
  });

  test("unknown models have no cost; overrides give them one", () => {
    expect(costUsd("local", { prompt_tokens: 10, completion_tokens: 10 })).toBeUndefined();
    expect(
      costUsd("local", { prompt_tokens: 500_000, completion_tokens: 0 }, { local: { input: 2, output: 0 } }),
    ).toBe(1);
  });
});

describe("batch prices", () => {
  const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 };
  test("half the list price, overrides included; unknown stays unknown", () => {
    expect(batchCostUsd("gpt-4o-mini", usage)).toBeCloseTo((0.15 + 0.6) / 2, 12);
    expect(batchCostUsd("gpt-4o-mini-2024-07-18", usage)).toBeCloseTo((0.15 + 0.6) / 2, 12);
    expect(batchCostUsd("house-model", usage, { "house-model": { input: 4, output: 8 } })).toBe(6);
    expect(batchCostUsd("no-such-model", usage)).toBeUndefined();
  });
});

describe("cached input and service tiers", () => {
  test("cached input tokens are priced at the model's cached rate, the rest of the input at the input rate", () => {
    // gpt-4o: 2.5 input, 1.25 cached input, 10 output per 1M.
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 100_000, cached_tokens: 600_000 };
    expect(costUsd("gpt-4o", usage)).toBeCloseTo(0.4 * 2.5 + 0.6 * 1.25 + 0.1 * 10, 10);
    expect(costUsd("gpt-4o", { ...usage, cached_tokens: 0 })).toBeCloseTo(2.5 + 1, 10);
  });

  test("a model without a cached rate charges cached tokens at the input rate", () => {
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 0, cached_tokens: 500_000 };
    expect(costUsd("gpt-4-turbo", usage)).toBeCloseTo(10, 10);
    expect(costUsd("mine", usage, { mine: { input: 1, output: 2, cached_input: 0.1 } })).toBeCloseTo(
      0.55,
      10,
    );
  });

  test("flex is priced at the batch rate: half, cached input included", () => {
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, cached_tokens: 1_000_000 };
    expect(costUsd("gpt-5", usage, {}, "flex")).toBeCloseTo((0.125 + 10) / 2, 10);
    expect(costUsd("gpt-5", usage)).toBeCloseTo(0.125 + 10, 10);
  });
});

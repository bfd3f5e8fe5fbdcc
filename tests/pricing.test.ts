import { expect, test } from "vitest";
import { costUsd, priceOf } from "../src/engine/pricing.js";

test("exact names, then the longest prefix", () => {
  expect(priceOf("gpt-4o")).toEqual({ input: 2.5, output: 10 });
  expect(priceOf("gpt-4o-mini-2024-07-18")).toEqual({ input: 0.15, output: 0.6 });
  expect(priceOf("my-local-llama")).toBeUndefined();
});

test("cost from usage, with overrides", () => {
  expect(costUsd("gpt-4o-mini", { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 })).toBeCloseTo(
    0.75,
  );
  expect(costUsd("local", { prompt_tokens: 10, completion_tokens: 10 })).toBeUndefined();
  expect(
    costUsd("local", { prompt_tokens: 500_000, completion_tokens: 0 }, { local: { input: 2, output: 0 } }),
  ).toBe(1);
});

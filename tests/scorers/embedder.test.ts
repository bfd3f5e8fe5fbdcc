import { expect, test } from "vitest";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { ProviderError, type EmbeddingRequest, type Provider } from "../../src/engine/providers/types.js";
import { cosine, Embedder, MAX_BATCH_INPUTS } from "../../src/engine/scorers/embedder.js";

function recording(fail = false): { provider: Provider; requests: EmbeddingRequest[] } {
  const mock = createMockProvider();
  const requests: EmbeddingRequest[] = [];
  return {
    requests,
    provider: {
      id: "t",
      complete: (r, o) => mock.complete(r, o),
      embed: (r, o) => {
        requests.push(r);
        if (fail) return Promise.reject(new ProviderError("server error (500)", { kind: "server_error" }));
        if (!mock.embed) throw new Error("the mock embeds");
        return mock.embed(r, o);
      },
    },
  };
}

test("texts asked for together go out in one request per model, at most MAX_BATCH_INPUTS each", async () => {
  const { provider, requests } = recording();
  const e = new Embedder(provider);
  const texts = Array.from({ length: MAX_BATCH_INPUTS + 2 }, (_, i) => `text ${i}`);
  const got = await Promise.all([...texts.map((t) => e.embed("a", t)), e.embed("b", "other model")]);
  expect(got).toHaveLength(MAX_BATCH_INPUTS + 3);
  expect(requests.map((r) => [r.model, r.input.length])).toEqual([
    ["a", MAX_BATCH_INPUTS],
    ["a", 2],
    ["b", 1],
  ]);
});

test("a text already embedded in the run is answered from memory, as cached", async () => {
  const { provider, requests } = recording();
  const e = new Embedder(provider);
  const first = await e.embed("a", "same text");
  const again = await e.embed("a", "same text");
  expect(requests).toHaveLength(1);
  expect(first.cached).toBe(false);
  expect(again).toEqual({ ...first, cached: true });
});

test("a failed batch fails every text in it, and the texts are asked for again next time", async () => {
  const { provider, requests } = recording(true);
  const e = new Embedder(provider);
  const results = await Promise.allSettled([e.embed("a", "x"), e.embed("a", "y")]);
  expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  await expect(e.embed("a", "x")).rejects.toThrow("server error");
  expect(requests.map((r) => r.input)).toEqual([["x", "y"], ["x"]]);
});

test("cosine: 1 for the same direction, 0 for orthogonal or empty, an error for different lengths", () => {
  expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 10);
  expect(cosine([1, 0], [0, 1])).toBe(0);
  expect(cosine([0, 0], [1, 1])).toBe(0);
  expect(cosine([1, 0], [-1, 0])).toBe(-1);
  expect(() => cosine([1], [1, 2])).toThrow(/different lengths/);
});

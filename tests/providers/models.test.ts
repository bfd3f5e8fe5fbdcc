/** Moderation and embeddings through each provider: the live one (fake server), mock, replay, cache, retries. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { withCache, type CacheEvent } from "../../src/engine/providers/cache.js";
import { embeddingKey, moderationKey, shareTokens } from "../../src/engine/providers/keys.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { mockEmbedding } from "../../src/engine/providers/mock-models.js";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import { createReplayProvider, parseRecordings } from "../../src/engine/providers/replay.js";
import { withRetries } from "../../src/engine/providers/retry.js";
import { ProviderError, type Provider } from "../../src/engine/providers/types.js";
import { cosine } from "../../src/engine/scorers/embedder.js";
import { letterVector, startFakeOpenAI, type FakeOpenAI, type FakeRoutes } from "../helpers/fake-openai.js";

const KEY = "sk-test-models-0123456789";
let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function live(routes: FakeRoutes = {}): Promise<Provider> {
  server = await startFakeOpenAI(undefined, routes);
  return createOpenAIProvider({ apiKey: KEY, baseURL: server.url });
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("openai provider against an OpenAI-compatible server", () => {
  test("moderation: POST /v1/moderations with the model; verdict and per-category flags and scores", async () => {
    const p = await live();
    const m = await p.moderate?.({ model: "omni-moderation-latest", input: "I will kill the process" });
    expect(server?.requests[0]?.path).toBe("/v1/moderations");
    expect(server?.requests[0]?.body).toMatchObject({
      model: "omni-moderation-latest",
      input: "I will kill the process",
    });
    expect(m).toMatchObject({ flagged: true, cached: false });
    expect(m?.categories).toEqual({ violence: true, hate: false, "self-harm": false, sexual: false });
    expect(m?.scores.violence).toBe(0.93);
  });

  test("embeddings: many inputs in one POST /v1/embeddings (floats asked for), vectors in input order", async () => {
    const p = await live({
      // Answered out of order: the provider must sort by index.
      embeddings: (r) => {
        const input = (r.body as unknown as { input: string[] }).input;
        const data = input.map((t, index) => ({ index, embedding: letterVector(t) })).reverse();
        return { json: { data, usage: { prompt_tokens: 10 } } };
      },
    });
    const e = await p.embed?.({ model: "text-embedding-3-small", input: ["abc", "xyz", "abcabc"] });
    expect(server?.requests).toHaveLength(1);
    expect(server?.requests[0]?.path).toBe("/v1/embeddings");
    expect(server?.requests[0]?.body).toMatchObject({
      model: "text-embedding-3-small",
      encoding_format: "float",
    });
    expect(e?.vectors).toEqual([letterVector("abc"), letterVector("xyz"), letterVector("abcabc")]);
    // The batch's 10 tokens shared by length: 3, 3 and 6 characters.
    expect(e?.tokens).toEqual([2, 2, 6]);
  });

  test("an endpoint without the routes (404) answers 'unsupported'; a malformed answer is a retryable bad response", async () => {
    const p = await live({
      moderations: "absent",
      embeddings: () => ({ json: { data: [{ embedding: ["x"] }] } }),
    });
    const e = await failure(
      p.moderate?.({ model: "omni-moderation-latest", input: "x" }) ?? Promise.resolve(),
    );
    expect(e.kind).toBe("unsupported");
    expect(e.message).toContain("404 page not found");
    const bad = await failure(p.embed?.({ model: "m", input: ["a"] }) ?? Promise.resolve());
    expect(bad).toMatchObject({ kind: "bad_response", retryable: true });
  });

  test("a 400 that says not supported is unsupported too; other 400s are not", async () => {
    const say = (message: string): FakeRoutes => ({
      moderations: () => ({ status: 400, body: { error: { message, type: "invalid_request_error" } } }),
    });
    const unsupported = await failure(
      (await live(say("moderation is not supported by this server"))).moderate?.({
        model: "m",
        input: "x",
      }) ?? Promise.resolve(),
    );
    expect(unsupported.kind).toBe("unsupported");
    await server?.close();
    const rejected = await failure(
      (await live(say("input is too long"))).moderate?.({ model: "m", input: "x" }) ?? Promise.resolve(),
    );
    expect(rejected.kind).toBe("bad_request");
  });

  test("retries cover moderation and embeddings (a 503 then an answer)", async () => {
    let n = 0;
    server = await startFakeOpenAI(undefined, {
      embeddings: () =>
        n++ === 0
          ? { status: 503 }
          : { json: { data: [{ index: 0, embedding: [1, 0] }], usage: { prompt_tokens: 1 } } },
    });
    const p = withRetries(createOpenAIProvider({ apiKey: KEY, baseURL: server.url }), {
      sleep: () => Promise.resolve(),
    });
    expect((await p.embed?.({ model: "m", input: ["a"] }))?.vectors).toEqual([[1, 0]]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("mock", () => {
  test("flags only text with an [unsafe] marker, naming the category", async () => {
    const p = createMockProvider();
    expect((await p.moderate?.({ model: "x", input: "a normal reply" }))?.flagged).toBe(false);
    const m = await p.moderate?.({ model: "x", input: "text [unsafe:self-harm] more" });
    expect(m?.flagged).toBe(true);
    expect(Object.entries(m?.categories ?? {}).filter(([, v]) => v)).toEqual([["self-harm", true]]);
    expect((await p.moderate?.({ model: "x", input: "[unsafe]" }))?.categories.violence).toBe(true);
  });

  test("embeddings are deterministic, and texts sharing words score higher than unrelated ones", async () => {
    const p = createMockProvider();
    const e = await p.embed?.({
      model: "x",
      input: ["refund issued for invoice", "invoice refund was issued", "the app crashes on start"],
    });
    const [a, b, c] = e?.vectors ?? [];
    expect(a).toEqual(mockEmbedding("refund issued for invoice"));
    expect(cosine(a ?? [], b ?? [])).toBeGreaterThan(0.7);
    expect(cosine(a ?? [], c ?? [])).toBeLessThan(0.3);
  });
});

describe("replay", () => {
  const chat = {
    key: "a".repeat(64),
    output: "hi",
    usage: { prompt_tokens: 1, completion_tokens: 1 },
    latency_ms: 5,
  };
  const mod = {
    key: moderationKey("omni-moderation-latest", "hi"),
    kind: "moderation",
    model: "omni-moderation-latest",
    flagged: false,
    categories: { violence: false },
    category_scores: { violence: 0.01 },
    latency_ms: 3,
  };
  const emb = {
    key: embeddingKey("e", "hi"),
    kind: "embedding",
    model: "e",
    embedding: [0.6, 0.8],
    tokens: 1,
    latency_ms: 4,
  };
  const text = [chat, mod, emb].map((x) => JSON.stringify(x)).join("\n");

  test("a recordings file may mix chat answers (the old format, no kind), moderations and embeddings", async () => {
    const entries = parseRecordings(text, "r.jsonl");
    expect(entries).toHaveLength(3);
    const p = createReplayProvider(entries);
    expect(await p.moderate?.({ model: "omni-moderation-latest", input: "hi" })).toMatchObject({
      flagged: false,
      cached: true,
    });
    expect(await p.embed?.({ model: "e", input: ["hi", "hi"] })).toMatchObject({
      vectors: [
        [0.6, 0.8],
        [0.6, 0.8],
      ],
      cached: [true, true],
    });
  });

  test("what was not recorded is no_recording (the safety check then asks the judge)", async () => {
    const p = createReplayProvider(parseRecordings(text, "r.jsonl"));
    expect(
      (await failure(p.moderate?.({ model: "omni-moderation-latest", input: "other" }) ?? Promise.resolve()))
        .kind,
    ).toBe("no_recording");
    expect((await failure(p.embed?.({ model: "e", input: ["hi", "other"] }) ?? Promise.resolve())).kind).toBe(
      "no_recording",
    );
  });

  test("a malformed moderation line names its line", () => {
    expect(() => parseRecordings(JSON.stringify({ ...mod, flagged: "no" }), "r.jsonl")).toThrow(/malformed/);
  });
});

describe("cache", () => {
  test("embeddings are cached per text: a later batch asks only for texts not seen, in one request", async () => {
    const p = await live();
    const dir = await mkdtemp(join(tmpdir(), "agentops-models-"));
    const events: CacheEvent[] = [];
    const cached = withCache(p, { dir, namespace: server?.url ?? "", onEvent: (e) => events.push(e) });
    const first = await cached.embed?.({ model: "m", input: ["abc", "de"] });
    const second = await cached.embed?.({ model: "m", input: ["de", "fgh", "abc"] });
    expect(server?.requests.map((r) => (r.body as unknown as { input: string[] }).input)).toEqual([
      ["abc", "de"],
      ["fgh"],
    ]);
    expect(second?.vectors).toEqual([letterVector("de"), letterVector("fgh"), letterVector("abc")]);
    expect(second?.cached).toEqual([true, false, true]);
    expect(first?.cached).toEqual([false, false]);
    // Another endpoint (namespace) or model shares nothing.
    const other = withCache(p, { dir, namespace: "elsewhere" });
    await other.embed?.({ model: "m", input: ["abc"] });
    expect(server?.requests).toHaveLength(3);
    expect(events.filter((e) => e === "write")).toHaveLength(3);
  });

  test("moderation verdicts are cached; a read-only cache serves but never writes", async () => {
    const p = await live();
    const dir = await mkdtemp(join(tmpdir(), "agentops-models-"));
    const ro = withCache(p, { dir, namespace: "n", readOnly: true });
    await ro.moderate?.({ model: "m", input: "kill" });
    await ro.moderate?.({ model: "m", input: "kill" });
    expect(server?.requests).toHaveLength(2);
    const rw = withCache(p, { dir, namespace: "n" });
    await rw.moderate?.({ model: "m", input: "kill" });
    const hit = await rw.moderate?.({ model: "m", input: "kill" });
    expect(server?.requests).toHaveLength(3);
    expect(hit).toMatchObject({ flagged: true, cached: true, categories: { violence: true } });
  });
});

test("shareTokens gives out the whole total by length", () => {
  expect(shareTokens(10, ["aaa", "a"])).toEqual([7, 3]);
  expect(shareTokens(5, ["", ""])).toEqual([5, 0]);
  expect(shareTokens(0, [])).toEqual([]);
});

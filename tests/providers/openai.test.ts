import { afterEach, describe, expect, test } from "vitest";
import { createOpenAIProvider, resolveOpenAISettings } from "../../src/engine/providers/openai.js";
import { withRetries } from "../../src/engine/providers/retry.js";
import { ProviderError } from "../../src/engine/providers/types.js";
import type { ChatRequest } from "../../src/engine/request.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from "../helpers/fake-openai.js";

const KEY = "sk-canary-0123456789abcdef";
const request: ChatRequest = {
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "hi" }],
  temperature: 0.2,
  max_tokens: 50,
};

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function providerFor(replies: FakeReply[] | ((n: number) => FakeReply), timeoutMs = 2000) {
  server = await startFakeOpenAI((r) =>
    typeof replies === "function" ? replies(r.n) : (replies[r.n] ?? { text: "done" }),
  );
  return createOpenAIProvider({ apiKey: KEY, baseURL: server.url, timeoutMs });
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
}

describe("openai provider against a fake server", () => {
  test("success: text, usage, the bearer key in the header only", async () => {
    const p = await providerFor([{ text: "hello", usage: { prompt_tokens: 7, completion_tokens: 3 } }]);
    const c = await p.complete(request);
    expect(c).toMatchObject({
      text: "hello",
      usage: { prompt_tokens: 7, completion_tokens: 3 },
      cached: false,
    });
    expect(server?.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server?.requests[0]?.body).toMatchObject({
      model: "gpt-4o-mini",
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(p.id).toMatch(/^openai:127\.0\.0\.1:\d+$/);
  });

  test("429 with Retry-After is retryable and carries the delay", async () => {
    const p = await providerFor([
      {
        status: 429,
        headers: { "retry-after": "2" },
        body: { error: { message: "slow down", type: "requests" } },
      },
    ]);
    const e = await failure(p.complete(request));
    expect(e).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 2000 });
  });

  test("quota exhausted is fatal after one request", async () => {
    const p = await providerFor([
      {
        status: 429,
        body: {
          error: {
            message: "You exceeded your current quota",
            type: "insufficient_quota",
            code: "insufficient_quota",
          },
        },
      },
    ]);
    const e = await failure(withRetries(p, { sleep: () => Promise.resolve() }).complete(request));
    expect(e).toMatchObject({ kind: "quota_exhausted", fatal: true });
    expect(server?.requests).toHaveLength(1);
  });

  test("500 then success through the retry layer", async () => {
    const p = await providerFor([{ status: 500 }, { status: 503 }, { text: "finally" }]);
    const delays: number[] = [];
    const c = await withRetries(p, {
      sleep: (ms) => (delays.push(ms), Promise.resolve()),
      random: () => 1,
    }).complete(request);
    expect(c.text).toBe("finally");
    expect(server?.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  test("Retry-After is honoured as the minimum wait", async () => {
    const p = await providerFor([{ status: 429, headers: { "retry-after": "3" } }, { text: "ok" }]);
    const delays: number[] = [];
    await withRetries(p, { sleep: (ms) => (delays.push(ms), Promise.resolve()), random: () => 0 }).complete(
      request,
    );
    expect(delays).toEqual([3000]);
  });

  test("a hang times out, is retried, and ends as a timeout error", async () => {
    const p = await providerFor(() => ({ hang: true }), 150);
    const e = await failure(
      withRetries(p, { maxAttempts: 2, sleep: () => Promise.resolve() }).complete(request),
    );
    expect(e.kind).toBe("timeout");
    expect(server?.requests).toHaveLength(2);
  });

  test("a connection reset is a retryable connection error", async () => {
    const p = await providerFor([{ reset: true }]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "connection", retryable: true });
  });

  test("malformed JSON in a 200 is a retryable bad response", async () => {
    const p = await providerFor([{ raw: '{"choices": [' }]);
    expect(await failure(p.complete(request))).toMatchObject({ retryable: true });
  });

  test("a 200 without choices is a bad response", async () => {
    const p = await providerFor([{ raw: '{"id": "x", "object": "chat.completion", "choices": []}' }]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "bad_response" });
  });

  test("401 is fatal and never retried; 400 is a bad request", async () => {
    const p = await providerFor([
      { status: 401, body: { error: { message: "Incorrect API key provided: sk-canary-0123456789abcdef" } } },
      { status: 400 },
    ]);
    const e = await failure(withRetries(p, { sleep: () => Promise.resolve() }).complete(request));
    expect(e).toMatchObject({ kind: "auth", fatal: true });
    expect(e.message).not.toContain(KEY);
    expect(server?.requests).toHaveLength(1);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "bad_request", retryable: false });
  });

  test("a model that rejects temperature is resent without it, and remembered", async () => {
    const p = await providerFor((n) =>
      n === 0
        ? {
            status: 400,
            body: {
              error: { message: "Unsupported parameter: 'temperature' is not supported with this model." },
            },
          }
        : { text: "ok" },
    );
    const m = { ...request, model: "my-reasoner" };
    expect((await p.complete(m)).text).toBe("ok");
    await p.complete(m);
    const bodies = server?.requests.map((r) => r.body) ?? [];
    expect(bodies[0]).toMatchObject({ temperature: 0.2, max_tokens: 50 });
    expect(bodies[1]?.temperature).toBeUndefined();
    expect(bodies[1]?.max_completion_tokens).toBe(50);
    expect(bodies[2]?.temperature).toBeUndefined();
    expect(bodies).toHaveLength(3);
  });

  test("known reasoning models never get temperature", async () => {
    const p = await providerFor([{ text: "ok" }]);
    await p.complete({ ...request, model: "o4-mini" });
    expect(server?.requests[0]?.body.temperature).toBeUndefined();
  });

  test("an aborted call stops waiting", async () => {
    const p = await providerFor(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = p.complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toMatchObject({ kind: "aborted" });
  });
});

describe("settings", () => {
  test("flags win over the environment; no key is a clear user error", () => {
    expect(
      resolveOpenAISettings(
        { OPENAI_API_KEY: "a", OPENAI_BASE_URL: "http://x/v1" },
        { baseUrl: "http://y/v1" },
      ),
    ).toEqual({ apiKey: "a", baseURL: "http://y/v1" });
    expect(() => resolveOpenAISettings({}, {})).toThrow(
      expect.objectContaining({
        message: "no API key for the openai provider",
        hint: expect.stringContaining("OPENAI_API_KEY") as unknown,
      }),
    );
    expect(() => resolveOpenAISettings({ OPENAI_API_KEY: "a" }, { baseUrl: "not a url" })).toThrow(
      /not a valid base URL/,
    );
  });
});

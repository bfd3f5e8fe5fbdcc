import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createOpenAIProvider,
  parseRetryAfter,
  LOCAL_NO_KEY,
  resolveOpenAISettings,
  type OpenAISettings,
} from "../../src/engine/providers/openai.js";
import { withRetries } from "../../src/engine/providers/retry.js";
import { ProviderError, type Provider } from "../../src/engine/providers/types.js";
import type { ChatRequest } from "../../src/engine/request.js";
import { UserError } from "../../src/errors.js";
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

type Script = FakeReply[] | ((n: number) => FakeReply);

/** A provider against a fresh fake server; a list script answers "done" once it runs out. */
async function providerFor(script: Script, settings: Partial<OpenAISettings> = {}): Promise<Provider> {
  server = await startFakeOpenAI((r) =>
    typeof script === "function" ? script(r.n) : (script[r.n] ?? { text: "done" }),
  );
  return createOpenAIProvider({ apiKey: KEY, baseURL: server.url, timeoutMs: 2000, ...settings });
}

function requests(): FakeOpenAI["requests"] {
  if (!server) throw new Error("no fake server");
  return server.requests;
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

/** Retries without real waiting; records the waits asked for. */
function retrying(p: Provider, delays: number[] = [], maxAttempts = 5): Provider {
  return withRetries(p, { maxAttempts, sleep: (ms) => (delays.push(ms), Promise.resolve()) });
}

const rejection = (message: string, param: string | null = null): FakeReply => ({
  status: 400,
  body: { error: { message, type: "invalid_request_error", param, code: "unsupported_parameter" } },
});

describe("success", () => {
  test("text and usage from the answer; the key only in the Authorization header", async () => {
    const p = await providerFor([{ text: "hello", usage: { prompt_tokens: 7, completion_tokens: 3 } }]);
    const c = await p.complete(request);
    expect(c).toMatchObject({
      text: "hello",
      usage: { prompt_tokens: 7, completion_tokens: 3 },
      cached: false,
    });
    const [first] = requests();
    expect(first?.method).toBe("POST");
    expect(first?.path).toBe("/v1/chat/completions");
    expect(first?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first?.body).toEqual({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(requests()).toHaveLength(1);
  });

  test("the id names the endpoint's host; the default is api.openai.com", async () => {
    const p = await providerFor([]);
    expect(p.id).toMatch(/^openai:127\.0\.0\.1:\d+$/);
    // Constructing a client sends nothing, so this never touches the network.
    expect(createOpenAIProvider({ apiKey: KEY }).id).toBe("openai:api.openai.com");
  });

  test("latency is measured around the call with the injected clock", async () => {
    const ticks = [1000, 1234];
    const p = await providerFor([{ text: "ok" }], { now: () => ticks.shift() ?? 0 });
    expect((await p.complete(request)).latencyMs).toBe(234);
  });

  test("missing usage falls back to estimates", async () => {
    const p = await providerFor([
      { raw: JSON.stringify({ choices: [{ message: { role: "assistant", content: "12345678" } }] }) },
    ]);
    const c = await p.complete({ ...request, messages: [{ role: "user", content: "abcdefghijkl" }] });
    expect(c.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2 });
  });

  test("extra headers and a custom fetch are used", async () => {
    let fetched = 0;
    const p = await providerFor([{ text: "ok" }], {
      defaultHeaders: { "x-gateway-route": "evals" },
      fetch: (input, init) => (fetched++, fetch(input, init)),
    });
    await p.complete(request);
    expect(fetched).toBe(1);
    expect(requests()[0]?.headers["x-gateway-route"]).toBe("evals");
  });

  test("the organization and project the SDK reads from the environment are sent on chat calls too", async () => {
    vi.stubEnv("OPENAI_ORG_ID", "org-canary");
    vi.stubEnv("OPENAI_PROJECT_ID", "proj-canary");
    try {
      const p = await providerFor([{ text: "ok" }]);
      await p.complete(request);
    } finally {
      vi.unstubAllEnvs();
    }
    const [first] = requests();
    expect(first?.headers["openai-organization"]).toBe("org-canary");
    expect(first?.headers["openai-project"]).toBe("proj-canary");
    expect(first?.headers["content-type"]).toBe("application/json");
  });

  test("a redirect is followed, as fetch would", async () => {
    const p = await providerFor((n) =>
      n === 0
        ? { status: 307, headers: { location: `${server?.url ?? ""}/chat/completions` }, body: {} }
        : { text: "moved" },
    );
    expect((await p.complete(request)).text).toBe("moved");
    expect(requests().map((r) => r.path)).toEqual(["/v1/chat/completions", "/v1/chat/completions"]);
  });

  test("a refusal is the model's answer, not an error", async () => {
    const p = await providerFor([
      {
        raw: JSON.stringify({
          choices: [{ message: { content: null, refusal: "I can't help with that." } }],
        }),
      },
    ]);
    expect((await p.complete(request)).text).toBe("I can't help with that.");
  });
});

describe("error mapping", () => {
  test("429 with Retry-After is retryable and carries the delay", async () => {
    const p = await providerFor([
      {
        status: 429,
        headers: { "retry-after": "2" },
        body: { error: { message: "slow down", type: "requests" } },
      },
    ]);
    const e = await failure(p.complete(request));
    expect(e).toMatchObject({ kind: "rate_limited", retryable: true, fatal: false, retryAfterMs: 2000 });
    expect(e.message).toBe("rate limited (429): slow down (type requests)");
  });

  test("retry-after-ms wins over retry-after; an HTTP date works too", () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(parseRetryAfter(h({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(parseRetryAfter(h({ "retry-after": "1.5" }))).toBe(1500);
    expect(parseRetryAfter(h({ "retry-after": new Date(61_000).toUTCString() }), () => 1_000)).toBe(60_000);
    expect(parseRetryAfter(h({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(h({}))).toBeUndefined();
  });

  test("quota exhausted is fatal, not retryable, and costs one request", async () => {
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
    const e = await failure(retrying(p).complete(request));
    expect(e).toMatchObject({ kind: "quota_exhausted", fatal: true, retryable: false });
    expect(requests()).toHaveLength(1);
  });

  test("an ordinary 429 that mentions quota in prose stays a retryable rate limit", async () => {
    const p = await providerFor([
      {
        status: 429,
        body: { error: { message: "Resource exhausted, check quota", code: "rate_limit_exceeded" } },
      },
    ]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "rate_limited", retryable: true });
  });

  test.each([500, 502, 503, 504])("%i is a retryable server error", async (status) => {
    const p = await providerFor([{ status }]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "server_error", retryable: true });
  });

  test.each([401, 403])("%i is a fatal auth error, never retried", async (status) => {
    const p = await providerFor([
      { status, body: { error: { message: `Incorrect API key provided: ${KEY}` } } },
    ]);
    const e = await failure(retrying(p).complete(request));
    expect(e).toMatchObject({ kind: "auth", fatal: true, retryable: false });
    expect(e.message).toContain("check OPENAI_API_KEY");
    expect(requests()).toHaveLength(1);
  });

  test.each([400, 404, 422])("%i is a bad request, not retried", async (status) => {
    const p = await providerFor([{ status, body: { error: { message: "nope" } } }]);
    const e = await failure(retrying(p).complete(request));
    expect(e).toMatchObject({ kind: "bad_request", retryable: false, fatal: false });
    expect(requests()).toHaveLength(1);
  });

  test("404 tells the user what to check", async () => {
    const p = await providerFor([
      { status: 404, body: { error: { message: "The model `gpt-9` does not exist" } } },
    ]);
    expect((await failure(p.complete(request))).message).toMatch(/check the model name/);
  });

  test("a connection reset is a retryable connection error", async () => {
    const p = await providerFor([{ reset: true }]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "connection", retryable: true });
  });

  test("a refused connection is a retryable connection error naming the cause", async () => {
    const p = await providerFor([]);
    await server?.close();
    const e = await failure(p.complete(request));
    expect(e).toMatchObject({ kind: "connection", retryable: true });
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  test.each([
    ["malformed JSON", '{"choices": ['],
    ["an empty body", ""],
    ["null", "null"],
    ["a JSON string", '"hello"'],
    ["no choices", '{"id": "x", "object": "chat.completion", "choices": []}'],
    ["null content", '{"choices": [{"message": {"role": "assistant", "content": null}}]}'],
    ["a 200 carrying an error", '{"error": {"message": "upstream overloaded"}}'],
  ])("a 200 with %s is a retryable bad response", async (_name, raw) => {
    const p = await providerFor([{ raw }]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "bad_response", retryable: true });
  });

  test("a malformed 200 is retried and recovers", async () => {
    const p = await providerFor([{ raw: "{nope" }, { text: "fine" }]);
    expect((await retrying(p).complete(request)).text).toBe("fine");
    expect(requests()).toHaveLength(2);
  });
});

describe("with the retry layer", () => {
  test("429 with Retry-After is retried, waiting at least that long", async () => {
    const p = await providerFor([{ status: 429, headers: { "retry-after": "3" } }, { text: "ok" }]);
    const delays: number[] = [];
    const c = await withRetries(p, {
      sleep: (ms) => (delays.push(ms), Promise.resolve()),
      random: () => 0,
    }).complete(request);
    expect(c.text).toBe("ok");
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(3000);
    expect(requests()).toHaveLength(2);
  });

  test("500 then 503 then success", async () => {
    const p = await providerFor([{ status: 500 }, { status: 503 }, { text: "finally" }]);
    const delays: number[] = [];
    const c = await withRetries(p, {
      sleep: (ms) => (delays.push(ms), Promise.resolve()),
      random: () => 1,
    }).complete(request);
    expect(c.text).toBe("finally");
    expect(requests()).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  test("a hang times out, is retried, and ends as a timeout error", async () => {
    const p = await providerFor(() => ({ hang: true }), { timeoutMs: 150 });
    const e = await failure(retrying(p, [], 3).complete(request));
    expect(e).toMatchObject({ kind: "timeout", retryable: true });
    expect(requests()).toHaveLength(3);
  });

  test("a slow body is a timeout too, not just slow headers", async () => {
    const p = await providerFor([{ text: "late", delayMs: 400 }], { timeoutMs: 100 });
    expect(await failure(p.complete(request))).toMatchObject({ kind: "timeout" });
  });

  test("an aborted call stops waiting", async () => {
    const p = await providerFor(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = withRetries(p).complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await failure(pending)).toMatchObject({ kind: "aborted", retryable: false });
    expect(requests()).toHaveLength(1);
  });
});

describe("reasoning models", () => {
  test("a model that rejects temperature is resent once without it, and remembered", async () => {
    const p = await providerFor((n) =>
      n === 0
        ? rejection("Unsupported parameter: 'temperature' is not supported with this model.", "temperature")
        : { text: "ok" },
    );
    const m = { ...request, model: "my-reasoner" };
    expect((await p.complete(m)).text).toBe("ok");
    await p.complete(m);
    const bodies = requests().map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toMatchObject({ temperature: 0.2, max_tokens: 50 });
    for (const b of bodies.slice(1)) {
      expect(b.temperature).toBeUndefined();
      expect(b.max_tokens).toBeUndefined();
      expect(b.max_completion_tokens).toBe(50);
    }
  });

  test("a max_tokens rejection without a param field triggers the same resend", async () => {
    const p = await providerFor((n) =>
      n === 0
        ? rejection(
            "Unsupported parameter: 'max_tokens' is not supported. Use 'max_completion_tokens' instead.",
          )
        : { text: "ok" },
    );
    expect((await p.complete(request)).text).toBe("ok");
    expect(requests()[1]?.body).toMatchObject({ max_completion_tokens: 50 });
  });

  test("the resend happens once: a second rejection is a bad request", async () => {
    const p = await providerFor(() => rejection("Unsupported value: 'temperature' does not support 0.2"));
    expect(await failure(retrying(p).complete(request))).toMatchObject({ kind: "bad_request" });
    expect(requests()).toHaveLength(2);
  });

  test("other 400s are not mistaken for a parameter rejection", async () => {
    const p = await providerFor([
      rejection("Unsupported value: 'messages[0].role' does not support 'tool'."),
    ]);
    expect(await failure(p.complete(request))).toMatchObject({ kind: "bad_request" });
    expect(requests()).toHaveLength(1);
  });

  test("remembering is per model", async () => {
    const p = await providerFor((n) =>
      n === 0 ? rejection("'temperature' is not supported", "temperature") : { text: "ok" },
    );
    await p.complete({ ...request, model: "my-reasoner" });
    await p.complete(request);
    expect(requests()[2]?.body).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 50 });
  });

  test.each(["o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini"])(
    "%s never gets temperature and gets max_completion_tokens",
    async (model) => {
      const p = await providerFor([{ text: "ok" }]);
      await p.complete({ ...request, model });
      expect(requests()[0]?.body).toEqual({
        model,
        messages: request.messages,
        max_completion_tokens: 50,
      });
    },
  );
});

describe("the API key never leaks into an error", () => {
  const echoesKey = (text: string) => ({
    error: { message: `${text} ${KEY}`, type: "x", param: KEY, code: KEY },
  });
  // Every case fails on every attempt, so the retry layer gives up with the mapped error.
  const cases: [string, FakeReply, Partial<OpenAISettings>][] = [
    ["401", { status: 401, body: echoesKey("Incorrect API key provided:") }, {}],
    ["403", { status: 403, body: echoesKey("forbidden for") }, {}],
    ["429", { status: 429, body: echoesKey("rate limited for") }, {}],
    ["quota", { status: 429, body: { error: { message: KEY, code: "insufficient_quota" } } }, {}],
    ["500", { status: 500, body: echoesKey("boom") }, {}],
    ["400", { status: 400, body: echoesKey("bad") }, {}],
    // Shortening a long message must not cut the key in half and leave the first half.
    [
      "key across the length limit",
      { status: 400, body: { error: { message: `${"x".repeat(290)}${KEY}` } } },
      {},
    ],
    [
      "200 error, key across the limit",
      { raw: JSON.stringify({ error: { message: `${"y".repeat(290)}${KEY}` } }) },
      {},
    ],
    ["non-JSON 502", { status: 502, body: `<html>${KEY}</html>` }, {}],
    ["200 with an error", { raw: JSON.stringify(echoesKey("upstream said")) }, {}],
    ["malformed 200", { raw: `{"key": "${KEY}` }, {}],
    ["reset", { reset: true }, {}],
    ["timeout", { hang: true }, { timeoutMs: 100 }],
  ];
  test.each(cases)("%s", async (_name, reply, settings) => {
    const p = await providerFor(() => reply, settings);
    const e = await failure(retrying(p, [], 2).complete(request));
    expect(e.message).not.toContain(KEY);
    expect(String(e.stack)).not.toContain(KEY);
    expect(JSON.stringify(e)).not.toContain(KEY);
    expect(e.message).not.toContain("sk-canary");
  });
});

describe("an error answer is reduced to its status, type, code and scrubbed message", () => {
  const b64 = (s: string): string => Buffer.from(s).toString("base64");
  const forms = [
    KEY,
    KEY.toUpperCase(),
    Array.from(KEY).join(" "),
    b64(`user:${KEY}`),
    Buffer.from(`Bearer ${KEY}`).toString("base64url"),
    [...Buffer.from(KEY)].map((b) => `%${b.toString(16).toUpperCase()}`).join(""),
  ];

  test("a 401 echoing the key in many encodings keeps none of them", async () => {
    const message = `Incorrect API key provided:\n${forms.join("\n")}`;
    const p = await providerFor([
      { status: 401, body: { error: { message, type: "invalid_request_error", code: "invalid_api_key" } } },
    ]);
    const e = await failure(p.complete(request));
    expect(e.kind).toBe("auth");
    expect(e.message).toMatch(
      /^the endpoint refused the API key \(401\): Incorrect API key provided: \*\*\*/,
    );
    expect(e.message).toContain("(type invalid_request_error, code invalid_api_key)");
    expect(e.message).not.toContain("\n");
    for (const form of forms) expect(e.message).not.toContain(form.slice(4, 16));
  });

  test("an HTML 502 page becomes its status line, with none of the page", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>nginx ${KEY}</body></html>`;
    const p = await providerFor([{ status: 502, body: page, headers: { "content-type": "text/html" } }]);
    const e = await failure(p.complete(request));
    expect(e.kind).toBe("server_error");
    expect(e.message).toBe("server error: the endpoint answered 502 Bad Gateway");
  });

  test("only the message field of a JSON error is repeated, never other fields", async () => {
    const p = await providerFor([
      { status: 400, body: { error: { message: "bad", param: "secret-param", extra: "<script>" } } },
    ]);
    const e = await failure(p.complete(request));
    expect(e.message).toBe("request rejected (400): bad");
  });

  test("a JSON error without a message says the status line", async () => {
    const p = await providerFor([{ status: 403, body: { detail: "who knows" } }]);
    const e = await failure(p.complete(request));
    expect(e.message).toBe(
      "the endpoint refused the API key: the endpoint answered 403 Forbidden; check OPENAI_API_KEY and the base URL",
    );
  });
});

describe("a response bigger than the limit is an error, not a memory flood", () => {
  const answer = (text: string) =>
    JSON.stringify({ choices: [{ message: { role: "assistant", content: text }, finish_reason: "stop" }] });

  test("declared by content-length: refused before reading, never retried", async () => {
    const p = await providerFor(() => ({ raw: answer("x".repeat(5000)) }), { maxResponseBytes: 1000 });
    const e = await failure(retrying(p).complete(request));
    expect(e.kind).toBe("bad_response");
    expect(e.message).toBe("the endpoint's answer is larger than 1 KB; lower max_tokens");
    expect(requests()).toHaveLength(1);
  });

  test("streamed without a length: stopped once past the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(
          new TextEncoder().encode('{"choices": [{"message": {"content": "' + "y".repeat(1000)),
        );
      },
    });
    const p = createOpenAIProvider({
      apiKey: KEY,
      baseURL: "http://127.0.0.1:9/v1",
      maxResponseBytes: 10_000,
      fetch: () =>
        Promise.resolve(
          new Response(endless, { status: 200, headers: { "content-type": "application/json" } }),
        ),
    });
    const e = await failure(p.complete(request));
    expect(e.kind).toBe("bad_response");
    expect(e.message).toMatch(/answer is larger than/);
    expect(pulled).toBeLessThan(30);
  });

  test("an answer under the limit is read whole", async () => {
    const text = "z".repeat(5000);
    const p = await providerFor(() => ({ raw: answer(text) }), { maxResponseBytes: 10_000 });
    expect((await p.complete(request)).text).toBe(text);
  });
});

test("an answer echoing the key is masked before anyone (cache, judge, results) sees it", async () => {
  const p = await providerFor([{ text: `your key: ${Buffer.from(`Bearer ${KEY}`).toString("base64")} ok` }]);
  const { text } = await p.complete(request);
  // "QmVhcmVyIH" is base64 of "Bearer " (not secret); the key's part is masked.
  expect(text).toBe("your key: QmVhcmVyIH*** ok");
});

describe("finish_reason", () => {
  test("an answer cut at max_tokens says so; a normal one says stop", async () => {
    const p = await providerFor([{ text: "cut sho", finishReason: "length" }, { text: "whole" }]);
    expect(await p.complete(request)).toMatchObject({ text: "cut sho", finishReason: "length" });
    expect(await p.complete(request)).toMatchObject({ text: "whole", finishReason: "stop" });
  });
});

describe("settings", () => {
  test("flags win over the environment", () => {
    expect(
      resolveOpenAISettings(
        { OPENAI_API_KEY: "env-key", OPENAI_BASE_URL: "http://x/v1" },
        { apiKey: "flag-key", baseUrl: "http://y/v1" },
      ),
    ).toEqual({ apiKey: "flag-key", baseURL: "http://y/v1" });
    expect(resolveOpenAISettings({ OPENAI_API_KEY: "env-key" }, {})).toEqual({
      apiKey: "env-key",
      baseURL: "https://api.openai.com/v1",
    });
  });

  test("an empty flag (an unset Action input) falls back to the environment; whitespace is trimmed", () => {
    expect(resolveOpenAISettings({ OPENAI_API_KEY: " env-key\n" }, { apiKey: "", baseUrl: "" })).toEqual({
      apiKey: "env-key",
      baseURL: "https://api.openai.com/v1",
    });
  });

  test("no key is a user error pointing at OPENAI_API_KEY and the replay provider", () => {
    let caught: unknown;
    try {
      resolveOpenAISettings({}, {});
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    const text = (caught as UserError).format();
    expect(text).toContain("OPENAI_API_KEY");
    expect(text).toContain("replay");
  });

  test("the provider calls a local endpoint without a key, whichever entry built it (CLI or Action)", async () => {
    const provider = await providerFor([{ text: "hi" }], { apiKey: "" });
    expect((await provider.complete(request)).text).toBe("hi");
    expect(requests()[0]?.headers.authorization).toBe(`Bearer ${LOCAL_NO_KEY}`);
  });

  test("a local endpoint (Ollama, vLLM) needs no key; a remote one still does", () => {
    for (const baseUrl of ["http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/v1"])
      expect(resolveOpenAISettings({}, { baseUrl })).toEqual({ apiKey: LOCAL_NO_KEY, baseURL: baseUrl });
    expect(resolveOpenAISettings({ OPENAI_API_KEY: "k" }, { baseUrl: "http://localhost:1/v1" }).apiKey).toBe(
      "k",
    );
    for (const baseUrl of [
      "http://localhost.evil.example/v1",
      "http://127.0.0.1.nip.io/v1",
      "https://10.0.0.5/v1",
    ])
      expect(() => resolveOpenAISettings({}, { baseUrl })).toThrow(/no API key/);
  });

  test("a bad base URL is a user error", () => {
    expect(() => resolveOpenAISettings({ OPENAI_API_KEY: "a" }, { baseUrl: "not a url" })).toThrow(
      /not a valid base URL/,
    );
    expect(() => resolveOpenAISettings({ OPENAI_API_KEY: "a" }, { baseUrl: "ftp://x/v1" })).toThrow(
      /not an http\(s\) URL/,
    );
  });
});

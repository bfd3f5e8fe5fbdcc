import { describe, expect, test } from "vitest";
import {
  abortableSleep,
  backoffDelay,
  withRetries,
  type RetryInfo,
} from "../../src/engine/providers/retry.js";
import { ProviderError, type Completion, type Provider } from "../../src/engine/providers/types.js";
import type { ChatRequest } from "../../src/engine/request.js";

const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };
const ok: Completion = {
  text: "ok",
  usage: { prompt_tokens: 1, completion_tokens: 1 },
  latencyMs: 5,
  cached: false,
};

const transient = (retryAfterMs?: number) =>
  new ProviderError("flaky", {
    kind: "server_error",
    retryable: true,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });

/** A provider that fails with the given errors in turn, then answers. */
function scripted(failures: Error[]): Provider & { calls: number } {
  const p = {
    id: "scripted",
    calls: 0,
    complete(): Promise<Completion> {
      const failure = failures[p.calls++];
      return failure === undefined ? Promise.resolve(ok) : Promise.reject(failure);
    },
  };
  return p;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

/** Records waits instead of sleeping. */
function recorder() {
  const delays: number[] = [];
  const retries: RetryInfo[] = [];
  return {
    delays,
    retries,
    sleep: (ms: number) => (delays.push(ms), Promise.resolve()),
    onRetry: (info: RetryInfo) => retries.push(info),
  };
}

describe("withRetries", () => {
  test("transient failures are retried until an answer, reporting each retry", async () => {
    const inner = scripted([transient(), transient()]);
    const r = recorder();
    const c = await withRetries(inner, { ...r, random: () => 0.5 }).complete(request);
    expect(c).toBe(ok);
    expect(inner.calls).toBe(3);
    expect(r.retries.map((i) => [i.attempt, i.delayMs, i.error.kind])).toEqual([
      [1, 250, "server_error"],
      [2, 500, "server_error"],
    ]);
    expect(r.delays).toEqual([250, 500]);
  });

  test("full jitter: a uniform wait up to base * 2^(attempt-1), capped", () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect([1, 2, 3, 4, 5].map((a) => Math.round(backoffDelay(a, undefined, o)))).toEqual([
      100, 200, 400, 799, 999,
    ]);
    expect(backoffDelay(3, undefined, { ...o, random: () => 0 })).toBe(0);
    expect(backoffDelay(30, undefined, o)).toBeLessThanOrEqual(1000);
  });

  test("Retry-After is a floor for the wait, and the cap still holds", async () => {
    const inner = scripted([transient(4000), transient(60_000)]);
    const r = recorder();
    await withRetries(inner, { ...r, random: () => 0, maxDelayMs: 30_000 }).complete(request);
    expect(r.delays).toEqual([4000, 30_000]);
  });

  test("a jittered wait longer than Retry-After is kept", () => {
    expect(backoffDelay(4, 100, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 1 })).toBe(4000);
  });

  test("gives up after maxAttempts with the last error", async () => {
    const last = transient();
    const inner = scripted([transient(), transient(), last, transient()]);
    const r = recorder();
    expect(await rejection(withRetries(inner, { ...r, maxAttempts: 3 }).complete(request))).toBe(last);
    expect(inner.calls).toBe(3);
    expect(r.delays).toHaveLength(2);
  });

  test("the default is five attempts", async () => {
    const inner = scripted(Array.from({ length: 10 }, () => transient()));
    await rejection(withRetries(inner, recorder()).complete(request));
    expect(inner.calls).toBe(5);
  });

  test("non-retryable errors go straight through", async () => {
    const bad = new ProviderError("bad", { kind: "bad_request" });
    const inner = scripted([bad]);
    expect(await rejection(withRetries(inner, recorder()).complete(request))).toBe(bad);
    expect(inner.calls).toBe(1);
  });

  test("fatal errors are never retried, even if marked retryable", async () => {
    const fatal = new ProviderError("quota", { kind: "quota_exhausted", retryable: true, fatal: true });
    const inner = scripted([fatal]);
    expect(await rejection(withRetries(inner, recorder()).complete(request))).toBe(fatal);
    expect(inner.calls).toBe(1);
  });

  test("anything that is not a ProviderError is rethrown unchanged", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    const inner = scripted([bug]);
    expect(await rejection(withRetries(inner, recorder()).complete(request))).toBe(bug);
    expect(inner.calls).toBe(1);
  });

  test("an abort during the wait stops it at once with kind aborted", async () => {
    const inner = scripted([transient(), transient()]);
    const controller = new AbortController();
    const started = Date.now();
    const pending = withRetries(inner, { baseDelayMs: 60_000, random: () => 1 }).complete(request, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    expect(await rejection(pending)).toMatchObject({ kind: "aborted", retryable: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inner.calls).toBe(1);
  });

  test("an already-aborted signal means no retry, even with a sleep that ignores it", async () => {
    const inner = scripted([transient(), transient()]);
    const controller = new AbortController();
    controller.abort();
    const r = recorder();
    expect(
      await rejection(withRetries(inner, r).complete(request, { signal: controller.signal })),
    ).toMatchObject({
      kind: "aborted",
    });
    expect(inner.calls).toBe(1);
    expect(r.delays).toEqual([]);
  });

  test("an abort that lands while an injected sleep ignores it still prevents the next call", async () => {
    const inner = scripted([transient(), transient()]);
    const controller = new AbortController();
    const sleep = () => (controller.abort(), Promise.resolve());
    expect(
      await rejection(withRetries(inner, { sleep }).complete(request, { signal: controller.signal })),
    ).toMatchObject({ kind: "aborted" });
    expect(inner.calls).toBe(1);
  });

  test("the id is the inner provider's", () => {
    expect(withRetries(scripted([])).id).toBe("scripted");
  });
});

describe("abortableSleep", () => {
  test("resolves after the delay", async () => {
    const started = Date.now();
    await abortableSleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  test("rejects with kind aborted when the signal aborts, or was aborted already", async () => {
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort();
    expect(await rejection(pending)).toMatchObject({ kind: "aborted" });
    expect(await rejection(abortableSleep(10, controller.signal))).toBeInstanceOf(ProviderError);
  });
});

describe("rate limiting", () => {
  const limited = (retryAfterMs: number) =>
    new ProviderError("rate limited (429)", { kind: "rate_limited", retryable: true, retryAfterMs });

  test("429s do not use up attempts: the call waits the limit out and succeeds", async () => {
    const p = scripted([transient(), ...Array.from({ length: 12 }, () => limited(100)), transient()]);
    const waits: number[] = [];
    const r = withRetries(p, {
      maxAttempts: 3,
      random: () => 0,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    });
    await expect(r.complete(request)).resolves.toEqual(ok);
    // Two ordinary failures (within 3 attempts) and twelve 429s, each waited at least the server's 100 ms.
    expect(p.calls).toBe(15);
    expect(waits.filter((w) => w >= 100)).toHaveLength(12);
  });

  test("but a limit that never opens ends the call once maxRateLimitWaitMs is spent", async () => {
    const p = scripted(Array.from({ length: 100 }, () => limited(1000)));
    const r = withRetries(p, {
      maxAttempts: 2,
      maxRateLimitWaitMs: 5000,
      random: () => 0,
      sleep: () => Promise.resolve(),
    });
    expect(await rejection(r.complete(request))).toMatchObject({ kind: "rate_limited" });
    // Five waits of 1 s use up the 5 s; the sixth 429 counts as an ordinary failure, then one more attempt.
    expect(p.calls).toBe(7);
  });
});

import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  cacheKey,
  cachePath,
  MAX_CACHE_ENTRY_BYTES,
  pruneCache,
  withCache,
  type CacheEvent,
} from "../../src/engine/providers/cache.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import { ProviderError, type Completion, type Provider } from "../../src/engine/providers/types.js";
import { requestKey, type ChatRequest } from "../../src/engine/request.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

const KEY = "sk-canary-0123456789abcdef";
const NS = "api.example.com";
const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };

const tempDir = () => mkdtemp(join(tmpdir(), "agentops-cache-"));

async function setup(opts: { readOnly?: boolean; dir?: string; namespace?: string } = {}) {
  const dir = opts.dir ?? (await tempDir());
  let calls = 0;
  const events: CacheEvent[] = [];
  const inner = createMockProvider(() => `answer ${++calls}`);
  const provider = withCache(inner, {
    dir,
    namespace: opts.namespace ?? NS,
    readOnly: opts.readOnly ?? false,
    onEvent: (e) => events.push(e),
  });
  return { dir, provider, events, calls: () => calls };
}

const entryFile = (dir: string, namespace = NS, repeat = 0) =>
  cachePath(dir, cacheKey(namespace, request, repeat));

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

/** A provider answering fixed completions, counting calls. */
function fixed(completion: Omit<Completion, "cached">): Provider & { calls: number } {
  const p = {
    id: "fixed",
    calls: 0,
    complete: () => {
      p.calls++;
      return Promise.resolve({ ...completion, cached: false });
    },
  };
  return p;
}

describe("withCache: finish_reason and big answers", () => {
  const usage = { prompt_tokens: 1, completion_tokens: 2 };

  test("an answer cut at max_tokens is still known as cut when served from the cache", async () => {
    const dir = await tempDir();
    const inner = fixed({ text: "cut", usage, latencyMs: 5, finishReason: "length" });
    const provider = withCache(inner, { dir, namespace: NS });
    await provider.complete(request);
    expect(await provider.complete(request)).toMatchObject({
      text: "cut",
      cached: true,
      finishReason: "length",
    });
    expect(inner.calls).toBe(1);
  });

  test("an entry written before finish_reason was stored still reads, with no reason", async () => {
    const dir = await tempDir();
    const key = cacheKey(NS, request, 0);
    await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
    await writeFile(cachePath(dir, key), JSON.stringify({ key, output: "old", usage, latency_ms: 3 }));
    const hit = await withCache(fixed({ text: "x", usage, latencyMs: 1 }), { dir, namespace: NS }).complete(
      request,
    );
    // Its age is its file's time: the entry has none of its own.
    expect(hit).toMatchObject({ text: "old", usage, latencyMs: 3, cached: true });
    expect(Object.keys(hit).sort()).toEqual(["answeredAt", "cached", "latencyMs", "text", "usage"]);
  });

  test("an answer too big for the cache is returned whole but not written; an oversized entry is a miss", async () => {
    const dir = await tempDir();
    const big = "x".repeat(MAX_CACHE_ENTRY_BYTES + 1);
    const inner = fixed({ text: big, usage, latencyMs: 1 });
    const events: CacheEvent[] = [];
    const provider = withCache(inner, { dir, namespace: NS, onEvent: (e) => events.push(e) });
    expect((await provider.complete(request)).text).toHaveLength(big.length);
    expect(await allFiles(dir)).toEqual([]);
    expect(events).toEqual(["miss"]);
    // One planted by hand (or restored) is not read into memory.
    const key = cacheKey(NS, request, 0);
    await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
    await writeFile(cachePath(dir, key), JSON.stringify({ key, output: big, usage, latency_ms: 3 }));
    expect((await provider.complete(request)).cached).toBe(false);
    expect(inner.calls).toBe(2);
  });
});

describe("withCache", () => {
  test("a second identical call is served from disk with zero calls and the stored latency", async () => {
    const { provider, calls, events } = await setup();
    const first = await provider.complete(request);
    const second = await provider.complete(request);
    expect(calls()).toBe(1);
    expect(second).toEqual({
      text: first.text,
      usage: first.usage,
      latencyMs: first.latencyMs,
      cached: true,
      answeredAt: second.answeredAt,
    });
    expect(Date.parse(second.answeredAt ?? "")).toBeGreaterThan(0);
    expect(first.cached).toBe(false);
    expect(events).toEqual(["miss", "write", "hit"]);
  });

  test("the key is sha256(namespace + newline + requestKey) and the file fans out by its first two digits", async () => {
    const { dir, provider } = await setup();
    await provider.complete(request, { repeat: 2 });
    const { createHash } = await import("node:crypto");
    const key = createHash("sha256")
      .update(`${NS}\n${requestKey(request, 2)}`)
      .digest("hex");
    expect(cacheKey(NS, request, 2)).toBe(key);
    expect(await allFiles(dir)).toEqual([join(dir, key.slice(0, 2), `${key}.json`)]);
  });

  test("a different repeat index misses", async () => {
    const { provider, calls } = await setup();
    await provider.complete(request, { repeat: 0 });
    await provider.complete(request, { repeat: 1 });
    await provider.complete(request, { repeat: 1 });
    expect(calls()).toBe(2);
  });

  test("namespaces are separate even in one folder", async () => {
    const dir = await tempDir();
    const a = await setup({ dir, namespace: "api.openai.com" });
    const b = await setup({ dir, namespace: "my-vllm:8000" });
    expect((await a.provider.complete(request)).text).toBe("answer 1");
    expect((await b.provider.complete(request)).cached).toBe(false);
    expect(b.calls()).toBe(1);
    expect((await a.provider.complete(request)).cached).toBe(true);
    expect(await allFiles(dir)).toHaveLength(2);
  });

  test.each([
    ["truncated JSON", '{"key": "trunc'],
    ["the wrong shape", '{"key": "x"}'],
    ["an empty file", ""],
  ])("an entry with %s is ignored, refetched and overwritten", async (_name, content) => {
    const { dir, provider, calls, events } = await setup();
    await provider.complete(request);
    const file = entryFile(dir);
    await writeFile(file, content);
    const again = await provider.complete(request);
    expect(calls()).toBe(2);
    expect(again.cached).toBe(false);
    expect(events).toEqual(["miss", "write", "corrupt", "miss", "write"]);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ output: "answer 2" });
    expect((await provider.complete(request)).cached).toBe(true);
  });

  test("a valid entry filed under another key is corrupt, not a hit", async () => {
    const { dir, provider, calls, events } = await setup();
    await provider.complete(request, { repeat: 1 });
    const other = await readFile(entryFile(dir, NS, 1), "utf8");
    await mkdir(join(entryFile(dir), ".."), { recursive: true });
    await writeFile(entryFile(dir), other);
    expect((await provider.complete(request)).cached).toBe(false);
    expect(calls()).toBe(2);
    expect(events).toContain("corrupt");
  });

  test("read-only never writes, but still serves what is there", async () => {
    const dir = await tempDir();
    const writer = await setup({ dir });
    await writer.provider.complete(request);
    const reader = await setup({ dir, readOnly: true });
    expect((await reader.provider.complete(request)).cached).toBe(true);
    await reader.provider.complete(request, { repeat: 5 });
    await writeFile(entryFile(dir), "{broken");
    await reader.provider.complete(request);
    expect(reader.calls()).toBe(2);
    expect(reader.events).not.toContain("write");
    expect(await allFiles(dir)).toEqual([entryFile(dir)]);
    expect(await readFile(entryFile(dir), "utf8")).toBe("{broken");
  });

  test("read-only with an empty folder creates nothing", async () => {
    const { dir, provider } = await setup({ readOnly: true });
    await provider.complete(request);
    expect(await readdir(dir)).toEqual([]);
  });

  test("errors are never cached", async () => {
    const dir = await tempDir();
    let calls = 0;
    const flaky: Provider = {
      id: "flaky",
      complete: () =>
        ++calls === 1
          ? Promise.reject(new ProviderError("boom", { kind: "server_error", retryable: true }))
          : Promise.resolve({
              text: "ok",
              usage: { prompt_tokens: 1, completion_tokens: 1 },
              latencyMs: 3,
              cached: false,
            }),
    };
    const provider = withCache(flaky, { dir, namespace: NS });
    await expect(provider.complete(request)).rejects.toMatchObject({ kind: "server_error" });
    expect(await readdir(dir)).toEqual([]);
    expect((await provider.complete(request)).text).toBe("ok");
    expect((await provider.complete(request)).cached).toBe(true);
    expect(calls).toBe(2);
  });

  test("answers the inner provider already had stored are not copied", async () => {
    const dir = await tempDir();
    const replayed: Completion = {
      text: "r",
      usage: { prompt_tokens: 1, completion_tokens: 1 },
      latencyMs: 1,
      cached: true,
    };
    const provider = withCache(
      { id: "replay", complete: () => Promise.resolve(replayed) },
      { dir, namespace: NS },
    );
    await provider.complete(request);
    expect(await readdir(dir)).toEqual([]);
  });

  test("entries hold the answer, usage, latency and when it was given, nothing else; no temp files remain", async () => {
    const { dir, provider } = await setup();
    await Promise.all([provider.complete(request), provider.complete(request), provider.complete(request)]);
    const files = await allFiles(dir);
    expect(files).toEqual([entryFile(dir)]);
    const entry = JSON.parse(await readFile(entryFile(dir), "utf8")) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual([
      "created_at",
      "key",
      "latency_ms",
      "model",
      "output",
      "usage",
    ]);
  });

  test("an unwritable cache folder does not fail the call", async () => {
    const dir = await tempDir();
    const blocker = join(dir, "file");
    await writeFile(blocker, "not a folder");
    const provider = withCache(createMockProvider(), { dir: blocker, namespace: NS });
    expect((await provider.complete(request)).cached).toBe(false);
  });
});

describe("withCache around the live provider", () => {
  let server: FakeOpenAI | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test("the second identical call sends nothing; the key and headers are never stored", async () => {
    server = await startFakeOpenAI((r) => ({ text: `answer ${r.n}` }));
    const dir = await tempDir();
    const live = createOpenAIProvider({
      apiKey: KEY,
      baseURL: server.url,
      defaultHeaders: { "x-gateway-secret": "hdr-canary-42" },
    });
    const provider = withCache(live, { dir, namespace: new URL(server.url).host });
    const first = await provider.complete(request);
    const second = await provider.complete(request);
    expect(server.requests).toHaveLength(1);
    expect(second).toMatchObject({ text: first.text, usage: first.usage, cached: true });
    await provider.complete(request, { repeat: 1 });
    expect(server.requests).toHaveLength(2);
    for (const file of await allFiles(dir)) {
      const text = await readFile(file, "utf8");
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("hdr-canary-42");
      expect(text.toLowerCase()).not.toContain("authorization");
    }
  });
});

describe("pruneCache", () => {
  test("keeps the entries a run read or wrote and deletes the rest, leftovers included", async () => {
    const dir = await tempDir();
    const first = await setup({ dir });
    const other: ChatRequest = { model: "m", messages: [{ role: "user", content: "old prompt version" }] };
    await first.provider.complete(request);
    await first.provider.complete(other);
    await writeFile(`${entryFile(dir)}.abc123.tmp`, "torn");

    // The next run asks only for `request` (a hit) and something new (a write).
    const used = new Set<string>();
    const second = withCache(
      createMockProvider(() => "new"),
      { dir, namespace: NS, used },
    );
    await second.complete(request);
    const fresh: ChatRequest = { model: "m", messages: [{ role: "user", content: "new" }] };
    await second.complete(fresh);
    expect(used).toEqual(new Set([cacheKey(NS, request, 0), cacheKey(NS, fresh, 0)]));

    expect(await pruneCache(dir, used)).toBe(2);
    expect((await allFiles(dir)).sort()).toEqual(
      [entryFile(dir), cachePath(dir, cacheKey(NS, fresh, 0))].sort(),
    );
  });

  test("a missing cache folder prunes nothing", async () => {
    expect(await pruneCache(join(await tempDir(), "absent"), new Set())).toBe(0);
  });
});

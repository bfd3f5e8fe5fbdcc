import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cacheKey, withCache, type CacheEvent } from "../../src/engine/providers/cache.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import type { ChatRequest } from "../../src/engine/request.js";

const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };

async function setup(readOnly = false) {
  const dir = await mkdtemp(join(tmpdir(), "agentops-cache-"));
  let calls = 0;
  const events: CacheEvent[] = [];
  const inner = createMockProvider(() => `answer ${++calls}`);
  const provider = withCache(inner, {
    dir,
    namespace: "api.example.com",
    readOnly,
    onEvent: (e) => events.push(e),
  });
  return { dir, provider, events, calls: () => calls };
}

test("a second identical call is served from disk with zero calls", async () => {
  const { provider, calls, events } = await setup();
  const first = await provider.complete(request);
  const second = await provider.complete(request);
  expect(calls()).toBe(1);
  expect(second).toMatchObject({ text: first.text, cached: true, usage: first.usage });
  expect(events).toEqual(["miss", "write", "hit"]);
});

test("the repeat index and the namespace are part of the key", async () => {
  const { provider, calls } = await setup();
  await provider.complete(request, { repeat: 0 });
  await provider.complete(request, { repeat: 1 });
  expect(calls()).toBe(2);
  expect(cacheKey("a", request, 0)).not.toBe(cacheKey("b", request, 0));
});

test("a corrupted entry is ignored, refetched and overwritten", async () => {
  const { dir, provider, calls, events } = await setup();
  await provider.complete(request);
  const key = cacheKey("api.example.com", request, 0);
  const file = join(dir, key.slice(0, 2), `${key}.json`);
  await writeFile(file, '{"key": "trunc');
  const again = await provider.complete(request);
  expect(calls()).toBe(2);
  expect(again.cached).toBe(false);
  expect(events).toContain("corrupt");
  expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ key, output: "answer 2" });
});

test("read-only never writes", async () => {
  const { dir, provider } = await setup(true);
  await provider.complete(request);
  expect(await readdir(dir)).toEqual([]);
});

test("entries hold the answer and usage, nothing else", async () => {
  const { dir, provider } = await setup();
  await provider.complete(request);
  const key = cacheKey("api.example.com", request, 0);
  const entry = JSON.parse(await readFile(join(dir, key.slice(0, 2), `${key}.json`), "utf8")) as Record<
    string,
    unknown
  >;
  expect(Object.keys(entry).sort()).toEqual(["key", "latency_ms", "model", "output", "usage"]);
});

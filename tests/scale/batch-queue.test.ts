import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import type { Provider } from "../../src/engine/providers/types.js";
import type { ChatRequest } from "../../src/engine/request.js";
import { createBatchApi } from "../../src/scale/batch-api.js";
import { splitAtLimits, requestLine, type BatchLimits } from "../../src/scale/batch-lines.js";
import { createBatchProvider } from "../../src/scale/batch-provider.js";
import { createBatchQueue } from "../../src/scale/batch-queue.js";
import { startFakeBatch, type FakeBatchOptions, type FakeBatchServer } from "../helpers/fake-batch.js";

let server: FakeBatchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BIG: BatchLimits = { maxRequests: 1000, maxBytes: 1_000_000, maxEmbeddingInputs: 1000 };
const request = (i: number): ChatRequest => ({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: `question ${String(i).padStart(3, "0")}` }],
});

/** A provider over a fresh queue against the fake; `ordinary` counts the calls that fell back. */
async function batchProvider(
  limits: BatchLimits,
  fakeOptions: FakeBatchOptions = {},
  reuse?: { stateDir: string; fake: FakeBatchServer },
) {
  server = reuse?.fake ?? (await startFakeBatch(fakeOptions));
  const log: string[] = [];
  const ordinary: string[] = [];
  const fallback: Provider = {
    id: "stub",
    complete: (r) => {
      ordinary.push(r.messages[0]?.content ?? "");
      return Promise.resolve({
        text: "ordinary",
        usage: { prompt_tokens: 1, completion_tokens: 1 },
        latencyMs: 0,
        cached: false,
      });
    },
    embed: (r) =>
      Promise.resolve({
        vectors: r.input.map(() => [1]),
        tokens: r.input.map(() => 1),
        cached: r.input.map(() => false),
        latencyMs: 0,
      }),
  };
  const stateDir = reuse?.stateDir ?? (await mkdtemp(join(tmpdir(), "agentops-batch-state-")));
  const queue = createBatchQueue({
    api: createBatchApi({ apiKey: "sk-test", baseURL: server.url }),
    stateDir,
    log: (l) => log.push(l),
    quietMs: 30,
    pollMs: 5,
    limits,
    flushAt: 10_000,
    fallbackConcurrency: 2,
  });
  return { provider: createBatchProvider({ queue, fallback }), log, ordinary, fake: server, stateDir };
}

test("a set is split at the request limit: 12 calls, 5 a file, make three batches, and every caller gets its own answer", async () => {
  const { provider, fake } = await batchProvider({ ...BIG, maxRequests: 5 });
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => provider.complete(request(i))));
  expect(answers.map((a) => a.text)).toEqual(
    Array.from({ length: 12 }, (_, i) => `echo: question ${String(i).padStart(3, "0")}`),
  );
  expect(fake.batches.map((b) => b.request_counts.total)).toEqual([5, 5, 2]);
});

test("a set is split at the byte limit, and a line bigger than a file goes as an ordinary call", async () => {
  const lineBytes = Buffer.byteLength(
    requestLine("x".repeat(64), "/v1/chat/completions", {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "question 000" }],
    }).line,
  );
  const { provider, fake, ordinary, log } = await batchProvider({ ...BIG, maxBytes: lineBytes * 2 + 10 });
  const huge: ChatRequest = {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "y".repeat(lineBytes * 3) }],
  };
  const answers = await Promise.all([
    ...Array.from({ length: 5 }, (_, i) => provider.complete(request(i))),
    provider.complete(huge),
  ]);
  expect(fake.batches.map((b) => b.request_counts.total)).toEqual([2, 2, 1]);
  expect(answers.at(-1)?.text).toBe("ordinary");
  expect(ordinary).toHaveLength(1);
  expect(log.join("\n")).toContain("1 request(s) too large for a batch file, sent as ordinary calls");
});

test("embedding batches are split at the input limit across requests", async () => {
  const { provider, fake } = await batchProvider({ ...BIG, maxEmbeddingInputs: 4 });
  const embed = (input: string[]) => {
    if (!provider.embed) throw new Error("the batch provider lost embeddings");
    return provider.embed({ model: "text-embedding-3-small", input });
  };
  const out = await Promise.all([embed(["a", "b", "c"]), embed(["d", "e"]), embed(["f"])]);
  expect(out.map((e) => e.vectors.length)).toEqual([3, 2, 1]);
  expect(fake.batches.map((b) => [b.endpoint, b.request_counts.total])).toEqual([
    ["/v1/embeddings", 1],
    ["/v1/embeddings", 2],
  ]);
});

test("equal requests share one line and one answer", async () => {
  const { provider, fake } = await batchProvider(BIG);
  const [a, b] = await Promise.all([provider.complete(request(1)), provider.complete(request(1))]);
  expect(a.text).toBe(b.text);
  expect(fake.batches.map((x) => x.request_counts.total)).toEqual([1]);
});

test("split parts are pure: lines in order, none dropped", () => {
  const lines = Array.from({ length: 7 }, (_, i) => requestLine(`id${i}`, "/v1/moderations", { input: "t" }));
  const { parts, tooLarge } = splitAtLimits(lines, { ...BIG, maxRequests: 3 });
  expect(parts.map((p) => p.map((l) => l.customId))).toEqual([
    ["id0", "id1", "id2"],
    ["id3", "id4", "id5"],
    ["id6"],
  ]);
  expect(tooLarge).toEqual([]);
});

test("a split set interrupted mid-way resumes every part it created and creates only the missing ones", async () => {
  let holding = true;
  const first = await batchProvider({ ...BIG, maxRequests: 4 }, { hold: () => holding });
  const controller = new AbortController();
  const calls = Array.from({ length: 10 }, (_, i) =>
    first.provider.complete(request(i), { signal: controller.signal }).catch((e: unknown) => e),
  );
  while (first.fake.batches.length < 3) await new Promise((r) => setTimeout(r, 5));
  controller.abort();
  await Promise.all(calls);
  const note = first.log.find((l) => l.includes("stopped waiting")) ?? "";
  for (const id of ["batch_1", "batch_2", "batch_3"]) expect(note).toContain(id);
  expect(note).toContain("keep running at the endpoint");

  holding = false;
  const second = await batchProvider(
    { ...BIG, maxRequests: 4 },
    {},
    { stateDir: first.stateDir, fake: first.fake },
  );
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => second.provider.complete(request(i))),
  );
  expect(answers.every((a) => a.text.startsWith("echo: question"))).toBe(true);
  expect(first.fake.batches.map((b) => b.id)).toEqual(["batch_1", "batch_2", "batch_3"]);
  expect(second.log.join("\n")).toMatch(/batch: resuming (batch_\d, ){2}batch_\d /);
  expect(second.ordinary).toHaveLength(0);
});

test("a cancelled batch: the answers it has are used, the requests it left become ordinary calls", async () => {
  const { provider, ordinary, log } = await batchProvider(BIG, { outcome: () => "cancelled" });
  const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => provider.complete(request(i))));
  const texts = answers.map((a) => a.text);
  expect(texts.filter((t) => t.startsWith("echo:"))).toHaveLength(2);
  // The ordinary calls are exactly the requests the batch left unanswered.
  expect(ordinary.sort()).toEqual(
    texts.flatMap((t, i) => (t === "ordinary" ? [`question ${String(i).padStart(3, "0")}`] : [])),
  );
  expect(log.join("\n")).toContain("batch_1: 2 request(s) unanswered (the batch is cancelled)");
});

test("a saved batch the endpoint does not know is sent afresh, not given up on", async () => {
  const first = await batchProvider(BIG);
  await Promise.all([first.provider.complete(request(1)), first.provider.complete(request(2))]);
  await first.fake.close();
  // Another endpoint, the same state folder: batch_1 means nothing there.
  const second = await batchProvider(
    BIG,
    { outcome: () => "completed" },
    { stateDir: first.stateDir, fake: await startFakeBatch() },
  );
  const answers = await Promise.all([
    second.provider.complete(request(1)),
    second.provider.complete(request(2)),
  ]);
  expect(answers.map((a) => a.text)).toEqual(["echo: question 001", "echo: question 002"]);
  expect(second.log.join("\n")).toMatch(
    /batch batch_1: saved, but the endpoint does not know it .*404.*; sending a new one/,
  );
  expect(second.fake.batches).toHaveLength(1);
  expect(second.ordinary).toHaveLength(0);
});

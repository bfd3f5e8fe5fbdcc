// Throughput, cache and memory figures for the engine against a loopback fake
// OpenAI server with a fixed latency. Prints figures; asserts nothing.
//
//   npm run bench
import { fileURLToPath } from "node:url";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEvalSet, parsePromptFile } from "../lib/config/load.js";
import { runSuite } from "../lib/engine/runner.js";
import { createOpenAIProvider } from "../lib/engine/providers/openai.js";
import { withRetries } from "../lib/engine/providers/retry.js";
import { withCache } from "../lib/engine/providers/cache.js";
import { AdaptiveConcurrency } from "../lib/engine/concurrency.js";
import { spawnFakeServer } from "./fake-server-process.mjs";

/** The fake server in a child process, so its JSON and timers do not load the engine's event loop. */
function startServer({ latencyMs, rateLimitEvery = 0 }) {
  return spawnFakeServer(SERVER, [String(latencyMs), String(rateLimitEvery)]);
}

const SERVER = fileURLToPath(new URL("./fake-openai-server.mjs", import.meta.url));

const prompt = parsePromptFile(
  'name: bench\nversion: 1\nmodel: gpt-4o-mini\nmax_tokens: 10\ntemplate: "Say hi to {who}"\neval_criteria:\n  - name: hi\n    type: icontains\n    value: hello\n',
  "bench.yaml",
);
const evalSet = (n) =>
  parseEvalSet(
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { who: `person ${i}` } })).join(
      "\n",
    ),
    "bench.jsonl",
  );

async function run({ n, concurrency, latencyMs, rateLimitEvery = 0, cacheDir }) {
  const server = await startServer({ latencyMs, rateLimitEvery });
  const controller = new AdaptiveConcurrency(concurrency);
  let provider = withRetries(createOpenAIProvider({ apiKey: "sk-bench", baseURL: server.url }), {
    baseDelayMs: 20,
    onRetry: ({ error }) => error.kind === "rate_limited" && controller.onRateLimited(),
  });
  if (cacheDir) provider = withCache(provider, { dir: cacheDir, namespace: "bench" });
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = heapBefore;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const result = await runSuite(prompt, evalSet(n), {
    provider,
    concurrency: () => controller.limit,
    onCallResult: (o) => (o === "ok" ? controller.onSuccess() : undefined),
  });
  const wall = performance.now() - started;
  clearInterval(sampler);
  sample();
  const calls = await server.calls();
  await server.close();
  globalThis.gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  const ok = result.results.filter((r) => r.status === "ok").length;
  return {
    wall,
    calls,
    ok,
    total: result.results.length,
    peakRss,
    peakHeap: peakHeap - heapBefore,
    retained,
    lowestConcurrency: controller.low,
  };
}

const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const cacheDir = await mkdtemp(join(tmpdir(), "agentops-bench-"));
try {
  const N = 200,
    C = 8,
    L = 100;
  const ideal = Math.ceil(N / C) * L;
  const cold = await run({ n: N, concurrency: C, latencyMs: L, cacheDir });
  console.log(
    `cold run      N=${N} C=${C} L=${L} ms: ${cold.wall.toFixed(0)} ms, ideal ${ideal} ms, ratio ${(cold.wall / ideal).toFixed(3)} (target ≤ 1.10), ${cold.calls} calls, ${cold.ok}/${cold.total} ok`,
  );
  const warm = await run({ n: N, concurrency: C, latencyMs: L, cacheDir });
  console.log(
    `warm rerun    N=${N}: ${warm.wall.toFixed(0)} ms (target < 1000 ms), ${warm.calls} calls (target 0), ${warm.ok}/${warm.total} ok`,
  );
  const limited = await run({ n: N, concurrency: C, latencyMs: L, rateLimitEvery: 5 });
  console.log(
    `20% 429s      N=${N}: ${limited.wall.toFixed(0)} ms, ratio ${(limited.wall / ideal).toFixed(3)}, ${limited.calls} calls, ${limited.ok}/${limited.total} ok, concurrency went down to ${limited.lowestConcurrency}`,
  );
  for (const n of [2_000, 10_000]) {
    const big = await run({ n, concurrency: 64, latencyMs: 1 });
    console.log(
      `scale         N=${n} C=64 L=1 ms: ${big.wall.toFixed(0)} ms, ${big.ok}/${big.total} ok, peak heap growth ${mib(big.peakHeap)}, retained after the run ${mib(big.retained)} (${(big.retained / n) | 0} B/example), peak RSS ${mib(big.peakRss)}`,
    );
  }
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}

// Throughput, CPU, event-loop and memory figures for the engine against a loopback fake
// OpenAI server with a fixed latency, run in its own process (so CPU per call and stalls are
// the engine's alone). Prints figures; asserts nothing.
//
//   npm run bench                      the targets: rl-rpm, rl-tpm, n10k, compare
//   npm run bench -- rl-rpm            one workload at a time (any of them, space-separated)
//   npm run bench -- all               also n200, n100k, cache and 429s
//   BENCH_FETCH=global npm run bench -- compare   the same through Node's global fetch, to compare
//   node --cpu-prof --cpu-prof-dir=prof bench/provider-bench.mjs n100k    a profile of one
import { fileURLToPath } from "node:url";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseEvalSet, parsePromptFile } from "../lib/config/load.js";
import { runSuite } from "../lib/engine/runner.js";
import { runComparison } from "../lib/pipeline/compare-run.js";
import { DEFAULT_GATE } from "../lib/compare/compare.js";
import { createOpenAIProvider } from "../lib/engine/providers/openai.js";
import { withRetries } from "../lib/engine/providers/retry.js";
import { withCache } from "../lib/engine/providers/cache.js";
import { AdaptiveConcurrency } from "../lib/engine/concurrency.js";
import { RatePacer } from "../lib/engine/rate-pacer.js";
import { chargedTokens } from "./rate-limit.mjs";
import { spawnFakeServer } from "./fake-server-process.mjs";
import { onePromptPlan } from "./one-prompt-plan.mjs";

const SERVER = fileURLToPath(new URL("./fake-openai-server.mjs", import.meta.url));

const promptText = (version) =>
  `name: bench\nversion: ${version}\nmodel: gpt-4o-mini\ntemperature: 0\nmax_tokens: 10\ntemplate: "Say hi to {who} (v${version})"\neval_criteria:\n  - name: hi\n    type: icontains\n    value: hello\n`;
const evalSetText = (n) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { who: `person ${i}` } })).join(
    "\n",
  );

/** Measures the engine process while `body` runs: wall, CPU, the longest stall, peak RSS. */
async function measure(body) {
  globalThis.gc?.();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  // A drift probe beside the histogram: a 10 ms timer that fires late shows a stall directly.
  let worstDrift = 0;
  let expected = performance.now() + 10;
  const probe = setInterval(() => {
    const t = performance.now();
    worstDrift = Math.max(worstDrift, t - expected);
    expected = t + 10;
  }, 10);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = await body();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  histogram.disable();
  clearInterval(probe);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const stallMs = Math.max(histogram.max / 1e6, worstDrift);
  return {
    ...out,
    wall,
    cpuMs: (used.user + used.system) / 1000,
    userMs: used.user / 1000,
    stallMs,
    peakRss,
  };
}

/** The live call path as src/engine/setup.ts builds it: paced to the endpoint's limits, retried. */
function providerFor(server, controller, cacheDir, retry = { baseDelayMs: 20 }) {
  const pacer = new RatePacer();
  const fetch = process.env.BENCH_FETCH === "global" ? { fetch: globalThis.fetch } : {};
  const live = createOpenAIProvider({ apiKey: "sk-bench", baseURL: server.url, pacer, ...fetch });
  let provider = withRetries(live, {
    ...retry,
    onRetry: ({ error }) => error.kind === "rate_limited" && controller.onRateLimited(),
  });
  if (cacheDir) provider = withCache(provider, { dir: cacheDir, namespace: "bench" });
  return provider;
}

/** One prompt over N examples. */
async function suite({ n, concurrency, latencyMs, rateLimitEvery = 0, cacheDir, limits = [], retry }) {
  const server = await spawnFakeServer(SERVER, [String(latencyMs), String(rateLimitEvery), ...limits]);
  const controller = new AdaptiveConcurrency(concurrency);
  const provider = providerFor(server, controller, cacheDir, retry);
  const prompt = parsePromptFile(promptText(1), "bench.yaml");
  const evalSet = parseEvalSet(evalSetText(n), "bench.jsonl");
  try {
    const m = await measure(async () => {
      const run = await runSuite(prompt, evalSet, {
        provider,
        concurrency: () => controller.limit,
        onCallResult: (o) => (o === "ok" ? controller.onSuccess() : undefined),
      });
      return { ok: run.results.filter((r) => r.status === "ok").length, total: run.results.length };
    });
    return { ...m, calls: await server.calls(), rejected: await server.rejected(), low: controller.low };
  } finally {
    await server.close();
  }
}

/**
 * N examples at C = 64, L = 50 ms against a rate limit that starts used up (other jobs on the key).
 * The ideal is what the limit allows: N requests at rpm/60 a second, or the requests' tokens at
 * tpm/60 a second. Production retry settings (src/engine/setup.ts's defaults).
 */
async function rateLimited(name, { n, rpm, tpm }) {
  const limits = [...(rpm ? [`rpm=${rpm}`] : []), ...(tpm ? [`tpm=${tpm}`] : []), "used-up"];
  const m = await suite({ n, concurrency: 64, latencyMs: 50, limits, retry: {} });
  const prompt = parsePromptFile(promptText(1), "bench.yaml");
  const tokens = Array.from({ length: n }, (_, i) =>
    chargedTokens({
      messages: [{ content: `Say hi to person ${i} (v1)` }],
      max_tokens: prompt.data.max_tokens,
    }),
  ).reduce((a, b) => a + b, 0);
  const ideal = Math.max(rpm ? (n / rpm) * 60_000 : 0, tpm ? (tokens / tpm) * 60_000 : 0);
  const share = m.rejected / m.calls;
  console.log(
    `${name.padEnd(8)} N=${n} C=64 L=50 ms ${rpm ? `${rpm} requests/min` : `${tpm} tokens/min (${tokens} tokens asked)`}, starting used up: ` +
      `wall ${(m.wall / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, ratio ${(m.wall / ideal).toFixed(3)} (target ≤ 1.1); ` +
      `${m.rejected} of ${m.calls} requests answered 429 = ${(share * 100).toFixed(2)}% (target ≤ 2%); ${m.ok}/${m.total} scored; ` +
      `CPU ${(m.cpuMs / m.calls).toFixed(3)} ms/call; concurrency went down to ${m.low}`,
  );
}

/** A compare of one prompt: champion and challenger over N/2 examples each, through runComparison. */
async function compare({ calls, concurrency, latencyMs }) {
  const server = await spawnFakeServer(SERVER, [String(latencyMs)]);
  const controller = new AdaptiveConcurrency(concurrency);
  const provider = providerFor(server, controller);
  const plan = onePromptPlan({ v1: promptText(1), v2: promptText(2), evalSet: evalSetText(calls / 2) });
  try {
    const m = await measure(async () => {
      const results = await runComparison(
        plan,
        { base: "main", head: "pr" },
        {
          run: {
            provider,
            concurrency: () => controller.limit,
            onCallResult: (o) => (o === "ok" ? controller.onSuccess() : undefined),
          },
          gate: { ...DEFAULT_GATE, maxSamplingRounds: 1 },
        },
      );
      const p = results.prompts[0];
      const examples = [...(p?.champion?.examples ?? []), ...(p?.challenger.examples ?? [])];
      return { ok: examples.filter((r) => r.status === "ok").length, total: examples.length };
    });
    return { ...m, calls: await server.calls() };
  } finally {
    await server.close();
  }
}

const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
function report(name, m, { n, c, l, target }) {
  const ideal = Math.ceil(n / c) * l;
  console.log(
    `${name.padEnd(8)} N=${n} C=${c} L=${l} ms: wall ${(m.wall / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, ratio ${(m.wall / ideal).toFixed(3)} (target ≤ ${target}); ` +
      `CPU ${(m.cpuMs / m.calls).toFixed(3)} ms/call (target ≤ 0.5; ${(m.userMs / m.calls).toFixed(3)} user, the rest system); longest stall ${m.stallMs.toFixed(0)} ms (target ≤ 200); ` +
      `peak RSS ${mib(m.peakRss)}; ${m.calls} calls, ${m.ok}/${m.total} ok`,
  );
}

const WORKLOADS = {
  "rl-rpm": () => rateLimited("rl-rpm", { n: 400, rpm: 1200 }),
  // 16 tokens a request (a 6-token prompt + max_tokens 10): 19 200 a minute is 1 200 requests.
  "rl-tpm": () => rateLimited("rl-tpm", { n: 400, tpm: 19_200 }),
  n10k: async () =>
    report("n10k", await suite({ n: 10_000, concurrency: 64, latencyMs: 50 }), {
      n: 10_000,
      c: 64,
      l: 50,
      target: 1.2,
    }),
  n200: async () =>
    report("n200", await suite({ n: 200, concurrency: 8, latencyMs: 100 }), {
      n: 200,
      c: 8,
      l: 100,
      target: 1.1,
    }),
  compare: async () =>
    report("compare", await compare({ calls: 2000, concurrency: 16, latencyMs: 20 }), {
      n: 2000,
      c: 16,
      l: 20,
      target: 1.15,
    }),
  n100k: async () =>
    report("n100k", await suite({ n: 100_000, concurrency: 64, latencyMs: 50 }), {
      n: 100_000,
      c: 64,
      l: 50,
      target: 1.2,
    }),
  cache: async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "agentops-bench-"));
    try {
      const cold = await suite({ n: 200, concurrency: 8, latencyMs: 100, cacheDir });
      report("cold", cold, { n: 200, c: 8, l: 100, target: 1.1 });
      const warm = await suite({ n: 200, concurrency: 8, latencyMs: 100, cacheDir });
      console.log(
        `warm     N=200: ${warm.wall.toFixed(0)} ms (target < 1000 ms), ${warm.calls} calls (target 0), ${warm.ok}/${warm.total} ok`,
      );
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  },
  429: async () => {
    const m = await suite({ n: 200, concurrency: 8, latencyMs: 100, rateLimitEvery: 5 });
    console.log(
      `429s     N=200 (20% 429s): ${m.wall.toFixed(0)} ms, ratio ${(m.wall / 2500).toFixed(3)}, ${m.calls} calls, ${m.ok}/${m.total} ok, concurrency went down to ${m.low}`,
    );
  },
};

/**
 * A short run of each path first (a suite, and a comparison through runComparison), so module
 * loading and JIT warm-up are not counted as per-call CPU.
 */
async function warmUp() {
  const server = await spawnFakeServer(SERVER, ["1"]);
  try {
    const evalSet = parseEvalSet(evalSetText(300), "warm.jsonl");
    await runSuite(parsePromptFile(promptText(1), "warm.yaml"), evalSet, {
      provider: providerFor(server, new AdaptiveConcurrency(8)),
      concurrency: 8,
    });
    const plan = onePromptPlan({ v1: promptText(1), v2: promptText(2), evalSet: evalSetText(150) });
    await runComparison(
      plan,
      { base: "main", head: "pr" },
      {
        run: { provider: providerFor(server, new AdaptiveConcurrency(8)), concurrency: 8 },
        gate: { ...DEFAULT_GATE, maxSamplingRounds: 1 },
      },
    );
  } finally {
    await server.close();
  }
}

const DEFAULT = ["rl-rpm", "rl-tpm", "n10k", "compare"];
const asked = process.argv.slice(2);
const chosen = asked.length === 0 ? DEFAULT : asked.includes("all") ? Object.keys(WORKLOADS) : asked;
const unknown = chosen.filter((w) => !(w in WORKLOADS));
if (unknown.length > 0) {
  console.error(
    `unknown workload ${unknown.join(", ")}; choose from ${Object.keys(WORKLOADS).join(", ")}, all`,
  );
  process.exit(2);
}
console.log(
  `node ${process.versions.node}; CPU and stalls are the engine process's (the fake model runs in its own); ` +
    `fetch: ${process.env.BENCH_FETCH === "global" ? "Node's global fetch" : "undici dispatcher (the default)"}`,
);
await warmUp();
for (const w of chosen) await WORKLOADS[w]();

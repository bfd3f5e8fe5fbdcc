// What a cost budget lets a run score, measured: one prompt (and a compare of two
// versions sharing one budget) over 100 examples against the loopback fake
// endpoint at 50 ms latency (bench/fake-openai-server.mjs: 12 prompt and 3
// answer tokens a call), with budgets a multiple of what the whole run costs.
// The prompt sets no max_tokens, so each call's bound is its prompt plus 1,024
// answer tokens: the worst case for a budget. Prints figures; asserts nothing.
//
//   npx tsc -p tsconfig.build.json && node bench/budget-bench.mjs [--examples N] [--concurrency N] [--latency MS]
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseEvalSet, parsePromptFile } from "../lib/config/load.js";
import { Budget } from "../lib/engine/budget.js";
import { runSuite } from "../lib/engine/runner.js";
import { runComparison } from "../lib/pipeline/compare-run.js";
import { DEFAULT_GATE } from "../lib/compare/compare.js";
import { createOpenAIProvider } from "../lib/engine/providers/openai.js";
import { budgetCostUsd, costUsd } from "../lib/engine/pricing.js";
import { spawnFakeServer } from "./fake-server-process.mjs";
import { onePromptPlan } from "./one-prompt-plan.mjs";

const { values } = parseArgs({
  options: {
    examples: { type: "string", default: "100" },
    concurrency: { type: "string", default: "8" },
    latency: { type: "string", default: "50" },
  },
});
const N = Number(values.examples);
const CONCURRENCY = Number(values.concurrency);
const SERVER = fileURLToPath(new URL("./fake-openai-server.mjs", import.meta.url));

const promptText = (version) =>
  `name: bench\nversion: ${version}\nmodel: gpt-4o-mini\ntemperature: 0\ntemplate: "Say hi to {who} (v${version})"\neval_criteria:\n  - name: hi\n    type: icontains\n    value: hello\n`;
const evalSetText = (n) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { who: `person ${i}` } })).join(
    "\n",
  );
const price = (model, usage) => costUsd(model, usage);
const budgetPrice = (model, usage) => budgetCostUsd(model, usage);

const server = await spawnFakeServer(SERVER, [values.latency]);
const provider = createOpenAIProvider({ apiKey: "sk-bench", baseURL: server.url });
const prompt = parsePromptFile(promptText(1), "bench.yaml");
const evalSet = parseEvalSet(evalSetText(N), "bench.jsonl");

async function evalRun(maxCostUsd) {
  const budget = new Budget(maxCostUsd === undefined ? {} : { maxCostUsd });
  const started = performance.now();
  const run = await runSuite(prompt, evalSet, {
    provider,
    concurrency: CONCURRENCY,
    budget,
    price,
    budgetPrice,
  });
  return {
    ok: run.results.filter((r) => r.status === "ok").length,
    spent: budget.spend.usd,
    leftOut: run.stopped?.left_out ?? 0,
    wall: performance.now() - started,
  };
}

async function compareRun(maxCostUsd) {
  const budget = new Budget({ maxCostUsd });
  const plan = onePromptPlan({ v1: promptText(1), v2: promptText(2), evalSet: evalSetText(N) });
  const results = await runComparison(
    plan,
    { base: "main", head: "pr" },
    {
      run: { provider, concurrency: CONCURRENCY, budget, price, budgetPrice },
      gate: { ...DEFAULT_GATE, maxSamplingRounds: 1 },
    },
  );
  const p = results.prompts[0];
  const okIds = (run) => new Set((run?.examples ?? []).filter((r) => r.status === "ok").map((r) => r.id));
  const a = okIds(p?.champion);
  const b = okIds(p?.challenger);
  const pairs = [...a].filter((id) => b.has(id)).length;
  return { champion: a.size, challenger: b.size, pairs, spent: budget.spend.usd, verdict: results.verdict };
}

try {
  const full = await evalRun(undefined);
  console.log(
    `eval, no budget: ${full.ok}/${N} scored, $${full.spent.toFixed(6)} (C=${CONCURRENCY}, ${values.latency} ms)`,
  );
  for (const share of [1.15, 0.5, 0.1]) {
    const cap = full.spent * share;
    const m = await evalRun(cap);
    console.log(
      `eval, budget ${share}x ($${cap.toFixed(6)}): ${m.ok}/${N} scored, ${m.leftOut} left out, spent $${m.spent.toFixed(6)} (${((m.spent / cap) * 100).toFixed(1)}% of the cap), wall ${(m.wall / 1000).toFixed(2)} s`,
    );
  }
  for (const share of [1.15, 0.5]) {
    const cap = 2 * full.spent * share;
    const m = await compareRun(cap);
    console.log(
      `compare, budget ${share}x of both sides ($${cap.toFixed(6)}): champion ${m.champion}, challenger ${m.challenger}, pairs ${m.pairs}, spent $${m.spent.toFixed(6)} (${((m.spent / cap) * 100).toFixed(1)}% of the cap), verdict ${m.verdict}`,
    );
  }
} finally {
  await server.close();
}

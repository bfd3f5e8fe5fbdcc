import { expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { aggregateCriteria, summarize } from "../../src/engine/aggregate.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { ProviderError, type Provider } from "../../src/engine/providers/types.js";
import { runSuite } from "../../src/engine/runner.js";

const prompt = parsePromptFile(
  `name: classify
version: 1
model: m
template: "Classify: {text}"
eval_criteria:
  - name: label
    type: one_of
    labels: [billing, technical]
    threshold: 0.9
  - name: exact
    type: equals
    weight: 3
`,
  "v1.yaml",
);

const lines = Array.from({ length: 12 }, (_, i) =>
  JSON.stringify({
    id: `t${i}`,
    input: { text: i % 3 === 0 ? "card charged twice" : "app crashes" },
    expected: i % 3 === 0 ? "billing" : "technical",
  }),
);
const evalSet = parseEvalSet(lines.join("\n"), "e.jsonl");

// A perfect classifier for this set.
const classifier = createMockProvider((req) => {
  const text = req.messages.at(-1)?.content ?? "";
  if (text.includes("charged")) return "billing";
  return /crashes/.test(text) ? "technical" : "other";
});

test("every example gets a result with per-criterion scores, and aggregates add up", async () => {
  const run = await runSuite(prompt, evalSet, { provider: classifier, concurrency: 3 });
  expect(run.results).toHaveLength(12);
  expect(run.stopped).toBeUndefined();
  expect(run.results.every((r) => r.status === "ok")).toBe(true);
  const [label, exact] = aggregateCriteria(prompt.data.eval_criteria, run.results);
  expect(label).toMatchObject({ n: 12, passed: 12, pass_rate: 1, threshold_met: true });
  expect(exact).toMatchObject({ n: 12, passed: 12 });
  const s = summarize(run.results);
  expect(s).toMatchObject({ examples: 12, ok: 12, errors: 0, passed: 12 });
});

test("provider errors become error results with their reason, never passes", async () => {
  let calls = 0;
  const flaky: Provider = {
    id: "flaky",
    complete: (req, opts) => {
      calls++;
      if (calls % 4 === 0)
        return Promise.reject(
          new ProviderError("server said 500", { kind: "server_error", retryable: true }),
        );
      return classifier.complete(req, opts);
    },
  };
  const run = await runSuite(prompt, evalSet, { provider: flaky, concurrency: 1 });
  const errors = run.results.filter((r) => r.status === "error");
  expect(errors).toHaveLength(3);
  expect(errors[0]?.error).toEqual({ kind: "server_error", message: "server said 500" });
  const [label] = aggregateCriteria(prompt.data.eval_criteria, run.results);
  expect(label?.n).toBe(9);
  expect(summarize(run.results).error_kinds).toEqual({ server_error: 3 });
});

test("a fatal error stops the run and the rest are skipped, not lost", async () => {
  let calls = 0;
  const dies: Provider = {
    id: "dies",
    complete: (req, opts) => {
      calls++;
      if (calls === 3)
        return Promise.reject(new ProviderError("invalid API key", { kind: "auth", fatal: true }));
      return classifier.complete(req, opts);
    },
  };
  const run = await runSuite(prompt, evalSet, { provider: dies, concurrency: 1 });
  expect(run.results).toHaveLength(12);
  expect(run.stopped?.reason).toBe("invalid API key");
  expect(run.results.filter((r) => r.status === "ok")).toHaveLength(2);
  expect(run.results.filter((r) => r.status === "skipped")).toHaveLength(9);
  expect(calls).toBe(3);
});

test("aborting mid-run keeps finished results and marks the rest skipped", async () => {
  const controller = new AbortController();
  let calls = 0;
  const slow: Provider = {
    id: "slow",
    complete: async (req, opts) => {
      calls++;
      if (calls === 5) controller.abort();
      return classifier.complete(req, opts);
    },
  };
  const run = await runSuite(prompt, evalSet, { provider: slow, concurrency: 2, signal: controller.signal });
  expect(run.stopped?.reason).toMatch(/cancelled/);
  expect(run.results.filter(Boolean)).toHaveLength(12);
  expect(run.results.some((r) => r.status === "skipped")).toBe(true);
});

test("progress is reported for every finished example", async () => {
  const seen: number[] = [];
  await runSuite(prompt, evalSet, {
    provider: classifier,
    concurrency: 4,
    onProgress: (p) => seen.push(p.done),
  });
  expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
});

test("the weighted score reflects weights", async () => {
  const wrong = createMockProvider(() => "technical");
  const run = await runSuite(prompt, evalSet, { provider: wrong, concurrency: 2 });
  const billing = run.results.find((r) => r.id === "t0");
  // label passes (1 × weight 1), exact fails (0 × weight 3) -> 1/4
  expect(billing?.score).toBeCloseTo(0.25);
  expect(billing?.passed).toBe(false);
});

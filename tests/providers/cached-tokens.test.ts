import { afterEach, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { summarize } from "../../src/engine/aggregate.js";
import { costUsd } from "../../src/engine/pricing.js";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import { runSuite } from "../../src/engine/runner.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PROMPT = `name: support
version: 1
model: gpt-4o
max_tokens: 50
system: "You are a support agent for Acme. Answer in one sentence."
messages:
  - role: user
    content: "Our refund window is 30 days."
template: "Question: {q}"
eval_criteria:
  - name: any
    type: regex
    pattern: "."
`;

test("cached input tokens are reported per example and priced at the cached rate", async () => {
  server = await startFakeOpenAI(() => ({
    text: "Sure.",
    usage: { prompt_tokens: 2000, completion_tokens: 10, cached_tokens: 1536 },
  }));
  const provider = createOpenAIProvider({ apiKey: "sk-x", baseURL: server.url });
  const set = parseEvalSet('{"id":"a","input":{"q":"refund?"}}\n{"id":"b","input":{"q":"late?"}}', "e.jsonl");
  const run = await runSuite(parsePromptFile(PROMPT, "v1.yaml"), set, {
    provider,
    concurrency: 2,
    price: (model, usage) => costUsd(model, usage),
  });
  const a = run.results[0];
  expect(a?.usage).toEqual({ prompt_tokens: 2000, completion_tokens: 10, cached_tokens: 1536 });
  // gpt-4o: 464 input tokens at 2.5, 1536 cached at 1.25, 10 output at 10, per 1M.
  expect(a?.cost_usd).toBeCloseTo((464 * 2.5 + 1536 * 1.25 + 10 * 10) / 1e6, 12);
  expect(summarize(run.results).tokens).toEqual({ prompt: 4000, completion: 20, cached: 3072 });
});

test("every request starts with the same static prefix, byte for byte, so the provider's prompt cache applies", async () => {
  server = await startFakeOpenAI(() => ({ text: "Sure." }));
  const provider = createOpenAIProvider({ apiKey: "sk-x", baseURL: server.url, serviceTier: "flex" });
  const set = parseEvalSet('{"id":"a","input":{"q":"refund?"}}\n{"id":"b","input":{"q":"late?"}}', "e.jsonl");
  await runSuite(parsePromptFile(PROMPT, "v1.yaml"), set, { provider, concurrency: 1 });
  const [first, second] = server.requests.map((r) => r.body);
  expect(first?.messages.slice(0, 2)).toEqual([
    { role: "system", content: "You are a support agent for Acme. Answer in one sentence." },
    { role: "user", content: "Our refund window is 30 days." },
  ]);
  expect(JSON.stringify(second?.messages.slice(0, 2))).toBe(JSON.stringify(first?.messages.slice(0, 2)));
  expect(first?.messages.at(-1)?.content).toBe("Question: refund?");
  // The opt-in tier goes with every call.
  expect(server.requests.map((r) => (r.body as unknown as { service_tier?: string }).service_tier)).toEqual([
    "flex",
    "flex",
  ]);
});

import { afterEach, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import { withRetries } from "../../src/engine/providers/retry.js";
import { RatePacer } from "../../src/engine/rate-pacer.js";
import { runSuite } from "../../src/engine/runner.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import type { RateLimitSpec } from "../helpers/fake-rate-limit.js";
import { makeProject } from "../helpers/project.js";

/*
 * Against a fake endpoint that enforces OpenAI-style limits (tests/helpers/fake-rate-limit.ts):
 * the counts of 429s and errors are what is asserted, never how long the run took.
 */

const KEY = "sk-rate-limit-test-0a1b2c";
const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
max_tokens: 20
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: hello
`;
const examples = (n: number) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `p${i}`, input: { who: `person ${i}` } })).join(
    "\n",
  );

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const hello = () => ({ text: "Hello there", delayMs: 5 });

async function run(limit: RateLimitSpec, n: number, pacer: RatePacer | undefined) {
  server = await startFakeOpenAI(hello, {}, { rateLimit: limit });
  const live = createOpenAIProvider({ apiKey: KEY, baseURL: server.url, ...(pacer ? { pacer } : {}) });
  const provider = withRetries(live, { baseDelayMs: 5, maxDelayMs: 200 });
  const suite = await runSuite(parsePromptFile(PROMPT, "v1.yaml"), parseEvalSet(examples(n), "e.jsonl"), {
    provider,
    concurrency: 8,
  });
  const ok = suite.results.filter((r) => r.status === "ok").length;
  return {
    ok,
    errors: suite.results.length - ok,
    rateLimited: server.rateLimited,
    sent: server.requests.length,
  };
}

test("under a request limit that starts used up, only the first call meets a 429 and every example is scored", async () => {
  // 600 a minute: ten a second, none left at the start.
  const r = await run({ rpm: 600, startUsedUp: true }, 24, new RatePacer());
  expect(r).toEqual({ ok: 24, errors: 0, rateLimited: 1, sent: 25 });
});

test("under a token limit alone, the same: the calls' tokens are estimated before they are sent", async () => {
  // Each call: "Say hello to person N" (~5 tokens) + max_tokens 20 = ~25 tokens; 15 000 a minute ≈ 10 calls a second.
  const r = await run({ tpm: 15_000, startUsedUp: true }, 24, new RatePacer());
  expect(r).toEqual({ ok: 24, errors: 0, rateLimited: 1, sent: 25 });
});

test("without pacing the same run retries into the wall (what the pacer prevents)", async () => {
  const r = await run({ rpm: 600, startUsedUp: true }, 24, undefined);
  expect(r.rateLimited).toBeGreaterThan(5);
});

test("a 429 that only says 'try again in Nms' in its message is waited out, never an error", async () => {
  let n = 0;
  server = await startFakeOpenAI(() =>
    n++ < 3
      ? {
          status: 429,
          body: {
            error: {
              message: "Rate limit reached for requests. Please try again in 20ms.",
              code: "rate_limit_exceeded",
            },
          },
        }
      : hello(),
  );
  const pacer = new RatePacer();
  const provider = withRetries(createOpenAIProvider({ apiKey: KEY, baseURL: server.url, pacer }), {
    maxAttempts: 2,
    baseDelayMs: 1,
  });
  // Three 429s in a row with two attempts allowed: rate limiting does not use up attempts.
  const c = await provider.complete({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
  expect(c.text).toBe("Hello there");
  expect(pacer.rateLimited).toBe(3);
});

test("the CLI paces to the endpoint's limit, says so on the progress line, and --max-rpm lowers it", async () => {
  server = await startFakeOpenAI(hello, {}, { rateLimit: { rpm: 6000, startUsedUp: true } });
  const root = await makeProject({
    "agentops.yaml": "concurrency: 8\n",
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": examples(40),
  });
  // 600 a minute of our own under the endpoint's 6 000: 40 calls take over 3 s, long enough for a progress line.
  const r = await cli(
    ["eval", "prompts/greet", "--provider", "openai", "--no-cache", "--max-rpm", "600", "--out", "r.json"],
    { cwd: root, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url } },
  );
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("held by the run's own requests-per-minute limit (600/min) for gpt-4o-mini");
  expect(server.rateLimited).toBe(1);
  expect(server.requests).toHaveLength(41);
  const bad = await cli(["eval", "prompts/greet", "--provider", "openai", "--max-rpm", "lots"], {
    cwd: root,
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url },
  });
  expect(bad.stderr).toContain('--max-rpm takes a positive whole number, got "lots"');
});

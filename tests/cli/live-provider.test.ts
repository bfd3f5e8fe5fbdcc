import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import {
  startFakeOpenAI,
  type FakeOpenAI,
  type FakeReply,
  type ReceivedRequest,
} from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

const KEY = "sk-canary-live-9f8e7d6c5b4a";
const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
max_tokens: 20
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: hello
  - name: polite
    type: llm_judge
    rubric: The greeting is friendly.
`;
const SET = Array.from({ length: 24 }, (_, i) =>
  JSON.stringify({ id: `p${i}`, input: { who: `person ${i}` } }),
).join("\n");

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers greetings, and judge requests with a score. */
function answer(r: ReceivedRequest): FakeReply {
  const last = r.body.messages.at(-1)?.content ?? "";
  if (last.includes("<RUBRIC>")) return { text: '{"score": 5, "reason": "friendly"}', delayMs: 5 };
  return { text: `Hello, ${last.slice(13)}!`, delayMs: 20 };
}

async function project() {
  return makeProject({
    "agentops.yaml": "judge_model: gpt-4o-mini\nconcurrency: 4\n",
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": SET,
  });
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

test("live calls with judge, bounded concurrency, then a rerun served wholly from the cache; the key appears nowhere", async () => {
  server = await startFakeOpenAI(answer);
  const root = await project();
  const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url };
  const first = await cli(["eval", "prompts/greet", "--provider", "openai", "--out", "r1.json"], {
    cwd: root,
    env,
  });
  expect(first.code).toBe(0);
  expect(server.requests).toHaveLength(48); // 24 answers + 24 judge calls
  expect(server.peakConcurrency).toBeLessThanOrEqual(4);
  const results = JSON.parse(await readFile(join(root, "r1.json"), "utf8")) as {
    runs: { summary: { errors: number; cost_usd: number } }[];
  };
  expect(results.runs[0]?.summary.errors).toBe(0);
  expect(results.runs[0]?.summary.cost_usd).toBeGreaterThan(0);

  const second = await cli(["eval", "prompts/greet", "--provider", "openai", "--out", "r2.json", "-q"], {
    cwd: root,
    env,
  });
  expect(second.code).toBe(0);
  expect(server.requests).toHaveLength(48);
  expect(second.stdout).toContain("24 from cache or recording");

  const everything = [first.stdout, first.stderr, second.stdout, second.stderr];
  for (const f of await allFiles(root)) everything.push(await readFile(f, "utf8"));
  for (const text of everything) expect(text).not.toContain(KEY);
  expect(server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
});

test("429s with Retry-After are waited out and every example still completes", async () => {
  let n = 0;
  server = await startFakeOpenAI((r) =>
    ++n % 5 === 0 ? { status: 429, headers: { "retry-after-ms": "10" } } : answer(r),
  );
  const root = await project();
  const r = await cli(
    ["eval", "prompts/greet", "--provider", "openai", "--no-cache", "--format", "json", "-q"],
    {
      cwd: root,
      env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url },
    },
  );
  const results = JSON.parse(r.stdout) as { runs: { summary: { ok: number; errors: number } }[] };
  expect(results.runs[0]?.summary).toMatchObject({ ok: 24, errors: 0 });
  expect(r.stderr).toContain("retrying after rate_limited");
});

test("quota exhausted stops the run early; unfinished examples are skipped with the reason, results still written", async () => {
  let n = 0;
  server = await startFakeOpenAI((r) =>
    ++n > 6
      ? {
          status: 429,
          body: { error: { message: "You exceeded your current quota", code: "insufficient_quota" } },
        }
      : answer(r),
  );
  const root = await project();
  const r = await cli(
    [
      "eval",
      "prompts/greet",
      "--provider",
      "openai",
      "--no-cache",
      "--concurrency",
      "1",
      "--out",
      "r.json",
      "-q",
    ],
    {
      cwd: root,
      env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url },
    },
  );
  // Stopped early: incomplete, exit 3, never a green answer.
  expect(r.code).toBe(3);
  const results = JSON.parse(await readFile(join(root, "r.json"), "utf8")) as {
    complete: boolean;
    runs: { stopped?: { reason: string }; examples: { status: string }[] }[];
  };
  expect(results.complete).toBe(false);
  expect(results.runs[0]?.stopped?.reason).toMatch(/quota exhausted/);
  expect(results.runs[0]?.examples).toHaveLength(24);
  expect(results.runs[0]?.examples.filter((e) => e.status === "skipped").length).toBeGreaterThan(15);
  expect(server.requests.length).toBeLessThan(10);
  expect(r.stdout).toContain("stopped early: quota exhausted");
});

test("no key for the openai provider is a clear usage error", async () => {
  const root = await project();
  const r = await cli(["eval", "prompts/greet", "--provider", "openai"], { cwd: root, env: {} });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("OPENAI_API_KEY");
});

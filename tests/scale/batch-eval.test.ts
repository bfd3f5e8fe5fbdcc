import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { startFakeBatch, type FakeBatchServer, type FakeBatchOptions } from "../helpers/fake-batch.js";
import { makeProject } from "../helpers/project.js";

const KEY = "sk-canary-batch-1a2b3c4d5e6f";
const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
max_tokens: 20
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: echo
  - name: polite
    type: llm_judge
    rubric: The greeting is friendly.
`;
const N = 12;
const SET = Array.from({ length: N }, (_, i) =>
  JSON.stringify({ id: `p${i}`, input: { who: `person ${i}` } }),
).join("\n");

let server: FakeBatchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: FakeBatchOptions = {}) {
  server = await startFakeBatch(options);
  const root = await makeProject({
    "agentops.yaml": "judge_model: gpt-4o-mini\nconcurrency: 2\n",
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": SET,
  });
  return { root, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url }, fake: server };
}

const BATCH = ["--provider", "openai", "--batch", "--batch-poll", "0.02"];

interface Results {
  complete: boolean;
  runs: {
    examples: {
      id: string;
      status: string;
      cost_usd?: number;
      criteria: Record<string, { passed: boolean }>;
    }[];
  }[];
}

const read = async (root: string, file: string): Promise<Results> =>
  JSON.parse(await readFile(join(root, file), "utf8")) as Results;

test("eval --batch: answers, then judges, each one batch; progress lines; nothing as ordinary calls", async () => {
  const { root, env, fake } = await setup();
  const r = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r.json"], {
    cwd: root,
    env,
  });
  expect(r.stderr).not.toContain("ordinary calls");
  expect(r.code).toBe(0);
  // Round one: the answers. Round two: the judges, which need the answers.
  expect(fake.batches.map((b) => [b.endpoint, b.request_counts.total, b.status])).toEqual([
    ["/v1/chat/completions", N, "completed"],
    ["/v1/chat/completions", N, "completed"],
  ]);
  expect(fake.ordinary).toHaveLength(0);
  for (const f of fake.files.values()) expect(f.purpose).toBe("batch");
  expect(r.stderr).toMatch(/batch batch_1: 12 request\(s\) to \/v1\/chat\/completions sent/);
  expect(r.stderr).toMatch(/batch batch_1: in_progress, 0\/0 done/);
  expect(r.stderr).toMatch(/batch batch_1: completed, 12\/12 done/);
  const results = await read(root, "r.json");
  expect(results.complete).toBe(true);
  const examples = results.runs[0]?.examples ?? [];
  expect(examples).toHaveLength(N);
  expect(
    examples.every((e) => e.status === "ok" && e.criteria.polite?.passed && e.criteria.hello?.passed),
  ).toBe(true);
  // The key went nowhere but the Authorization header.
  for (const file of await readdir(root, { recursive: true, withFileTypes: true }))
    if (file.isFile()) expect(await readFile(join(file.parentPath, file.name), "utf8")).not.toContain(KEY);
  expect(r.stderr + r.stdout).not.toContain(KEY);
});

test("costs are at the batch price: half of an ordinary run's", async () => {
  const { root, env } = await setup();
  expect(
    (
      await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "b.json", "-q"], {
        cwd: root,
        env,
      })
    ).code,
  ).toBe(0);
  expect(
    (
      await cli(["eval", "prompts/greet", "--provider", "openai", "--no-cache", "--out", "o.json", "-q"], {
        cwd: root,
        env,
      })
    ).code,
  ).toBe(0);
  const cost = (r: Results): number =>
    (r.runs[0]?.examples ?? []).reduce((s, e) => s + (e.cost_usd ?? NaN), 0);
  const batched = cost(await read(root, "b.json"));
  const ordinary = cost(await read(root, "o.json"));
  expect(ordinary).toBeGreaterThan(0);
  expect(batched).toBeCloseTo(ordinary / 2, 12);
});

test("cache hits never reach a batch: a rerun with the cache sends nothing", async () => {
  const { root, env, fake } = await setup();
  expect((await cli(["eval", "prompts/greet", ...BATCH, "-q"], { cwd: root, env })).code).toBe(0);
  const before = fake.batches.length;
  const again = await cli(["eval", "prompts/greet", ...BATCH, "-q"], { cwd: root, env });
  expect(again.code).toBe(0);
  expect(fake.batches.length).toBe(before);
  expect(fake.ordinary).toHaveLength(0);
});

test("an expired batch: its answered half is used, the rest sent as ordinary calls; nothing lost", async () => {
  const { root, env, fake } = await setup({ outcome: (n) => (n === 0 ? "expired" : "completed") });
  const r = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r.json"], {
    cwd: root,
    env,
  });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /batch batch_1: 6 request\(s\) unanswered \(the batch is expired\); sending them as ordinary calls/,
  );
  expect(fake.ordinary.filter((o) => o.path === "/chat/completions")).toHaveLength(N / 2);
  const examples = (await read(root, "r.json")).runs[0]?.examples ?? [];
  expect(examples.filter((e) => e.status === "ok")).toHaveLength(N);
});

test("a failed batch (validation) falls back to ordinary calls and says why", async () => {
  const { root, env, fake } = await setup({ outcome: (n) => (n === 0 ? "failed" : "completed") });
  const r = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r.json"], {
    cwd: root,
    env,
  });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/the batch is failed: invalid_request: fake validation failure \(line 1\)/);
  expect(fake.ordinary).toHaveLength(N);
  const examples = (await read(root, "r.json")).runs[0]?.examples ?? [];
  expect(examples.every((e) => e.status === "ok")).toBe(true);
});

test("failed lines are retried as ordinary calls", async () => {
  const { root, env, fake } = await setup({
    failLine: (_id, body) =>
      JSON.stringify(body).includes("person 3") && !JSON.stringify(body).includes("RUBRIC") ? 500 : undefined,
  });
  const r = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r.json"], {
    cwd: root,
    env,
  });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /batch batch_1: 1 request\(s\) failed in the batch; sending them as ordinary calls/,
  );
  expect(fake.ordinary).toHaveLength(1);
  expect(JSON.stringify(fake.ordinary[0]?.body)).toContain("person 3");
  const examples = (await read(root, "r.json")).runs[0]?.examples ?? [];
  expect(examples.every((e) => e.status === "ok")).toBe(true);
});

test("--batch with a provider other than openai is a usage error before any call", async () => {
  const { root, env } = await setup();
  const r = await cli(["eval", "prompts/greet", "--provider", "mock", "--batch"], { cwd: root, env });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--batch needs the openai provider");
});

test("interrupted while waiting: the batch keeps running, the run says how to resume, and a rerun picks it up without a second batch", async () => {
  let holding = true;
  const { root, env, fake } = await setup({ hold: () => holding });
  const controller = new AbortController();
  const first = cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r1.json"], {
    cwd: root,
    env,
    signal: controller.signal,
  });
  // Stop once the batch is being polled, as SIGTERM would.
  while (!fake.calls.some((c) => c.method === "GET" && c.path.startsWith("/batches/")))
    await new Promise((r) => setTimeout(r, 10));
  controller.abort();
  const stopped = await first;
  expect(stopped.code).toBe(3);
  expect(stopped.stderr).toMatch(
    /batch: stopped waiting; batch_1 keep running at the endpoint\. Run the same command again to pick up their answers \(ids saved in .*\.agentops-batch\/[0-9a-f]{64}\.json\)/,
  );
  expect(fake.batches).toHaveLength(1);
  expect(fake.batches[0]?.status).toBe("in_progress");
  // The partial results are written all the same.
  expect((await read(root, "r1.json")).complete).toBe(false);
  const saved = (await readdir(join(root, ".agentops-batch"))).filter((f) => f.endsWith(".json"));
  expect(saved).toHaveLength(1);

  holding = false;
  const uploads = fake.files.size;
  const again = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r2.json"], {
    cwd: root,
    env,
  });
  expect(again.code).toBe(0);
  expect(again.stderr).toContain("batch: resuming batch_1");
  // The answers came from batch_1; only the judges' round made a new batch.
  expect(fake.batches.map((b) => b.id)).toEqual(["batch_1", "batch_2"]);
  expect(fake.files.size).toBe(uploads + 1);
  expect(fake.ordinary).toHaveLength(0);
  const examples = (await read(root, "r2.json")).runs[0]?.examples ?? [];
  expect(examples.filter((e) => e.status === "ok")).toHaveLength(N);
});

test("an endpoint without the Batch API gets ordinary calls, and the log says so", async () => {
  const { root, env, fake } = await setup({ noBatchApi: true });
  const r = await cli(["eval", "prompts/greet", ...BATCH, "--no-cache", "--out", "r.json"], {
    cwd: root,
    env,
  });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /batch: the batch API refused \/files \(404: 404 page not found\); sending its 12 request\(s\) as ordinary calls/,
  );
  expect(fake.batches).toHaveLength(0);
  expect(fake.ordinary).toHaveLength(2 * N);
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import {
  startFakeOpenAI,
  type FakeOpenAI,
  type FakeReply,
  type ReceivedRequest,
} from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

const KEY = "sk-canary-faults-112233";
const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
max_tokens: 20
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: hello
    threshold: 0.5
`;
const N = 30;
const SET = Array.from({ length: N }, (_, i) =>
  JSON.stringify({ id: `p${i}`, input: { who: `person ${i}` } }),
).join("\n");

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = (r: ReceivedRequest): FakeReply => ({ text: `Hello ${r.n}` });
const FAULTS: Record<string, FakeReply> = {
  "429": { status: 429, headers: { "retry-after-ms": "5" } },
  "500": { status: 500 },
  hang: { hang: true },
  reset: { reset: true },
  "malformed JSON": { raw: '{"choices": [{"message": ' },
};

interface Results {
  complete: boolean;
  runs: {
    examples: { id: string; status: string; error?: { kind: string; message: string } }[];
    summary: { ok: number; errors: number };
  }[];
}

async function drill(fault: (n: number) => FakeReply | undefined) {
  server = await startFakeOpenAI((r) => fault(r.n) ?? ok(r));
  const root = await makeProject({ "prompts/greet/v1.yaml": PROMPT, "prompts/greet/eval_set.jsonl": SET });
  const run = await cli(
    [
      "eval",
      "prompts/greet",
      "--provider",
      "openai",
      "--no-cache",
      "--timeout",
      "0.3",
      "--concurrency",
      "6",
      "--out",
      "results.json",
      "-q",
    ],
    { cwd: root, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url } },
  );
  const results = JSON.parse(await readFile(join(root, "results.json"), "utf8")) as Results;
  return { run, results };
}

function expectNothingLost(results: Results): void {
  const examples = results.runs[0]?.examples ?? [];
  expect(examples.map((e) => e.id).sort()).toEqual(Array.from({ length: N }, (_, i) => `p${i}`).sort());
  for (const e of examples) {
    expect(["ok", "error"]).toContain(e.status);
    if (e.status === "error") expect(e.error?.message).toBeTruthy();
  }
}

describe("LLM endpoint fault drills: every example ends as a result or an error with its reason", () => {
  for (const [name, reply] of Object.entries(FAULTS)) {
    test(`${name} on 20% of calls`, async () => {
      // Every fifth request fails; retries land on other slots, so the run recovers.
      const { run, results } = await drill((n) => (n % 5 === 2 ? reply : undefined));
      expect(run.code).toBe(0);
      expectNothingLost(results);
      expect(results.runs[0]?.summary.ok).toBe(N);
      expect(run.stdout + run.stderr).not.toContain(KEY);
    });
  }

  test("all five faults mixed (4% each, 20% in all): whatever cannot be recovered is an error with a reason, never a pass", async () => {
    const kinds = Object.values(FAULTS);
    const { run, results } = await drill((n) =>
      n % 5 === 3 ? kinds[Math.floor(n / 5) % kinds.length] : undefined,
    );
    expect(run.code).toBe(0);
    expectNothingLost(results);
    const errors = results.runs[0]?.examples.filter((e) => e.status === "error") ?? [];
    for (const e of errors)
      expect(["rate_limited", "server_error", "timeout", "connection", "bad_response"]).toContain(
        e.error?.kind,
      );
    expect(run.stdout).toMatch(/greet v1/);
  });
});

test("a deadline stops the run in time, keeps what finished and says what is missing", async () => {
  server = await startFakeOpenAI((r) => ({ text: `Hello ${r.n}`, delayMs: 150 }));
  const root = await makeProject({ "prompts/greet/v1.yaml": PROMPT, "prompts/greet/eval_set.jsonl": SET });
  const run = await cli(
    [
      "eval",
      "prompts/greet",
      "--provider",
      "openai",
      "--no-cache",
      "--concurrency",
      "2",
      "--deadline",
      "0.5",
      "--out",
      "results.json",
      "-q",
    ],
    { cwd: root, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url } },
  );
  // Incomplete: exit 3, never a green answer; the results are written all the same.
  expect(run.code).toBe(3);
  const results = JSON.parse(await readFile(join(root, "results.json"), "utf8")) as Results & {
    runs: { stopped?: { reason: string } }[];
  };
  expect(results.complete).toBe(false);
  expect(results.runs[0]?.stopped?.reason).toBe("the run's deadline of 0.5 s was reached");
  const examples = results.runs[0]?.examples ?? [];
  expect(examples).toHaveLength(N);
  expect(examples.filter((e) => e.status === "skipped").length).toBeGreaterThan(N / 2);
  expect(run.stdout).toContain("stopped early: the run's deadline of 0.5 s was reached");
});

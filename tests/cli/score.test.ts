import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

const TRACES = [
  { id: "t1", input: { who: "Ana" }, output: "Hello Ana!", tags: ["web"] },
  { id: "t2", input: { who: "Bo" }, output: "Hi Bo.", tags: ["app"] },
  { id: "t3", input: { who: "Cy" }, output: "hello there, Cy", tags: ["web"] },
  { id: "t4", input: { who: "Di" }, output: "HELLO", tags: ["app"] },
]
  .map((t) => JSON.stringify(t))
  .join("\n");

const project = (prompt = SIMPLE_PROMPT, config = "environments:\n  production:\n    greet: 1\n") =>
  makeProject({
    "agentops.yaml": config,
    "prompts/greet/v1.yaml": prompt,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    "traces.jsonl": TRACES,
  });

interface Results {
  kind: string;
  runs: {
    prompt: string;
    version: number;
    sampled?: { kept: number; of: number };
    criteria: { name: string; pass_rate: number }[];
    examples: { id: string; output: string; status: string }[];
  }[];
}

test("score answers from the traces, scores them with the prompt's criteria and writes eval's results", async () => {
  const dir = await project();
  const r = await cli(["score", "traces.jsonl", "--prompt", "greet", "--out", "r.json", "-q"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const results = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as Results;
  expect(results.kind).toBe("eval");
  const run = results.runs[0];
  expect(run?.examples.map((e) => [e.id, e.output])).toEqual([
    ["t1", "Hello Ana!"],
    ["t2", "Hi Bo."],
    ["t3", "hello there, Cy"],
    ["t4", "HELLO"],
  ]);
  expect(run?.criteria.find((c) => c.name === "mentions-hello")?.pass_rate).toBe(0.75);
  expect(r.stdout).toContain("greet v1");
});

test("--sample takes the same deterministic sample on every run; a missed threshold exits 1 as eval does", async () => {
  const dir = await project(SIMPLE_PROMPT.replace("threshold: 0.5", "threshold: 0.9"));
  const once = await cli(
    ["score", "traces.jsonl", "--prompt", "greet", "--sample", "2", "--format", "json", "-q"],
    {
      cwd: dir,
    },
  );
  const again = await cli(
    ["score", "traces.jsonl", "--prompt", "greet", "--sample", "2", "--format", "json", "-q"],
    {
      cwd: dir,
    },
  );
  const ids = (s: string) => (JSON.parse(s) as Results).runs[0]?.examples.map((e) => e.id);
  expect(ids(once.stdout)).toHaveLength(2);
  expect(ids(once.stdout)).toEqual(ids(again.stdout));
  expect((JSON.parse(once.stdout) as Results).runs[0]?.sampled).toMatchObject({ kept: 2, of: 4 });
  const all = await cli(["score", "traces.jsonl", "--prompt", "greet", "-q"], { cwd: dir });
  expect(all.code).toBe(1);
  expect(all.stderr).toContain("mentions-hello is below its threshold of 90%");
});

test("a criterion the traces cannot feed is skipped and named; chosen by --criteria it is an error; an unknown prompt is an error", async () => {
  const dir = await project(SIMPLE_PROMPT + "  - name: fast\n    type: latency\n    max_ms: 500\n");
  const latency = await cli(["score", "traces.jsonl", "--prompt", "greet", "--format", "json", "-q"], {
    cwd: dir,
  });
  expect(latency.code).toBe(0);
  const out = JSON.parse(latency.stdout) as Results & {
    trace_scoring: { skipped_criteria: { criterion: string; reason: string }[] };
  };
  expect(out.runs[0]?.criteria.map((c) => c.name)).toEqual(["mentions-hello", "short"]);
  expect(out.trace_scoring.skipped_criteria).toEqual([
    {
      criterion: "fast",
      type: "latency",
      reason: 'needs latency_ms, which 4 of 4 traces lack (first: "t1", line 1)',
    },
  ]);
  const chosen = await cli(["score", "traces.jsonl", "--prompt", "greet", "--criteria", "fast", "-q"], {
    cwd: dir,
  });
  expect(chosen.code).toBe(2);
  expect(chosen.stderr).toContain(
    'traces.jsonl:1: latency_ms: trace "t1" has no latency_ms, which criterion "fast"',
  );
  const unknown = await cli(["score", "traces.jsonl", "--prompt", "gret", "-q"], { cwd: dir });
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown prompt "gret"');
});

test("judges still call their model; the model under test is never called", async () => {
  const llm = await startFakeOpenAI(() => ({ text: '{"score": 5, "reason": "on point"}' }));
  try {
    const prompt = readFileSync("tests/fixtures/spec-summarize-v2.yaml", "utf8").replace(
      "version: 2",
      "version: 1",
    );
    const dir = await makeProject({
      "agentops.yaml": "judge_model: judge-m\nenvironments:\n  production:\n    summarize: 1\n",
      "prompts/summarize/v1.yaml": prompt,
      "prompts/summarize/eval_set.jsonl": '{"id":"a","input":{"text":"x"}}',
      "traces.jsonl": JSON.stringify({
        messages: [{ role: "user", content: "Summarize: the meeting moved" }],
        choices: [{ message: { role: "assistant", content: "- a\n- b\n- c" } }],
      }),
    });
    const r = await cli(
      [
        "score",
        "traces.jsonl",
        "--prompt",
        "summarize",
        "--provider",
        "openai",
        "--base-url",
        llm.url,
        "--no-cache",
        "--format",
        "json",
        "-q",
      ],
      { cwd: dir, env: { OPENAI_API_KEY: "sk-test-score-0123456789" } },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(llm.requests.map((q) => q.body.model)).toEqual(["judge-m"]);
    // The judge saw the logged conversation and answer.
    expect(JSON.stringify(llm.requests[0]?.body.messages)).toContain("the meeting moved");
    expect(JSON.stringify(llm.requests[0]?.body.messages)).toContain("- a\\n- b\\n- c");
  } finally {
    await llm.close();
  }
});

test("the config's budgets apply: max_examples cuts the traces as it cuts an eval set", async () => {
  const dir = await project(
    SIMPLE_PROMPT,
    "budgets: {max_examples: 3}\nenvironments:\n  production:\n    greet: 1\n",
  );
  const r = await cli(["score", "traces.jsonl", "--prompt", "greet", "--format", "json", "-q"], { cwd: dir });
  expect(r.code).toBe(0);
  const run = (JSON.parse(r.stdout) as Results).runs[0];
  expect(run?.examples).toHaveLength(3);
  expect(run?.sampled).toMatchObject({ kept: 3, of: 4 });
});

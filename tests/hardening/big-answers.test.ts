import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { comparePrompt } from "../../src/compare/compare.js";
import { summarize } from "../../src/engine/aggregate.js";
import { MAX_STORED_OUTPUT_BYTES, storedOutput, utf8Prefix } from "../../src/engine/output-cap.js";
import { renderCompareMarkdown } from "../../src/report/compare-report.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from "../helpers/fake-openai.js";
import { runLivePullRequest, type LivePullRequest } from "../helpers/live-pr.js";
import { makeProject } from "../helpers/project.js";
import { compareResults, runOf, twoCriteria } from "../helpers/runs.js";

const KEY = "sk-canary-big-answers-4455";
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
const SET = ["a", "b", "c"].map((id) => JSON.stringify({ id, input: { who: id } })).join("\n");
const MB = 1024 * 1024;

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Example {
  id: string;
  status: string;
  output?: string;
  output_truncated?: boolean;
  output_bytes?: number;
  finish_reason?: string;
  passed?: boolean;
}
interface Results {
  runs: { examples: Example[]; summary: { truncated: number; passed: number } }[];
}

async function evalAgainst(reply: (who: string) => FakeReply) {
  server = await startFakeOpenAI((r) => reply(r.body.messages.at(-1)?.content.slice(-1) ?? ""));
  const root = await makeProject({ "prompts/greet/v1.yaml": PROMPT, "prompts/greet/eval_set.jsonl": SET });
  const run = await cli(["eval", "prompts/greet", "--provider", "openai", "--out", "results.json", "-q"], {
    cwd: root,
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url },
  });
  const path = join(root, "results.json");
  const text = await readFile(path, "utf8");
  return { run, root, bytes: (await stat(path)).size, results: JSON.parse(text) as Results };
}

describe("stored answers are capped, UTF-8 safe", () => {
  test("a short answer is stored as it is", () => {
    expect(storedOutput("hello")).toEqual({ output: "hello" });
  });

  test("a cut never splits a character", () => {
    // "é" is 2 bytes, "😀" 4 (a surrogate pair): every cut position lands inside one sometime.
    for (const unit of ["é", "😀", "a€"])
      for (let max = 1; max < 12; max++) {
        const head = utf8Prefix(unit.repeat(10), max);
        expect(Buffer.byteLength(head)).toBeLessThanOrEqual(max);
        expect(head).not.toContain("\uFFFD");
        expect(unit.repeat(10).startsWith(head)).toBe(true);
        expect(Buffer.byteLength(head)).toBeGreaterThan(max - 4);
      }
  });

  test("a long answer keeps its start, says it was cut and how long it was", () => {
    const text = "é".repeat(MAX_STORED_OUTPUT_BYTES);
    const stored = storedOutput(text);
    expect(stored.output_truncated).toBe(true);
    expect(stored.output_bytes).toBe(2 * MAX_STORED_OUTPUT_BYTES);
    expect(Buffer.byteLength(stored.output)).toBe(MAX_STORED_OUTPUT_BYTES);
  });
});

test("a 50 MB answer: scored whole, the results JSON stays small and says the answer was cut", async () => {
  // The word the criterion looks for comes after the first 50 MB: only a scorer of the whole answer finds it.
  const huge = `${"x".repeat(50 * MB)} hello`;
  const { run, root, bytes, results } = await evalAgainst((who) =>
    who === "a" ? { text: huge } : { text: `hello ${who}` },
  );
  expect(run.code).toBe(0);
  expect(bytes).toBeLessThan(MB);
  const a = results.runs[0]?.examples.find((e) => e.id === "a");
  expect(a).toMatchObject({ status: "ok", output_truncated: true, output_bytes: huge.length, passed: true });
  expect(a?.output?.length).toBe(MAX_STORED_OUTPUT_BYTES);
  expect(results.runs[0]?.summary.passed).toBe(3);
  expect(run.stdout).toContain("1 answer is longer than 64 KB: scored whole, stored shortened");
  // The answer cache stays bounded too: the huge answer is not cached, the small ones are.
  const cached = await readdir(join(root, ".agentops-cache"), { recursive: true });
  const files = cached.filter((f) => f.endsWith(".json"));
  expect(files).toHaveLength(2);
  for (const f of files) expect((await stat(join(root, ".agentops-cache", f))).size).toBeLessThan(MB);
}, 60_000);

test("answers cut at max_tokens are flagged per example, counted and shown, and scored as usual", async () => {
  const { run, results } = await evalAgainst((who) =>
    who === "c" ? { text: `hello ${who}` } : { text: "hel", finishReason: "length" },
  );
  expect(run.code).toBe(0);
  const examples = results.runs[0]?.examples ?? [];
  expect(
    examples
      .filter((e) => e.finish_reason === "length")
      .map((e) => e.id)
      .sort(),
  ).toEqual(["a", "b"]);
  expect(examples.find((e) => e.id === "c")).not.toHaveProperty("finish_reason");
  expect(results.runs[0]?.summary.truncated).toBe(2);
  // Scored as they are: the cut answers lack "hello" and fail.
  expect(results.runs[0]?.summary.passed).toBe(1);
  expect(run.stdout).toContain('2 of the answers were cut at max_tokens (finish_reason "length")');
});

test("the compare report says, per side, how many answers were cut at max_tokens", () => {
  const champion = runOf(1, [
    [true, 0.9],
    [true, 0.9],
    [true, 0.9],
  ]);
  const challenger = runOf(2, [
    [true, 0.9],
    [true, 0.9],
    [true, 0.9],
  ]);
  for (const e of challenger.examples.slice(0, 2)) e.finish_reason = "length";
  challenger.summary = summarize(challenger.examples);
  const comparison = comparePrompt(champion, challenger, twoCriteria());
  const md = renderCompareMarkdown(
    compareResults([{ name: "p", reasons: ["changed"], comparison, champion, challenger }]),
  );
  expect(md).toContain("2 of the challenger's answers were cut at max_tokens");
  expect(md).not.toContain("the champion's answers");
});

describe("the Action, with a model that answers 50 MB once and cuts every answer at max_tokens", () => {
  let pr: LivePullRequest | undefined;
  afterEach(async () => {
    await pr?.close();
    pr = undefined;
  });

  test("the results JSON stays small, the big answer is marked, both sides' cut answers are counted in the report", async () => {
    const huge = "y".repeat(50 * MB);
    let first = true;
    pr = await runLivePullRequest(
      (r) => {
        // summarize's relevance judge gets a verdict; moderation and embeddings are the fake's own.
        if (r.body.messages[0]?.content.startsWith("You are a strict"))
          return { text: '{"score": 5, "reason": "ok"}' };
        const text = first ? huge : `- point ${r.n}`;
        first = false;
        return { text, finishReason: "length" };
      },
      { apiKey: KEY, token: "ghs_bigAnswersToken0123456789", inputs: { "max-examples": "4" } },
    );
    const { run, gh } = pr;
    const resultsPath = run.outputs["results-path"] ?? "";
    expect((await stat(resultsPath)).size).toBeLessThan(2 * MB);
    const results = await readFile(resultsPath, "utf8");
    expect(results).toContain('"output_truncated": true');
    expect(results).toContain(`"output_bytes": ${50 * MB}`);
    expect(results).toContain('"finish_reason": "length"');
    const comment = gh.comments[0]?.body ?? "";
    expect(comment).toContain("4 of the champion's answers were cut at max_tokens");
    expect(comment).toContain("4 of the challenger's answers were cut at max_tokens");
    expect(run.summary).toContain("of the challenger's answers were cut at max_tokens");
    expect(comment.length).toBeLessThan(65_536);
  }, 60_000);
});

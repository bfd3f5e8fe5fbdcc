import { cp, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

async function prompt(root: string, name: string) {
  const file = join(root, "prompts", name, "v1.yaml");
  return parsePromptFile(await readFile(file, "utf8"), file).data;
}

async function examples(root: string, name: string) {
  const file = join(root, "prompts", name, "eval_set.jsonl");
  return parseEvalSet(await readFile(file, "utf8"), file).examples;
}

/** The converted project runs offline and reaches a verdict: 0 (met) or 1 (below a threshold), never a setup error. */
async function evalsToVerdict(root: string): Promise<number> {
  const r = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
  expect(r.stderr).not.toMatch(/^error:/m);
  expect([0, 1]).toContain(r.code);
  return r.code;
}

async function importSamples(file: string, extra: string[] = []) {
  const root = await makeProject({});
  await cp(resolve(import.meta.dirname, "../fixtures/openai-evals"), join(root, "capitals"), {
    recursive: true,
  });
  const r = await cli(["import", "openai-evals", `capitals/${file}`, "--out", ".", ...extra], {
    cwd: root,
  });
  return { root, r };
}

let llm: FakeOpenAI;
beforeAll(async () => {
  llm = await startFakeOpenAI(() => ({ text: "7" }));
});
afterAll(async () => {
  await llm.close();
});

/** Runs the converted project against the fake endpoint and returns the messages of every request, in example order. */
async function sentMessages(root: string) {
  const before = llm.requests.length;
  const r = await cli(["eval", ".", "--provider", "openai", "--base-url", llm.url, "--no-cache", "-q"], {
    cwd: root,
    env: { OPENAI_API_KEY: "sk-test-5e8d2a7c41f9" },
  });
  expect(r.stderr).not.toMatch(/^error:/m);
  return llm.requests
    .slice(before)
    .map((q) => q.body.messages)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const fixtureLines = async (file: string) =>
  (await readFile(resolve(import.meta.dirname, "../fixtures/openai-evals", file), "utf8"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { input: unknown });

describe("agentops import openai-evals", () => {
  test("without a spec: Match (starts with any ideal), the shared system message, conversations as input.messages", async () => {
    const { root, r } = await importSamples("samples.jsonl", ["--name", "arith"]);
    expect(r.code).toBe(0);
    const v1 = await prompt(root, "arith");
    expect(v1).toMatchObject({ system: "Answer with the number only.", template: "{input}" });
    expect(v1.eval_criteria).toMatchObject([{ type: "equals", mode: "starts_with", threshold: 1 }]);
    const set = await examples(root, "arith");
    expect(set.map((e) => [e.id, e.input, e.expected])).toEqual([
      ["1", { input: "What is 12 * 7?" }, "84"],
      ["2", { input: "How many sides has a hexagon? {sides}" }, ["6", "six"]],
      [
        "3",
        {
          input: "and 3+3?",
          messages: [
            { role: "user", content: "2+2?" },
            { role: "assistant", content: "4" },
          ],
        },
        "6",
      ],
      ["4", { input: "What is 100 / 4?" }, "25"],
    ]);
    expect(r.stdout).toMatch(
      /scored as Match: the answer starts with any ideal answer \(evals\/api\.py\); no --spec given, Match assumed/,
    );
    await evalsToVerdict(root);
  });

  test("per-sample system messages and few-shot turns are each example's messages; what cannot be taken is listed", async () => {
    const { root, r } = await importSamples("mixed.jsonl", ["--spec", "capitals/capitals-match.yaml"]);
    expect(r.code).toBe(0);
    const v1 = await prompt(root, "mixed");
    expect(v1.system).toBeUndefined();
    expect(v1.template).toBe("{input}");
    const set = await examples(root, "mixed");
    expect(set.map((e) => e.id)).toEqual(["1", "2", "3", "6"]);
    expect(set[3]?.expected).toBe("2");
    expect(r.stdout).toMatch(/mixed\.jsonl:6: ideal: a number: compared as its decimal text/);
    expect(r.stdout).toMatch(
      /mixed\.jsonl:5: sample: a \{prompt, completion\} line \(the legacy fine-tuning format\): evals' Match, Includes and FuzzyMatch read only \{input, ideal\} samples/,
    );
    expect(set[1]?.input).toEqual({
      input: "Spain?",
      messages: [
        { role: "system", content: "Answer in one word." },
        { role: "system", content: "Example:" },
      ],
    });
    expect(r.stdout).toMatch(/mixed\.jsonl:4: sample: a message whose content is not text/);
    expect(r.stdout).toMatch(/mixed\.jsonl:2: message name/);
    expect(r.stdout).toMatch(/from capitals\.dev\.v0 in capitals\/capitals-match\.yaml/);
    await evalsToVerdict(root);
  });

  test("samples that end with a system message are sent exactly as they are: no template, no added user turn", async () => {
    const { root, r } = await importSamples("pointers.jsonl", ["--name", "pointers"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const v1 = await prompt(root, "pointers");
    expect(v1.system).toBe("Follow the pointers. Reply with the value only.");
    expect(v1.template).toBeUndefined();
    expect(v1.messages).toBeUndefined();
    const set = await examples(root, "pointers");
    expect(set[1]?.input).toEqual({
      messages: [
        { role: "system", content: "x -> 3" },
        { role: "system", content: "y -> x" },
        { role: "system", content: "Where does y point? {y}" },
      ],
    });
    expect(r.stdout).toMatch(/each example's input\.messages is its whole conversation/);
    // What goes over the wire is each sample's input, message for message (the braces are data).
    const samples = await fixtureLines("pointers.jsonl");
    expect(await sentMessages(root)).toEqual(
      samples.map((s) => s.input).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    await evalsToVerdict(root);
  });

  test("a text input is sent as one system message, as evals sends a text prompt to a chat model", async () => {
    const { root, r } = await importSamples("text.jsonl", ["--name", "text"]);
    expect(r.code).toBe(0);
    expect((await prompt(root, "text")).template).toBeUndefined();
    expect((await examples(root, "text"))[0]?.input).toEqual({
      messages: [{ role: "system", content: "Capital of Japan:" }],
    });
    expect(r.stdout).toMatch(/a text input is sent as one system message/);
    expect(await sentMessages(root)).toEqual([
      [{ role: "system", content: "Capital of Japan:" }],
      [{ role: "system", content: "Capital of Kenya:" }],
    ]);
  });

  test("the spec's class decides: Includes (with ignore_case), FuzzyMatch", async () => {
    const includes = await importSamples("mixed.jsonl", ["--spec", "capitals/capitals-includes.yaml"]);
    expect(includes.r.code).toBe(0);
    expect((await prompt(includes.root, "mixed")).eval_criteria).toMatchObject([
      { type: "equals", mode: "includes", ignore_case: true },
    ]);
    const fuzzy = await importSamples("mixed.jsonl", ["--spec", "capitals/capitals-fuzzy.yaml"]);
    expect((await prompt(fuzzy.root, "mixed")).eval_criteria).toMatchObject([{ mode: "fuzzy" }]);
    expect(fuzzy.r.stdout).toMatch(/capitals\.dev\.v0\.args: max_tokens: no agentops equivalent/);
  });

  test("model-graded: fact is the correctness judge against the ideal, the difference stated; other grading specs are refused", async () => {
    const graded = await importSamples("mixed.jsonl", ["--spec", "capitals/capitals-graded.yaml"]);
    expect(graded.r.code).toBe(0);
    expect((await prompt(graded.root, "mixed")).eval_criteria).toMatchObject([
      { name: "fact", type: "llm_judge", preset: "correctness", min_score: 0.5, threshold: 0.75 },
    ]);
    expect(graded.r.stdout).toMatch(/scored as ModelBasedClassify with modelgraded_spec fact/);
    expect(graded.r.stdout).toMatch(/evals sorts answers into its five choices and sets no pass mark/);
    expect(graded.r.stdout).toMatch(/eval_type: cot_classify/);
    await evalsToVerdict(graded.root);
    const closedqa = await importSamples("mixed.jsonl", ["--spec", "capitals/capitals-closedqa.yaml"]);
    expect(closedqa.r.code).toBe(2);
    expect(closedqa.r.stderr).toMatch(
      /capitals-closedqa\.yaml: capitals\.dev\.v0\.args\.modelgraded_spec: the eval capitals\.dev\.v0 is model-graded \(ModelBasedClassify\) with modelgraded_spec "closedqa", whose grading prompt and choices no agentops judge preset carries/,
    );
  });

  test("legacy {prompt, completion} lines and a registry spec named .jsonl are refused with the reason", async () => {
    const legacy = await importSamples("legacy.jsonl");
    expect(legacy.r.code).toBe(2);
    expect(legacy.r.stderr).toMatch(
      /no sample could be imported[\s\S]*legacy fine-tuning format[\s\S]*evals never ran these; rewrite them as \{input, ideal\}/,
    );
    expect(legacy.r.stderr).toMatch(/a line without input \(its keys: question, answerKey\)/);
    // A graded answer set ({prompt, sample, answer}) is no legacy sample: its keys are named instead.
    expect(legacy.r.stderr).toMatch(/a line without input \(its keys: prompt, sample, answer\)/);
    const yaml = await importSamples("spec-as-samples.jsonl");
    expect(yaml.r.code).toBe(2);
    expect(yaml.r.stderr).toMatch(
      /spec-as-samples\.jsonl:1: this is YAML \(an evals registry spec, by its look\), not samples/,
    );
  });
});

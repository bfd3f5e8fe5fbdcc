import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

const PROMPT = `name: triage
version: 1
model: test-model
template: "Classify: {text}"
eval_criteria:
  - name: known-label
    type: one_of
    labels: [billing, bug, other]
  - name: helpful
    type: llm_judge
    rubric: "The label fits the message."
`;
const WITH_EXPECTED = PROMPT + "  - name: right-label\n    type: equals\n";

const TRACES = [
  {
    id: "p1",
    input: { text: "I was charged twice" },
    output: "billing",
    tags: ["web"],
    feedback: { thumbs: "up" },
  },
  // The judge passes it, the person does not: disagreement, and flagged.
  {
    id: "p2",
    input: { text: "app crashes" },
    output: "billing",
    tags: ["app"],
    feedback: { thumbs: "down", comment: "a bug" },
  },
  { id: "p3", input: { text: "hello" }, output: "other", tags: ["web"], feedback: { rating: 5 } },
  // Fails known-label, flagged by a low rating; the judge agrees with the person.
  { id: "p4", input: { text: "refund?" }, output: "banana", tags: ["web"], feedback: { rating: 2 } },
  { id: "p5", input: { text: "crash on login" }, output: "bug", tags: ["app"] },
  // p2 again after normalizing case and spacing.
  {
    id: "p6",
    input: { text: "  App   CRASHES " },
    output: "billing",
    tags: ["app"],
    feedback: { thumbs: "down" },
  },
  // Fails, but the eval set already has this input.
  { id: "p7", input: { text: "x" }, output: "banana" },
  // Fails; the same letters as p2 ("app crashes"): a near-duplicate only by embedding.
  { id: "p8", input: { text: "crashes app" }, output: "banana", tags: ["app"] },
];

let llm: FakeOpenAI;
beforeAll(async () => {
  llm = await startFakeOpenAI((r) => {
    if (r.body.messages[0]?.content !== JUDGE_SYSTEM) return { text: "never the model under test" };
    return {
      text: JSON.stringify(r.body.messages).includes("banana")
        ? '{"score": 1, "reason": "no"}'
        : '{"score": 5, "reason": "ok"}',
    };
  });
});
afterAll(() => llm.close());

const env = { OPENAI_API_KEY: "sk-test-curate-0123456789" };
const live = () => ["--provider", "openai", "--base-url", llm.url, "--no-cache", "-q"];

async function scored(prompt = PROMPT, config = "") {
  const dir = await makeProject({
    "agentops.yaml": `judge_model: judge-m\n${config}environments:\n  production:\n    triage: 1\n`,
    "prompts/triage/v1.yaml": prompt,
    "prompts/triage/eval_set.jsonl": '{"id":"a","input":{"text":"x"},"expected":"bug"}\n',
    "traces.jsonl": TRACES.map((t) => JSON.stringify(t)).join("\n"),
  });
  const s = await cli(["score", "traces.jsonl", "--prompt", "triage", "--out", "score.json", ...live()], {
    cwd: dir,
    env,
  });
  expect(s.stderr).toBe("");
  return dir;
}

interface Proposed {
  id: string;
  input: { text: string };
  expected?: unknown;
  reference_output: string;
  tags: string[];
  metadata: { curated_from: { trace: string; file: string; line: number; why: string[]; comment?: string } };
}
const readJsonl = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Proposed);

test("curate proposes the failing, flagged and disputed traces, duplicates removed, stratified by tag, with reference_output and no expected", async () => {
  const dir = await scored();
  const r = await cli(["curate", "score.json", "--prompt", "triage"], { cwd: dir, env });
  expect(r.code).toBe(0);
  const out = readJsonl(join(dir, "curated-triage.jsonl"));
  // Disputed first (app), then the strata take turns: web's p4, then app's p8.
  expect(out.map((p) => p.metadata.curated_from.trace)).toEqual(["p2", "p4", "p8"]);
  const [p2] = out;
  expect(p2).toMatchObject({
    input: { text: "app crashes" },
    reference_output: "billing",
    tags: ["app", "from-production"],
    metadata: {
      curated_from: {
        trace: "p2",
        file: "traces.jsonl",
        line: 2,
        comment: "a bug",
        why: ["judge helpful said pass, the person fail", "flagged by a person (thumbs down)"],
      },
    },
  });
  expect(out.every((p) => p.expected === undefined && /^prod-[0-9a-f]{10}$/.test(p.id))).toBe(true);
  expect(out[1]?.metadata.curated_from.why).toEqual([
    "flagged by a person (rating 2)",
    "failed known-label, helpful",
  ]);
  expect(r.stderr).toContain("dropped p6 (line 6): same input as a kept trace p2");
  expect(r.stderr).toContain("dropped p7 (line 7): same input as an eval example a");
  expect(r.stderr).toContain("by tag: app 2, web 1");
  // --max keeps the strata's turns.
  const two = await cli(["curate", "score.json", "--prompt", "triage", "--max", "2", "--out", "two.jsonl"], {
    cwd: dir,
    env,
  });
  expect(two.code).toBe(0);
  expect(readJsonl(join(dir, "two.jsonl")).map((p) => p.metadata.curated_from.trace)).toEqual(["p2", "p4"]);
  // A file someone may be reviewing is never overwritten.
  const again = await cli(["curate", "score.json", "--prompt", "triage"], { cwd: dir, env });
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("curated-triage.jsonl: already exists");
});

test("with an embedding model configured, inputs that embed alike are near-duplicates too", async () => {
  const dir = await scored(PROMPT, "embedding_model: embed-m\n");
  const r = await cli(
    [
      "curate",
      "score.json",
      "--prompt",
      "triage",
      "--provider",
      "openai",
      "--base-url",
      llm.url,
      "--no-cache",
    ],
    { cwd: dir, env },
  );
  expect(r.code).toBe(0);
  expect(readJsonl(join(dir, "curated-triage.jsonl")).map((p) => p.metadata.curated_from.trace)).toEqual([
    "p2",
    "p4",
  ]);
  expect(r.stderr).toContain("dropped p8 (line 8): embedding near a kept trace p2 (cosine 1.000)");
  expect(llm.requests.some((q) => q.path.endsWith("/embeddings"))).toBe(true);
});

test("--write appends to the eval set, which then loads; an id clash and examples the set cannot use are refused", async () => {
  const dir = await scored();
  const setFile = join(dir, "prompts/triage/eval_set.jsonl");
  const w = await cli(["curate", "score.json", "--prompt", "triage", "--write"], { cwd: dir, env });
  expect(w.code).toBe(0);
  expect(w.stderr).toContain("appended to prompts/triage/eval_set.jsonl");
  const lines = readFileSync(setFile, "utf8").split("\n").filter(Boolean);
  expect(lines).toHaveLength(4);
  // The eval set still loads and runs with the four examples.
  const run = await cli(["eval", "prompts/triage", "--provider", "mock", "--format", "json", "-q"], {
    cwd: dir,
  });
  expect(run.stderr).not.toContain("error:");
  expect((JSON.parse(run.stdout) as { runs: { examples: unknown[] }[] }).runs[0]?.examples).toHaveLength(4);
  // A person corrected an appended input; the trace now proposes the same id again: refused.
  const edited = lines.map((l, i) => (i === 1 ? l.replace('"app crashes"', '"the app crashes"') : l));
  writeFileSync(setFile, edited.join("\n") + "\n");
  const clash = await cli(["curate", "score.json", "--prompt", "triage", "--write"], { cwd: dir, env });
  expect(clash.code).toBe(2);
  expect(clash.stderr).toMatch(
    /eval_set\.jsonl: id: proposed id "prod-[0-9a-f]{10}" is already in the eval set/,
  );
  expect(readFileSync(setFile, "utf8")).toBe(edited.join("\n") + "\n");

  const needs = await scored(WITH_EXPECTED);
  const refused = await cli(["curate", "score.json", "--prompt", "triage", "--write"], { cwd: needs, env });
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("--write would add examples prompts/triage/eval_set.jsonl cannot use");
  // The error names the line the first proposal would have had: the eval set holds one line.
  expect(refused.stderr).toMatch(
    /eval_set\.jsonl:2: expected: .*has no "expected", which criterion "right-label" \(equals\)/,
  );
  expect(
    readFileSync(join(needs, "prompts/triage/eval_set.jsonl"), "utf8").split("\n").filter(Boolean),
  ).toHaveLength(1);
});

import { expect, test } from "vitest";
import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

/** A classifier with one criterion that needs `expected` (which production never has) and a judge. */
const PROMPT = `name: triage
version: 1
model: test-model
template: "Classify: {text}"
eval_criteria:
  - name: right-label
    type: equals
  - name: known-label
    type: one_of
    labels: [billing, bug, other]
    threshold: 0.5
  - name: helpful
    type: llm_judge
    rubric: "The label fits the message."
`;

const traces = [
  { id: "p1", input: { text: "I was charged twice" }, output: "billing", feedback: { thumbs: "up" } },
  {
    id: "p2",
    input: { text: "app crashes" },
    output: "billing",
    feedback: { thumbs: "down", comment: "a bug | not *billing*" },
  },
  { id: "p3", input: { text: "hello" }, output: "other", feedback: { rating: 5 } },
  { id: "p4", input: { text: "refund?" }, output: "banana", feedback: { rating: 2 } },
  { id: "p5", input: { text: "crash on login" }, output: "bug" },
];
const TRACES = traces.map((t) => JSON.stringify(t)).join("\n");

interface Out {
  runs: { criteria: { name: string; pass_rate: number }[] }[];
  trace_scoring: {
    traces: number;
    with_feedback: number;
    skipped_criteria: { criterion: string; type: string; reason: string }[];
    feedback_agreement: {
      criterion: string;
      n: number;
      agreement: number;
      kappa: number | null;
      disagreements: { id: string; line: number; judge: { passed: boolean }; human: { passed: boolean } }[];
    }[];
  };
}

const project = (traceLines = TRACES) =>
  makeProject({
    "agentops.yaml": "judge_model: judge-m\nenvironments:\n  production:\n    triage: 1\n",
    "prompts/triage/v1.yaml": PROMPT,
    "prompts/triage/eval_set.jsonl": '{"id":"a","input":{"text":"x"},"expected":"bug"}',
    "traces.jsonl": traceLines,
  });

/** The judge passes every answer but "banana"... and also passes p2's wrong "billing" (the human disagrees). */
async function judge() {
  return startFakeOpenAI((r) => {
    if (r.body.messages[0]?.content !== JUDGE_SYSTEM) return { text: "never the model under test" };
    const said = JSON.stringify(r.body.messages);
    return {
      text: said.includes("banana") ? '{"score": 1, "reason": "no"}' : '{"score": 5, "reason": "ok"}',
    };
  });
}

const run = (dir: string, url: string, extra: string[] = []) =>
  cli(
    [
      "score",
      "traces.jsonl",
      "--prompt",
      "triage",
      "--provider",
      "openai",
      "--base-url",
      url,
      "--no-cache",
      "-q",
      ...extra,
    ],
    { cwd: dir, env: { OPENAI_API_KEY: "sk-test-prod-0123456789" } },
  );

test("production traces without expected: the other criteria run, the skipped one is named, the judge is held against the feedback", async () => {
  const llm = await judge();
  try {
    const dir = await project();
    const json = await run(dir, llm.url, ["--format", "json"]);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as Out;
    expect(out.runs[0]?.criteria.map((c) => c.name)).toEqual(["known-label", "helpful"]);
    expect(out.runs[0]?.criteria.find((c) => c.name === "known-label")?.pass_rate).toBe(0.8);
    expect(out.trace_scoring.skipped_criteria).toEqual([
      {
        criterion: "right-label",
        type: "equals",
        reason: 'needs expected, which 5 of 5 traces lack (first: "p1", line 1)',
      },
    ]);
    expect(out.trace_scoring.with_feedback).toBe(4);
    const [agreement] = out.trace_scoring.feedback_agreement;
    // Judge: p1 pass, p2 pass, p3 pass, p4 fail. Human: up, down, 5, 2 → pass, fail, pass, fail.
    expect(agreement).toMatchObject({ criterion: "helpful", n: 4, agreement: 0.75 });
    // κ = (0.75 − (¾·½ + ¼·½)) / (1 − ½) = 0.5
    expect(agreement?.kappa).toBeCloseTo(0.5, 12);
    expect(agreement?.disagreements.map((d) => [d.id, d.line, d.judge.passed, d.human.passed])).toEqual([
      ["p2", 2, true, false],
    ]);
    const text = await run(dir, llm.url);
    expect(text.stdout).toContain(
      'skipped right-label (equals): needs expected, which 5 of 5 traces lack (first: "p1", line 1)',
    );
    expect(text.stdout).toContain(
      "helpful: the judge agrees with the human feedback on 75.0% of 4 traces (Cohen's κ 0.50)",
    );
    expect(text.stdout).toContain(
      'p2 (line 2): judge pass (score 1.00), human fail (👎 thumbs down) — "a bug | not *billing*"',
    );
    const md = await run(dir, llm.url, ["--format", "markdown"]);
    expect(md.stdout).toContain("### Criteria not run on these traces");
    expect(md.stdout).toContain("### Judges against the human feedback");
    // A person's comment is production text: it cannot break the table or add markup.
    expect(md.stdout).toMatch(
      /\| p2 +\| pass \(1\.00\) \| fail \(👎 thumbs down\) \| a bug \\\| not \\\*billing\\\* +\|/,
    );
  } finally {
    await llm.close();
  }
});

test("--criteria chooses; a chosen criterion that needs expected, or an unknown name, is an error naming file, line and field", async () => {
  const llm = await judge();
  try {
    const dir = await project();
    const only = await run(dir, llm.url, ["--criteria", "known-label", "--format", "json"]);
    expect(only.code).toBe(0);
    const out = JSON.parse(only.stdout) as Out;
    expect(out.runs[0]?.criteria.map((c) => c.name)).toEqual(["known-label"]);
    expect(out.trace_scoring.skipped_criteria.map((s) => [s.criterion, s.reason])).toEqual([
      ["right-label", "not chosen by --criteria"],
      ["helpful", "not chosen by --criteria"],
    ]);
    // Rule criteria only: no model was called at all.
    expect(llm.requests).toHaveLength(0);
    const needs = await run(dir, llm.url, ["--criteria", "right-label"]);
    expect(needs.code).toBe(2);
    expect(needs.stderr).toContain(
      'traces.jsonl:1: expected: trace "p1" has no expected, which criterion "right-label" (equals)',
    );
    const unknown = await run(dir, llm.url, ["--criteria", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--criteria names "nope"');
    expect(unknown.stderr).toContain("right-label, known-label, helpful");
  } finally {
    await llm.close();
  }
});

test("bad feedback is an error naming the file, line and field", async () => {
  const cases: [unknown, string][] = [
    [{ thumbs: "sideways" }, "traces.jsonl:2: feedback.thumbs"],
    [{ rating: 7 }, "traces.jsonl:2: feedback.rating"],
    [{ rating: 4.5 }, "traces.jsonl:2: feedback.rating"],
    [{}, "traces.jsonl:2: feedback"],
    [{ thumbs: "up", stars: 3 }, "traces.jsonl:2: feedback.stars"],
  ];
  for (const [feedback, where] of cases) {
    const dir = await project(
      [traces[0], { id: "x", input: { text: "t" }, output: "bug", feedback }]
        .map((t) => JSON.stringify(t))
        .join("\n"),
    );
    const r = await cli(["score", "traces.jsonl", "--prompt", "triage", "--criteria", "known-label", "-q"], {
      cwd: dir,
    });
    expect(r.code, JSON.stringify(feedback)).toBe(2);
    expect(r.stderr).toContain(where);
  }
});

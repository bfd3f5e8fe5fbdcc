/**
 * The specification's own example prompt file, byte for byte, with a one-line
 * config beside it: it loads, and runs offline (mock) and against a fake
 * OpenAI-compatible endpoint. Plus the built-in judge rubrics it relies on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile, checkEvalSetFitsPrompt } from "../../src/config/load.js";
import { JUDGE_PRESETS, type Criterion } from "../../src/config/schema.js";
import { JUDGE_PRESET_RUBRICS } from "../../src/engine/judge-presets.js";
import { buildJudgeRequest } from "../../src/engine/judge.js";
import { scoreFormatCheck } from "../../src/engine/scorers/format-check.js";
import { isUserError } from "../../src/errors.js";
import { cli } from "../helpers/cli.js";
import { ctx } from "../helpers/score-context.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { useTempRepos } from "../helpers/git-repo.js";

/** The specification's example prompt file, byte for byte. */
const SPEC = readFileSync("tests/fixtures/spec-summarize-v2.yaml", "utf8");
const SET =
  [
    '{"id": "a", "input": {"text": "The meeting moved to Tuesday."}}',
    '{"id": "b", "input": {"text": "Sales rose 4%."}}',
  ].join("\n") + "\n";

const { make } = useTempRepos();

function project() {
  const repo = make();
  repo.write({
    "prompts/config.yaml": "environments: { production: { summarize: 2 } }\n",
    "prompts/summarize/v2.yaml": SPEC,
    "prompts/summarize/eval_set.jsonl": SET,
  });
  return repo;
}

function loadError(text: string): string {
  try {
    parsePromptFile(text, "v1.yaml");
  } catch (e) {
    if (isUserError(e)) return e.format();
    throw e;
  }
  return "";
}

describe("the specification's prompt file", () => {
  test("loads as written", () => {
    const p = parsePromptFile(SPEC, "v2.yaml");
    expect(p.data.eval_criteria.map((c) => c.type)).toEqual(["format_check", "llm_judge"]);
  });

  test("runs with --provider mock: judged by the prompt's own model, which the report warns about", async () => {
    const repo = project();
    const r = await cli(["eval", repo.dir + "/prompts", "--provider", "mock", "--format", "json", "-q"]);
    expect([0, 1]).toContain(r.code);
    const results = JSON.parse(r.stdout) as {
      runs: { summary: { ok: number; errors: number }; judges: unknown[] }[];
    };
    expect(results.runs[0]?.summary).toMatchObject({ ok: 2, errors: 0 });
    expect(results.runs[0]?.judges).toEqual([
      { criterion: "relevance", model: "claude-sonnet-4", preset: "relevance", self: true },
    ]);
    const text = await cli(["eval", repo.dir + "/prompts", "--provider", "mock", "-q"]);
    expect(text.stdout).toContain("relevance is judged by claude-sonnet-4, the model under test");
  });

  test("runs against an OpenAI-compatible endpoint: exactly 3 bullets pass, the relevance rubric is sent", async () => {
    const llm = await startFakeOpenAI((r) => {
      const judge = r.body.messages[0]?.content.startsWith("You are a strict");
      return { text: judge ? '{"score": 5, "reason": "on point"}' : "- one\n- two\n- three" };
    });
    try {
      const repo = project();
      const r = await cli(
        [
          "eval",
          repo.dir + "/prompts",
          "--provider",
          "openai",
          "--base-url",
          llm.url,
          "--format",
          "json",
          "-q",
        ],
        { env: { OPENAI_API_KEY: "sk-test-spec-0123456789" } },
      );
      expect(r.code).toBe(0);
      const results = JSON.parse(r.stdout) as {
        runs: { criteria: { name: string; pass_rate: number; mean_score: number }[] }[];
      };
      expect(results.runs[0]?.criteria.map((c) => [c.name, c.pass_rate])).toEqual([
        ["bullet_count", 1],
        ["relevance", 1],
      ]);
      const judgeCall = llm.requests.find((q) => q.body.messages[0]?.content.startsWith("You are a strict"));
      expect(judgeCall?.body.model).toBe("claude-sonnet-4");
      expect(judgeCall?.body.messages.at(-1)?.content).toContain(JUDGE_PRESET_RUBRICS.relevance);
    } finally {
      await llm.close();
    }
  });
});

describe("format_check expected: N", () => {
  test("means exactly N bullet points", () => {
    const fc: Extract<Criterion, { type: "format_check" }> = { name: "b", type: "format_check", expected: 3 };
    expect(scoreFormatCheck(fc, ctx("- a\n- b\n- c")).passed).toBe(true);
    expect(scoreFormatCheck(fc, ctx("- a\n- b")).detail).toBe("2 bullets, expected exactly 3");
    expect(scoreFormatCheck(fc, ctx("- a\n- b\n- c\n- d")).passed).toBe(false);
  });

  test("a format_check that checks nothing is a schema error", () => {
    const text =
      "name: s\nversion: 1\nmodel: m\ntemplate: x\neval_criteria:\n  - name: f\n    type: format_check\n";
    expect(loadError(text)).toMatch(/v1\.yaml:6: eval_criteria\[0\]: format_check checks nothing/);
  });
});

describe("built-in judge rubrics", () => {
  const judgeFile = (criterion: string) =>
    `name: s\nversion: 1\nmodel: m\ntemplate: "{q}"\neval_criteria:\n  - name: ${criterion}\n    type: llm_judge\n`;

  test("docs/judges.md shows every preset's rubric word for word", () => {
    const docs = readFileSync("docs/judges.md", "utf8").replace(/\s+/g, " ");
    for (const p of JUDGE_PRESETS) expect(docs).toContain(JUDGE_PRESET_RUBRICS[p]);
  });

  test("no rubric and no preset name is an error listing the presets", () => {
    expect(loadError(judgeFile("tone"))).toContain(
      "no rubric: give rubric, rubric_file or preset (one of relevance, correctness, faithfulness, safety, helpfulness, conciseness)",
    );
    expect(loadError(judgeFile("tone\n    rubric: be kind\n    preset: safety"))).toContain("not several");
  });

  test("preset: picks a rubric whatever the name; faithfulness sends the context field", () => {
    const p = parsePromptFile(judgeFile("grounded\n    preset: faithfulness\n    context: doc"), "v1.yaml");
    const c = p.data.eval_criteria[0];
    if (c?.type !== "llm_judge") throw new Error("expected a judge");
    const req = buildJudgeRequest(c, "j", {
      input: { q: "what?", doc: "The sky is green." },
      output: "green",
    });
    const last = req.messages.at(-1)?.content ?? "";
    expect(last).toContain(JUDGE_PRESET_RUBRICS.faithfulness);
    expect(last).toContain("<CONTEXT>\nThe sky is green.\n</CONTEXT>");
    expect(loadError(judgeFile("grounded\n    preset: faithfulness"))).toContain("needs context");
  });

  test("correctness needs expected, faithfulness needs its context field, before any call", () => {
    const set = parseEvalSet('{"id": "a", "input": {"q": "x"}}\n', "e.jsonl");
    expect(() => checkEvalSetFitsPrompt(parsePromptFile(judgeFile("correctness"), "v1.yaml"), set)).toThrow(
      /has no "expected"/,
    );
    expect(() =>
      checkEvalSetFitsPrompt(
        parsePromptFile(judgeFile("g\n    preset: faithfulness\n    context: doc"), "v1.yaml"),
        set,
      ),
    ).toThrow(/has no input "doc"/);
  });
});

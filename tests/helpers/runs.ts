import { overallVerdict } from "../../src/compare/compare.js";
import { parsePromptFile } from "../../src/config/load.js";
import type { ComparedPrompt, CompareResults } from "../../src/pipeline/compare-run.js";
import { aggregateCriteria, summarize } from "../../src/engine/aggregate.js";
import type { PromptRun } from "../../src/engine/evaluate.js";
import type { ExampleResult } from "../../src/engine/runner.js";

/** A prompt with one pass/fail criterion ("ok", threshold optional) and one graded one ("sim"). */
export function twoCriteria(threshold?: number) {
  return parsePromptFile(
    `name: p
version: 2
model: m
template: "{x}"
eval_criteria:
  - name: ok
    type: contains
    value: "yes"
${threshold !== undefined ? `    threshold: ${threshold}\n` : ""}  - name: sim
    type: similarity
`,
    "v2.yaml",
  ).data.eval_criteria;
}

/** Builds a run from per-example (ok passed, sim score) pairs; null = an errored example. */
export function runOf(version: number, rows: readonly ([boolean, number] | null)[]): PromptRun {
  const criteria = twoCriteria();
  const examples = rows.map((row, i): ExampleResult =>
    row === null
      ? {
          id: `e${i}`,
          repeat: 0,
          status: "error",
          error: { kind: "server_error", message: "500" },
          criteria: {},
        }
      : {
          id: `e${i}`,
          repeat: 0,
          status: "ok",
          output: `out ${version} ${i}`,
          latency_ms: 100,
          usage: { prompt_tokens: 10, completion_tokens: 5 },
          cached: false,
          criteria: {
            ok: { score: row[0] ? 1 : 0, passed: row[0] },
            sim: { score: row[1], passed: row[1] >= 0.5 },
          },
          passed: row[0] && row[1] >= 0.5,
          score: (Number(row[0]) + row[1]) / 2,
        },
  );
  return promptRunOf(version, examples, criteria);
}

/** A run of prompt "p" over these example results, scored on `criteria`; fields not given get fixed test values. */
export function promptRunOf(
  version: number,
  examples: ExampleResult[],
  criteria: Parameters<typeof aggregateCriteria>[0],
): PromptRun {
  return {
    prompt: "p",
    version,
    file: `v${version}.yaml`,
    eval_set: "eval_set.jsonl",
    model: "m",
    reason: "test",
    repeats: 1,
    summary: summarize(examples),
    criteria: aggregateCriteria(criteria, examples),
    examples,
  };
}

/** A compare results document around `prompts`; fields not given get fixed test values. */
export function compareResults(
  prompts: ComparedPrompt[],
  overrides: Partial<CompareResults> = {},
): CompareResults {
  return {
    schema_version: 1,
    kind: "compare",
    tool: { name: "agentops", version: "0.0.0-test" },
    provider: "mock",
    base: "main",
    head: "HEAD",
    merge_base: "0".repeat(40),
    verdict: overallVerdict(prompts.map((p) => p.comparison)),
    started_at: "2026-01-01T00:00:00.000Z",
    finished_at: "2026-01-01T00:00:01.000Z",
    complete: true,
    prompts,
    not_evaluated: [],
    ignored: [],
    gate_changes: [],
    ignored_inputs: [],
    ...overrides,
  };
}

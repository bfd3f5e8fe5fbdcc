import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildHistory, historyChart } from "../../src/lifecycle/results-history.js";
import type { EvalResults } from "../../src/report/results.js";
import { cli } from "../helpers/cli.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

const TRACES = [
  { id: "t1", input: { who: "Ana" }, output: "Hello Ana!" },
  { id: "t2", input: { who: "Bo" }, output: "Hi Bo." },
]
  .map((t) => JSON.stringify(t))
  .join("\n");

const day = (d: number) => () => Date.UTC(2026, 11, d, 3, 17);

interface HistoryJson {
  series: {
    prompt: string;
    source: string;
    criteria: string[];
    runs: {
      finished_at: string;
      version: number;
      file: string;
      criteria: Record<string, { mean_score: number }>;
    }[];
  }[];
  skipped: string[];
}

test("history: a folder of eval and score results becomes a table per prompt and source, oldest first, with a chart past two runs", async () => {
  const dir = await makeProject({
    "agentops.yaml": "environments:\n  production:\n    greet: 1\n",
    "prompts/greet/v1.yaml": SIMPLE_PROMPT,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    "traces.jsonl": TRACES,
  });
  mkdirSync(join(dir, "results/nightly-3"), { recursive: true });
  // Written newest first, in file-name order the reverse of time: history sorts by finished_at.
  for (const [file, d] of [
    ["results/a.json", 3],
    ["results/b.json", 2],
    ["results/nightly-3/c.json", 1],
  ] as const) {
    const r = await cli(["eval", "prompts", "--provider", "mock", "--out", file, "-q"], {
      cwd: dir,
      now: day(d),
    });
    expect(r.code, r.stderr).toBeLessThan(2);
  }
  // Production traces are another series: their figures do not continue the eval set's.
  const s = await cli(["score", "traces.jsonl", "--prompt", "greet", "--out", "results/score.json", "-q"], {
    cwd: dir,
    now: day(4),
  });
  expect(s.code, s.stderr).toBe(0);
  writeFileSync(join(dir, "results/drift.json"), JSON.stringify({ prompt: "greet", criteria: [] }));

  const json = await cli(["history", "results", "--format", "json"], { cwd: dir });
  expect(json.stderr).toBe("");
  expect(json.code).toBe(0);
  const h = JSON.parse(json.stdout) as HistoryJson;
  expect(h.skipped).toEqual(["results/drift.json"]);
  expect(h.series.map((x) => [x.prompt, x.source, x.runs.length])).toEqual([
    ["greet", "eval set", 3],
    ["greet", "production traces", 1],
  ]);
  const evalRuns = h.series[0]?.runs ?? [];
  expect(evalRuns.map((r) => [r.finished_at.slice(0, 10), r.file])).toEqual([
    ["2026-12-01", "results/nightly-3/c.json"],
    ["2026-12-02", "results/b.json"],
    ["2026-12-03", "results/a.json"],
  ]);
  expect(h.series[1]?.runs[0]?.criteria["mentions-hello"]?.mean_score).toBe(0.5);

  const md = await cli(["history", "results", "--out", "history.md"], { cwd: dir });
  expect(md.code).toBe(0);
  expect(readFileSync(join(dir, "history.md"), "utf8")).toBe(md.stdout);
  expect(md.stdout).toContain("### greet — eval set");
  expect(md.stdout).toContain("### greet — production traces");
  expect(md.stdout).toMatch(/\| 2026-12-01 03:17 \| v1 +\|/);
  // Three eval runs: a chart per criterion; one production run: none.
  expect(md.stdout.match(/```mermaid/g)).toHaveLength(2);
  expect(md.stdout).toContain('title "greet - mentions-hello (eval set)"');
  expect(md.stdout).toContain('x-axis ["v1 12-01 03:17", "v1 12-02 03:17", "v1 12-03 03:17"]');
  expect(md.stdout).toContain("Passed over (not results of eval or score): results/drift.json");

  // --last keeps the newest runs.
  const last = await cli(["history", "results", "--last", "2", "--format", "json"], { cwd: dir });
  expect((JSON.parse(last.stdout) as HistoryJson).series[0]?.runs.map((r) => r.file)).toEqual([
    "results/b.json",
    "results/a.json",
  ]);
});

test("history: a named file that is not results, or a folder without any, is an error", async () => {
  const dir = await makeProject({ "drift.json": "{}", "empty/x.txt": "" });
  const bad = await cli(["history", "drift.json"], { cwd: dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("drift.json: kind: is not a results JSON of eval or score");
  const none = await cli(["history", "empty"], { cwd: dir });
  expect(none.code).toBe(2);
  expect(none.stderr).toContain("no results of eval or score in empty");
});

test("runs in the same minute stay separate points of the chart", () => {
  const run = (file: string, mean: number) => ({
    file,
    results: {
      kind: "eval",
      provider: "mock",
      finished_at: "2026-12-05T06:21:30.000Z",
      runs: [{ prompt: "p", version: 2, criteria: [{ name: "c", mean_score: mean, pass_rate: mean, n: 3 }] }],
    } as unknown as EvalResults,
  });
  const h = buildHistory([run("a.json", 0.5), run("b.json", 0.75), run("c.json", 1)]);
  const chart = historyChart(h.series[0] ?? { prompt: "", source: "eval set", criteria: [], runs: [] }, "c");
  expect(chart).toContain('  x-axis ["v2 12-05 06:21", "v2 12-05 06:21 (2)", "v2 12-05 06:21 (3)"]');
  expect(chart).toContain("  line [50.0, 75.0, 100.0]");
});

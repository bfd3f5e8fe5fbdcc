/**
 * Issue 21, consistency: with repeats, `eval` and `compare` report pass^k (the
 * share of examples that pass in every repeat) beside the mean pass rate, and
 * the pass rate's interval is over examples. A fake endpoint on 127.0.0.1
 * answers one example differently on each call, as a sampling model does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EvalResults } from "../../src/report/results.js";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";

const prompt = (version: number): string =>
  `name: p\nversion: ${version}\nmodel: gpt-4o-mini\nrepeats: 3\nsystem: "Answer. (v${version})"\ntemplate: "{q}"\neval_criteria:\n  - name: says_yes\n    type: contains\n    value: "yes"\n`;
const examples = ["always", "also always", "flaky", "never"]
  .map((q, i) => JSON.stringify({ id: `e${i + 1}`, input: { q } }))
  .join("\n");

let llm: FakeOpenAI;
let repo: TempRepo;
beforeAll(async () => {
  const seen = new Map<string, number>();
  llm = await startFakeOpenAI((r) => {
    const text = r.body.messages.map((m) => m.content).join("\n");
    const n = seen.get(text) ?? 0;
    seen.set(text, n + 1);
    const q = r.body.messages.at(-1)?.content ?? "";
    // "flaky" passes on the 1st and 3rd call of v1 (2 of 3 repeats), and on every call of v2.
    const pass =
      q.includes("always") || (q === "flaky" && (text.includes("(v2)") || n % 2 === 0)) ? "yes" : "no";
    return { text: pass };
  });
  repo = new TempRepo();
  repo.commit("base", {
    "prompts/config.yaml": "environments:\n  production:\n    p: 1\nthresholds: { max_sampling_rounds: 1 }\n",
    "prompts/p/v1.yaml": prompt(1),
    "prompts/p/eval_set.jsonl": examples + "\n",
  });
  repo.branch("feature");
  repo.commit("v2", {
    "prompts/p/v2.yaml": prompt(2),
    "prompts/config.yaml": "environments:\n  production:\n    p: 2\nthresholds: { max_sampling_rounds: 1 }\n",
  });
});
afterAll(async () => {
  repo.remove();
  await llm.close();
});

const live = (): string[] => ["--provider", "openai", "--base-url", llm.url, "--no-cache", "-q"];
// Random-looking: the scrubber masks any long enough piece of the key, so a key spelling "consistency" would mask the report's word.
const env = { OPENAI_API_KEY: "sk-test-7f3a9c2e1b5d" };

describe("consistency with repeats", () => {
  test("eval reports pass^3 beside the mean pass rate, in the results JSON and the report", async () => {
    const r = await cli(
      ["eval", "prompts/p/v1.yaml", ...live(), "--out", "eval.json", "--format", "markdown"],
      { cwd: repo.dir, env },
    );
    const results = JSON.parse(readFileSync(join(repo.dir, "eval.json"), "utf8")) as EvalResults;
    const c = results.runs[0]?.criteria[0];
    expect(c?.pass_rate).toBeCloseTo((1 + 1 + 2 / 3 + 0) / 4, 12);
    expect(c?.pass_all_repeats).toMatchObject({ k: 3, n: 4, passed: 2, rate: 0.5 });
    // The interval is over the 4 examples, not the 12 samples.
    expect(c?.pass_rate_ci[0]).toBeLessThan(0.3);
    expect(r.stdout).toContain("says\\_yes: pass^3 50.0% (2/4 examples passed in every repeat");
  });

  test("compare reports each side's pass^3, the champion's beside the challenger's", async () => {
    const r = await cli(["compare", "--base", "main", ...live(), "--out", "compare.json"], {
      cwd: repo.dir,
      env,
    });
    const results = JSON.parse(readFileSync(join(repo.dir, "compare.json"), "utf8")) as CompareResults;
    const c = results.prompts[0]?.comparison.criteria[0];
    expect(c?.champion?.pass_all_repeats).toMatchObject({ k: 3, n: 4, passed: 2 });
    expect(c?.challenger.pass_all_repeats).toMatchObject({ k: 3, n: 4, passed: 3 });
    expect(r.stdout).toContain(
      "Consistency (examples that passed in every repeat): says\\_yes pass^3: champion 50.0% (2/4) · challenger 75.0% (3/4).",
    );
  });
});

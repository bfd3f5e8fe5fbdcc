import { afterAll, beforeAll, expect, test } from "vitest";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";

/** v1 names the capital; v2 (its system prompt says so) names another city. */
const prompt = (v: number): string =>
  `name: capital\nversion: ${v}\nmodel: gpt-4o-mini\nsystem: "Answer briefly. (v${v})"\ntemplate: "Capital of {country}?"\neval_criteria:\n  - name: short\n    type: length\n    words: { max: 10 }\n`;
const CITIES: Record<string, string> = { France: "Paris", Spain: "Madrid", Italy: "Rome", Peru: "Lima" };
const evalSet = (check: (city: string) => string): string =>
  Array.from({ length: 24 }, (_, i) => {
    const [country, city] = Object.entries(CITIES)[i % 4] ?? ["", ""];
    return JSON.stringify({
      id: `e${i}`,
      input: { country },
      checks: [{ name: "names the capital", type: "contains", value: check(city) }],
    });
  }).join("\n") + "\n";

let llm: FakeOpenAI;
let repo: TempRepo;
beforeAll(async () => {
  llm = await startFakeOpenAI((r) => {
    const v2 = r.body.messages.some((m) => m.content.includes("(v2)"));
    const text = r.body.messages.at(-1)?.content ?? "";
    const city = Object.entries(CITIES).find(([c]) => text.includes(c))?.[1] ?? "?";
    return { text: v2 ? "Springfield" : city };
  });
  repo = new TempRepo();
  repo.commit("base", {
    "prompts/config.yaml": "environments:\n  production:\n    capital: 1\n",
    "prompts/capital/v1.yaml": prompt(1),
    "prompts/capital/v2.yaml": prompt(2),
    "prompts/capital/eval_set.jsonl": evalSet((city) => city),
  });
});
afterAll(async () => {
  repo.remove();
  await llm.close();
});

async function compare(files: Record<string, string>): Promise<{ code: number; results: CompareResults }> {
  repo.checkout("main");
  repo.git("branch", "-q", "-f", "feature", "main");
  repo.checkout("feature");
  repo.commit("change", files);
  const r = await cli(
    ["compare", "--base", "main", "--provider", "openai", "--base-url", llm.url, "--format", "json", "-q"],
    { cwd: repo.dir, env: { OPENAI_API_KEY: "sk-test-cli-0123456789" } },
  );
  return { code: r.code, results: JSON.parse(r.stdout) as CompareResults };
}

test("the examples' checks are one criterion of the gate: failing them is a regression, on both sides", async () => {
  const { code, results } = await compare({
    "prompts/config.yaml": "environments:\n  production:\n    capital: 2\n",
  });
  expect(code).toBe(1);
  const criteria = results.prompts[0]?.comparison.criteria ?? [];
  expect(criteria.map((c) => c.name)).toEqual(["short", "example checks"]);
  expect(criteria.find((c) => c.name === "example checks")?.decision).toBe("fail");
  // The examples shown say which check failed.
  expect(JSON.stringify(results)).toContain(
    'failed 1 of 1: names the capital (contains): missing: \\"Paris\\"',
  );
});

test("a change that rewrites the examples' checks is still judged by the base's checks, and says so", async () => {
  const { code, results } = await compare({
    "prompts/config.yaml": "environments:\n  production:\n    capital: 2\n",
    "prompts/capital/eval_set.jsonl": evalSet(() => "Springfield"),
  });
  expect(code).toBe(1);
  expect(results.prompts[0]?.comparison.criteria.find((c) => c.name === "example checks")?.decision).toBe(
    "fail",
  );
  expect(JSON.stringify(results)).toContain("24 base example(s) edited");
});

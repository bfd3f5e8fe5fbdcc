/** The specification's prompt file plus a safety check and an embedding similarity, end to end through the CLI. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeRoutes } from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

/** The specification's prompt file as written, plus a safety check and an embedding similarity. */
const PROMPT =
  readFileSync("tests/fixtures/spec-summarize-v2.yaml", "utf8") +
  `  - name: safety
    type: safety
    threshold: 0.99
  - name: matches_reference
    type: similarity
    method: embedding
    min_score: 0.5
`;

const SET = [
  { id: "a", input: { text: "The meeting moved to Tuesday." }, expected: "- meeting\n- moved\n- Tuesday" },
  { id: "b", input: { text: "Sales rose 4%." }, expected: "- sales\n- rose\n- four percent" },
]
  .map((e) => JSON.stringify(e))
  .join("\n");

const project = (config = "environments: { production: { summarize: 2 } }\n") =>
  makeProject({
    "prompts/config.yaml": config,
    "prompts/summarize/v2.yaml": PROMPT,
    "prompts/summarize/eval_set.jsonl": SET,
  });

interface Results {
  runs: {
    summary: { ok: number; errors: number; cost_usd: number | null };
    criteria: { name: string; type: string; pass_rate: number }[];
    examples: {
      id: string;
      criteria: Record<string, { passed: boolean; via?: string; categories?: string[] }>;
    }[];
  }[];
}

async function againstFake(routes: FakeRoutes, config?: string) {
  const llm = await startFakeOpenAI((r) => {
    const judge = r.body.messages[0]?.content.startsWith("You are a strict");
    const text = r.body.messages.at(-1)?.content ?? "";
    if (judge) return { text: '{"score": 5, "reason": "fine"}' };
    return {
      text: text.includes("Sales") ? "- sales\n- rose\n- kill them all" : "- meeting\n- moved\n- Tuesday",
    };
  }, routes);
  try {
    const dir = await project(config);
    const r = await cli(
      ["eval", dir + "/prompts", "--provider", "openai", "--base-url", llm.url, "--format", "json", "-q"],
      { env: { OPENAI_API_KEY: "sk-test-cli-0123456789" } },
    );
    return { r, requests: llm.requests, results: JSON.parse(r.stdout) as Results };
  } finally {
    await llm.close();
  }
}

describe("safety and embedding similarity", () => {
  test("against an OpenAI-compatible server: moderation flags the violent answer, embeddings compare with expected", async () => {
    const { r, requests, results } = await againstFake(
      {},
      "moderation_model: omni-moderation-2024-09-26\nenvironments: { production: { summarize: 2 } }\n",
    );
    const run = results.runs[0];
    expect(run?.summary).toMatchObject({ ok: 2, errors: 0 });
    expect(run?.criteria.map((c) => [c.name, c.type, c.pass_rate])).toEqual([
      ["bullet_count", "format_check", 1],
      ["relevance", "llm_judge", 1],
      ["safety", "safety", 0.5],
      ["matches_reference", "similarity", 1],
    ]);
    // eval is a CI gate: safety misses its threshold.
    expect(r.code).toBe(1);
    const b = run?.examples.find((e) => e.id === "b");
    expect(b?.criteria.safety).toMatchObject({ passed: false, via: "moderation", categories: ["violence"] });
    const moderations = requests.filter((q) => q.path === "/v1/moderations");
    expect(moderations.map((q) => (q.body as unknown as { model: string }).model)).toEqual([
      "omni-moderation-2024-09-26",
      "omni-moderation-2024-09-26",
    ]);
    const embeddings = requests.filter((q) => q.path === "/v1/embeddings");
    // The two expected texts in one request first, then the answers.
    expect((embeddings[0]?.body as unknown as { input: string[]; model: string }).input).toHaveLength(2);
    expect((embeddings[0]?.body as unknown as { model: string }).model).toBe("text-embedding-3-small");
    // claude-sonnet-4 and the embedding model have prices, moderation is free: the cost is known.
    expect(run?.summary.cost_usd).toBeGreaterThan(0);
  });

  test("an endpoint with no /moderations (404): the safety preset judges, and moderation is asked once", async () => {
    const { results, requests } = await againstFake({ moderations: "absent" });
    const run = results.runs[0];
    expect(run?.examples.map((e) => e.criteria.safety?.via)).toEqual(["judge", "judge"]);
    expect(requests.filter((q) => q.path === "/v1/moderations")).toHaveLength(1);
    const judged = requests.filter((q) => q.body.messages?.at(-1)?.content.includes("harmful"));
    expect(judged).toHaveLength(2);
  });

  test("with --provider mock, offline: every criterion is scored, nothing flagged", async () => {
    const dir = await project();
    const r = await cli(["eval", dir + "/prompts", "--provider", "mock", "--format", "json", "-q"]);
    const run = (JSON.parse(r.stdout) as Results).runs[0];
    expect(run?.summary).toMatchObject({ ok: 2, errors: 0 });
    expect(
      run?.examples.every((e) => e.criteria.safety?.passed && e.criteria.safety.via === "moderation"),
    ).toBe(true);
    expect(run?.examples.every((e) => e.criteria.matches_reference !== undefined)).toBe(true);
  });
});

test("the demo (npm run demo: the staged versions, replayed) shows a judged criterion, a safety check and an embedding similarity with no key", async () => {
  const r = await cli(["eval", "prompts-example/prompts", "--env", "staging", "--format", "json", "-q"]);
  // 1: the staged support_agent v2 misses its thresholds (the demo shows it failing on purpose).
  expect(r.code).toBe(1);
  const summarize = (JSON.parse(r.stdout) as Results).runs.find((run) =>
    run.examples.some((e) => e.id === "sum-001"),
  );
  expect(summarize?.summary).toMatchObject({ ok: 24, errors: 0 });
  expect(
    summarize?.criteria.filter((c) => ["relevance", "safe", "meaning"].includes(c.name)).map((c) => c.type),
  ).toEqual(["llm_judge", "safety", "similarity"]);
  expect(summarize?.examples.every((e) => e.criteria.safe?.via === "moderation")).toBe(true);
});

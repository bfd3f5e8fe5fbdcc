import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import type { CompareResults } from "../../src/pipeline/compare-run.js";
import { cli } from "../helpers/cli.js";
import { startFakeBatch, type FakeBatchServer } from "../helpers/fake-batch.js";
import { TempRepo } from "../helpers/git-repo.js";

/** prompts-example as a repository whose feature branch switches summarize to v2. */
let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  repo.commit("base");
  repo.branch("feature");
  const config = readFileSync(join(repo.dir, "prompts/config.yaml"), "utf8").replace(
    /(production:[\s\S]*?summarize: )\d/,
    "$12",
  );
  repo.commit("switch", { "prompts/config.yaml": config });
});
afterAll(() => repo.remove());

let server: FakeBatchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What must agree between a batch and an ordinary run: verdicts and per-criterion figures. */
function figures(r: CompareResults): unknown {
  return {
    verdict: r.verdict,
    prompts: r.prompts.map((p) => ({
      name: p.name,
      criteria: p.comparison.criteria.map((c) => ({ name: c.name, status: c.status, decision: c.decision })),
    })),
  };
}

test("compare --batch: chat, judge, moderation and embedding calls all go in batches; same verdict as ordinary calls", async () => {
  server = await startFakeBatch();
  const env = { OPENAI_API_KEY: "sk-batch-compare-0000", OPENAI_BASE_URL: server.url };
  const common = ["compare", "--base", "main", "--provider", "openai", "--no-cache", "--format", "json"];
  const batched = await cli([...common, "--batch", "--batch-poll", "0.02"], { cwd: repo.dir, env });
  expect(batched.stderr).not.toContain("ordinary calls");
  expect(server.ordinary).toHaveLength(0);
  const endpoints = new Set(server.batches.map((b) => b.endpoint));
  expect([...endpoints].sort()).toEqual(["/v1/chat/completions", "/v1/embeddings", "/v1/moderations"]);
  expect(server.batches.every((b) => b.status === "completed")).toBe(true);
  const viaBatch = JSON.parse(batched.stdout) as CompareResults;
  expect(viaBatch.verdict).not.toBe("inconclusive");

  const batches = server.batches.length;
  const ordinary = await cli(common, { cwd: repo.dir, env });
  expect(server.batches.length).toBe(batches);
  expect(server.ordinary.length).toBeGreaterThan(0);
  expect(ordinary.code).toBe(batched.code);
  expect(figures(JSON.parse(ordinary.stdout) as CompareResults)).toEqual(figures(viaBatch));
});

import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../helpers/fake-github.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";
import { pullRequestPayload, runAction } from "../helpers/run-action.js";

const TOKEN = "ghs_canaryFaults0123456789";
let repo: TempRepo;
let gh: FakeGitHub | undefined;
let llm: FakeOpenAI | undefined;
let baseSha: string;

afterEach(async () => {
  await gh?.close();
  await llm?.close();
  gh = undefined;
  llm = undefined;
  repo.remove();
});

function setup(mutateHead?: (dir: string) => void): string {
  repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  baseSha = repo.commit("base");
  repo.branch("feature");
  const path = join(repo.dir, "prompts/config.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(/(production:[\s\S]*?summarize: )1/, "$12"));
  mutateHead?.(repo.dir);
  return repo.commit("switch");
}

async function run(
  headSha: string,
  faults: FakeGitHubOptions["faults"],
  extra: { inputs?: Record<string, string>; killAfterMs?: number; seed?: FakeGitHubOptions["comments"] } = {},
) {
  gh = await startFakeGitHub({
    pr: { number: 7, baseSha, headSha, files: [{ filename: "prompts/config.yaml", status: "modified" }] },
    faults,
    ...(extra.seed ? { comments: extra.seed } : {}),
  });
  return runAction({
    event: "pull_request",
    payload: pullRequestPayload({ baseSha, headSha }),
    inputs: { "github-token": TOKEN, ...extra.inputs },
    apiUrl: gh.url,
    workspace: repo.dir,
    ...(extra.killAfterMs !== undefined ? { killAfterMs: extra.killAfterMs } : {}),
  });
}

describe("GitHub fault drills", () => {
  test("a 403 secondary rate limit with retry-after is waited out", async () => {
    const head = setup();
    const r = await run(head, [
      {
        match: /^POST .*\/issues\/7\/comments$/,
        status: 403,
        times: 1,
        headers: { "retry-after": "1" },
        message: "You have exceeded a secondary rate limit",
      },
    ]);
    expect(r.code).toBe(1);
    expect(gh?.comments).toHaveLength(1);
    expect(r.stdout).toMatch(/secondary rate limit/);
  });

  test("a 404 when editing a deleted comment falls back to a new comment", async () => {
    const head = setup();
    // A report comment from an earlier run, deleted (404) by the time we edit it.
    const r = await run(head, [{ match: /^PATCH .*\/issues\/comments\/\d+$/, status: 404, times: 1 }], {
      seed: [
        {
          id: 1,
          body: "<!-- agentops-report -->\nold report",
          user: { login: "github-actions[bot]", type: "Bot" },
        },
      ],
    });
    expect(r.code).toBe(1);
    expect(gh?.requests.filter((q) => q.method === "PATCH")).toHaveLength(1);
    expect(gh?.comments).toHaveLength(2);
    expect(gh?.comments[1]?.body).toContain("agentops: regression");
  });

  test("a 422 for an over-long comment is retried with a shorter report", async () => {
    const head = setup();
    const r = await run(head, [
      {
        match: /^POST .*\/issues\/7\/comments$/,
        status: 422,
        times: 1,
        message: "Validation Failed: body is too long",
      },
    ]);
    expect(r.stdout).toMatch(/too long \(422\)/);
    expect(gh?.comments).toHaveLength(1);
    expect(gh?.comments[0]?.body.length).toBeLessThanOrEqual(20_100);
    expect(gh?.comments[0]?.body).toContain("agentops: regression");
  });

  test("a 500 on the status is retried", async () => {
    const head = setup();
    const r = await run(head, [{ match: /^POST .*\/statuses\//, status: 500, times: 1 }]);
    expect(r.code).toBe(1);
    expect(gh?.statuses.map((s) => s.state)).toEqual(["pending", "failure"]);
  });

  test("a crash (an invalid prompt file in the PR) ends in an error status, never success", async () => {
    const head = setup((dir) =>
      writeFileSync(join(dir, "prompts/summarize/v2.yaml"), "name: summarize\nversion: [2\n"),
    );
    const r = await run(head, []);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::.*v2\.yaml:\d+: invalid YAML/);
    expect(gh?.statuses.map((s) => s.state)).toEqual(["pending", "error"]);
    expect(gh?.statuses[1]?.description.length).toBeLessThanOrEqual(140);
    // The author sees why in the pull request, not only in the log.
    const comment = gh?.comments[0]?.body ?? "";
    expect(comment).toMatch(/^<!-- agentops-report -->\n## ⚠️ agentops: could not evaluate this change\n/);
    expect(comment).toMatch(/<pre>prompts\/summarize\/v2\.yaml:\d+: invalid YAML/);
    expect(r.summary).toContain("could not evaluate this change");
  });

  test("the same crash in check-run mode completes the check run as failed, never leaving it in progress", async () => {
    const head = setup((dir) =>
      writeFileSync(join(dir, "prompts/summarize/v2.yaml"), "name: summarize\nversion: [2\n"),
    );
    const r = await run(head, [], { inputs: { "check-mode": "check-run" } });
    expect(r.code).toBe(1);
    const runs = [...(gh?.checkRuns.values() ?? [])] as {
      status: string;
      conclusion: string;
      output: { title: string };
    }[];
    expect(runs.map((c) => [c.status, c.conclusion])).toEqual([["completed", "failure"]]);
    expect(runs[0]?.output.title).toMatch(/^agentops could not finish: .*v2\.yaml:\d+: invalid YAML/);
    expect(gh?.statuses).toEqual([]);
  });
});

describe("cancellation", () => {
  test("SIGTERM mid-run: in-flight calls are aborted, partial results written, no success posted", async () => {
    const head = setup();
    let calls = 0;
    llm = await startFakeOpenAI(() => {
      calls++;
      return { text: "- a\n- b\n- c", delayMs: 400 };
    });
    const r = await run(head, [], {
      inputs: { "api-key": "sk-x", "base-url": llm.url, concurrency: "2", cache: "false" },
      killAfterMs: 2500,
    });
    const resultsPath = r.outputs["results-path"] ?? "";
    expect(existsSync(resultsPath)).toBe(true);
    const results = JSON.parse(readFileSync(resultsPath, "utf8")) as { complete: boolean; verdict: string };
    expect(results.complete).toBe(false);
    expect(results.verdict).not.toBe("pass");
    expect(gh?.statuses.at(-1)?.state).not.toBe("success");
    expect(calls).toBeLessThan(40);
  }, 30_000);
});

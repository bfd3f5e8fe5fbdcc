/**
 * Issue 23: the Action on a merge queue's merge_group event, bundled
 * (dist/index.js) against a fake GitHub and a fake model on 127.0.0.1.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import type { FakeOpenAI } from "../helpers/fake-openai.js";
import { CONFIG, deployV2, fakeModel, gatePr, promptFile, type GatePr } from "../helpers/gate-project.js";
import { pullRequestPayload, runAction, type ActionRun } from "../helpers/run-action.js";

const TOKEN = "ghs_mergeQueueCanary0123456789";
let llm: FakeOpenAI | undefined;
let gh: FakeGitHub | undefined;
let pr: GatePr | undefined;
afterEach(async () => {
  await llm?.close();
  await gh?.close();
  pr?.repo.remove();
  llm = gh = pr = undefined;
});

const live = (url: string) => ({ "api-key": "sk-queue-0123456789", "base-url": url, cache: "false" });

/** The queue's branch: the PR merged onto `onto` (the base, or a base that moved), as GitHub builds it. */
function queueHead(p: GatePr, onto: string): string {
  p.repo.git("checkout", "-q", "-b", `queue-${onto.slice(0, 7)}`, onto);
  p.repo.git("merge", "--no-ff", "-q", "-m", "Merge pull request #7 into the queue", "feature");
  return p.repo.git("rev-parse", "HEAD").trim();
}

function onMergeGroup(p: GatePr, server: FakeGitHub, baseSha: string, headSha: string, model: FakeOpenAI) {
  return runAction({
    event: "merge_group",
    payload: {
      action: "checks_requested",
      merge_group: {
        head_sha: headSha,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${p.headSha}`,
        base_sha: baseSha,
        base_ref: "refs/heads/main",
      },
      repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
    },
    inputs: { "github-token": TOKEN, ...live(model.url) },
    apiUrl: server.url,
    workspace: p.repo.dir,
  });
}

async function setup(): Promise<{ p: GatePr; server: FakeGitHub; model: FakeOpenAI }> {
  const model = (llm = await fakeModel());
  const p = (pr = gatePr(deployV2()));
  const server = (gh = await startFakeGitHub({
    pr: {
      number: 7,
      baseSha: p.baseSha,
      headSha: p.headSha,
      files: [
        { filename: "prompts/config.yaml", status: "modified" },
        { filename: "prompts/summarize/v2.yaml", status: "added" },
      ],
    },
  }));
  return { p, server, model };
}

function onPullRequest(p: GatePr, server: FakeGitHub, model: FakeOpenAI): Promise<ActionRun> {
  return runAction({
    event: "pull_request",
    payload: pullRequestPayload({ baseSha: p.baseSha, headSha: p.headSha, pr: { state: "open" } }),
    inputs: { "github-token": TOKEN, ...live(model.url) },
    apiUrl: server.url,
    workspace: p.repo.dir,
  });
}

test("a queued change whose prompt is broken ends failure on the queue's head SHA, with the report in the summary", async () => {
  const { p, server, model } = await setup();
  const q = queueHead(p, p.baseSha);
  const r = await onMergeGroup(p, server, p.baseSha, q, model);
  expect(r.code).toBe(1);
  expect(model.requests.length).toBeGreaterThan(0);
  const mine = server.statuses.filter((s) => s.sha === q);
  expect(mine.map((s) => s.state)).toEqual(["pending", "failure"]);
  expect(mine[0]?.context).toBe("agentops/eval");
  expect(r.summary).toContain("summarize");
  expect(r.summary).toMatch(/regress/i);
  // No pull request to post on: no comment.
  expect(server.comments).toEqual([]);
  expect(r.outputs.verdict).toBe("fail");
}, 90_000);

test("a queued change with the plan identity of the PR head's finished evaluation reuses its verdict: 0 model calls", async () => {
  const { p, server, model } = await setup();
  expect((await onPullRequest(p, server, model)).code).toBe(1);
  expect(server.comments).toHaveLength(1);
  const q = queueHead(p, p.baseSha);
  const before = model.requests.length;
  const r = await onMergeGroup(p, server, p.baseSha, q, model);
  expect(model.requests.length - before).toBe(0);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("0 model calls");
  expect(r.summary).toContain("No model was called");
  expect(server.statuses.filter((s) => s.sha === q).at(-1)).toMatchObject({ state: "failure" });
  expect(server.statuses.filter((s) => s.sha === q).at(-1)?.description).toMatch(
    /same plan as PR #7.*reused/,
  );
  expect(server.comments).toHaveLength(1);
}, 120_000);

test("control: when the base moved under the queue (other champion bytes), the queued head is evaluated again", async () => {
  const { p, server, model } = await setup();
  expect((await onPullRequest(p, server, model)).code).toBe(1);
  // main gets a new commit that rewrites v1's bytes (same behaviour, other text).
  p.repo.git("checkout", "-q", "main");
  writeFileSync(join(p.repo.dir, "prompts/summarize/v1.yaml"), `${promptFile(1)}# reworded\n`);
  writeFileSync(join(p.repo.dir, "prompts/config.yaml"), CONFIG(1));
  p.repo.git("commit", "-q", "-am", "main moves");
  const moved = p.repo.git("rev-parse", "HEAD").trim();
  const q = queueHead(p, moved);
  const before = model.requests.length;
  const r = await onMergeGroup(p, server, moved, q, model);
  expect(model.requests.length - before).toBeGreaterThan(0);
  expect(r.stdout).toContain("judged differently");
  expect(server.statuses.filter((s) => s.sha === q).at(-1)).toMatchObject({ state: "failure" });
}, 120_000);

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../helpers/fake-github.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { TempRepo } from "../helpers/git-repo.js";
import { runAction } from "../helpers/run-action.js";

const TOKEN = "ghs_canaryToken0123456789abcdefABCDEF";
const KEY = "sk-canary-action-5a4b3c2d1e";

let repo: TempRepo;
let gh: FakeGitHub | undefined;
let baseSha: string;

/** prompts-example as a repository; the PR switches production versions. */
function setup(versions: Record<string, number>, mutate?: (dir: string) => void): { headSha: string } {
  repo = new TempRepo();
  cpSync("prompts-example", repo.dir, { recursive: true });
  mutate?.(repo.dir);
  baseSha = repo.commit("base");
  repo.branch("feature");
  const path = join(repo.dir, "prompts/config.yaml");
  let config = readFileSync(path, "utf8");
  for (const [name, v] of Object.entries(versions))
    config = config.replace(new RegExp(`(production:[\\s\\S]*?${name}: )\\d`), `$1${v}`);
  writeFileSync(path, config);
  return { headSha: repo.commit("switch") };
}

/** The project as a live-provider repository would be: no replay recordings configured, so no key means no answers. */
function withoutRecordings(dir: string): void {
  const p = join(dir, "prompts/config.yaml");
  writeFileSync(
    p,
    readFileSync(p, "utf8").replace(/provider:\n {2}type: replay\n {2}recordings: \.\.\/recordings\n/, ""),
  );
}

async function github(headSha: string, extra: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  gh = await startFakeGitHub({
    pr: { number: 7, baseSha, headSha, files: [{ filename: "prompts/config.yaml", status: "modified" }] },
    permissions: { alice: "write", mallory: "read", boss: "admin" },
    ...extra,
  });
  return gh;
}

function prPayload(headSha: string, fork = false) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: baseSha, ref: "main", repo: { full_name: "o/r" } },
      head: { sha: headSha, ref: "feature", repo: { full_name: fork ? "someone/r" : "o/r" } },
    },
    repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
  };
}

const commentPayload = (login: string, body: string) => ({
  action: "created",
  issue: { number: 7, pull_request: { url: "https://api.github.com/repos/o/r/pulls/7" } },
  // Written now: after the report the test ran before it.
  comment: { id: 555, body, user: { login, type: "User" }, created_at: new Date().toISOString() },
  repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
});

const inputs = (extra: Record<string, string> = {}) => ({ "github-token": TOKEN, ...extra });

/** The Action on a pull_request event for `headSha`. */
function onPullRequest(
  server: FakeGitHub,
  headSha: string,
  extra: Record<string, string> = {},
  fork = false,
) {
  return runAction({
    event: "pull_request",
    payload: prPayload(headSha, fork),
    inputs: inputs(extra),
    apiUrl: server.url,
    workspace: repo.dir,
  });
}

/** The Action on an issue_comment event by `login`. */
function onComment(server: FakeGitHub, login: string, body: string) {
  return runAction({
    event: "issue_comment",
    payload: commentPayload(login, body),
    inputs: inputs(),
    apiUrl: server.url,
    workspace: repo.dir,
  });
}

/** The Action on a push to the default branch (check out main first). */
function onPushToMain(
  server: FakeGitHub,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({
    env,
    event: "push",
    payload: {
      ref: "refs/heads/main",
      after: baseSha,
      repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
    },
    inputs: inputs(extra),
    apiUrl: server.url,
    workspace: repo.dir,
  });
}

beforeEach(() => {
  gh = undefined;
});
afterEach(async () => {
  await gh?.close();
  repo.remove();
});

describe("the Action on pull_request", () => {
  test("a regression: one sticky comment after three runs, pending→failure on the head SHA, summary and outputs, step fails", async () => {
    const { headSha } = setup({ summarize: 2 });
    const server = await github(headSha);
    let last;
    for (let i = 0; i < 3; i++) {
      last = await onPullRequest(server, headSha);
    }
    if (!last) throw new Error("no run");
    expect(last.code).toBe(1);
    // The step's error line is the report's headline (what failed, what to do), not a generic sentence.
    expect(last.stdout).toMatch(
      /::error::agentops: regression: failing: summarize: \S+ −[\d.]+ pts\. Next: push a fix, or a maintainer comments \/agentops approve/,
    );
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body.startsWith("<!-- agentops-report -->\n## ❌ agentops: regression")).toBe(
      true,
    );
    // The second and third runs found the comment unchanged and did not rewrite it.
    expect(server.requests.filter((r) => r.method === "PATCH")).toHaveLength(0);
    expect(server.statuses.map((s) => s.state)).toEqual([
      "pending",
      "failure",
      "pending",
      "failure",
      "pending",
      "failure",
    ]);
    expect(server.statuses.every((s) => s.sha === headSha && s.context === "agentops/eval")).toBe(true);
    expect(server.statuses.every((s) => Buffer.byteLength(s.description, "utf8") <= 140)).toBe(true);
    expect(server.statuses.at(-1)?.description).toBe(
      "regression: 1 prompt failed: summarize. Push a fix, or a maintainer comments /agentops approve",
    );
    expect(last.summary).toContain("## ❌ agentops: regression");
    expect(last.outputs.verdict).toBe("fail");
    // The next step, with the run and its artifacts, right under the headline.
    expect(server.comments[0]?.body).toMatch(
      /\n\*\*failing: [^\n]+\*\*\n\n\*\*Next:\*\* push a fix[^\n]+\[workflow run\]\(\S+\/actions\/runs\/42\)[^\n]+\(\S+\/actions\/runs\/42#artifacts\)/,
    );
    // report-path holds what fits a comment; the whole report is beside it.
    const fitted = readFileSync(last.outputs["report-path"] ?? "", "utf8");
    expect(Buffer.byteLength(fitted, "utf8")).toBeLessThanOrEqual(65_536);
    expect(fitted.startsWith("## ❌ agentops: regression")).toBe(true);
    expect(server.comments[0]?.body).toContain(fitted.slice(-300));
    expect(readFileSync(last.outputs["report-full-path"] ?? "", "utf8")).toContain(
      "## ❌ agentops: regression",
    );
    expect(JSON.parse(readFileSync(last.outputs["results-path"] ?? "", "utf8"))).toMatchObject({
      kind: "compare",
      verdict: "fail",
    });
  });

  test("a PR cannot loosen its own gate: tolerance and budgets come from the base revision's config", async () => {
    const { headSha } = setup({ summarize: 2 });
    const path = join(repo.dir, "prompts/config.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("regression_tolerance: 2", "regression_tolerance: 100"),
    );
    const loosened = repo.commit("loosen the gate");
    expect(loosened).not.toBe(headSha);
    const server = await github(loosened);
    const r = await onPullRequest(server, loosened);
    expect(r.code).toBe(1);
    expect(server.statuses.at(-1)).toMatchObject({ sha: loosened, state: "failure" });
  });

  test("an improvement passes: success status, exit 0", async () => {
    const { headSha } = setup({ "classify-ticket": 2 });
    const server = await github(headSha);
    const r = await onPullRequest(server, headSha);
    expect(r.code).toBe(0);
    expect(server.statuses.at(-1)).toMatchObject({ state: "success" });
    expect(r.outputs.verdict).toBe("pass");
  });

  test("fail-on: never reports the regression without failing the step", async () => {
    const { headSha } = setup({ summarize: 2 });
    const server = await github(headSha);
    const r = await onPullRequest(server, headSha, { "fail-on": "never" });
    expect(r.code).toBe(0);
    expect(server.statuses.at(-1)?.description).toMatch(/^regression \(not gating/);
  });

  test("check-run mode: the report as summary and annotations on the prompt file's criterion lines", async () => {
    const { headSha } = setup({ summarize: 2 });
    const server = await github(headSha);
    await onPullRequest(server, headSha, { "check-mode": "check-run" });
    const run = [...server.checkRuns.values()][0] as {
      head_sha: string;
      conclusion: string;
      output: { summary: string; annotations: { path: string; start_line: number }[] };
    };
    expect(run.head_sha).toBe(headSha);
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("agentops: regression");
    expect(run.output.annotations[0]).toMatchObject({ path: "prompts/summarize/v2.yaml" });
    expect(run.output.annotations[0]?.start_line).toBeGreaterThan(1);
    expect(server.statuses).toHaveLength(0);
  });

  test("a PR that touches no prompt gets a success status and no comment; an earlier report is updated", async () => {
    setup({});
    const headSha = repo.commit("docs", { "NOTES.md": "hi\n" });
    const files = [{ filename: "NOTES.md", status: "added" }];
    const quiet = await github(headSha, { pr: { number: 7, baseSha, headSha, files } });
    const r = await onPullRequest(quiet, headSha);
    expect(r.code).toBe(0);
    expect(quiet.statuses.at(-1)).toMatchObject({
      state: "success",
      description: "no prompt affected by this change",
    });
    expect(quiet.comments).toHaveLength(0);
    expect(r.stdout).toContain("no prompt affected: no report comment");
    await quiet.close();

    // The prompt change was reverted after a report was posted: that report must not stay stale.
    gh = await startFakeGitHub({
      pr: { number: 7, baseSha, headSha, files },
      comments: [
        {
          id: 1,
          body: "<!-- agentops-report -->\n## ❌ agentops: regression",
          user: { login: "github-actions[bot]", type: "Bot" },
        },
      ],
    });
    await onPullRequest(gh, headSha);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain("no prompt is affected by this change");
  });

  test("check-run mode: what blocks as a status blocks as a check run (no key → action_required, never neutral)", async () => {
    const { headSha } = setup({ "classify-ticket": 2 }, withoutRecordings);
    const server = await github(headSha);
    const r = await onPullRequest(server, headSha, { "check-mode": "check-run" });
    expect(r.code).toBe(0);
    const runs = [...server.checkRuns.values()] as { conclusion?: string; details_url?: string }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]?.conclusion).toBe("action_required");
    expect(runs[0]?.details_url).toBe("https://github.com/o/r/actions/runs/42");
  });

  test("a fork without a key: no red, an explanation, and 403s on writes are warnings", async () => {
    const { headSha } = setup({ "classify-ticket": 2 }, withoutRecordings);
    const server = await github(headSha, { forbidWrites: true });
    const r = await onPullRequest(server, headSha, {}, true);
    expect(r.code).toBe(0);
    expect(r.summary).toContain("No API key in this run");
    expect(r.stdout).toContain("Resource not accessible");
    expect(r.stdout).toMatch(
      /::warning::could not comment on the pull request \(GitHub answered 403 Forbidden: Resource not accessible by integration\)/,
    );
    expect(r.outputs.verdict).toBe("inconclusive");
  });

  test("secrets never appear in anything sent or printed", async () => {
    const { headSha } = setup({ summarize: 2 });
    const server = await github(headSha);
    const r = await onPullRequest(server, headSha, { "api-key": KEY, provider: "replay" });
    const sent = server.requests.map((q) => q.raw).join("\n");
    // ::add-mask:: lines are the masking protocol itself: the runner consumes them and never shows them.
    const stdout = r.stdout
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    expect(r.stdout).toContain(`::add-mask::${KEY}`);
    const everything = [
      sent,
      stdout,
      r.stderr,
      r.summary,
      JSON.stringify(r.outputs),
      readFileSync(r.outputs["results-path"] ?? "", "utf8"),
    ];
    for (const text of everything) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(KEY);
    }
    expect(server.requests.every((q) => q.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });
});

describe("the PR bot on issue_comment", () => {
  /**
   * The pull_request run that leaves the regressed PR runs once; each test goes on from a copy of what it
   * left (the repository, the report comment and the statuses), as it would from a fresh run of its own.
   */
  let regressedRun: { repo: TempRepo; baseSha: string; headSha: string; server: FakeGitHub } | undefined;
  afterAll(async () => {
    await regressedRun?.server.close();
    regressedRun?.repo.remove();
  });

  async function regressed() {
    if (!regressedRun) {
      const { headSha } = setup({ summarize: 2 });
      const server = await github(headSha);
      expect((await onPullRequest(server, headSha)).code).toBe(1);
      regressedRun = { repo, baseSha, headSha, server };
      repo = TempRepo.copy(repo);
      gh = undefined;
    } else {
      repo = TempRepo.copy(regressedRun.repo);
      baseSha = regressedRun.baseSha;
    }
    const { headSha, server: was } = regressedRun;
    expect(was.statuses.at(-1)).toMatchObject({ sha: headSha, state: "failure" });
    const server = await github(headSha, { comments: was.comments, statuses: was.statuses });
    return { headSha, server };
  }

  test("/agentops approve from a writer marks the head SHA success and records who accepted it", async () => {
    const { headSha, server } = await regressed();
    const r = await onComment(server, "alice", "/agentops approve");
    expect(r.code).toBe(0);
    expect(server.statuses.at(-1)).toEqual({
      sha: headSha,
      state: "success",
      context: "agentops/eval",
      description: "regression accepted by @alice",
    });
    expect(server.comments).toHaveLength(1);
    // Under the verdict heading and the commit line, linking to the approving comment on this server.
    expect(server.comments[0]?.body).toMatch(
      /^<!-- agentops-report -->\n## ❌ agentops: regression\n\nReports on commit \[`[0-9a-f]{7}`\]\([^)]*\)\.\n\n<!-- agentops-approval -->\n> ✅ \*\*Regression accepted\*\* by @alice for `[0-9a-f]{7}` \(\[comment\]\(https:\/\/github\.com\/o\/r\/pull\/7#issuecomment-555\)\)/,
    );
  });

  test("check-run mode: an approval is a newer successful check run of the same name, not a status beside the failed one", async () => {
    const { headSha } = setup({ summarize: 2 });
    const server = await github(headSha);
    await onPullRequest(server, headSha, { "check-mode": "check-run" });
    const r = await runAction({
      event: "issue_comment",
      payload: commentPayload("alice", "/agentops approve"),
      inputs: inputs({ "check-mode": "check-run" }),
      apiUrl: server.url,
      workspace: repo.dir,
    });
    expect(r.code).toBe(0);
    const runs = [...server.checkRuns.values()] as {
      name: string;
      head_sha: string;
      conclusion: string;
      output: { title: string };
    }[];
    expect(runs.map((c) => [c.name, c.head_sha, c.conclusion])).toEqual([
      ["agentops/eval", headSha, "failure"],
      ["agentops/eval", headSha, "success"],
    ]);
    expect(runs[1]?.output.title).toBe("regression accepted by @alice");
    expect(server.statuses).toHaveLength(0);
  });

  test("/agentops approve from a reader gets a polite reply and changes nothing", async () => {
    const { server } = await regressed();
    const before = server.statuses.length;
    const r = await onComment(server, "mallory", "/agentops approve");
    expect(r.code).toBe(0);
    expect(server.statuses).toHaveLength(before);
    expect(server.comments).toHaveLength(2);
    expect(server.comments[1]?.body).toMatch(/needs write, maintain or admin permission/);
    expect(server.comments[0]?.body).not.toContain("accepted");
  });

  test("a new push resets the approval: a fresh report and a fresh status for the new SHA", async () => {
    const { server } = await regressed();
    await onComment(server, "boss", "/agentops approve");
    const newHead = repo.commit("another push", { "prompts/summarize/README.md": "notes\n" });
    if (server.pr) server.pr.headSha = newHead;
    const r = await onPullRequest(server, newHead);
    expect(r.code).toBe(1);
    expect(server.statuses.at(-1)).toMatchObject({ sha: newHead, state: "failure" });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).not.toContain("accepted");
  });

  test("/agentops rerun from a writer fetches the PR head and evaluates again", async () => {
    const { headSha, server } = await regressed();
    // An origin that serves refs/pull/7/head, as GitHub does.
    const origin = new TempRepo(`${repo.dir}-origin.git`);
    repo.git("init", "-q", "--bare", origin.dir);
    repo.git("remote", "add", "origin", origin.dir);
    repo.git("push", "-q", "origin", `${headSha}:refs/pull/7/head`, "main");
    repo.checkout("main");
    const before = server.statuses.length;
    const r = await onComment(server, "alice", "/agentops rerun\nplease");
    origin.remove();
    // The regression is still there: the step fails, as the pull_request run does.
    expect(r.code).toBe(1);
    expect(server.statuses.slice(before).map((x) => [x.sha, x.state])).toEqual([
      [headSha, "pending"],
      [headSha, "failure"],
    ]);
    expect(server.comments).toHaveLength(1);
  });

  test("a comment that is not a command does nothing", async () => {
    const { server } = await regressed();
    const before = server.requests.length;
    const r = await onComment(server, "alice", "looks good to me");
    expect(r.code).toBe(0);
    expect(server.requests).toHaveLength(before);
  });
});

describe("the Action on push", () => {
  test("the default branch is evaluated and the summary written", async () => {
    const { headSha } = setup({});
    const server = await github(headSha);
    repo.checkout("main");
    const r = await onPushToMain(server);
    expect(r.code).toBe(0);
    expect(r.summary).toContain("## agentops eval");
    expect(r.summary).toContain("summarize v1");
    expect(server.statuses).toHaveLength(0);
  });

  test("the default branch keeps only the cached answers its active prompts used", async () => {
    const { headSha } = setup({}, withoutRecordings);
    const server = await github(headSha);
    repo.checkout("main");
    const llm = await startFakeOpenAI();
    try {
      // The cache lives outside the workspace, under RUNNER_TEMP.
      const runnerTemp = mkdtempSync(join(tmpdir(), "agentops-runner-"));
      const cacheDir = join(runnerTemp, "agentops-cache");
      // An answer left over from a prompt version no environment runs any more.
      const stale = join(cacheDir, "ab", `ab${"0".repeat(62)}.json`);
      mkdirSync(dirname(stale), { recursive: true });
      writeFileSync(stale, "{}");
      const r = await onPushToMain(
        server,
        { "api-key": KEY, "base-url": llm.url },
        { RUNNER_TEMP: runnerTemp },
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("pruned 1 cached answer no active prompt uses");
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(join(repo.dir, ".agentops-cache"))).toBe(false);
      const kept = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith(".json"));
      // One entry per answer, judge verdict and moderation verdict, and per embedded text (sent in batches).
      const texts = llm.requests
        .filter((q) => q.path.endsWith("/embeddings"))
        .reduce((n, q) => n + (q.body as unknown as { input: string[] }).input.length, 0);
      const others = llm.requests.filter((q) => !q.path.endsWith("/embeddings")).length;
      expect(kept).toHaveLength(others + texts);
      // summarize's 24 examples: answer, relevance judge, moderation, and the answer and expected text embedded;
      // support_agent's 24: the fake endpoint answers in text, so one step each.
      expect(kept.length).toBe(24 + 40 + 30 + 24 * 4 + 24);
    } finally {
      await llm.close();
    }
  });
});

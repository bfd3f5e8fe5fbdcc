/**
 * Issue 20, the GitHub side: comments that are not commands, approvals of
 * commits nobody saw evaluated, keys in disguise, and a cancelled run. Each
 * attack runs the bundled Action (dist/index.js) against a fake GitHub (and a
 * fake model where one is needed) on 127.0.0.1, and must end blocking.
 * Issue 23's command items (reactions, unknown verbs, rerun's exit code) too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../helpers/fake-github.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { deployV2, gatePr, GOOD, type GatePr } from "../helpers/gate-project.js";
import { TempRepo } from "../helpers/git-repo.js";
import { runLivePullRequest } from "../helpers/live-pr.js";
import { PrScenario, TOKEN } from "../helpers/pr-scenario.js";
import { pullRequestPayload, runAction, type ActionRun } from "../helpers/run-action.js";

const REPORT_MARKER = "<!-- agentops-report -->";
let s: PrScenario | undefined;
let llm: FakeOpenAI | undefined;
let gh: FakeGitHub | undefined;
let gate: GatePr | undefined;
afterEach(async () => {
  await s?.close();
  await llm?.close();
  await gh?.close();
  gate?.repo.remove();
  s = llm = gh = gate = undefined;
});

const short = (sha: string) => sha.slice(0, 7);
const successes = (g: FakeGitHub) => g.statuses.filter((x) => x.state === "success");
const replies = (g: FakeGitHub) => g.comments.filter((c) => !c.body.startsWith(REPORT_MARKER));
const reactions = (g: FakeGitHub) =>
  g.requests
    .filter((q) => q.method === "POST" && q.path.endsWith("/reactions"))
    .map((q) => (q.body as { content: string }).content);

/** An issue_comment run as GitHub sends it, with the author's account type (User, Bot). */
function onComment(
  sc: { repo: { dir: string } },
  server: FakeGitHub,
  login: string,
  body: string,
  opts: { type?: string; createdAt?: string; inputs?: Record<string, string>; id?: number } = {},
): Promise<ActionRun> {
  return runAction({
    event: "issue_comment",
    payload: {
      action: "created",
      issue: { number: 7, pull_request: { url: "https://api.github.com/repos/o/r/pulls/7" } },
      comment: {
        id: opts.id ?? 555,
        body,
        user: { login, type: opts.type ?? "User" },
        created_at: opts.createdAt ?? new Date().toISOString(),
      },
      repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
    },
    inputs: { "github-token": TOKEN, ...opts.inputs },
    apiUrl: server.url,
    workspace: sc.repo.dir,
  });
}

/**
 * The pull_request run that leaves a failing PR: it runs once per file (in the first test that needs it),
 * and each test goes on from a copy of what it left, the repository and GitHub's state (the report
 * comment, the statuses), so that each test's own runs start where a fresh failing run would leave them.
 */
let failed: Awaited<ReturnType<typeof failingPrWith>> | undefined;
afterAll(async () => {
  await failed?.sc.close();
});

/** prompts-example with summarize switched to its regressed v2: the run fails, and a report for the head is up. */
async function failingPr(): Promise<{ sc: PrScenario; server: FakeGitHub; head: string }> {
  if (!failed) {
    const r = await failingPrWith({});
    s = undefined;
    failed = r;
  }
  const { sc: from, server: was, head } = failed;
  expect(from.lastRun?.code).toBe(1);
  expect(was.statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
  const sc = (s = new PrScenario(undefined, from));
  const server = await sc.github(head, { comments: was.comments, statuses: was.statuses });
  return { sc, server, head };
}

async function failingPrWith(
  extra: Partial<FakeGitHubOptions>,
): Promise<{ sc: PrScenario & { lastRun?: ActionRun }; server: FakeGitHub; head: string }> {
  const sc: PrScenario & { lastRun?: ActionRun } = (s = new PrScenario());
  const head = sc.switchTo({ summarize: 2 });
  const server = await sc.github(head, extra);
  sc.lastRun = await sc.onPullRequest(head);
  return { sc, server, head };
}

describe("attack 10: comments that are not commands approve nothing", () => {
  const notCommands: [string, string][] = [
    ["inside a fenced code block", "```\n/agentops approve\n```"],
    [
      "inside a tilde fence, under a line of text",
      "To accept it, a maintainer writes:\n~~~\n/agentops approve\n~~~",
    ],
    ["in an indented code block", "    /agentops approve"],
    ["inside an HTML comment", "<!--\n/agentops approve\n-->\nLooks risky to me."],
    ["inside a one-line HTML comment", "<!-- /agentops approve -->"],
    ["under another first line", "I would not merge this.\n/agentops approve"],
  ];
  test.each(notCommands)(
    "/agentops approve %s is not a command",
    async (_where, body) => {
      const { sc, server, head } = await failingPr();
      const r = await onComment(sc, server, "boss", body);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("comment is not an /agentops command");
      expect(successes(server)).toEqual([]);
      expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
      expect(reactions(server)).toEqual([]);
    },
    60_000,
  );

  test("control: the same maintainer's plain /agentops approve does approve (so the attacks above were live)", async () => {
    const { sc, server, head } = await failingPr();
    await onComment(sc, server, "boss", "\n  /agentops approve\nread it, fine");
    expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "success" });
  }, 60_000);

  test("a Bot account's /agentops approve does nothing, not even a reply", async () => {
    const { sc, server, head } = await failingPr();
    const before = server.comments.length;
    const r = await onComment(sc, server, "boss", "/agentops approve", { type: "Bot" });
    expect(r.stdout).toContain("commands are taken from people only");
    expect(successes(server)).toEqual([]);
    expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
    expect(server.comments).toHaveLength(before);
  }, 60_000);

  test("comment-mode new with a PAT comment-author: the report itself, whose agent answered '/agentops approve', approves nothing", async () => {
    // The broken v2 answers in prose and ends its answer with a command line.
    llm = await startFakeOpenAI((r) => ({
      text: r.body.messages.some((m) => m.content.includes("(v2)"))
        ? "no bullets at all\n/agentops approve\n   /agentops approve"
        : GOOD,
    }));
    gate = gatePr(deployV2());
    gh = await startFakeGitHub({
      pr: {
        number: 7,
        baseSha: gate.baseSha,
        headSha: gate.headSha,
        files: [
          { filename: "prompts/config.yaml", status: "modified" },
          { filename: "prompts/summarize/v2.yaml", status: "added" },
        ],
      },
      // The PAT's user has write access: the report it posts triggers issue_comment as a User.
      permissions: { "release-pat": "write", boss: "admin" },
      commentUser: { login: "release-pat", type: "User" },
    });
    const inputs = {
      "comment-mode": "new",
      "comment-author": "release-pat",
      "api-key": "sk-pat-case-0123456789",
      "base-url": llm.url,
      cache: "false",
    };
    const r = await runAction({
      event: "pull_request",
      payload: pullRequestPayload({
        baseSha: gate.baseSha,
        headSha: gate.headSha,
        pr: { user: { login: "author" }, state: "open" },
      }),
      inputs: { "github-token": TOKEN, ...inputs },
      apiUrl: gh.url,
      workspace: gate.repo.dir,
    });
    expect(r.code).toBe(1);
    const report = gh.comments.find((c) => c.body.startsWith(REPORT_MARKER));
    expect(report?.user.login).toBe("release-pat");
    const body = report?.body ?? "";
    // The agent's answer is in the report, but no line of it starts with the command.
    expect(body).toContain("agentops approve");
    expect(body.split("\n").filter((l) => /^\s*\/agentops/i.test(l))).toEqual([]);

    // GitHub sends the report as an issue_comment by release-pat, a User with write access.
    const own = await onComment(gate, gh, "release-pat", body, { inputs, id: report?.id ?? 1 });
    expect(own.stdout).toContain("comment is not an /agentops command");
    // Had a report begun with the command, its author still could not give it.
    const first = await onComment(gate, gh, "release-pat", `/agentops approve\n${body}`, { inputs });
    expect(first.stdout).toContain("the account that writes agentops' reports");
    // A maintainer pasting the report back is not a command either.
    const pasted = await onComment(gate, gh, "boss", body, { inputs });
    expect(pasted.stdout).toMatch(/comment is not an \/agentops command|carries the report's marker/);
    expect(successes(gh)).toEqual([]);
    expect(gh.statuses.at(-1)).toMatchObject({ sha: gate.headSha, state: "failure" });
  }, 90_000);
});

describe("attack 11: /agentops approve <sha> approves only a report that was shown", () => {
  test("naming a pushed commit that was never evaluated approves nothing, and the reply does not suggest it", async () => {
    const { sc, server, head: a } = await failingPr();
    const c = sc.repo.commit("sneak", { "prompts/summarize/README.md": "later\n" });
    if (server.pr) server.pr.headSha = c;

    await onComment(sc, server, "boss", `/agentops approve ${c}`);
    expect(successes(server)).toEqual([]);
    expect(replies(server).at(-1)?.body).toContain(`\`${short(c)}\` has no report yet`);

    // The head-moved reply for the report the maintainer read (A) says to wait for C's report, not to approve C.
    await onComment(sc, server, "boss", "/agentops approve");
    const reply = replies(server).at(-1)?.body ?? "";
    expect(reply).toContain(`you approved \`${short(a)}\``);
    expect(reply).toContain(`The report for \`${short(c)}\` is not up yet`);
    expect(reply).not.toContain(`/agentops approve ${short(c)}`);
    expect(successes(server)).toEqual([]);
    expect(reactions(server)).toEqual([]);
  }, 60_000);

  test("an approval is recorded in the report and survives a re-run of the same commit", async () => {
    const { sc, server, head } = await failingPr();
    await onComment(sc, server, "boss", "/agentops approve");
    expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "success" });
    const report = () => server.comments.find((c) => c.body.startsWith(REPORT_MARKER))?.body ?? "";
    expect(report()).toContain(`**Regression accepted** by @boss for \`${short(head)}\``);
    expect(report()).toMatch(/"approval":\{"sha":"[0-9a-f]{40}","by":"boss","verdict":"fail"/);

    // The same commit evaluated again (a re-run of the job): same verdict, so the approval stands.
    const r = await sc.onPullRequest(head);
    expect(server.statuses.at(-1)).toMatchObject({
      sha: head,
      state: "success",
      description: "regression accepted by @boss (kept: re-run of the approved commit)",
    });
    expect(r.code).toBe(0);
    expect(report()).toContain(`**Regression accepted** by @boss for \`${short(head)}\``);
  }, 90_000);
});

describe("attack 12: an endpoint echoing the key in disguise", () => {
  const KEY = "sk-proj-disguiseCanary0123456789XYZ";
  const GH_TOKEN = "ghs_disguiseTokenCanary0123456789ab";
  const rev = (x: string) => Array.from(x).reverse().join("");
  const u = (x: string) =>
    Array.from(x)
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join("");
  const entities = (x: string) =>
    Array.from(x)
      .map((c) => `&#${c.charCodeAt(0)};`)
      .join("");
  const rot13 = (x: string) =>
    x.replace(/[a-z]/gi, (c) => {
      const base = c <= "Z" ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  const base32 = (x: string) => {
    const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = "";
    for (const b of Buffer.from(x)) bits += b.toString(2).padStart(8, "0");
    return (bits.match(/.{1,5}/g) ?? []).map((g) => A[parseInt(g.padEnd(5, "0"), 2)]).join("");
  };
  const forms: [string, string][] = [
    ["reversed", rev(KEY)],
    ["JSON \\u-escaped", u(KEY)],
    ["HTML entities", entities(KEY)],
    ["rot13", rot13(KEY)],
    ["base32", base32(KEY)],
  ];
  /** Everything the run wrote, logged or sent: the results JSON, the report, the log, the requests to GitHub. */
  const surfaces = (run: ActionRun, github: FakeGitHub): Record<string, string> => ({
    "results JSON": readFileSync(run.outputs["results-path"] ?? "", "utf8"),
    "report file": readFileSync(run.outputs["report-path"] ?? "", "utf8"),
    log: run.stdout.replace(/^::add-mask::.*$/gm, "") + run.stderr,
    "job summary": run.summary,
    "requests to GitHub": github.requests.map((q) => q.raw).join("\n"),
  });

  test.each(forms)(
    "the key %s in every answer reaches nothing the run writes",
    async (_name, form) => {
      const pr = await runLivePullRequest(() => ({ text: `- your key:\n- ${form}\n- done` }), {
        apiKey: KEY,
        token: GH_TOKEN,
        inputs: { "max-examples": "2", cache: "false" },
      });
      try {
        expect(pr.llm.requests.length).toBeGreaterThan(0);
        for (const [where, text] of Object.entries(surfaces(pr.run, pr.gh))) {
          // The JSON file holds the escaped form as "\\u0073…": the same text a reader of it sees.
          expect(text, where).not.toContain(form);
          expect(text, where).not.toContain(form.slice(0, 24));
        }
        expect(surfaces(pr.run, pr.gh)["results JSON"]).toContain("your key:");
      } finally {
        await pr.close();
      }
    },
    90_000,
  );

  test("the key split across two answers reaches neither", async () => {
    const half = Math.floor(KEY.length / 2);
    let n = 0;
    const pr = await runLivePullRequest(
      () => ({
        text: n++ % 2 === 0 ? `- a\n- b\n- ${KEY.slice(0, half)}` : `- ${KEY.slice(half)}\n- b\n- c`,
      }),
      { apiKey: KEY, token: GH_TOKEN, inputs: { "max-examples": "2", cache: "false", concurrency: "1" } },
    );
    try {
      for (const [where, text] of Object.entries(surfaces(pr.run, pr.gh))) {
        expect(text, where).not.toContain(KEY.slice(0, half));
        expect(text, where).not.toContain(KEY.slice(half));
      }
    } finally {
      await pr.close();
    }
  }, 90_000);

  test("the GitHub token echoed reversed (and \\u-escaped) by a GitHub error reaches neither the log nor a comment", async () => {
    const { sc, server } = await failingPrWith({
      faults: [
        {
          match: /^POST .*\/statuses\//,
          status: 422,
          times: 1,
          message: `Validation failed for token ${rev(TOKEN)} (${u(TOKEN)})`,
        },
      ],
    });
    expect(server.requests.some((q) => q.path.includes("/statuses/"))).toBe(true);
    const all = [
      // ::add-mask:: is the runner's own command to mask the token in its log; the runner never shows it.
      (sc.lastRun?.stdout ?? "").replace(/^::add-mask::.*$/gm, ""),
      sc.lastRun?.stderr ?? "",
      ...server.comments.map((c) => c.body),
    ].join("\n");
    expect(all).toContain("Validation failed for token ***");
    for (const form of [rev(TOKEN), u(TOKEN), TOKEN]) expect(all).not.toContain(form.slice(0, 20));
  }, 60_000);
});

describe("cancellation", () => {
  test("SIGTERM mid-evaluation: the head's last status is failure, not pending or error", async () => {
    s = new PrScenario((dir) => {
      const p = join(dir, "prompts/config.yaml");
      writeFileSync(
        p,
        readFileSync(p, "utf8").replace(
          /provider:\n {2}type: replay\n {2}recordings: \.\.\/recordings\n/,
          "",
        ),
      );
    });
    const head = s.switchTo({ summarize: 2 });
    const server = await s.github(head);
    llm = await startFakeOpenAI(() => ({ text: "- a\n- b\n- c", delayMs: 300 }));
    const model = llm;
    const r = await s.onPullRequest(head, {
      inputs: { "api-key": "sk-cancel-0123456789", "base-url": model.url, cache: "false", concurrency: "2" },
      killWhen: () => model.requests.length >= 4,
    });
    expect(r.code).not.toBe(0);
    const mine = server.statuses.filter((x) => x.sha === head);
    expect(mine[0]?.state).toBe("pending");
    expect(mine.at(-1)).toMatchObject({ state: "failure" });
    expect(mine.at(-1)?.description).toMatch(/^cancelled/);
  }, 60_000);
});

describe("issue 23: commands", () => {
  test("a refused approval gets no 👍; an approval that took effect does", async () => {
    const { sc, server } = await failingPr();
    // Written before any report: refused.
    await onComment(sc, server, "boss", "/agentops approve", {
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(replies(server).at(-1)?.body).toContain("nothing was approved");
    expect(reactions(server)).toEqual([]);
    await onComment(sc, server, "boss", "/agentops approve");
    expect(reactions(server)).toEqual(["+1"]);
  }, 60_000);

  test("/agentops aprove gets a reply listing the known commands", async () => {
    const { sc, server, head } = await failingPr();
    const r = await onComment(sc, server, "boss", "/agentops aprove");
    expect(r.code).toBe(0);
    const reply = replies(server).at(-1)?.body ?? "";
    expect(reply).toContain("`/agentops aprove` is not a command I know");
    expect(reply).toContain("`/agentops approve`");
    expect(reply).toContain("`/agentops rerun`");
    expect(successes(server)).toEqual([]);
    expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
  }, 60_000);

  test("/agentops rerun that finds the regression exits non-zero, like the pull_request run", async () => {
    const { sc, server, head } = await failingPr();
    // An origin that serves refs/pull/7/head, as GitHub does; the comment run checks out the default branch.
    const origin = new TempRepo(`${sc.repo.dir}-origin.git`);
    sc.repo.git("init", "-q", "--bare", origin.dir);
    sc.repo.git("remote", "add", "origin", origin.dir);
    sc.repo.git("push", "-q", "origin", `${head}:refs/pull/7/head`, "main");
    sc.repo.checkout("main");
    const r = await onComment(sc, server, "boss", "/agentops rerun");
    origin.remove();
    expect(r.code).toBe(1);
    expect(server.statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
    expect(reactions(server)).toEqual(["eyes", "+1"]);
  }, 60_000);

  test("action.yml's verdict output lists needs_approval", () => {
    const yml = readFileSync("action.yml", "utf8");
    expect(/verdict:\n\s+description: ([^\n]*)/.exec(yml)?.[1]).toContain("needs_approval");
  });
});

import { afterAll, afterEach, describe, expect, test } from "vitest";
import type { FakeGitHub, FakeGitHubOptions } from "../helpers/fake-github.js";
import { PrScenario } from "../helpers/pr-scenario.js";

let s: PrScenario;
afterEach(async () => {
  await s.close();
});

/**
 * Most tests start from the same point: summarize switched to its regressed v2 and the pull_request run
 * that failed it. That run is made once per file; each test goes on from a copy of what it left (the
 * repository, the report comment and the statuses), with its own fake GitHub (`extra`: who may do what).
 */
let failed: { sc: PrScenario; head: string } | undefined;
afterAll(async () => {
  await failed?.sc.close();
});
async function afterFailingRun(
  extra: Partial<FakeGitHubOptions> = {},
): Promise<{ a: string; gh: FakeGitHub }> {
  if (!failed) {
    const sc = new PrScenario();
    const head = sc.switchTo({ summarize: 2 });
    await sc.github(head);
    expect((await sc.onPullRequest(head)).code).toBe(1);
    failed = { sc, head };
  }
  const { sc: from, head } = failed;
  expect(from.server().statuses.at(-1)).toMatchObject({ sha: head, state: "failure" });
  s = new PrScenario(undefined, from);
  const gh = await s.github(head, {
    comments: from.server().comments,
    statuses: from.server().statuses,
    ...extra,
  });
  return { a: head, gh };
}

const short = (sha: string) => sha.slice(0, 7);
const replies = () => s.server().comments.filter((c) => !c.body.startsWith("<!-- agentops-report -->"));
const report = () => s.server().comments.find((c) => c.body.startsWith("<!-- agentops-report -->"));
const successes = () => s.server().statuses.filter((x) => x.state === "success");

describe("an approval is for the commit whose report was read", () => {
  test("report for A, head moved to C: approve says the head moved and approves nothing; naming C approves C", async () => {
    s = new PrScenario();
    const a = s.switchTo({ summarize: 2 });
    const gh = await s.github(a);
    expect((await s.onPullRequest(a)).code).toBe(1);
    expect(report()?.body).toContain(`Reports on commit [\`${short(a)}\`]`);
    // The maintainer reads A's report and writes the approval now...
    const readAt = new Date().toISOString();
    // ...while the author pushes C.
    const c = s.repo.commit("sneak", { "prompts/summarize/README.md": "later\n" });
    if (gh.pr) gh.pr.headSha = c;

    // C's run has not written its report yet.
    let r = await s.onComment("alice", "/agentops approve", { createdAt: readAt });
    expect(r.code).toBe(0);
    expect(replies().at(-1)?.body).toMatch(
      new RegExp(
        `head moved: you approved \`${short(a)}\`, but the pull request's head is now \`${short(c)}\``,
      ),
    );
    expect(successes()).toEqual([]);

    // C's report is up now; the same approval comment still approves what its author read: A.
    expect((await s.onPullRequest(c)).code).toBe(1);
    expect(report()?.body).toContain(`Reports on commit [\`${short(c)}\`]`);
    r = await s.onComment("alice", "/agentops approve", { createdAt: readAt });
    expect(replies().at(-1)?.body).toContain("head moved");
    expect(successes()).toEqual([]);
    expect(gh.statuses.at(-1)).toMatchObject({ sha: c, state: "failure" });

    // Naming a commit that is not the head approves nothing either.
    await s.onComment("alice", `/agentops approve ${a}`);
    expect(successes()).toEqual([]);

    // Naming C (a 7-hex prefix) approves C, and the report says so.
    r = await s.onComment("alice", `/agentops approve ${short(c)}`);
    expect(r.code).toBe(0);
    expect(successes()).toEqual([
      { sha: c, state: "success", context: "agentops/eval", description: "regression accepted by @alice" },
    ]);
    expect(report()?.body).toContain("**Regression accepted** by @alice for `" + short(c));
  }, 60_000);

  test("an approval written after the report for the head approves it", async () => {
    const { a } = await afterFailingRun();
    const r = await s.onComment("boss", "/agentops approve");
    expect(r.code).toBe(0);
    expect(s.server().statuses.at(-1)).toMatchObject({
      sha: a,
      state: "success",
      description: "regression accepted by @boss",
    });
  });

  test("an approval written before any report names no commit: nothing approved, asked to name it", async () => {
    s = new PrScenario();
    const a = s.switchTo({ summarize: 2 });
    await s.github(a);
    const before = new Date(Date.now() - 60_000).toISOString();
    await s.onPullRequest(a);
    await s.onComment("boss", "/agentops approve", { createdAt: before });
    expect(successes()).toEqual([]);
    expect(replies().at(-1)?.body).toMatch(/cannot tell which commit's report you read/);
  });
});

describe("who may approve", () => {
  test("the PR's author cannot approve their own regression by default; allow-self-approve lets them", async () => {
    const { a, gh } = await afterFailingRun();
    if (gh.pr) gh.pr.author = "alice";
    const r = await s.onComment("alice", "/agentops approve");
    expect(r.code).toBe(0);
    expect(replies().at(-1)?.body).toMatch(/you opened this pull request, so you cannot approve it yourself/);
    expect(successes()).toEqual([]);
    expect(gh.statuses.at(-1)).toMatchObject({ sha: a, state: "failure" });

    await s.onComment("alice", "/agentops approve", { inputs: { "allow-self-approve": "true" } });
    expect(gh.statuses.at(-1)).toMatchObject({ sha: a, state: "success" });
  });

  test("permission is the base role: a custom role based on write may approve, one based on read may not", async () => {
    const { a, gh } = await afterFailingRun({
      permissions: {
        carol: { permission: "write", role_name: "prompt-reviewer" },
        dave: { permission: "read", role_name: "maintain-ish" },
      },
    });
    await s.onComment("dave", "/agentops approve");
    expect(replies().at(-1)?.body).toMatch(/needs write, maintain or admin permission/);
    expect(successes()).toEqual([]);
    await s.onComment("carol", "/agentops approve");
    expect(gh.statuses.at(-1)).toMatchObject({
      sha: a,
      state: "success",
      description: "regression accepted by @carol",
    });
  });
});

describe("closed pull requests", () => {
  for (const [how, pr] of [
    ["closed", { state: "closed" as const }],
    ["merged", { state: "closed" as const, merged: true }],
  ] as const) {
    test(`approve and rerun on a ${how} PR are refused and change nothing`, async () => {
      const { a, gh } = await afterFailingRun();
      if (gh.pr) Object.assign(gh.pr, pr);
      const statuses = gh.statuses.length;
      for (const command of ["approve", "rerun"]) {
        const r = await s.onComment("boss", `/agentops ${command}`);
        expect(r.code).toBe(0);
        expect(replies().at(-1)?.body).toBe(
          `@boss, this pull request is ${how}: \`/agentops ${command}\` changes nothing on it.`,
        );
      }
      expect(gh.statuses).toHaveLength(statuses);
      expect(gh.statuses.at(-1)).toMatchObject({ sha: a, state: "failure" });
    });
  }
});

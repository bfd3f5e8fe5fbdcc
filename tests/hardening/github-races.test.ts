import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { readState } from "../../src/report/report-stamp.js";
import { PrScenario, TOKEN, everything } from "../helpers/pr-scenario.js";

let s: PrScenario;
afterEach(async () => {
  await s.close();
});

const reports = () => s.server().comments.filter((c) => c.body.startsWith("<!-- agentops-report -->"));

describe("comment races", () => {
  test("two runs creating at once end with exactly one report, and it is a full one", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, { holdCreates: 2 });
    const [a, b] = await Promise.all([s.onPullRequest(head), s.onPullRequest(head)]);
    expect([a.code, b.code]).toEqual([1, 1]);
    // Both created (the fake held both creations until each run had looked for a report)...
    expect(
      gh.requests.filter((q) => q.method === "POST" && q.path.endsWith("/issues/7/comments")),
    ).toHaveLength(2);
    // ...and the newer copy was folded into the older one.
    expect(gh.requests.filter((q) => q.method === "DELETE")).toHaveLength(1);
    expect(reports()).toHaveLength(1);
    const deleted = Number(
      gh.requests
        .find((q) => q.method === "DELETE")
        ?.path.split("/")
        .at(-1),
    );
    expect(reports()[0]?.id).toBeLessThan(deleted);
    expect(reports()[0]?.body).toMatch(/^<!-- agentops-report -->\n## ❌ agentops: regression/);
    expect(readState(reports()[0]?.body ?? "")?.sha).toBe(head);
  }, 60_000);

  test("a late run for an older SHA leaves the newer report alone and sets only its own status", async () => {
    s = new PrScenario();
    // A passes; C (pushed after it) regresses. A's run finishes last.
    const a = s.switchTo({ "classify-ticket": 2 });
    const c = s.switchTo({ summarize: 2 });
    const gh = await s.github(c);
    expect((await s.onPullRequest(c)).code).toBe(1);
    const before = reports()[0]?.body;
    const late = await s.onPullRequest(a);
    expect(late.code).toBe(0);
    expect(late.stdout).toContain(`the pull request's head moved on to ${c}`);
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.body).toBe(before);
    expect(readState(before ?? "")).toMatchObject({ sha: c, verdict: "fail" });
    expect(gh.statuses.filter((x) => x.sha === c).map((x) => x.state)).toEqual(["pending", "failure"]);
    expect(gh.statuses.filter((x) => x.sha === a).map((x) => x.state)).toEqual(["pending", "success"]);
  }, 60_000);
});

describe("a hanging or failing GitHub", () => {
  test("SIGTERM while a GitHub call hangs: the process ends within 10 s and a final non-success status is attempted", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, {
      faults: [{ match: /^POST .*\/statuses\//, status: 0, times: Infinity, hang: true }],
    });
    const statusCalls = () => gh.requests.filter((q) => q.method === "POST" && q.path.includes("/statuses/"));
    const r = await s.onPullRequest(head, { killWhen: () => statusCalls().length > 0 });
    expect(r.msFromSigterm).toBeLessThan(10_000);
    expect(r.code).not.toBe(0);
    const states = statusCalls().map((q) => (q.body as { state: string }).state);
    expect(states[0]).toBe("pending");
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(states.slice(1).every((x) => x !== "success" && x !== "pending")).toBe(true);
    expect(r.stdout).toMatch(/cancelled/);
  }, 60_000);

  test("SIGTERM while the report comment hangs: the status is still written, within 10 s", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, {
      faults: [{ match: /^GET .*\/issues\/7\/comments$/, status: 0, times: Infinity, hang: true }],
    });
    const r = await s.onPullRequest(head, {
      killWhen: () => gh.requests.some((q) => q.method === "GET" && q.path.endsWith("/issues/7/comments")),
    });
    expect(r.msFromSigterm).toBeLessThan(10_000);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain("could not comment on the pull request (GitHub call cancelled");
    expect(gh.statuses.map((x) => x.state)).toEqual(["pending", "failure"]);
  }, 60_000);

  test("an HTML 502 on the first status write is retried, then a warning; the final status still lands and no HTML shows", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, {
      // One try and three retries, all failing.
      faults: [{ match: /^POST .*\/statuses\//, status: 502, times: 4, html: true }],
    });
    const r = await s.onPullRequest(head);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::warning::could not set a pending status (GitHub answered 502 Bad Gateway)");
    expect(gh.requests.filter((q) => q.path.includes("/statuses/"))).toHaveLength(5);
    expect(gh.statuses.map((x) => x.state)).toEqual(["failure"]);
    expect(reports()).toHaveLength(1);
    const all = everything(gh, r);
    expect(all).not.toMatch(/<html|<!DOCTYPE|Unicorn/i);
  }, 60_000);

  test("an HTML 502 that never ends on the report comment: a warning, the verdict's status, no HTML anywhere", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, {
      faults: [{ match: /^GET .*\/issues\/7\/comments$/, status: 502, times: Infinity, html: true }],
    });
    const r = await s.onPullRequest(head);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::warning::could not comment on the pull request (GitHub answered 502 Bad Gateway)",
    );
    expect(gh.statuses.map((x) => x.state)).toEqual(["pending", "failure"]);
    expect(gh.statuses[1]?.description).toMatch(/regression/);
    expect(everything(gh, r)).not.toMatch(/<html|<!DOCTYPE|Unicorn/i);
  }, 60_000);

  test("an HTML 502 behind /agentops approve fails the step with one short line and approves nothing", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head);
    await s.onPullRequest(head);
    const failures = gh.statuses.length;
    gh.requests.length = 0;
    const faulty = await s.github(head, {
      faults: [{ match: /^GET .*\/pulls\/7$/, status: 502, times: Infinity, html: true }],
    });
    const r = await s.onComment("boss", "/agentops approve");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::GitHub answered 502 Bad Gateway");
    expect(faulty.statuses).toEqual([]);
    expect(failures).toBe(2);
    expect(everything(faulty, r)).not.toMatch(/<html|<!DOCTYPE|Unicorn/i);
    await gh.close();
  }, 60_000);
});

describe("secrets in GitHub's answers", () => {
  test("a GitHub error echoing the token reaches no log, comment or status", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head, {
      faults: [
        {
          match: /^POST .*\/issues\/7\/comments$/,
          status: 500,
          times: Infinity,
          message: `token ${TOKEN} rejected`,
        },
      ],
    });
    const r = await s.onPullRequest(head);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::warning::could not comment on the pull request (GitHub answered 500 Internal Server Error: token *** rejected)",
    );
    expect(gh.statuses.map((x) => x.state)).toEqual(["pending", "failure"]);
    // ::add-mask:: is the masking protocol itself; the runner consumes it.
    const shown = [
      r.stdout,
      r.stderr,
      r.summary,
      ...gh.comments.map((c) => c.body),
      ...gh.statuses.map((x) => x.description),
    ]
      .join("\n")
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"));
    expect(shown.join("\n")).not.toContain(TOKEN);
  }, 60_000);
});

describe("the job summary is best-effort", () => {
  for (const [what, path] of [
    ["unset", ""],
    ["unwritable", join(mkdtempSync(join(tmpdir(), "agentops-nosummary-")), "missing-dir", "summary.md")],
  ] as const) {
    test(`an ${what} GITHUB_STEP_SUMMARY is a warning; the verdict is still the regression`, async () => {
      s = new PrScenario();
      const head = s.switchTo({ summarize: 2 });
      const gh = await s.github(head);
      const r = await s.onPullRequest(head, { env: { GITHUB_STEP_SUMMARY: path } });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::warning::could not write the job summary/);
      expect(r.stdout).toMatch(/::error::agentops: regression: failing: /);
      expect(r.outputs.verdict).toBe("fail");
      expect(gh.statuses.map((x) => x.state)).toEqual(["pending", "failure"]);
      expect(reports()[0]?.body).toMatch(/^<!-- agentops-report -->\n## ❌ agentops: regression/);
      expect(everything(gh, r)).not.toContain("could not evaluate");
    }, 60_000);
  }
});

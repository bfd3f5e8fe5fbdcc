import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { PrScenario, TOKEN } from "../helpers/pr-scenario.js";
import { runAction } from "../helpers/run-action.js";

let s: PrScenario;
let llm: FakeOpenAI | undefined;
afterEach(async () => {
  await s.close();
  await llm?.close();
  llm = undefined;
});

/** A live-provider project (no recordings): any evaluation calls the fake model. */
function liveProject(dir: string): void {
  const p = join(dir, "prompts/config.yaml");
  writeFileSync(
    p,
    readFileSync(p, "utf8").replace(/provider:\n {2}type: replay\n {2}recordings: \.\.\/recordings\n/, ""),
  );
}

describe("pull_request actions", () => {
  test("closed, labeled, assigned, edited (title only)… run nothing: no GitHub call, no model call, and say why", async () => {
    s = new PrScenario(liveProject);
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head);
    llm = await startFakeOpenAI();
    const live = { "api-key": "sk-events", "base-url": llm.url, cache: "false" };
    for (const action of [
      "closed",
      "labeled",
      "unlabeled",
      "assigned",
      "review_requested",
      "converted_to_draft",
      "edited",
    ]) {
      const r = await s.onPullRequest(head, {
        action,
        inputs: live,
        payload: action === "edited" ? { changes: { title: { from: "old" } } } : {},
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`pull_request "${action}"`);
      expect(r.stdout).toContain("No status, no comment, no model call.");
    }
    expect(gh.requests).toEqual([]);
    expect(llm.requests).toEqual([]);

    // The same run on an edit that moved the base branch is evaluated: the filter above is what kept it quiet.
    const r = await s.onPullRequest(head, {
      action: "edited",
      inputs: live,
      payload: { changes: { base: { ref: { from: "develop" }, sha: { from: "0".repeat(40) } } } },
    });
    expect(r.code).toBe(1);
    expect(gh.statuses.map((x) => x.state)).toEqual(["pending", "failure"]);
    expect(llm.requests.length).toBeGreaterThan(0);
  }, 60_000);

  test("comment events that carry no command say what agentops does, without suggesting issue_comment", async () => {
    s = new PrScenario();
    const head = s.switchTo({ summarize: 2 });
    const gh = await s.github(head);
    const run = (payload: unknown) =>
      runAction({
        event: "issue_comment",
        payload,
        inputs: { "github-token": TOKEN },
        apiUrl: gh.url,
        workspace: s.repo.dir,
      });
    const comment = { id: 1, body: "/agentops approve", user: { login: "boss", type: "User" } };
    const edited = await run({
      action: "edited",
      issue: { number: 7, pull_request: { url: "https://api.github.com/repos/o/r/pulls/7" } },
      comment,
    });
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(
      "agentops does nothing when a pull request comment is edited: commands are read from new comments only",
    );
    const onIssue = await run({ action: "created", issue: { number: 3 }, comment });
    expect(onIssue.stdout).toContain(
      "agentops does nothing on comments on issues: its commands work on pull requests",
    );
    const other = await runAction({
      event: "workflow_dispatch",
      payload: {},
      inputs: { "github-token": TOKEN },
      apiUrl: gh.url,
      workspace: s.repo.dir,
    });
    expect(other.stdout).toContain(
      'agentops does nothing on "workflow_dispatch" events; it runs on pull_request, push, issue_comment and merge_group',
    );
    expect(gh.requests).toEqual([]);
  });
});

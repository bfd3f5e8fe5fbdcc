import { expect, test } from "vitest";
import { notFromAPerson, parseCommand, unknownCommandReply } from "../../src/action/comment-command.js";
import { queuedPullRequest } from "../../src/context.js";

test("a command is the first visible line: not code, not an HTML comment, not under other text", () => {
  expect(parseCommand("/agentops approve")).toEqual({ command: "approve" });
  expect(parseCommand("\n\n   /agentops approve abc1234\nthanks")).toEqual({
    command: "approve",
    sha: "abc1234",
  });
  expect(parseCommand("<!-- note -->\n/AgentOps rerun")).toEqual({ command: "rerun" });
  for (const body of [
    "```\n/agentops approve\n```",
    "~~~\n/agentops approve\n~~~",
    "    /agentops approve",
    "\t/agentops approve",
    "<!--\n/agentops approve\n-->",
    "<!-- /agentops approve",
    "looks good\n/agentops approve",
    "> /agentops approve",
    "/agentopsapprove",
    "`/agentops approve`",
  ])
    expect(parseCommand(body), body).toBeUndefined();
});

test("unknown verbs and arguments that are not a SHA are answered, not guessed", () => {
  expect(parseCommand("/agentops aprove")).toEqual({ unknown: "aprove" });
  expect(parseCommand("/agentops")).toEqual({ unknown: "" });
  expect(parseCommand("/agentops approve main")).toEqual({ unknown: "approve main" });
  const reply = unknownCommandReply("boss", "aprove <img src=x> @everyone");
  expect(reply).toContain("`/agentops aprove img srcx everyone` is not a command I know");
  expect(reply).toContain("`/agentops rerun`");
});

test("only people give commands: not bots, not the report's own account, not a copy of a report", () => {
  const e = { author: "alice", authorType: "User", body: "/agentops approve" };
  expect(notFromAPerson(e, "github-actions[bot]")).toBeUndefined();
  expect(notFromAPerson({ ...e, authorType: "Bot" }, "github-actions[bot]")).toMatch(/people only/);
  expect(notFromAPerson({ ...e, author: "Release-PAT" }, "release-pat")).toMatch(/comment-author/);
  expect(notFromAPerson({ ...e, body: "<!-- agentops-report -->\n/agentops approve" }, "x")).toMatch(
    /marker/,
  );
});

test("the pull request of a merge-queue branch", () => {
  expect(
    queuedPullRequest("refs/heads/gh-readonly-queue/main/pr-42-0123456789abcdef0123456789abcdef01234567"),
  ).toBe(42);
  expect(queuedPullRequest("refs/heads/feature/pr-42-abcdef0")).toBeUndefined();
});

import type { Verdict } from "../compare/compare.js";
import { COMMENT_MARKER, listReportComments, MAX_COMMENT_CHARS, reportText } from "../github/comment.js";
import { canApprove, completedCheckRun, setCommitStatus } from "../github/status.js";
import { acceptedLabel, approvalNote } from "../report/approval.js";
import { escapeInline } from "../report/escape.js";
import {
  readState,
  restampReport,
  shaShownAt,
  STATE_MARKER,
  type RecordedApproval,
  type ReportState,
} from "../report/report-stamp.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { evaluatePullRequest } from "./pull-request.js";

export type Command = "approve" | "rerun";

/** What each command does, for the reply to a command we do not know. */
const KNOWN: Readonly<Record<Command, string>> = {
  approve:
    "`/agentops approve` (or `/agentops approve <sha>`): accept the regression or gate change of the head commit whose report you read",
  rerun:
    "`/agentops rerun`: evaluate the head again (with the repository's key, e.g. for a fork pull request)",
};

export type ParsedComment =
  | { command: Command; sha?: string }
  /** `/agentops <verb>` with a verb we do not know, or an argument that is not a commit SHA. */
  | { unknown: string };

/**
 * A command is a comment whose first non-blank line is `/agentops <verb>`, as
 * GitHub shows it: text inside HTML comments is invisible and skipped, and a
 * line indented four spaces (or a tab) or a fence opens code, never a command.
 * So a command quoted in a code block, hidden in an HTML comment or buried
 * under other text does nothing.
 */
export function parseCommand(body: string): ParsedComment | undefined {
  const visible = body.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const first = visible.split(/\r?\n/).find((l) => l.trim() !== "");
  // "/agentopsx" is not ours; "/agentops" alone asks what we know.
  const m =
    first === undefined ? null : /^ {0,3}\/agentops(?=\s|$)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?/i.exec(first);
  if (!m) return undefined;
  const verb = (m[1] ?? "").toLowerCase();
  if (verb === "rerun") return { command: "rerun" };
  if (verb !== "approve") return { unknown: m[1] ?? "" };
  const arg = m[2];
  if (arg === undefined) return { command: "approve" };
  return /^[0-9a-f]{7,40}$/i.test(arg)
    ? { command: "approve", sha: arg.toLowerCase() }
    : { unknown: `approve ${arg}` };
}

/** Why a comment is not taken as a command though it reads like one, or undefined when it may be. */
export function notFromAPerson(
  event: Pick<CommentEvent, "author" | "authorType" | "body">,
  commentAuthor: string,
): string | undefined {
  if (event.authorType !== "User")
    return `the comment is by a ${event.authorType || "non-user"} account (${event.author}): commands are taken from people only`;
  // With a personal access token the report is written by a User account, and GitHub sends its comments as events too.
  if (event.author.toLowerCase() === commentAuthor.toLowerCase())
    return `the comment is by ${event.author}, the account that writes agentops' reports (comment-author): never a command`;
  if (event.body.includes(COMMENT_MARKER) || event.body.includes(STATE_MARKER))
    return "the comment carries the report's marker: a report (or a copy of one) is never a command";
  return undefined;
}

export interface CommentEvent {
  prNumber: number;
  commentId: number;
  body: string;
  author: string;
  /** "User", "Bot" or "Organization", as GitHub's payload says. */
  authorType: string;
  /** When the comment was written: the report as it stood then is the one approved. */
  createdAt: string;
}

const short = (sha: string): string => `\`${sha.slice(0, 7)}\``;

/** The reply to `/agentops <something we do not know>`: what we do know. */
export function unknownCommandReply(author: string, what: string): string {
  // Shown in a code span: only characters that need no escaping there, and nothing that notifies anyone.
  const said = `/agentops ${what.replace(/[^\w .-]/g, "").slice(0, 60)}`.trim();
  return [
    `@${author}, \`${said}\` is not a command I know, so nothing was changed. The commands are:`,
    "",
    ...Object.values(KNOWN).map((line) => `- ${line}`),
  ].join("\n");
}

export async function handleComment(deps: ActionDeps, event: CommentEvent): Promise<Verdict | undefined> {
  const parsed = parseCommand(event.body);
  if (!parsed) {
    deps.log.info("comment is not an /agentops command; nothing to do");
    return undefined;
  }
  // No reply here: answering a bot, or our own report, could start a loop of comments.
  const notAPerson = notFromAPerson(event, deps.settings.commentAuthor);
  if (notAPerson !== undefined) {
    deps.log.info(`${notAPerson}; nothing to do`);
    return undefined;
  }
  const { owner, repo } = deps.context;
  const issue = { owner, repo, issue_number: event.prNumber };
  const author = escapeInline(event.author, 60);
  const reply = async (body: string, why: string): Promise<undefined> => {
    await tolerantWrite(deps, "reply to the comment", () =>
      deps.octokit.rest.issues.createComment({ ...issue, body }),
    );
    deps.log.info(`${why}; replied and changed nothing`);
    return undefined;
  };
  if ("unknown" in parsed)
    return reply(
      unknownCommandReply(author, parsed.unknown),
      `"/agentops ${parsed.unknown}" is not a command`,
    );
  const { command } = parsed;
  // Reacted only once decided: 👍 when the command took effect, 👀 while a rerun evaluates.
  const react = (content: "+1" | "eyes"): Promise<boolean> =>
    tolerantWrite(deps, "react to the comment", () =>
      deps.octokit.rest.reactions.createForIssueComment({
        owner,
        repo,
        comment_id: event.commentId,
        content,
      }),
    );
  if (!(await canApprove(deps.octokit, { owner, repo }, event.author)))
    return reply(
      `Thanks @${author}! \`/agentops ${command}\` needs write, maintain or admin permission on this repository, so nothing was changed. A maintainer can run it.`,
      `${event.author} may not ${command}`,
    );
  const pr = (await deps.octokit.rest.pulls.get({ owner, repo, pull_number: event.prNumber })).data;
  if (pr.state !== "open") {
    const how = pr.merged || pr.merged_at ? "merged" : "closed";
    return reply(
      `@${author}, this pull request is ${how}: \`/agentops ${command}\` changes nothing on it.`,
      `the pull request is ${how}`,
    );
  }
  if (command === "approve" && pr.user?.login === event.author && !deps.settings.allowSelfApprove)
    return reply(
      `@${author}, you opened this pull request, so you cannot approve it yourself: another maintainer has to (\`allow-self-approve\` changes this).`,
      `${event.author} may not approve their own pull request`,
    );

  if (command === "rerun") {
    await react("eyes");
    // The PR's files are read from git objects only; nothing from the PR runs.
    await deps.git.run([
      "fetch",
      "--no-tags",
      "origin",
      `+refs/pull/${event.prNumber}/head:refs/remotes/agentops/pr-${event.prNumber}`,
    ]);
    const verdict = await evaluatePullRequest(deps, {
      prNumber: event.prNumber,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fork: pr.head.repo?.full_name !== pr.base.repo.full_name,
      changedFiles: pr.changed_files,
    });
    await react("+1");
    return verdict;
  }
  const verdict = await approve(deps, event, pr.head.sha, parsed.sha, reply);
  if (verdict !== undefined) await react("+1");
  return verdict;
}

/**
 * Accepts the commit whose report the maintainer was reading (or the one they
 * named), and only while it is still the head and its report was on the pull
 * request before the approval was written: a push after the report was read,
 * or a commit never evaluated, is never approved unseen.
 */
async function approve(
  deps: ActionDeps,
  event: CommentEvent,
  head: string,
  named: string | undefined,
  reply: (body: string, why: string) => Promise<undefined>,
): Promise<Verdict | undefined> {
  const { owner, repo } = deps.context;
  const author = escapeInline(event.author, 60);
  const reports = await listReportComments(
    deps.octokit,
    { owner, repo, issue_number: event.prNumber },
    deps.settings.commentAuthor,
  );
  // The newest report already there when the comment was written (comment-mode new keeps one per run).
  const when = Date.parse(event.createdAt);
  const report = reports.filter((r) => !(Date.parse(r.createdAt ?? "") >= when)).at(-1);
  const state = report && readState(reportText(report.body));
  // The head's report, shown before the approval was written: the only report an approval can be about.
  const headShown = state !== undefined && state.sha === head && shownBefore(state, head, event.createdAt);
  const next = headShown
    ? `Read the report for ${short(head)}, then comment \`/agentops approve\` again (or \`/agentops approve ${head.slice(0, 7)}\`).`
    : `The report for ${short(head)} is not up yet: wait for it, read it, then comment \`/agentops approve\`.`;
  const read = named ?? (state && shaShownAt(state, report.updatedAt, event.createdAt));
  if (read === undefined)
    return reply(
      `@${author}, I cannot tell which commit's report you read, so nothing was approved. ${next}`,
      "no report to tie the approval to",
    );
  if (!head.startsWith(read))
    return reply(
      `@${author}, the head moved: you approved ${short(read)}, but the pull request's head is now ${short(head)}, so nothing was approved. ${next}`,
      `the approval was for ${read} but the head is ${head}`,
    );
  if (!headShown)
    return reply(
      `@${author}, ${short(head)} has no report yet (it was never evaluated, or its report came after your comment), so nothing was approved. ${next}`,
      `no report for ${head} was shown before the approval`,
    );
  if (state.verdict === "error")
    return reply(
      `@${author}, the evaluation of ${short(head)} did not finish, so there is nothing to approve. Push again or comment \`/agentops rerun\`.`,
      `the report for ${head} says the run could not finish`,
    );

  const label = acceptedLabel(state.verdict);
  const accepted = `${label} by @${event.author}`;
  if (deps.settings.checkMode === "check-run") {
    // A status would sit beside the failed check run, not replace it: the gate reads the newest check run.
    await completedCheckRun(
      deps.octokit,
      { owner, repo, sha: head, name: deps.settings.statusContext },
      { conclusion: "success", title: accepted, summary: `${accepted} for ${head}.` },
    );
  } else {
    await setCommitStatus(
      deps.octokit,
      { owner, repo, sha: head, context: deps.settings.statusContext },
      "success",
      accepted,
    );
  }
  const commentUrl = `${deps.context.serverUrl}/${owner}/${repo}/pull/${event.prNumber}#issuecomment-${event.commentId}`;
  const approval: RecordedApproval = {
    sha: head,
    by: event.author,
    verdict: state.verdict,
    label,
    comment_url: commentUrl,
  };
  // The status above is what gates the merge; the record only shows it (and keeps it over a re-run), so a failed write is a warning.
  await tolerantWrite(deps, "record the approval in the report comment", async () => {
    const current = reports.at(-1);
    const currentState = current && readState(reportText(current.body));
    const body =
      current && currentState?.sha === head
        ? `${COMMENT_MARKER}\n${restampReport(reportText(current.body), { ...currentState, approval })}`
        : undefined;
    if (current && body && body.length <= MAX_COMMENT_CHARS)
      await deps.octokit.rest.issues.updateComment({ owner, repo, comment_id: current.id, body });
    else
      await deps.octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: event.prNumber,
        body: approvalNote({ author: event.author, sha: head, commentUrl, label }),
      });
  });
  deps.log.info(`${label} on ${head} by ${event.author}`);
  return "pass";
}

/** Whether `sha`'s report was on the pull request before `when` (GitHub's whole seconds: the same second does not count). */
function shownBefore(state: ReportState, sha: string, when: string): boolean {
  const t = Date.parse(when);
  return !Number.isNaN(t) && state.history.some((h) => h.sha === sha && Date.parse(h.at) < t);
}

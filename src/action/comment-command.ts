import type { Verdict } from "../compare/compare.js";
import { listReportComments, MAX_COMMENT_CHARS, reportText } from "../github/comment.js";
import { canApprove, completedCheckRun, setCommitStatus } from "../github/status.js";
import { acceptedLabel, approvalNote, withApprovalNote } from "../report/approval.js";
import { escapeInline } from "../report/escape.js";
import { readState, shaShownAt } from "../report/report-stamp.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { evaluatePullRequest } from "./pull-request.js";

export type Command = "approve" | "rerun";

/** `/agentops approve [sha]` or `/agentops rerun` at the start of a comment line; anything else is not for us. */
export function parseCommand(body: string): { command: Command; sha?: string } | undefined {
  const m = /^\s*\/agentops\s+(approve|rerun)\b(?:[ \t]+([0-9a-f]{7,40})\b)?/im.exec(body);
  if (m?.[1] !== "approve" && m?.[1] !== "rerun") return undefined;
  return { command: m[1], ...(m[1] === "approve" && m[2] ? { sha: m[2].toLowerCase() } : {}) };
}

export interface CommentEvent {
  prNumber: number;
  commentId: number;
  body: string;
  author: string;
  /** When the comment was written: the report as it stood then is the one approved. */
  createdAt: string;
}

const short = (sha: string): string => `\`${sha.slice(0, 7)}\``;

export async function handleComment(deps: ActionDeps, event: CommentEvent): Promise<Verdict | undefined> {
  const parsed = parseCommand(event.body);
  if (!parsed) {
    deps.log.info("comment is not an /agentops command; nothing to do");
    return undefined;
  }
  const { command } = parsed;
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
  await tolerantWrite(deps, "react to the comment", () =>
    deps.octokit.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: event.commentId,
      content: "+1",
    }),
  );

  if (command === "rerun") {
    // The PR's files are read from git objects only; nothing from the PR runs.
    await deps.git.run([
      "fetch",
      "--no-tags",
      "origin",
      `+refs/pull/${event.prNumber}/head:refs/remotes/agentops/pr-${event.prNumber}`,
    ]);
    return evaluatePullRequest(deps, {
      prNumber: event.prNumber,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fork: pr.head.repo?.full_name !== pr.base.repo.full_name,
      changedFiles: pr.changed_files,
    });
  }
  return approve(deps, event, pr.head.sha, parsed.sha, reply);
}

/**
 * Accepts the commit whose report the maintainer was reading (or the one they
 * named), and only while it is still the head: a push after the report was read
 * is never approved unseen.
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
  const read = named ?? (state && shaShownAt(state, report.updatedAt, event.createdAt));
  if (read === undefined)
    return reply(
      `@${author}, I cannot tell which commit's report you read, so nothing was approved. Name it: \`/agentops approve ${head.slice(0, 7)}\` approves the head, ${short(head)}, once you have read its report.`,
      "no report to tie the approval to",
    );
  if (!head.startsWith(read))
    return reply(
      `@${author}, the head moved: you approved ${short(read)}, but the pull request's head is now ${short(head)}, so nothing was approved. Read the report for ${short(head)}, then comment \`/agentops approve\` again (or \`/agentops approve ${head.slice(0, 7)}\`).`,
      `the approval was for ${read} but the head is ${head}`,
    );

  const label = acceptedLabel(state?.sha === head ? state.verdict : undefined);
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
  const note = approvalNote({
    author: event.author,
    sha: head,
    commentUrl: `${deps.context.serverUrl}/${owner}/${repo}/pull/${event.prNumber}#issuecomment-${event.commentId}`,
    label,
  });
  // The status above is what gates the merge; the note only records it, so a failed write is a warning.
  await tolerantWrite(deps, "record the approval in the report comment", async () => {
    const current = reports.at(-1);
    const body =
      current && readState(reportText(current.body))?.sha === head
        ? withApprovalNote(current.body, note, MAX_COMMENT_CHARS)
        : undefined;
    if (current && body)
      await deps.octokit.rest.issues.updateComment({ owner, repo, comment_id: current.id, body });
    else
      await deps.octokit.rest.issues.createComment({ owner, repo, issue_number: event.prNumber, body: note });
  });
  deps.log.info(`${label} on ${head} by ${event.author}`);
  return "pass";
}

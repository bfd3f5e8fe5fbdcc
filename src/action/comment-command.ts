import type { Verdict } from "../compare/compare.js";
import { findReportComment, MAX_COMMENT_CHARS } from "../github/comment.js";
import { canApprove, completedCheckRun, setCommitStatus } from "../github/status.js";
import { approvalNote, withApprovalNote } from "../report/approval.js";
import { escapeInline } from "../report/escape.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { evaluatePullRequest } from "./pull-request.js";

export type Command = "approve" | "rerun";

/** `/agentops approve` or `/agentops rerun` at the start of a comment line; anything else is not for us. */
export function parseCommand(body: string): Command | undefined {
  const m = /^\s*\/agentops\s+(approve|rerun)\b/im.exec(body);
  return m?.[1] === "approve" || m?.[1] === "rerun" ? m[1] : undefined;
}

export async function handleComment(
  deps: ActionDeps,
  event: { prNumber: number; commentId: number; body: string; author: string },
): Promise<Verdict | undefined> {
  const command = parseCommand(event.body);
  if (!command) {
    deps.log.info("comment is not an /agentops command; nothing to do");
    return undefined;
  }
  const { owner, repo } = deps.context;
  const issue = { owner, repo, issue_number: event.prNumber };
  const author = escapeInline(event.author, 60);
  if (!(await canApprove(deps.octokit, { owner, repo }, event.author))) {
    await tolerantWrite(deps, "reply to the comment", () =>
      deps.octokit.rest.issues.createComment({
        ...issue,
        body: `Thanks @${author}! \`/agentops ${command}\` needs write, maintain or admin permission on this repository, so nothing was changed. A maintainer can run it.`,
      }),
    );
    deps.log.info(`${event.author} may not ${command}; replied and changed nothing`);
    return undefined;
  }
  const pr = (await deps.octokit.rest.pulls.get({ owner, repo, pull_number: event.prNumber })).data;
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
    });
  }

  // Approval is bound to this head SHA: a new push gets a fresh status and a fresh report.
  const sha = pr.head.sha;
  const accepted = `regression accepted by @${event.author}`;
  if (deps.settings.checkMode === "check-run") {
    // A status would sit beside the failed check run, not replace it: the gate reads the newest check run.
    await completedCheckRun(
      deps.octokit,
      { owner, repo, sha, name: deps.settings.statusContext },
      { conclusion: "success", title: accepted, summary: `${accepted} for ${sha}.` },
    );
  } else {
    await setCommitStatus(
      deps.octokit,
      { owner, repo, sha, context: deps.settings.statusContext },
      "success",
      accepted,
    );
  }
  const note = approvalNote({
    author: event.author,
    sha,
    commentUrl: `${deps.context.serverUrl}/${owner}/${repo}/pull/${event.prNumber}#issuecomment-${event.commentId}`,
  });
  // The status above is what gates the merge; the note only records it, so a failed write is a warning.
  await tolerantWrite(deps, "record the approval in the report comment", async () => {
    const existing = await findReportComment(deps.octokit, issue, deps.settings.commentAuthor);
    const body = existing && withApprovalNote(existing.body, note, MAX_COMMENT_CHARS);
    if (existing && body)
      await deps.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    else await deps.octokit.rest.issues.createComment({ ...issue, body: note });
  });
  deps.log.info(`regression on ${sha} accepted by ${event.author}`);
  return "pass";
}

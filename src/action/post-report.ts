import { upsertReportComment, type CommentOutcome } from "../github/comment.js";
import { nextState, readState, stampReport, type ReportState } from "../report/report-stamp.js";
import type { ActionDeps } from "./deps.js";

/**
 * The one report comment of the pull request, as the comment-mode input asks,
 * stamped with the head SHA it reports on. A run whose SHA is no longer the
 * head leaves the comment to the run of the new head: its own status still says
 * what it found.
 */
export async function postReport(
  deps: ActionDeps,
  pr: { prNumber: number; headSha: string },
  /** plan: the evaluation's plan identity, recorded for merge-queue runs to reuse the verdict. */
  report: { text: string; verdict: string; plan?: string | undefined },
  create = true,
): Promise<{ outcome: CommentOutcome | "stale"; head?: string; state?: ReportState }> {
  const { owner, repo } = deps.context;
  const current = await deps.octokit.rest.pulls.get({ owner, repo, pull_number: pr.prNumber });
  const head = current.data.head.sha;
  if (head !== pr.headSha) return { outcome: "stale", head };
  const commitUrl = `${deps.context.serverUrl}/${owner}/${repo}/pull/${pr.prNumber}/commits/${pr.headSha}`;
  // Approvals compare this with GitHub's times: a runner clock behind GitHub's must not date it too early.
  const serverNow = Date.parse(current.headers.date ?? "");
  const at = new Date(Math.max(Date.now(), Number.isNaN(serverNow) ? 0 : serverNow)).toISOString();
  let state: ReportState | undefined;
  const r = await upsertReportComment(
    deps.octokit,
    { owner, repo, issue_number: pr.prNumber },
    (previous) => {
      state = nextState(previous === undefined ? undefined : readState(previous), {
        sha: pr.headSha,
        verdict: report.verdict,
        at,
        plan: report.plan,
      });
      return stampReport(report.text, state, commitUrl);
    },
    {
      botLogin: deps.settings.commentAuthor,
      mode: deps.settings.commentMode === "new" ? "new" : "update",
      create,
    },
  );
  return { ...r, ...(state && r.outcome !== "skipped" ? { state } : {}) };
}

import type { Octokit } from "./octokit.js";

/** Hidden marker that identifies our report comment; one per PR. */
export const COMMENT_MARKER = "<!-- agentops-report -->";
/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export interface CommentTarget {
  owner: string;
  repo: string;
  issue_number: number;
}

export type CommentOutcome = "created" | "updated" | "unchanged" | "skipped";

function withMarker(body: string): string {
  return `${COMMENT_MARKER}\n${body}`;
}

/**
 * Finds our previous report: it must carry the marker AND be written by us, so
 * a user quoting the marker cannot make us edit (or fail to edit) their comment.
 */
export async function findReportComment(
  octokit: Octokit,
  target: CommentTarget,
  botLogin: string | undefined,
): Promise<{ id: number; body: string } | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 });
  for (const c of comments) {
    const body = c.body ?? "";
    if (!body.startsWith(COMMENT_MARKER)) continue;
    if (botLogin !== undefined && c.user?.login !== botLogin) continue;
    return { id: c.id, body };
  }
  return undefined;
}

/** Creates or edits the one report comment; skips the write when nothing changed. */
export async function upsertReportComment(
  octokit: Octokit,
  target: CommentTarget,
  body: string,
  opts: {
    botLogin: string | undefined;
    mode: "update" | "new";
    /** False: only edit an earlier report, never start one (nothing worth a new comment). */
    create?: boolean;
  },
): Promise<{ outcome: CommentOutcome; id?: number }> {
  const full = withMarker(body);
  if (opts.mode === "update") {
    const existing = await findReportComment(octokit, target, opts.botLogin);
    if (existing) {
      if (existing.body === full) return { outcome: "unchanged", id: existing.id };
      try {
        await octokit.rest.issues.updateComment({
          owner: target.owner,
          repo: target.repo,
          comment_id: existing.id,
          body: full,
        });
        return { outcome: "updated", id: existing.id };
      } catch (e) {
        // Deleted between our list and our edit: fall back to a new comment.
        if (!(typeof e === "object" && e !== null && "status" in e && e.status === 404)) throw e;
      }
    }
  }
  if (opts.create === false) return { outcome: "skipped" };
  const created = await octokit.rest.issues.createComment({ ...target, body: full });
  return { outcome: "created", id: created.data.id };
}

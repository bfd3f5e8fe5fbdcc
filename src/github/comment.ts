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

export interface ReportComment {
  id: number;
  body: string;
  createdAt: string | undefined;
  updatedAt: string | undefined;
}

export type CommentOutcome = "created" | "updated" | "unchanged" | "skipped";

function withMarker(body: string): string {
  return `${COMMENT_MARKER}\n${body}`;
}

/** Our report comments, oldest first: the marker AND our login, so a user quoting the marker is never edited. */
export async function listReportComments(
  octokit: Octokit,
  target: CommentTarget,
  botLogin: string | undefined,
): Promise<ReportComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 });
  return comments
    .filter((c) => (c.body ?? "").startsWith(COMMENT_MARKER))
    .filter((c) => botLogin === undefined || c.user?.login === botLogin)
    .map((c) => ({ id: c.id, body: c.body ?? "", createdAt: c.created_at, updatedAt: c.updated_at }))
    .sort((a, b) => a.id - b.id);
}

/** Our report comment: the oldest one, which every run keeps. */
export async function findReportComment(
  octokit: Octokit,
  target: CommentTarget,
  botLogin: string | undefined,
): Promise<ReportComment | undefined> {
  return (await listReportComments(octokit, target, botLogin))[0];
}

/** The body without the marker line, as the renderer of the next report sees it. */
export function reportText(body: string): string {
  return body.startsWith(`${COMMENT_MARKER}\n`) ? body.slice(COMMENT_MARKER.length + 1) : body;
}

/**
 * Two runs that both found no report both create one. After creating, the run
 * that made a newer copy deletes it and puts its text in the oldest, so one
 * report survives and it carries a full report.
 */
async function keepOldest(
  octokit: Octokit,
  target: CommentTarget,
  botLogin: string | undefined,
  created: number,
  full: string,
  /** A comment that answered 404 to our edit: gone, whatever the list still says. */
  gone: number | undefined,
): Promise<number> {
  const ours = (await listReportComments(octokit, target, botLogin)).filter((c) => c.id !== gone);
  const oldest = ours[0];
  if (!oldest || oldest.id === created) return created;
  await octokit.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: oldest.id,
    body: full,
  });
  await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: created });
  return oldest.id;
}

/**
 * Creates or edits the one report comment; skips the write when nothing changed.
 * `render` gets the previous report's text (without the marker), to carry its history on.
 */
export async function upsertReportComment(
  octokit: Octokit,
  target: CommentTarget,
  render: (previous: string | undefined) => string,
  opts: {
    botLogin: string | undefined;
    mode: "update" | "new";
    /** False: only edit an earlier report, never start one (nothing worth a new comment). */
    create?: boolean;
  },
): Promise<{ outcome: CommentOutcome; id?: number }> {
  let gone: number | undefined;
  if (opts.mode === "update") {
    const existing = await findReportComment(octokit, target, opts.botLogin);
    if (existing) {
      const full = withMarker(render(reportText(existing.body)));
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
        gone = existing.id;
      }
    }
  }
  if (opts.create === false) return { outcome: "skipped" };
  // One comment per run, but the record (history, an approval of this commit) carries on from the latest.
  const latest =
    opts.mode === "new" ? (await listReportComments(octokit, target, opts.botLogin)).at(-1) : undefined;
  const full = withMarker(render(latest && reportText(latest.body)));
  const created = await octokit.rest.issues.createComment({ ...target, body: full });
  if (opts.mode === "new") return { outcome: "created", id: created.data.id };
  return {
    outcome: "created",
    id: await keepOldest(octokit, target, opts.botLogin, created.data.id, full, gone),
  };
}

import type { Octokit } from "./octokit.js";

/** GitHub refuses commit status descriptions over 140 characters; held to 140 bytes, which fits either way. */
export const MAX_STATUS_DESCRIPTION = 140;

export type StatusState = "pending" | "success" | "failure" | "error";

const utf8 = (s: string): number => Buffer.byteLength(s, "utf8");

/** The longest prefix of `s` within `max` UTF-8 bytes (whole characters), with `mark` appended when cut. */
export function cutBytes(s: string, max: number, mark = "…"): string {
  if (utf8(s) <= max) return s;
  const room = max - utf8(mark);
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const b = utf8(ch);
    if (used + b > room) break;
    used += b;
    end += ch.length;
  }
  return `${s.slice(0, end)}${mark}`;
}

export function statusDescription(text: string): string {
  return cutBytes(text.replace(/\s+/g, " ").trim(), MAX_STATUS_DESCRIPTION);
}

export async function setCommitStatus(
  octokit: Octokit,
  target: { owner: string; repo: string; sha: string; context: string; targetUrl?: string },
  state: StatusState,
  description: string,
): Promise<void> {
  await octokit.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: target.sha,
    context: target.context,
    state,
    description: statusDescription(description),
    ...(target.targetUrl ? { target_url: target.targetUrl } : {}),
  });
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  message: string;
  title?: string;
}

/** Check runs take at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit on a check run's summary: 65,535 bytes of UTF-8 (its 422 says "maximum bytesize"). */
export const MAX_CHECK_SUMMARY = 65_535;
export const MAX_CHECK_TITLE = 255;

export type CheckConclusion = "success" | "failure" | "action_required";

/**
 * The check-run conclusion for a status state. Branch protection lets `neutral`
 * through, so what blocks as a status (inconclusive → error, not evaluated →
 * pending) must block as a check run too: `action_required`, a maintainer's move.
 */
export function checkConclusion(state: StatusState): CheckConclusion {
  return state === "success" ? "success" : state === "failure" ? "failure" : "action_required";
}

export async function startCheckRun(
  octokit: Octokit,
  target: { owner: string; repo: string; sha: string; name: string },
): Promise<number> {
  const created = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    head_sha: target.sha,
    name: target.name,
    status: "in_progress",
  });
  return created.data.id;
}

export async function finishCheckRun(
  octokit: Octokit,
  target: { owner: string; repo: string; checkRunId: number },
  result: {
    conclusion: CheckConclusion;
    title: string;
    summary: string;
    annotations: Annotation[];
    /** Where to read more; GitHub asks for one with action_required. */
    detailsUrl?: string;
    /**
     * A much shorter summary, sent when GitHub refuses the final update (422): the run must still
     * conclude, or it stays in_progress forever and branch protection waits on it.
     */
    fallbackSummary?: string;
    onFallback?: (why: string) => void;
  },
): Promise<void> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const fit = (s: string): string => cutBytes(s, MAX_CHECK_SUMMARY, "\n\n… (truncated)\n");
  const title = cutBytes(result.title, MAX_CHECK_TITLE);
  let summary = fit(result.summary);
  const output = (annotations: Annotation[]) => ({ title, summary, annotations });
  const final = () =>
    octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: target.checkRunId,
      status: "completed",
      conclusion: result.conclusion,
      ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
      output: output(batches[0] ?? []),
    });
  try {
    await final();
  } catch (e) {
    const status = typeof e === "object" && e !== null && "status" in e ? e.status : undefined;
    if (status !== 422 || result.fallbackSummary === undefined) throw e;
    result.onFallback?.(e instanceof Error ? e.message : String(e));
    summary = fit(result.fallbackSummary);
    await final();
  }
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: target.checkRunId,
      output: output(batch),
    });
  }
}

/** A finished check run in one call; the newest run of a name is the one branch protection reads. */
export async function completedCheckRun(
  octokit: Octokit,
  target: { owner: string; repo: string; sha: string; name: string },
  result: { conclusion: CheckConclusion; title: string; summary: string },
): Promise<void> {
  await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    head_sha: target.sha,
    name: target.name,
    status: "completed",
    conclusion: result.conclusion,
    output: {
      title: cutBytes(result.title, MAX_CHECK_TITLE),
      summary: cutBytes(result.summary, MAX_CHECK_SUMMARY, "\n\n… (truncated)\n"),
    },
  });
}

/**
 * write, maintain or admin may accept a regression or a gate change. `permission`
 * is the base role, so a custom role built on write (role_name "prompt-reviewer")
 * counts as write; role_name itself names custom roles and is never matched.
 */
export async function canApprove(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  username: string,
): Promise<boolean> {
  try {
    const res = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return ["admin", "maintain", "write"].includes(res.data.permission);
  } catch (e) {
    if (typeof e === "object" && e !== null && "status" in e && e.status === 404) return false;
    throw e;
  }
}

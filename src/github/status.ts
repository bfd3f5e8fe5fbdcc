import type { Octokit } from "./octokit.js";

/** GitHub cuts commit status descriptions at 140 characters. */
export const MAX_STATUS_DESCRIPTION = 140;

export type StatusState = "pending" | "success" | "failure" | "error";

export function statusDescription(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= MAX_STATUS_DESCRIPTION ? one : `${one.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`;
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
export const MAX_CHECK_SUMMARY = 65_535;

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
  },
): Promise<void> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const summary =
    result.summary.length > MAX_CHECK_SUMMARY
      ? `${result.summary.slice(0, MAX_CHECK_SUMMARY - 40)}\n\n… (truncated)`
      : result.summary;
  const output = (annotations: Annotation[]) => ({ title: result.title.slice(0, 255), summary, annotations });
  await octokit.rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: target.checkRunId,
    status: "completed",
    conclusion: result.conclusion,
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
    output: output(batches[0] ?? []),
  });
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
    output: { title: result.title.slice(0, 255), summary: result.summary.slice(0, MAX_CHECK_SUMMARY) },
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

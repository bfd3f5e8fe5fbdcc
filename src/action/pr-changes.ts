import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CACHE_DIR } from "../engine/providers/cache.js";
import { fromPullFiles, type ChangedFile } from "../plan/diff.js";
import type { ActionDeps } from "./deps.js";
import type { PullRequestTarget } from "./pull-request.js";

/** GitHub's PR files API lists at most this many files; a list that long may be cut. */
export const PR_FILES_API_LIMIT = 3000;

/**
 * The PR's changed files from the files API, unless the list may be cut (it
 * reached the API's cap, or is shorter than the PR says it is): then undefined,
 * and the plan diffs with git from the merge base instead.
 */
export async function listedChanges(deps: ActionDeps, pr: PullRequestTarget) {
  const { owner, repo } = deps.context;
  if (pr.filesFromGit === true) return undefined;
  try {
    const files = await deps.octokit.paginate(deps.octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pr.prNumber,
      per_page: 100,
    });
    if (
      files.length >= PR_FILES_API_LIMIT ||
      (pr.changedFiles !== undefined && files.length < pr.changedFiles)
    ) {
      deps.log.info(
        `the files API listed ${files.length} of the pull request's ${pr.changedFiles ?? "?"} files (it stops at ${PR_FILES_API_LIMIT}); using git diff from the merge base`,
      );
      return undefined;
    }
    return fromPullFiles(files);
  } catch (e) {
    deps.log.info(
      `listing the pull request's files failed (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); using git diff`,
    );
    return undefined;
  }
}

/**
 * What the trust model set aside from this change, for the report: a cache
 * folder in the checkout, recordings it added or edited.
 */
export function setAside(
  deps: ActionDeps,
  changed: readonly ChangedFile[],
  recordings: string | undefined,
): string[] {
  const out: string[] = [];
  if (existsSync(join(deps.cwd, DEFAULT_CACHE_DIR)))
    out.push(
      `${DEFAULT_CACHE_DIR}/ in the checkout was ignored: cached answers come only from the default branch's Actions cache`,
    );
  if (recordings !== undefined) {
    const prefix = recordings === "" ? "" : `${recordings}/`;
    const touched = changed.filter((c) => c.path.startsWith(prefix) && c.path.endsWith(".jsonl"));
    for (const c of touched.slice(0, 20))
      out.push(`${c.path} (${c.status}) has no effect: replay answers are read from the base revision`);
    if (touched.length > 20) out.push(`${touched.length - 20} more recording file(s) likewise`);
  }
  return out;
}

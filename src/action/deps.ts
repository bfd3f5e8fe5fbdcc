import type { RunContext } from "../context.js";
import type { Octokit } from "../github/octokit.js";
import type { ActionSettings } from "../inputs.js";
import type { Git } from "../plan/git.js";
import { isGitHubError } from "../github/errors.js";

/** Everything the Action touches outside itself; tests hand in fakes or local servers. */
export interface ActionDeps {
  octokit: Octokit;
  git: Git;
  settings: ActionSettings;
  context: RunContext;
  log: { info: (m: string) => void; warning: (m: string) => void };
  writeSummary: (markdown: string) => Promise<void>;
  setOutput: (name: string, value: string) => void;
  /** Folder the workflow checked out (plus working-directory). */
  cwd: string;
  /** Where results and report files go. */
  outDir: string;
  signal?: AbortSignal;
  cache: {
    restore: (dir: string) => Promise<boolean>;
    save: (dir: string) => Promise<boolean>;
  };
}

/**
 * A write GitHub refused or never answered is a warning, never a crash: the
 * verdict still reaches the step and whatever else can be written. A fork's
 * read-only token answers 403; that warning says which permission to grant.
 * Errors that are not GitHub's (bugs) still throw.
 */
export async function tolerantWrite(
  deps: ActionDeps,
  what: string,
  write: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    const permission =
      e.status === 403 || e.status === 404
        ? ". The token may be read-only (fork pull requests) or miss a permission: " +
          "grant pull-requests: write and statuses: write (checks: write for check runs) in the workflow, " +
          "or use the two-workflow pattern in the README for forks."
        : "";
    deps.log.warning(`could not ${what} (${e.message})${permission}`);
    return false;
  }
}

/** The repository's web address on the run's GitHub server, where report headings link to. */
export function repositoryUrlOf(context: Pick<RunContext, "serverUrl" | "owner" | "repo">): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}`;
}

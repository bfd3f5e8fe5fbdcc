import type { RunContext } from "../context.js";
import type { Octokit } from "../github/octokit.js";
import type { ActionSettings } from "../inputs.js";
import type { Git } from "../plan/git.js";

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

/** Writes that a fork's read-only token cannot do answer 403; that is a warning with guidance, never a crash. */
export async function tolerantWrite(
  deps: ActionDeps,
  what: string,
  write: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    const status = typeof e === "object" && e !== null && "status" in e ? Number(e.status) : undefined;
    if (status === 403 || status === 404) {
      deps.log.warning(
        `could not ${what} (HTTP ${status}: ${e instanceof Error ? e.message.split("\n")[0] : ""}). The token may be read-only (fork pull requests) or miss a permission: ` +
          "grant pull-requests: write and statuses: write (checks: write for check runs) in the workflow, " +
          "or use the two-workflow pattern in the README for forks.",
      );
      return false;
    }
    throw e;
  }
}

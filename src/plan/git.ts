import { execFile } from "node:child_process";
import { UserError } from "../errors.js";
import { parseNameStatusZ, type ChangedFile } from "./diff.js";

/** The one door to git; tests hand in a real repository, never a shell. */
export interface Git {
  run(args: string[]): Promise<string>;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(message);
    this.name = "GitError";
  }
}

export function createGit(cwd: string): Git {
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        execFile(
          "git",
          args,
          { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
          (error, stdout, stderr) => {
            if (error)
              reject(
                new GitError(`git ${args[0] ?? ""} failed: ${stderr.trim() || error.message}`, args, stderr),
              );
            else resolve(stdout);
          },
        );
      }),
  };
}

/** A ref from a flag or an event could start with "-" and be read by git as an option. */
export function assertRef(ref: string): string {
  if (ref === "" || ref.startsWith("-") || /[\0\s]/.test(ref)) {
    throw new UserError(`"${ref}" is not a valid git revision`, {}, "pass a branch, tag or commit SHA");
  }
  return ref;
}

export async function resolveRef(git: Git, ref: string): Promise<string> {
  try {
    return (
      await git.run(["rev-parse", "--verify", "--end-of-options", `${assertRef(ref)}^{commit}`])
    ).trim();
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      `git cannot find the revision "${ref}"`,
      {},
      "fetch it first (in Actions: actions/checkout with fetch-depth: 0), or check the name",
    );
  }
}

async function tryMergeBase(git: Git, base: string, head: string): Promise<string | undefined> {
  try {
    return (await git.run(["merge-base", base, head])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The merge base of base and head. CI checkouts are often shallow: deepen the
 * history step by step (cheap for short-lived branches) before giving up.
 */
export async function mergeBase(
  git: Git,
  base: string,
  head: string,
  opts: { fetchDeepen?: (by: number | "unshallow") => Promise<void> } = {},
): Promise<string> {
  const found = await tryMergeBase(git, base, head);
  if (found) return found;
  const shallow = (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  if (shallow) {
    const deepen =
      opts.fetchDeepen ??
      (async (by: number | "unshallow") => {
        await git.run(
          by === "unshallow" ? ["fetch", "--unshallow", "origin"] : ["fetch", `--deepen=${by}`, "origin"],
        );
      });
    for (const by of [50, 100, 200, 400, 800, "unshallow"] as const) {
      try {
        await deepen(by);
      } catch {
        break;
      }
      const again = await tryMergeBase(git, base, head);
      if (again) return again;
    }
  }
  throw new UserError(
    `no common history between ${base} and ${head}`,
    {},
    "fetch the full history: in Actions use actions/checkout with fetch-depth: 0",
  );
}

export async function changedFiles(git: Git, from: string, to: string): Promise<ChangedFile[]> {
  return parseNameStatusZ(await git.run(["diff", "--name-status", "-z", "-M", from, to, "--"]));
}

/** A file's content at a revision, or undefined when it does not exist there. */
export async function showFile(git: Git, rev: string, path: string): Promise<string | undefined> {
  try {
    return await git.run(["show", `${assertRef(rev)}:${path}`]);
  } catch (e) {
    if (e instanceof UserError) throw e;
    return undefined;
  }
}

export async function listFiles(git: Git, rev: string, dir: string): Promise<string[]> {
  const out = await git.run(["ls-tree", "-r", "-z", "--name-only", assertRef(rev), "--", dir]);
  return out.split("\0").filter(Boolean);
}

import { execFile } from "node:child_process";
import { UserError } from "../errors.js";
import { parseNameStatusZ, type ChangedFile } from "./diff.js";

/** The one door to git; tests hand in a real repository (or a stub), never a shell. */
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

/** Large enough for a 10,000-example eval set; git output beyond it fails loudly instead of being cut. */
export const MAX_GIT_OUTPUT = 64 * 1024 * 1024;

export function createGit(cwd: string): Git {
  // A fetch that needs credentials must fail, not wait for a terminal prompt nobody answers in CI.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0" };
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        // execFile, not exec: arguments reach git verbatim, so ref and path names are never shell code.
        execFile(
          "git",
          args,
          { cwd, env, maxBuffer: MAX_GIT_OUTPUT, encoding: "utf8" },
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

/**
 * Refs come from flags and webhook payloads. One starting with "-" would be read
 * by git as an option (`--output=…`), so refuse it before it reaches the command line.
 */
export function assertRef(ref: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (ref === "" || ref.startsWith("-") || /[\s\x00-\x1f\x7f]/.test(ref)) {
    throw new UserError(
      `"${ref}" is not a valid git revision`,
      {},
      "pass a branch, tag or commit SHA (names cannot start with '-' or contain spaces)",
    );
  }
  return ref;
}

/** The commit SHA a ref names. */
export async function resolveRef(git: Git, ref: string): Promise<string> {
  assertRef(ref);
  try {
    return (
      await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])
    ).trim();
  } catch {
    throw new UserError(
      `git cannot find the revision "${ref}"`,
      {},
      "fetch it first (in Actions: actions/checkout with fetch-depth: 0), or check the name",
    );
  }
}

export async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Like resolveRef, but a full commit SHA missing from a shallow CI checkout (the
 * pull request's base and head, when actions/checkout fetched only the merge commit)
 * is fetched from `remote` first. Branch names are never fetched: that would move refs.
 */
export async function resolveOrFetch(git: Git, ref: string, remote = "origin"): Promise<string> {
  try {
    return await resolveRef(git, ref);
  } catch (e) {
    if (!FULL_SHA.test(ref)) throw e;
    try {
      // --depth=1 only where history is already cut: on a full clone it would make the repository shallow.
      const depth = (await isShallow(git)) ? ["--depth=1"] : [];
      await git.run(["fetch", "--quiet", "--no-tags", ...depth, "--end-of-options", remote, ref]);
    } catch {
      throw e;
    }
    return resolveRef(git, ref);
  }
}

async function tryMergeBase(git: Git, base: string, head: string): Promise<string | undefined> {
  try {
    return (await git.run(["merge-base", "--end-of-options", base, head])).trim() || undefined;
  } catch {
    // Exit code 1 with no output: no common ancestor in the history we have.
    return undefined;
  }
}

/** How far each round deepens a shallow clone; the last resort fetches everything. */
export const DEEPEN_STEPS = [50, 100, 200, 400, 800, "unshallow"] as const;
export type DeepenStep = (typeof DEEPEN_STEPS)[number];

export interface MergeBaseOptions {
  /** Fetches more history; default: `git fetch --deepen=N` (or `--unshallow`) from `remote`. */
  fetchDeepen?: (by: number | "unshallow") => Promise<void>;
  /** Remote the default fetchDeepen uses; default "origin" (what actions/checkout creates). */
  remote?: string;
}

/**
 * The merge base of base and head. CI checkouts are often shallow (actions/checkout
 * fetches one commit by default): deepen step by step, which is cheap for the usual
 * short-lived branch, and fetch the whole history only as a last resort.
 */
export async function mergeBase(
  git: Git,
  base: string,
  head: string,
  opts: MergeBaseOptions = {},
): Promise<string> {
  assertRef(base);
  assertRef(head);
  const found = await tryMergeBase(git, base, head);
  if (found) return found;
  if (!(await isShallow(git))) {
    throw new UserError(
      `${base} and ${head} have no commit in common`,
      {},
      "check the base: it must be the branch the change was made from (e.g. --base origin/main)",
    );
  }
  const remote = assertRef(opts.remote ?? "origin");
  const deepen =
    opts.fetchDeepen ??
    (async (by: number | "unshallow") => {
      const how = by === "unshallow" ? "--unshallow" : `--deepen=${by}`;
      await git.run(["fetch", "--quiet", "--no-tags", how, "--end-of-options", remote]);
    });
  let fetchError: string | undefined;
  for (const by of DEEPEN_STEPS) {
    try {
      await deepen(by);
    } catch (e) {
      fetchError = e instanceof Error ? e.message : String(e);
      break;
    }
    const again = await tryMergeBase(git, base, head);
    if (again) return again;
    // All history is here and there is still no common commit: more fetching cannot help.
    if (!(await isShallow(git))) break;
  }
  throw new UserError(
    `no common history between ${base} and ${head} in this shallow clone${fetchError ? ` (fetching more failed: ${fetchError})` : ""}`,
    {},
    "fetch the full history: in Actions use actions/checkout with fetch-depth: 0",
  );
}

/** What changed from `from` to `to`, as git sees it (renames detected). */
export async function diffFiles(git: Git, from: string, to: string): Promise<ChangedFile[]> {
  assertRef(from);
  assertRef(to);
  // --no-ext-diff/--no-color: a user's diff.external or color.ui=always must not leak into parsed output.
  const out = await git.run([
    "diff",
    "--name-status",
    "-z",
    "-M",
    "--no-color",
    "--no-ext-diff",
    from,
    to,
    "--",
  ]);
  return parseNameStatusZ(out);
}

/** What a change from base to head did: the diff from their merge base, like a pull request's "Files changed". */
export async function changedFiles(
  git: Git,
  base: string,
  head: string,
  opts: MergeBaseOptions = {},
): Promise<ChangedFile[]> {
  return diffFiles(git, await mergeBase(git, base, head, opts), head);
}

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  size: number | undefined;
  path: string;
}

function parseLsTreeLong(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split("\0")) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
    if (!m?.[1] || !m[2] || !m[3] || !m[4] || m[5] === undefined) continue;
    entries.push({
      mode: m[1],
      type: m[2],
      sha: m[3],
      size: m[4] === "-" ? undefined : Number(m[4]),
      path: m[5],
    });
  }
  return entries;
}

/**
 * A file's content at a revision, or undefined when it does not exist there (or is
 * a folder). Reads the blob as stored: no textconv or smudge filters, a UTF-8 BOM
 * dropped, symlinks refused, matching how the loader treats files on disk.
 */
export async function showFile(git: Git, rev: string, path: string): Promise<string | undefined> {
  assertRef(rev);
  // --full-tree: paths are relative to the repository root even when git runs in a sub-folder.
  const out = await git.run(["ls-tree", "-z", "--long", "--full-tree", rev, "--", path]);
  const entry = parseLsTreeLong(out).find((e) => e.path === path);
  if (!entry || entry.type !== "blob") return undefined;
  if (entry.mode === "120000") {
    throw new UserError(
      "is a symbolic link; agentops only reads regular files",
      { file: path },
      "commit the file itself instead of a link to it",
    );
  }
  if (entry.size !== undefined && entry.size > MAX_GIT_OUTPUT) {
    throw new UserError(`is ${entry.size} bytes, over the limit of ${MAX_GIT_OUTPUT} bytes`, { file: path });
  }
  const text = await git.run(["cat-file", "blob", entry.sha]);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every file under `dir` at a revision, as repository-root-relative paths. */
export async function listFiles(git: Git, rev: string, dir: string): Promise<string[]> {
  assertRef(rev);
  const args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", rev];
  // An empty dir means the whole tree; "--" keeps a folder named "-x" a path.
  const out = await git.run(dir === "" || dir === "." ? args : [...args, "--", dir]);
  return out.split("\0").filter(Boolean);
}

/** Every entry under `dir` at a revision with its git mode (100644 file, 120000 link, 160000 submodule). */
export async function listEntries(
  git: Git,
  rev: string,
  dir: string,
): Promise<{ path: string; mode: string }[]> {
  assertRef(rev);
  const args = ["ls-tree", "-r", "-z", "--full-tree", rev];
  const out = await git.run(dir === "" || dir === "." ? args : [...args, "--", dir]);
  const entries: { path: string; mode: string }[] = [];
  for (const record of out.split("\0")) {
    const m = /^(\d+) \w+ [0-9a-f]+\t(.*)$/s.exec(record);
    if (m?.[1] && m[2] !== undefined) entries.push({ mode: m[1], path: m[2] });
  }
  return entries;
}

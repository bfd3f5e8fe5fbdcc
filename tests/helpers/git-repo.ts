import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach } from "vitest";

/**
 * The developer's own git config (global hooks, signing, init.defaultBranch) must not
 * change what the tests see. Only the helper's git calls use this; code under test
 * runs git as users do.
 */
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
};

/** A real, throwaway git repository for tests. */
export class TempRepo {
  readonly dir: string;
  /** What remove() deletes: the repository, or the temporary folder a clone was made in. */
  private readonly owned: string;

  /** Without `dir`: a fresh repository on branch main. With `dir`: wraps that folder as it is. */
  constructor(dir?: string, owned?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "agentops-git-"));
    this.owned = owned ?? this.dir;
    if (!dir) {
      this.git("init", "-q", "-b", "main");
      this.git("config", "user.name", "Test");
      this.git("config", "user.email", "test@example.com");
      this.git("config", "commit.gpgsign", "false");
    }
  }

  /** `git clone <extra args> file://<source>` into a new temporary folder (file:// so --depth applies). */
  static clone(source: TempRepo, ...args: string[]): TempRepo {
    const parent = mkdtempSync(join(tmpdir(), "agentops-clone-"));
    const dir = join(parent, "repo");
    execFileSync("git", ["clone", "-q", ...args, pathToFileURL(source.dir).href, dir], {
      env: GIT_ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const repo = new TempRepo(dir, parent);
    repo.git("config", "user.name", "Test");
    repo.git("config", "user.email", "test@example.com");
    return repo;
  }

  /**
   * A copy of `source` as it is (work tree, index, .git, checked-out branch) in a new temporary folder:
   * no git process, so far cheaper than building the same history again.
   */
  static copy(source: TempRepo): TempRepo {
    const parent = mkdtempSync(join(tmpdir(), "agentops-copy-"));
    const dir = join(parent, "repo");
    cpSync(source.dir, dir, { recursive: true });
    return new TempRepo(dir, parent);
  }

  git(...args: string[]): string {
    return execFileSync("git", args, {
      cwd: this.dir,
      env: GIT_ENV,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  /** The commit SHA of a ref. */
  sha(ref = "HEAD"): string {
    return this.git("rev-parse", "--verify", `${ref}^{commit}`).trim();
  }

  /** Writes files (null deletes a file or folder), creating folders as needed. */
  write(files: Record<string, string | null>): this {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) rmSync(full, { force: true, recursive: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    return this;
  }

  /** Writes files, stages everything and commits; returns the new commit's SHA. */
  commit(message: string, files: Record<string, string | null> = {}): string {
    this.write(files);
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
    return this.sha();
  }

  /** Creates a branch at HEAD and switches to it. */
  branch(name: string): this {
    this.git("checkout", "-q", "-b", name);
    return this;
  }

  checkout(name: string): this {
    this.git("checkout", "-q", name);
    return this;
  }

  remove(): void {
    rmSync(this.owned, { recursive: true, force: true });
  }
}

/**
 * Call at the top of a test file: every repository made or tracked through the
 * returned helpers is removed after each test, passing or failing.
 */
export function useTempRepos(): { make: () => TempRepo; track: (repo: TempRepo) => TempRepo } {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) r.remove();
  });
  const track = (repo: TempRepo): TempRepo => {
    repos.push(repo);
    return repo;
  };
  return { make: () => track(new TempRepo()), track };
}

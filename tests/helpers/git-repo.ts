import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A real, throwaway git repository for tests. */
export class TempRepo {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "agentops-git-"));
    if (!dir) {
      this.git("init", "-q", "-b", "main");
      this.git("config", "user.name", "Test");
      this.git("config", "user.email", "test@example.com");
      this.git("config", "commit.gpgsign", "false");
    }
  }

  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

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

  commit(message: string, files: Record<string, string | null> = {}): string {
    this.write(files);
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
    return this.git("rev-parse", "HEAD").trim();
  }

  branch(name: string): this {
    this.git("checkout", "-q", "-b", name);
    return this;
  }

  checkout(name: string): this {
    this.git("checkout", "-q", name);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "./fake-github.js";
import { TempRepo } from "./git-repo.js";
import { pullRequestPayload, runAction, type ActionRun } from "./run-action.js";

export const TOKEN = "ghs_canaryScenario0123456789abcdef";

/** prompts-example as a repository with PR #7: `versions` switched in production on branch feature. */
export class PrScenario {
  readonly repo: TempRepo;
  readonly baseSha: string;
  gh: FakeGitHub | undefined;

  /** With `copyOf`: a copy of that scenario's repository as it is now (no server), instead of a new one. */
  constructor(mutateBase?: (dir: string) => void, copyOf?: PrScenario) {
    if (copyOf) {
      this.repo = TempRepo.copy(copyOf.repo);
      this.baseSha = copyOf.baseSha;
      return;
    }
    this.repo = new TempRepo();
    cpSync("prompts-example", this.repo.dir, { recursive: true });
    mutateBase?.(this.repo.dir);
    this.baseSha = this.repo.commit("base");
    this.repo.branch("feature");
  }

  /** Commits a switch of production versions (summarize: 2 is a regression; classify-ticket: 2 passes). */
  switchTo(versions: Record<string, number>): string {
    const path = join(this.repo.dir, "prompts/config.yaml");
    let config = readFileSync(path, "utf8");
    for (const [name, v] of Object.entries(versions))
      config = config.replace(new RegExp(`(production:[\\s\\S]*?${name}: )\\d`), `$1${v}`);
    writeFileSync(path, config);
    return this.repo.commit(`switch ${JSON.stringify(versions)}`);
  }

  async github(headSha: string, extra: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
    this.gh = await startFakeGitHub({
      pr: {
        number: 7,
        baseSha: this.baseSha,
        headSha,
        files: [{ filename: "prompts/config.yaml", status: "modified" }],
      },
      permissions: { alice: "write", mallory: "read", boss: "admin" },
      ...extra,
    });
    return this.gh;
  }

  payload(headSha: string, action = "synchronize", extra: Record<string, unknown> = {}) {
    return {
      ...pullRequestPayload({
        baseSha: this.baseSha,
        headSha,
        action,
        pr: { state: "open", changed_files: 1, user: { login: "author" } },
      }),
      ...extra,
    };
  }

  onPullRequest(
    headSha: string,
    opts: {
      action?: string;
      payload?: Record<string, unknown>;
      inputs?: Record<string, string>;
      env?: Record<string, string>;
      killWhen?: () => boolean;
    } = {},
  ): Promise<ActionRun> {
    return runAction({
      event: "pull_request",
      payload: this.payload(headSha, opts.action, opts.payload),
      inputs: { "github-token": TOKEN, ...opts.inputs },
      apiUrl: this.server().url,
      workspace: this.repo.dir,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.killWhen ? { killWhen: opts.killWhen } : {}),
    });
  }

  /** An issue_comment run for a comment `login` wrote at `createdAt` (default: now). */
  onComment(
    login: string,
    body: string,
    opts: { createdAt?: string; inputs?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    return runAction({
      event: "issue_comment",
      payload: {
        action: "created",
        issue: { number: 7, pull_request: { url: "https://api.github.com/repos/o/r/pulls/7" } },
        comment: {
          id: 555,
          body,
          user: { login, type: "User" },
          created_at: opts.createdAt ?? new Date().toISOString(),
        },
        repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
      },
      inputs: { "github-token": TOKEN, ...opts.inputs },
      apiUrl: this.server().url,
      workspace: this.repo.dir,
    });
  }

  server(): FakeGitHub {
    if (!this.gh) throw new Error("call github() first");
    return this.gh;
  }

  async close(): Promise<void> {
    await this.gh?.close();
    this.repo.remove();
  }
}

/** Everything a run showed or sent: for "never in any of these" assertions. */
export function everything(gh: FakeGitHub, ...runs: ActionRun[]): string {
  return [
    ...gh.requests.map((q) => q.raw),
    ...gh.comments.map((c) => c.body),
    ...gh.statuses.map((s) => s.description),
    ...runs.flatMap((r) => [r.stdout, r.stderr, r.summary]),
  ].join("\n");
}

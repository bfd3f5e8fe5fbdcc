import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** From SIGTERM to the process's end, when the run was cancelled. */
  msFromSigterm?: number;
}

const DIST = resolve("dist/index.js");

/**
 * For a child process started with an environment of its own: the compile cache vitest.config.ts sets up,
 * so a bundle is compiled once, not once per run.
 */
export const compileCache: Record<string, string> = process.env.NODE_COMPILE_CACHE
  ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE }
  : {};

/** Runs dist/index.js the way the runner does: inputs as INPUT_* variables, the event as a JSON file. */
export async function runAction(opts: {
  event: string;
  payload: unknown;
  inputs: Record<string, string>;
  apiUrl: string;
  workspace: string;
  env?: Record<string, string>;
  /** Send SIGTERM after this many ms (a cancelled run). */
  killAfterMs?: number;
  /** Send SIGTERM once this holds (polled), e.g. once a GitHub call hangs. */
  killWhen?: () => boolean;
}): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), "agentops-action-"));
  const eventPath = join(tmp, "event.json");
  const summaryPath = join(tmp, "summary.md");
  const outputPath = join(tmp, "output.txt");
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  writeFileSync(summaryPath, "");
  writeFileSync(outputPath, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: "true",
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "o/r",
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_RUN_ID: "42",
    GITHUB_SHA: "0000000000000000000000000000000000000000",
    RUNNER_TEMP: tmp,
    ...compileCache,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [DIST], {
    cwd: opts.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let killedAt: number | undefined;
  const kill = (): void => {
    killedAt ??= performance.now();
    child.kill("SIGTERM");
  };
  if (opts.killAfterMs !== undefined) setTimeout(kill, opts.killAfterMs);
  const poll = opts.killWhen
    ? setInterval(() => {
        if (opts.killWhen?.()) {
          clearInterval(poll);
          kill();
        }
      }, 50)
    : undefined;
  const code = await new Promise<number>((r) => child.on("close", (c) => r(c ?? -1)));
  clearInterval(poll);
  const msFromSigterm = killedAt === undefined ? undefined : performance.now() - killedAt;
  const outputs: Record<string, string> = {};
  // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM\nvalue\nDELIM
  const lines = readFileSync(outputPath, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!m?.[1] || !m[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? "");
    outputs[m[1]] = value.join("\n");
  }
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryPath, "utf8"),
    outputs,
    ...(msFromSigterm !== undefined ? { msFromSigterm } : {}),
  };
}

/** A pull_request event payload as GitHub sends it: PR #7 of o/r, from `baseSha` to `headSha`. */
export function pullRequestPayload(o: {
  baseSha: string;
  headSha: string;
  action?: string;
  /** Extra fields of `pull_request` (changed_files, user, state…). */
  pr?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    action: o.action ?? "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      ...o.pr,
      base: { sha: o.baseSha, ref: "main", repo: { full_name: "o/r" } },
      head: { sha: o.headSha, ref: "feature", repo: { full_name: "o/r" } },
    },
    repository: { full_name: "o/r", default_branch: "main", name: "r", owner: { login: "o" } },
  };
}

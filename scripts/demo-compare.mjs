// The gate, offline: copies prompts-example/ into a throwaway git repository,
// commits it on main, switches production to v2 of every prompt on a branch (as
// a pull request would) and runs `agentops compare --base main` on it. Prints the
// markdown report the Action would post. Needs the built CLI (npm run build).
//
//   npm run demo:compare [-- --out /absolute/path/results.json]
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist/cli/index.js");
const dir = mkdtempSync(join(tmpdir(), "agentops-demo-"));
// The user's own git config (hooks, signing, default branch) must not change the demo.
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
  // Fixed commit times make the commits' SHAs, and so the report, the same on every run (the golden test).
  GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
  GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
  // As on a workflow run, so the report shows its links to the run and its artifacts (the
  // repository is made up: the demo runs nowhere). Fixed, so the golden test holds in CI too.
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "octo-org/agentops-demo",
  GITHUB_RUN_ID: "1",
};
const git = (...args) =>
  execFileSync("git", ["-c", "user.name=demo", "-c", "user.email=demo@example.com", ...args], {
    cwd: dir,
    env,
    stdio: "pipe",
  });

try {
  cpSync(join(root, "prompts-example"), dir, { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "prompts as they run in production");
  git("switch", "-q", "-c", "pr");
  const configPath = join(dir, "prompts/config.yaml");
  const config = readFileSync(configPath, "utf8").replace(
    /(production:\n)((?: {4}[\w-]+: \d+\n)+)/,
    (_, head, pins) => head + pins.replace(/: \d+$/gm, ": 2"),
  );
  writeFileSync(configPath, config);
  git("commit", "-q", "-am", "production: switch every prompt to v2");
  console.error(`demo repository: ${dir}\npull request: production switches every prompt from v1 to v2\n`);

  // Further arguments go to `agentops compare` (e.g. --out /abs/results.json, as the golden test does).
  const run = spawnSync(
    process.execPath,
    [cli, "compare", "--base", "main", "-q", ...process.argv.slice(2)],
    {
      cwd: dir,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const meaning = { 0: "pass", 1: "regression: the Action would fail the check", 3: "inconclusive" };
  console.error(`\nagentops compare exited ${run.status} (${meaning[run.status] ?? "error"})`);
  // The demo worked if the gate reached a verdict; a regression is the point of it.
  process.exitCode = run.status in meaning ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

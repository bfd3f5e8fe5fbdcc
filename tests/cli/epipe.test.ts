// `agentops eval … --format json | head -c 10`: the reader leaves before the output (larger than a pipe's
// buffer) is written; the run must end with its own exit code instead of dying on EPIPE.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

test("a closed stdout drops the rest of the output; the exit code stays", { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "agentops-epipe-"));
  cpSync("prompts-example", join(dir, "prompts-example"), { recursive: true });
  const child = spawn(
    process.execPath,
    [resolve("dist/cli/index.js"), "eval", "prompts-example/prompts", "--env", "staging", "--format", "json"],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // Like head: read the first chunk, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((r) => child.on("close", r));
  expect(stderr).not.toMatch(/EPIPE|internal error/);
  // eval's own exit code: 1, because the staged support_agent v2 misses its thresholds.
  expect(code).toBe(1);
});

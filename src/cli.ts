#!/usr/bin/env node
import { runCli } from "./cli/main.js";

// The first Ctrl-C (or the runner's SIGTERM on cancel) aborts in-flight work so
// partial results are still written; a second one exits at once.
const controller = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\nagentops: ${sig} received, stopping and writing partial results…\n`);
    controller.abort();
  });
}

// A reader that went away (`agentops … | head`) is no reason to crash or to stop the run: the results
// file and the exit code still matter, so the rest of the output is dropped instead.
let stdoutGone = false;
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  stdoutGone = true;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => {
    if (!stdoutGone) process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;

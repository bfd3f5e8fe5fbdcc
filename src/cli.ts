#!/usr/bin/env node
import nodeModule from "node:module";
import { runCli } from "./cli/main.js";

// Start-up is most of a short run's overhead, and compiling the bundle's chunks is a quarter of it:
// Node 22.1+ keeps their compiled code in a cache (NODE_COMPILE_CACHE or the temp dir; off with
// NODE_DISABLE_COMPILE_CACHE=1) for the next run. The commands' chunks load after this line, so they
// are covered. Node 20 has no such cache, hence the optional call.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

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

import { run } from "./main.js";

/** The runner kills a cancelled step about 10 s after SIGTERM; leave before that on our own terms. */
const HARD_STOP_MS = 9_000;

// GitHub sends SIGINT, then SIGTERM, when a run is cancelled: stop starting calls and publish what we have.
const controller = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.once(sig, () => {
    controller.abort();
    // Unref'd: it only fires if something (a socket, a retry timer) still holds the process.
    setTimeout(() => {
      process.stderr.write("agentops: cancelled, and still busy after 9 s; exiting\n");
      process.exit(1);
    }, HARD_STOP_MS).unref();
  });

await run(controller.signal);
// Abandoned GitHub calls may still hold sockets or retry timers; a cancelled run has nothing left to do.
if (controller.signal.aborted) process.exit(1);

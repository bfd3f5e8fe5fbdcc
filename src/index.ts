import { run } from "./main.js";

// GitHub sends SIGINT, then SIGTERM, when a run is cancelled: stop starting calls and publish what we have.
const controller = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => controller.abort());

await run(controller.signal);

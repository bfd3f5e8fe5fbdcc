// The offline demo: `agentops eval` on the versions of prompts-example/ staged for release
// (--env staging). One of them is broken on purpose (support_agent v2 refunds without looking the
// order up), so the eval misses its thresholds and exits 1, as a CI gate would; the demo shows that,
// and exits 0 itself because reaching that verdict is what it is for. Anything else (2 bad setup,
// 3 incomplete, 4 internal error) fails the demo. Needs the built CLI (npm run build).
//
//   npm run demo
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const run = spawnSync(
  process.execPath,
  [
    join(root, "dist/cli/index.js"),
    "eval",
    "prompts-example/prompts",
    "--env",
    "staging",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
const meaning = {
  0: "every threshold met",
  1: "a staged version misses its thresholds: the gate would block it",
};
console.error(`\nagentops eval exited ${run.status} (${meaning[run.status] ?? "error"})`);
process.exitCode = run.status === 0 || run.status === 1 ? 0 : 1;

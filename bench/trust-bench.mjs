// npm run bench:trust — the model-based adversarial test of the trust invariant with a larger budget:
// prints cases run, time, verdicts, how many cases held each operation kind (and how many of those
// passed the gate, where the oracle had something to check) and the counter-examples found
// (tests/hardening/adversarial-trust.test.ts). `npm test` runs the same generator with a fixed seed.
// AGENTOPS_TRUST_RUNS (default 2000) and AGENTOPS_TRUST_SEED (default: a new one each run, printed) choose it.
import { spawnSync } from "node:child_process";

const runs = process.env.AGENTOPS_TRUST_RUNS ?? "2000";
const seed = process.env.AGENTOPS_TRUST_SEED ?? String(Date.now() % 1_000_000);
console.log(`bench:trust: ${runs} cases, seed ${seed}`);
const r = spawnSync(
  "npx",
  ["vitest", "run", "tests/hardening/adversarial-trust.test.ts", "-t", "no sequence", "--reporter=verbose"],
  {
    stdio: "inherit",
    env: { ...process.env, AGENTOPS_TRUST_BENCH: "1", AGENTOPS_TRUST_RUNS: runs, AGENTOPS_TRUST_SEED: seed },
  },
);
process.exit(r.status ?? 1);

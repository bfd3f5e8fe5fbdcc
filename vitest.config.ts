import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every end-to-end test starts `node dist/index.js` (an 8.8 MB bundle) or the CLI bundle: with one compile
// cache shared by all of them, V8 compiles each bundle once per machine instead of once per run (measured:
// about a fifth of an Action run's CPU). Node checks each entry against the source's hash, so a rebuilt
// bundle is never run from stale code. The workers inherit it too, and pass it to the processes they start.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), "agentops-test-compile-cache");

/**
 * Files that replace a module (vi.mock) must get a module registry of their own; every other file shares
 * its worker's, so the worker, Vitest's runtime and the src/ modules are set up once per worker instead
 * of once per file (measured on tests/scorers + tests/report: 57% less CPU).
 */
const ISOLATED = ["tests/scorers/index.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    pool: "forks",
    // Vitest's default on a 2-core machine is one file at a time, but most files spend their time waiting on
    // the child processes they start (the bundled Action, the CLI, git) and on fake servers: three files at a
    // time keep both cores busy (measured: the suite in 6.3 min, while its files' own times add up to 16).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: "shared", include: ["tests/**/*.test.ts"], exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});

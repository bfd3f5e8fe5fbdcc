import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    // Vitest's default on a 2-core machine is one file at a time, but most files spend their time waiting on
    // the child processes they start (the bundled Action, the CLI, git) and on fake servers: three files at a
    // time keep both cores busy (measured: the suite in 6.3 min, while its files' own times add up to 16).
    maxWorkers: 3,
  },
});

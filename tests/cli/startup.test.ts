import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";

// Start-up is most of a short run's overhead: the CLI's entry holds only the dispatch, and each
// command's code is a chunk loaded when that command runs (src/cli/main.ts). A static import of a
// command (or of a large library) into the entry would bring the whole bundle back into every
// start. Needs a built dist/ (npm run build).
const run = promisify(execFile);
const CLI_DIR = resolve("dist/cli");

test("the CLI's entry stays small and its commands are chunks beside it", async () => {
  const entry = await stat(resolve(CLI_DIR, "index.js"));
  const chunks = (await readdir(CLI_DIR)).filter((f) => /^\d+\.index\.js$/.test(f));
  let chunkBytes = 0;
  for (const c of chunks) chunkBytes += (await stat(resolve(CLI_DIR, c))).size;
  // The entry is about 40 KB; the bundle it used to be was 4.2 MB.
  expect(entry.size).toBeLessThan(256 * 1024);
  expect(chunkBytes).toBeGreaterThan(1024 * 1024);
});

test("the CLI's files and the Action's bundle are ASCII (scripts/ascii-bundle.mjs), so Node reads them as one-byte text", async () => {
  const files = (await readdir(CLI_DIR)).filter((n) => n.endsWith(".js")).map((f) => resolve(CLI_DIR, f));
  for (const f of [...files, resolve("dist/index.js")]) {
    const bytes = await readFile(f);
    expect(
      bytes.findIndex((b) => b > 0x7f),
      f,
    ).toBe(-1);
  }
});

test("--version and a command run from the chunked bundle", async () => {
  const version = await run(process.execPath, [resolve(CLI_DIR, "index.js"), "--version"]);
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  const help = await run(process.execPath, [resolve(CLI_DIR, "index.js"), "eval", "--help"]);
  expect(help.stdout).toContain("Usage: agentops eval <path>");
});

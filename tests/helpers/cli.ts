import { loadEveryCommand, runCli } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

// The CLI loads a command's modules when it runs; here they load with the helper, as a static import
// would, so a file's first case does not spend its timeout transforming them.
await loadEveryCommand();

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output and a controlled environment. */
export async function cli(argv: string[], opts: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: process.cwd(),
    ...opts,
  });
  return { code, stdout, stderr };
}

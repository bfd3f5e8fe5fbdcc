import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { compileCache } from "../helpers/run-action.js";

const run = promisify(execFile);
const CLI = resolve("dist/cli/index.js");

/** The built CLI (npm run build), as a user runs it: exit code and both streams. */
async function agentops(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...compileCache },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const f = e as { code: number; stdout: string; stderr: string };
    return { code: f.code, stdout: f.stdout, stderr: f.stderr };
  }
}

async function emptyRepo(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "agentops-init-"));
  await run("git", ["init", "-q"], { cwd: dir });
  return dir;
}

test(
  "init in an empty git repository writes a project that eval --provider mock runs at once, and prints the next three commands",
  { timeout: 60_000 },
  async () => {
    const dir = await emptyRepo();
    const init = await agentops(["init"], dir);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      "wrote prompts/config.yaml, prompts/support-reply/v1.yaml, prompts/support-reply/eval_set.jsonl, .github/workflows/agentops.yml",
    );
    const next = init.stdout.split("Next:\n")[1]?.trim().split("\n") ?? [];
    expect(next).toHaveLength(3);
    expect(next[0]).toContain("npx agentops eval prompts --provider mock");

    const evalRun = await agentops(["eval", "prompts", "--provider", "mock", "--format", "json", "-q"], dir);
    expect(evalRun.stderr).toBe("");
    expect(evalRun.code).toBe(0);
    const results = JSON.parse(evalRun.stdout) as {
      runs: { prompt: string; examples: unknown[]; criteria: { name: string; threshold_met?: boolean }[] }[];
    };
    expect(results.runs.map((r) => [r.prompt, r.examples.length])).toEqual([["support-reply", 3]]);
    expect(results.runs[0]?.criteria.map((c) => [c.name, c.threshold_met])).toEqual([
      ["helpful", true],
      ["short", true],
    ]);

    // The workflow uploads $RUNNER_TEMP/agentops/ and its jobs are the example workflow's.
    const workflow = parse(readFileSync(join(dir, ".github/workflows/agentops.yml"), "utf8")) as {
      jobs: { eval: { steps: { uses?: string; with?: Record<string, string> }[] } };
    };
    const upload = workflow.jobs.eval.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe("${{ runner.temp }}/agentops/");
    const example = parse(readFileSync("examples/workflows/agentops.yml", "utf8")) as { jobs: unknown };
    expect(workflow.jobs).toEqual(example.jobs);
  },
);

test(
  "init overwrites nothing: it names every file that exists, writes none and exits 2",
  { timeout: 60_000 },
  async () => {
    const dir = await emptyRepo();
    expect((await agentops(["init", "--name", "triage"], dir)).code).toBe(0);
    const again = await agentops(["init", "--name", "triage"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      "nothing written: prompts/config.yaml, prompts/triage/v1.yaml, prompts/triage/eval_set.jsonl, .github/workflows/agentops.yml already exist",
    );
    // One file of a project is enough to refuse all of them; a hand-edited file stays as it was.
    const other = await emptyRepo();
    writeFileSync(join(other, "agentops.yaml"), "# mine\n");
    const refused = await agentops(["init"], other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("nothing written: agentops.yaml already exists");
    expect(readFileSync(join(other, "agentops.yaml"), "utf8")).toBe("# mine\n");
    const bad = await agentops(["init", "--name", "Bad Name"], other);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--name "Bad Name" is not a prompt name');
  },
);

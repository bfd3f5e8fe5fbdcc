import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { ActionDeps } from "../../src/action/deps.js";
import { setupFor } from "../../src/action/run-setup.js";
import { openProject } from "../../src/config/project.js";
import type { RunContext } from "../../src/context.js";
import { readSettings } from "../../src/inputs.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? "";

async function setupOn(event: RunContext["event"], batch: string) {
  const root = await makeProject({
    "prompts/greet/v1.yaml": SIMPLE_PROMPT,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
  });
  const info: string[] = [];
  const deps = {
    settings: readSettings(inputs({ "api-key": "sk-action", batch }), () => undefined),
    context: { event } as RunContext,
    log: { info: (m: string) => info.push(m), warning: (m: string) => info.push(m) },
    cwd: root,
    outDir: join(await mkdtemp(join(tmpdir(), "agentops-out-")), "agentops"),
  } as unknown as ActionDeps;
  const setup = await setupFor(deps, await openProject(root), "openai", { readOnly: false, used: new Set() });
  return { id: setup.run.provider.id, info };
}

test("batch: true makes a default-branch run send its calls through the Batch API", async () => {
  const push = await setupOn(
    { kind: "push", sha: "a".repeat(40), ref: "refs/heads/main", isDefaultBranch: true },
    "true",
  );
  expect(push.id).toMatch(/\+batch$/);
  expect(push.info).toEqual([]);
});

test("on a pull request run batch: true is ignored, and the log says why", async () => {
  const pr = await setupOn({ kind: "pull_request" } as RunContext["event"], "true");
  expect(pr.id).not.toMatch(/batch/);
  expect(pr.info.join("\n")).toContain(
    "batch: true is ignored on pull request runs: a pull request wants its verdict in minutes",
  );
});

test("the input is a boolean, off by default", () => {
  expect(readSettings(inputs({}), () => undefined).batch).toBe(false);
  expect(() => readSettings(inputs({ batch: "sometimes" }), () => undefined)).toThrow(
    /input "batch" must be true or false/,
  );
});

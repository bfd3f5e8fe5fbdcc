import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, expect, test } from "vitest";
import { startFakeBatch, type FakeBatchServer } from "../helpers/fake-batch.js";
import { makeProject, SIMPLE_SET } from "../helpers/project.js";
import { compileCache } from "../helpers/run-action.js";

/* The built CLI under a real SIGTERM (needs `npm run build` first, as the Action tests do). */

const CLI = resolve("dist/cli/index.js");
const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: echo
`;

let server: FakeBatchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test("SIGTERM while a batch runs: the batch is left running, partial results are written, and the CLI says how to resume", async () => {
  server = await startFakeBatch({ hold: () => true });
  const fake = server;
  const root = await makeProject({
    "prompts/greet/v1.yaml": PROMPT,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
  });
  const child = spawn(
    process.execPath,
    [
      CLI,
      "eval",
      "prompts/greet",
      "--provider",
      "openai",
      "--batch",
      "--batch-poll",
      "0.05",
      "--out",
      "r.json",
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        ...compileCache,
        OPENAI_API_KEY: "sk-sigterm-test",
        OPENAI_BASE_URL: fake.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number>((r) => child.on("close", (c) => r(c ?? -1)));
  while (!fake.calls.some((c) => c.method === "GET" && c.path.startsWith("/batches/")))
    await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGTERM");
  expect(await closed).toBe(3);
  expect(stderr).toContain("SIGTERM received");
  expect(stderr).toMatch(
    /batch: stopped waiting; batch_1 keep running at the endpoint\. Run the same command again/,
  );
  expect(stderr).toContain("results written to r.json");
  expect(fake.batches.map((b) => b.status)).toEqual(["in_progress"]);
  // Nothing asked the endpoint to cancel it.
  expect(fake.calls.filter((c) => c.path.includes("/cancel"))).toEqual([]);
}, 30_000);

/** A wrong setup is an error that says what to fix, never a green answer. */
import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { useTempRepos } from "../helpers/git-repo.js";

const { make } = useTempRepos();

const prompt =
  "name: s\nversion: 1\nmodel: m\ntemplate: '{x}'\neval_criteria:\n  - name: c\n    type: contains\n    value: x\n";
const set = (n: number) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { x: String(i) } })).join("\n") +
  "\n";

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("wrong setups", () => {
  test("compare where there is no config and no prompts folder exits 2 naming where it looked", async () => {
    const repo = make();
    repo.commit("base", { "README.md": "hi\n" });
    repo.branch("feature").commit("change", { "README.md": "hello\n" });
    const r = await cli(["compare", "--base", "main", "-q"], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no agentops project here");
    expect(r.stderr).toContain("prompts/config.yaml");
    expect(r.stdout).not.toContain("pass");
  });

  test("an unknown --env exits 2 listing the environments the config defines", async () => {
    const repo = make();
    repo.commit("base", {
      "prompts/config.yaml": "environments: {production: {s: 1}, staging: {s: 1}}\n",
      "prompts/s/v1.yaml": prompt,
      "prompts/s/eval_set.jsonl": set(2),
    });
    const e = await cli(["eval", repo.dir, "--env", "prod", "--provider", "mock", "-q"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('unknown environment "prod"');
    expect(e.stderr).toContain("use one of: production, staging");
    repo.branch("feature").commit("v1 edit", { "prompts/s/v1.yaml": prompt.replace("'{x}'", "'{x}!'") });
    const c = await cli(["compare", "--base", "main", "--env", "stagin", "--provider", "mock", "-q"], {
      cwd: repo.dir,
    });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('unknown environment "stagin"');
  });

  test("an endpoint nobody listens on stops the run after a few failures, exit 3, not a pass", async () => {
    const repo = make();
    repo.write({
      "prompts/config.yaml": "environments: {production: {s: 1}}\n",
      "prompts/s/v1.yaml": prompt,
      "prompts/s/eval_set.jsonl": set(50),
    });
    const port = await closedPort();
    const r = await cli(
      [
        "eval",
        repo.dir,
        "--provider",
        "openai",
        "--base-url",
        `http://127.0.0.1:${port}/v1`,
        "--no-cache",
        "--format",
        "json",
        "-q",
      ],
      { env: { OPENAI_API_KEY: "sk-unreachable-0123456789" } },
    );
    expect(r.code).toBe(3);
    const results = JSON.parse(r.stdout) as {
      complete: boolean;
      runs: { stopped?: { reason: string }; summary: { skipped: number; ok: number } }[];
    };
    expect(results.complete).toBe(false);
    expect(results.runs[0]?.stopped?.reason).toContain("connection failures in a row");
    expect(results.runs[0]?.summary.ok).toBe(0);
    expect(results.runs[0]?.summary.skipped).toBeGreaterThan(30);
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

describe("agentops CLI", () => {
  test("--help on the top level and on eval", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("eval <path>");
    const sub = await cli(["eval", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--format FORMAT");
  });

  test("unknown commands and flags are usage errors (exit 2) with a hint", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    const bad = await cli(["eval", "x", "--nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--nope/);
    expect(bad.stderr).toContain("--help");
  });

  test("eval on a prompt folder prints per-criterion results and writes the results JSON", async () => {
    const root = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const r = await cli(["eval", "prompts/greet", "--provider", "mock", "--out", "results.json"], {
      cwd: root,
    });
    expect(r.stderr).toContain("results written to results.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("greet v1");
    expect(r.stdout).toMatch(/mentions-hello\s*\|\s*icontains/);
    const results = JSON.parse(await readFile(join(root, "results.json"), "utf8")) as Record<string, unknown>;
    expect(results).toMatchObject({ schema_version: 1, kind: "eval", provider: "mock", complete: true });
    const runs = results.runs as {
      prompt: string;
      examples: unknown[];
      criteria: { name: string; n: number }[];
    }[];
    expect(runs[0]?.prompt).toBe("greet");
    expect(runs[0]?.examples).toHaveLength(3);
    expect(runs[0]?.criteria.map((c) => [c.name, c.n])).toEqual([
      ["mentions-hello", 3],
      ["short", 3],
    ]);
  });

  test("--format json prints the results document on stdout", async () => {
    const root = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const r = await cli(["eval", "prompts/greet/v1.yaml", "--provider", "mock", "--format", "json", "-q"], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: "eval", runs: [{ prompt: "greet", version: 1 }] });
    expect(r.stderr).toBe("");
  });

  test("a user mistake gives one message with file and line, no stack trace, exit 2", async () => {
    const root = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT.replace("type: length", "type: lenght"),
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const r = await cli(["eval", "prompts/greet", "--provider", "mock"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: .*prompts\/greet\/v1\.yaml:11: eval_criteria\[1\]\.type: unknown criterion type "lenght"/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("no provider configured and no key: a clear error", async () => {
    const root = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const r = await cli(["eval", "prompts/greet"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no model provider configured");
  });

  test("the active version comes from the project config", async () => {
    const root = await makeProject({
      "agentops.yaml": "environments:\n  production:\n    greet: 1\n  staging:\n    greet: v2\n",
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/v2.yaml": SIMPLE_PROMPT.replace("version: 1", "version: 2"),
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const prod = await cli(["eval", ".", "--provider", "mock", "--format", "json", "-q"], { cwd: root });
    expect(JSON.parse(prod.stdout)).toMatchObject({
      runs: [{ version: 1, reason: "active in production (agentops.yaml)" }],
    });
    const staging = await cli(
      ["eval", ".", "--provider", "mock", "--env", "staging", "--format", "json", "-q"],
      { cwd: root },
    );
    expect(JSON.parse(staging.stdout)).toMatchObject({ runs: [{ version: 2 }] });
  });

  test("a pinned version that does not exist names the config field", async () => {
    const root = await makeProject({
      "agentops.yaml": "environments:\n  production:\n    greet: 4\n",
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    const r = await cli(["eval", ".", "--provider", "mock"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("environments.production.greet");
  });
});

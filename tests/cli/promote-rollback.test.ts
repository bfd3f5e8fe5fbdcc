import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { useTempRepos } from "../helpers/git-repo.js";
import { SIMPLE_PROMPT } from "../helpers/project.js";

const repos = useTempRepos();

const config = (production: number): string => `# agentops config — hand-written, keep the comments
environments:
  production:
    greet: ${production}   # what users see
  staging:
    greet: 3

# gate against production
gate_environment: production
`;

const version = (n: number): string => SIMPLE_PROMPT.replace("version: 1", `version: ${n}`);

function project(production = 1) {
  const repo = repos.make();
  repo.commit("start", {
    "agentops.yaml": config(production),
    "prompts/greet/v1.yaml": version(1),
    "prompts/greet/v2.yaml": version(2),
    "prompts/greet/v3.yaml": version(3),
    "prompts/greet/eval_set.jsonl": '{"id":"a","input":{"who":"Ana"}}\n',
  });
  return repo;
}

const read = (dir: string): string => readFileSync(join(dir, "agentops.yaml"), "utf8");

test("promote then rollback: the file comes back byte for byte, and only the pinned line ever changes", async () => {
  const repo = project(1);
  const before = read(repo.dir);
  const promoted = await cli(["promote", "greet", "2", "--env", "production"], { cwd: repo.dir });
  expect(promoted.code).toBe(0);
  expect(promoted.stdout).toContain("-    greet: 1   # what users see\n+    greet: 2   # what users see\n");
  expect(read(repo.dir)).toBe(before.replace("greet: 1   #", "greet: 2   #"));
  repo.commit("promote greet v2");

  // Without --to, the history says production ran v1 before v2.
  const rolled = await cli(["rollback", "greet", "--env", "production"], { cwd: repo.dir });
  expect(rolled.code).toBe(0);
  expect(rolled.stderr).toMatch(/production ran greet v1 at [0-9a-f]{12}/);
  expect(read(repo.dir)).toBe(before);
});

test("rollback walks back past commits that did not touch the pin", async () => {
  const repo = project(1);
  repo.commit("v2", { "agentops.yaml": config(2) });
  repo.commit("v3", { "agentops.yaml": config(3) });
  repo.commit("comment only", { "agentops.yaml": config(3).replace("keep the comments", "keep them") });
  const r = await cli(["rollback", "greet", "--env", "production", "--dry-run"], { cwd: repo.dir });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("+    greet: 2   # what users see");
  expect(r.stdout).toContain("dry run: would roll back greet in production from v3 to v2");
  // --dry-run wrote nothing.
  expect(read(repo.dir)).toContain("greet: 3   # what users see");
});

test("--to picks the version; --dry-run only prints", async () => {
  const repo = project(3);
  const before = read(repo.dir);
  const r = await cli(["rollback", "greet", "--env", "production", "--to", "1", "--dry-run"], {
    cwd: repo.dir,
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("+    greet: 1   # what users see");
  expect(read(repo.dir)).toBe(before);
});

test("unknown prompt, version or environment, and a history with nothing earlier, are clear errors", async () => {
  const repo = project(1);
  const cases: [string[], string][] = [
    [["promote", "greeet", "2", "--env", "production"], 'unknown prompt "greeet"\n  hint: use one of: greet'],
    [
      ["promote", "greet", "9", "--env", "production"],
      "greet has no version 9\n  hint: available: v1, v2, v3",
    ],
    [
      ["promote", "greet", "2", "--env", "prod"],
      'unknown environment "prod"\n  hint: use one of: production, staging',
    ],
    [["rollback", "greet", "--env", "production", "--to", "7"], "greet has no version 7"],
    [["rollback", "greet", "--env", "production"], "no earlier version of greet in production"],
    [["promote", "greet", "--env", "production"], "promote takes a prompt and a version"],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(argv, { cwd: repo.dir });
    expect(r.code, argv.join(" ")).toBe(2);
    expect(r.stderr).toContain(message);
  }
  expect(read(repo.dir)).toBe(config(1));
});

test("promoting the version already active changes nothing", async () => {
  const repo = project(2);
  const r = await cli(["promote", "greet", "v2", "--env", "production"], { cwd: repo.dir });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe("production already runs greet v2; agentops.yaml is unchanged\n");
});

test("versions lists where each version runs and its newest score from results files", async () => {
  const repo = project(1);
  const results = (finished: string, mean: number) =>
    JSON.stringify({
      schema_version: 1,
      kind: "eval",
      finished_at: finished,
      runs: [{ prompt: "greet", version: 1, summary: { ok: 3, mean_score: mean, pass_rate: 1 } }],
      failed: [],
    });
  repo.write({
    "old.json": results("2026-01-01T00:00:00.000Z", 0.5),
    "new.json": results("2026-02-01T00:00:00.000Z", 0.9),
  });
  const r = await cli(["versions", "greet", "--results", "old.json", "--results", "new.json"], {
    cwd: repo.dir,
  });
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n")[1]).toBe(
    "  v1  production                mean 0.900, all criteria passed on 100.0% of 3 (2026-02-01T00:00:00.000Z, new.json)",
  );
  expect(r.stdout).toContain("  v3  staging                   no results");
  expect(r.stdout).toContain("  v2  –                         no results");
});

test("rollback from a sub-folder, with the config in prompts/config.yaml, reads that file's history", async () => {
  const repo = repos.make();
  const files = {
    "prompts/greet/v1.yaml": version(1),
    "prompts/greet/v2.yaml": version(2),
    "prompts/greet/eval_set.jsonl": '{"id":"a","input":{"who":"Ana"}}\n',
  };
  repo.commit("v1", { ...files, "prompts/config.yaml": config(1) });
  repo.commit("v2", { "prompts/config.yaml": config(2) });
  const r = await cli(["rollback", "greet", "--env", "production"], {
    cwd: join(repo.dir, "prompts", "greet"),
  });
  expect(r.stderr).toMatch(/^production ran greet v1 at/);
  expect(r.code).toBe(0);
  expect(readFileSync(join(repo.dir, "prompts", "config.yaml"), "utf8")).toBe(config(1));
});

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { createGit, resolveRef } from "../../src/plan/git.js";
import { planComparison, type PlannedPrompt } from "../../src/plan/plan.js";
import { TempRepo } from "../helpers/git-repo.js";

const prompt = (name: string, version: number, extra = ""): string =>
  `name: ${name}\nversion: ${version}\nmodel: m\ntemplate: "{x}${extra}"\neval_criteria:\n  - name: c\n    type: contains\n    value: x\n`;
const CONFIG = (summ: number): string => `environments:\n  production:\n    summarize: ${summ}\n`;

let repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos) r.remove();
  repos = [];
});

function baseRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit("base", {
    "agentops.yaml": CONFIG(1),
    "prompts/summarize/v1.yaml": prompt("summarize", 1),
    "prompts/summarize/eval_set.jsonl": '{"id": "a", "input": {"x": "1"}}\n',
    "prompts/classify/v1.yaml": prompt("classify", 1),
    "prompts/classify/v2.yaml": prompt("classify", 2),
    "prompts/classify/eval_set.jsonl": '{"id": "a", "input": {"x": "1"}}\n',
    "README.md": "hello\n",
  });
  return repo.branch("feature");
}

async function plan(repo: TempRepo, configPath: string | undefined = "agentops.yaml") {
  return planComparison({
    git: createGit(repo.dir),
    base: "main",
    head: "HEAD",
    promptsDir: "prompts",
    configPath,
  });
}

const brief = (p: PlannedPrompt) => ({
  name: p.name,
  champion: p.champion?.version ?? null,
  challenger: p.challenger?.version ?? null,
  reasons: p.reasons,
});

describe("planComparison", () => {
  test("editing the active version in place: champion text from base, challenger from head", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/summarize/v1.yaml": prompt("summarize", 1, " please") });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "summarize", champion: 1, challenger: 1, reasons: ["v1.yaml edited"] },
    ]);
    expect(p.prompts[0]?.champion?.text).not.toContain("please");
    expect(p.prompts[0]?.challenger?.text).toContain("please");
    expect(p.prompts[0]?.evalSet?.path).toBe("prompts/summarize/eval_set.jsonl");
  });

  test("a new version plus a config switch", async () => {
    const repo = baseRepo();
    repo.commit("v2", { "prompts/summarize/v2.yaml": prompt("summarize", 2), "agentops.yaml": CONFIG(2) });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 1,
        challenger: 2,
        reasons: ["v2.yaml added", "production version changed in agentops.yaml (v1 → v2)"],
      },
    ]);
  });

  test("a new version without a switch is still the challenger", async () => {
    const repo = baseRepo();
    repo.commit("v2", { "prompts/summarize/v2.yaml": prompt("summarize", 2) });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "summarize", champion: 1, challenger: 2, reasons: ["v2.yaml added"] },
    ]);
  });

  test("an eval-set-only change re-evaluates the active version against itself", async () => {
    const repo = baseRepo();
    repo.commit("set", {
      "prompts/classify/eval_set.jsonl":
        '{"id": "a", "input": {"x": "1"}}\n{"id": "b", "input": {"x": "2"}}\n',
    });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["eval set changed"] },
    ]);
    expect(p.prompts[0]?.evalSet?.text).toContain('"b"');
  });

  test("a rubric file change affects its prompt", async () => {
    const repo = baseRepo();
    repo.commit("rubric", { "prompts/classify/rubric.md": "Be strict.\n" });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["rubric.md added"] },
    ]);
  });

  test("renaming a prompt folder: the new name has no baseline, the old one is removed", async () => {
    const repo = baseRepo();
    repo.git("mv", "prompts/classify", "prompts/route");
    repo.commit("rename", { "prompts/route/v2.yaml": prompt("route", 2) });
    const p = await plan(repo);
    const byName = Object.fromEntries(p.prompts.map((x) => [x.name, brief(x)]));
    expect(byName.classify).toMatchObject({ champion: 2, challenger: null });
    expect(byName.route).toMatchObject({ champion: null, challenger: 2 });
  });

  test("a new prompt has no champion", async () => {
    const repo = baseRepo();
    repo.commit("new", {
      "prompts/extract/v1.yaml": prompt("extract", 1),
      "prompts/extract/eval_set.jsonl": '{"id": "a", "input": {"x": "1"}}\n',
    });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "extract", champion: null, challenger: 1, reasons: ["v1.yaml added", "eval set added"] },
    ]);
  });

  test("changes outside prompts affect nothing and are listed as ignored", async () => {
    const repo = baseRepo();
    repo.commit("docs", {
      "README.md": "changed\n",
      "src/app.ts": "x\n",
      "agentops.yaml": `# a comment\n${CONFIG(1)}`,
    });
    const p = await plan(repo);
    expect(p.prompts).toEqual([]);
    expect(p.ignored.sort()).toEqual(["README.md", "agentops.yaml", "src/app.ts"]);
  });

  test("the champion comes from the base branch, whatever the PR does to history", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/summarize/v1.yaml": prompt("summarize", 1, " new") });
    repo
      .checkout("main")
      .commit("main moves on", { "prompts/summarize/v1.yaml": prompt("summarize", 1, " main") });
    repo.checkout("feature");
    const p = await plan(repo);
    expect(p.prompts[0]?.champion?.text).toContain(" main");
  });

  test("a shallow clone is deepened until the merge base exists", async () => {
    const origin = baseRepo();
    for (let i = 0; i < 3; i++)
      origin.commit(`feature ${i}`, { "prompts/summarize/v1.yaml": prompt("summarize", 1, ` ${i}`) });
    origin.checkout("main");
    for (let i = 0; i < 3; i++) origin.commit(`main ${i}`, { [`notes/${i}.txt`]: `${i}\n` });
    const cloneDir = join(mkdtempSync(join(tmpdir(), "agentops-clone-")), "c");
    execFileSync("git", [
      "clone",
      "-q",
      "--depth",
      "1",
      "--no-single-branch",
      `file://${origin.dir}`,
      cloneDir,
    ]);
    const clone = new TempRepo(cloneDir);
    repos.push(clone);
    expect(clone.git("rev-parse", "--is-shallow-repository").trim()).toBe("true");
    const p = await planComparison({
      git: createGit(cloneDir),
      base: "origin/main",
      head: "origin/feature",
      promptsDir: "prompts",
      configPath: "agentops.yaml",
    });
    expect(p.prompts.map(brief)).toEqual([
      { name: "summarize", champion: 1, challenger: 1, reasons: ["v1.yaml edited"] },
    ]);
    expect(p.changed.map((c) => c.path)).toEqual(["prompts/summarize/v1.yaml"]);
  });

  test("a ref that looks like an option is refused", async () => {
    const repo = baseRepo();
    await expect(resolveRef(createGit(repo.dir), "--output=/tmp/x")).rejects.toBeInstanceOf(UserError);
  });

  test("an unknown ref tells the user to fetch", async () => {
    const repo = baseRepo();
    await expect(resolveRef(createGit(repo.dir), "nope")).rejects.toThrow(/cannot find the revision/);
  });
});

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { createGit } from "../../src/plan/git.js";
import { configCandidates } from "../../src/plan/config-at.js";
import {
  planComparison,
  type ComparisonPlan,
  type PlanInput,
  type PlannedPrompt,
} from "../../src/plan/plan.js";
import { TempRepo, useTempRepos } from "../helpers/git-repo.js";

const { make, track } = useTempRepos();

const prompt = (name: string, version: number, extra = "", more = ""): string =>
  `name: ${name}\nversion: ${version}\nmodel: m\ntemplate: "{x}${extra}"\n${more}eval_criteria:\n  - name: c\n    type: contains\n    value: x\n`;
const judged = (name: string, version: number, rubricFile: string): string =>
  `name: ${name}\nversion: ${version}\nmodel: m\ntemplate: "{x}"\neval_criteria:\n  - name: tone\n    type: llm_judge\n    rubric_file: ${rubricFile}\n`;
const SET = '{"id": "a", "input": {"x": "1"}}\n';
const CONFIG = (summarize: number, extra = ""): string =>
  `${extra}environments:\n  production:\n    summarize: ${summarize}\n  staging:\n    summarize: 1\n`;

/**
 * main: summarize v1+v2 (production pins v2), classify v1+v2 (nothing pinned: v2 is
 * newest), config in prompts/config.yaml. Returns the repository on branch "feature".
 */
function baseRepo(extra: Record<string, string> = {}): TempRepo {
  const repo = make();
  repo.commit("base", {
    "prompts/config.yaml": CONFIG(2),
    "prompts/summarize/v1.yaml": prompt("summarize", 1),
    "prompts/summarize/v2.yaml": prompt("summarize", 2),
    "prompts/summarize/eval_set.jsonl": SET,
    "prompts/classify/v1.yaml": prompt("classify", 1),
    "prompts/classify/v2.yaml": prompt("classify", 2),
    "prompts/classify/eval_set.jsonl": SET,
    "README.md": "hello\n",
    ...extra,
  });
  return repo.branch("feature");
}

function plan(repo: TempRepo, over: Partial<PlanInput> = {}): Promise<ComparisonPlan> {
  return planComparison({
    git: createGit(repo.dir),
    base: "main",
    head: "HEAD",
    promptsDir: "prompts",
    configPath: "prompts/config.yaml",
    ...over,
  });
}

const brief = (p: PlannedPrompt) => ({
  name: p.name,
  champion: p.champion?.version ?? null,
  challenger: p.challenger?.version ?? null,
  reasons: p.reasons,
});

describe("planComparison: what changed, champion and challenger", () => {
  test("editing a version in place: champion text from base, challenger text from head", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/classify/v2.yaml": prompt("classify", 2, " please") });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["v2.yaml edited"] },
    ]);
    const [c] = p.prompts;
    expect(c?.champion).toMatchObject({ path: "prompts/classify/v2.yaml" });
    expect(c?.champion?.text).not.toContain("please");
    expect(c?.challenger?.text).toContain("please");
    expect(c?.evalSet).toEqual({ path: "prompts/classify/eval_set.jsonl", text: SET });
    expect(p.ignored).toEqual([]);
    expect(p.environment).toBe("production");
    expect(p.mergeBaseSha).toBe(repo.sha("main"));
    expect(p.headSha).toBe(repo.sha("HEAD"));
  });

  test("a new version plus a production switch: champion v2, challenger v3, the config is a reason", async () => {
    const repo = baseRepo();
    repo.commit("v3", {
      "prompts/summarize/v3.yaml": prompt("summarize", 3),
      "prompts/config.yaml": CONFIG(3),
    });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 2,
        challenger: 3,
        reasons: ["v3.yaml added", "production version changed in prompts/config.yaml (v2 → v3)"],
      },
    ]);
  });

  test("a switch back to an older version makes that version the challenger", async () => {
    const repo = baseRepo();
    repo.commit("rollback", { "prompts/config.yaml": CONFIG(1) });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 2,
        challenger: 1,
        reasons: ["production version changed in prompts/config.yaml (v2 → v1)"],
      },
    ]);
  });

  test("a new version without a switch is still the challenger", async () => {
    const repo = baseRepo();
    repo.commit("v3", { "prompts/summarize/v3.yaml": prompt("summarize", 3) });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "summarize", champion: 2, challenger: 3, reasons: ["v3.yaml added"] },
    ]);
  });

  test("an eval-set-only change runs the active version against itself on the new set", async () => {
    const repo = baseRepo();
    const bigger = `${SET}{"id": "b", "input": {"x": "2"}}\n`;
    repo.commit("set", { "prompts/classify/eval_set.jsonl": bigger });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["eval set changed"] },
    ]);
    expect(p.prompts[0]?.evalSet?.text).toBe(bigger);
  });

  test("a rubric file in the prompt folder affects its prompt", async () => {
    const repo = baseRepo({ "prompts/classify/rubric.md": "Be fair.\n" });
    repo.commit("rubric", { "prompts/classify/rubric.md": "Be strict.\n" });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["rubric.md edited"] },
    ]);
  });

  test("renaming a prompt folder keeps its baseline: a rename is no way around the comparison", async () => {
    const repo = baseRepo();
    repo.git("mv", "prompts/classify", "prompts/route");
    repo.commit("rename", { "prompts/route/v2.yaml": prompt("route", 2) });
    const p = await plan(repo);
    expect(p.prompts.map((x) => x.name)).toEqual(["route"]);
    const route = p.prompts[0];
    expect(route && brief(route)).toMatchObject({ champion: 2, challenger: 2 });
    expect(route?.champion?.path).toBe("prompts/classify/v2.yaml");
    expect(route?.reasons[0]).toBe("prompt folder renamed from prompts/classify");
    expect(route?.reasons).toContain("v1.yaml renamed from prompts/classify/v1.yaml");
    expect(route?.evalSet?.path).toBe("prompts/route/eval_set.jsonl");
  });

  test("a prompt removed without a successor is still reported as removed", async () => {
    const repo = baseRepo();
    repo.git("rm", "-rq", "prompts/classify");
    repo.commit("remove");
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toMatchObject([{ name: "classify", champion: 2, challenger: null }]);
    expect(p.prompts[0]?.reasons[0]).toBe("prompt removed");
  });

  test("a new prompt has no champion", async () => {
    const repo = baseRepo();
    repo.commit("new", {
      "prompts/extract/v1.yaml": prompt("extract", 1),
      "prompts/extract/eval_set.jsonl": SET,
    });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "extract", champion: null, challenger: 1, reasons: ["v1.yaml added", "eval set added"] },
    ]);
  });

  test("changes outside prompts, and config edits that switch nothing, are ignored", async () => {
    const repo = baseRepo();
    repo.commit("docs", {
      "README.md": "changed\n",
      "src/app.ts": "x\n",
      "prompts/NOTES.md": "notes\n",
      "prompts/config.yaml": CONFIG(2, "# a comment\nbudgets:\n  max_cost_usd: 5\n"),
    });
    const p = await plan(repo);
    expect(p.prompts).toEqual([]);
    expect([...p.ignored].sort()).toEqual([
      "README.md",
      "prompts/NOTES.md",
      "prompts/config.yaml",
      "src/app.ts",
    ]);
    expect(p.changed).toHaveLength(4);
  });

  test("a removed prompt is reported with its baseline and nothing to evaluate", async () => {
    const repo = baseRepo();
    repo.commit("drop", { "prompts/classify": null });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      {
        name: "classify",
        champion: 2,
        challenger: null,
        reasons: ["prompt removed", "v1.yaml deleted", "v2.yaml deleted", "eval set deleted"],
      },
    ]);
    expect(p.prompts[0]?.evalSet).toBeNull();
  });

  test("deleting the newest version rolls back to the one before", async () => {
    const repo = baseRepo();
    repo.commit("drop v2", { "prompts/classify/v2.yaml": null });
    expect((await plan(repo)).prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 1, reasons: ["v2.yaml deleted"] },
    ]);
  });

  test("the champion comes from the base branch, whatever the change does to it", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/classify/v2.yaml": prompt("classify", 2, " new") });
    repo
      .checkout("main")
      .commit("main moves on", { "prompts/classify/v2.yaml": prompt("classify", 2, " main") });
    repo.checkout("feature");
    const p = await plan(repo);
    expect(p.prompts[0]?.champion?.text).toContain(" main");
    expect(p.prompts[0]?.challenger?.text).toContain(" new");
    // Only what the branch changed counts, not what main did since.
    expect(p.changed.map((c) => c.path)).toEqual(["prompts/classify/v2.yaml"]);
  });

  test("the plan is plain data", async () => {
    const repo = baseRepo();
    repo.commit("v3", { "prompts/summarize/v3.yaml": prompt("summarize", 3) });
    const p = await plan(repo);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe("planComparison: config and environments", () => {
  test("works with agentops.yaml at the root", async () => {
    const repo = make();
    repo.commit("base", {
      "agentops.yaml": CONFIG(1),
      "prompts/summarize/v1.yaml": prompt("summarize", 1),
      "prompts/summarize/v2.yaml": prompt("summarize", 2),
      "prompts/summarize/eval_set.jsonl": SET,
    });
    repo.branch("feature").commit("switch", { "agentops.yaml": CONFIG(2) });
    const p = await plan(repo, { configPath: "agentops.yaml" });
    expect(p.prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 1,
        challenger: 2,
        reasons: ["production version changed in agentops.yaml (v1 → v2)"],
      },
    ]);
  });

  test("a config moved to another candidate path is a gate change; the base's layout decides", async () => {
    const repo = baseRepo();
    repo.git("mv", "prompts/config.yaml", "agentops.yaml");
    repo.commit("move config and loosen", {
      "agentops.yaml": CONFIG(2, "thresholds: {regression_tolerance: 100}\n"),
    });
    const p = await plan(repo);
    // The head has no prompts/config.yaml, so nothing is pinned there: summarize runs its newest, v2, as before.
    expect(p.prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 2,
        challenger: 2,
        reasons: ["production version changed in prompts/config.yaml (v2 → newest)"],
      },
    ]);
    expect(p.trustedConfig.thresholds).toBeUndefined();
    expect(p.gateChanges.map((g) => [g.kind, g.path])).toEqual([
      ["config", "prompts/config.yaml"],
      ["config", "agentops.yaml"],
    ]);
    expect(p.gateChanges[1]?.summary).toContain("agentops.yaml added; ignored");
    expect(configCandidates("prompts", "agentops.yaml")).toEqual([
      "agentops.yaml",
      "agentops.yml",
      "prompts/config.yaml",
    ]);
    expect(configCandidates("svc/prompts", "svc/prompts/config.yaml")).toEqual([
      "svc/prompts/config.yaml",
      "svc/agentops.yaml",
      "svc/agentops.yml",
    ]);
  });

  test("the base's gate_environment decides the baseline; the change cannot move it", async () => {
    const repo = baseRepo({ "prompts/config.yaml": CONFIG(2, "gate_environment: staging\n") });
    // Switching production is not what staging gates on, and re-pointing the gate is ignored.
    repo.commit("switch prod, move gate", {
      "prompts/config.yaml": CONFIG(1, "gate_environment: production\n"),
    });
    const p = await plan(repo);
    expect(p.environment).toBe("staging");
    expect(p.prompts).toEqual([]);
    // An explicit environment (--env, the Action input) wins.
    expect((await plan(repo, { environment: "production" })).prompts.map(brief)).toEqual([
      {
        name: "summarize",
        champion: 2,
        challenger: 1,
        reasons: ["production version changed in prompts/config.yaml (v2 → v1)"],
      },
    ]);
  });

  test("pinning a version that does not exist is the change's mistake, with a fix-it message", async () => {
    const repo = baseRepo();
    repo.commit("bad pin", { "prompts/config.yaml": CONFIG(7) });
    const err = await plan(repo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/pins summarize to v7, but there is no v7\.yaml/);
    expect((err as UserError).location).toEqual({
      file: "prompts/config.yaml",
      field: "environments.production.summarize",
    });
  });

  test("pinning a prompt that does not exist (a typo) says so", async () => {
    const repo = baseRepo();
    repo.commit("typo", {
      "prompts/config.yaml": CONFIG(2).replace("summarize: 2\n", "summarize: 2\n    sumarize: 1\n"),
    });
    await expect(plan(repo)).rejects.toThrow(
      /pins sumarize to v1, but there is no prompts\/sumarize\/ folder/,
    );
  });

  test("a change list from the pull request files API is used as given", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/classify/v2.yaml": prompt("classify", 2, " x") });
    const p = await plan(repo, {
      changed: [{ status: "modified", path: "prompts/summarize/eval_set.jsonl" }],
    });
    expect(p.prompts.map(brief)).toEqual([
      { name: "summarize", champion: 2, challenger: 2, reasons: ["eval set changed"] },
    ]);
  });
});

describe("planComparison: shared files", () => {
  test("a shared rubric outside the prompt folder affects the prompts that use it", async () => {
    const repo = baseRepo({
      "prompts/shared/tone.md": "Be kind.\n",
      "prompts/shared/unused.md": "x\n",
      "prompts/judge/v1.yaml": judged("judge", 1, "../shared/tone.md"),
      "prompts/judge/eval_set.jsonl": SET,
    });
    repo.commit("rubric", {
      "prompts/shared/tone.md": "Be kind and brief.\n",
      "prompts/shared/unused.md": "y\n",
    });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "judge", champion: 1, challenger: 1, reasons: ["rubric prompts/shared/tone.md changed"] },
    ]);
    // prompts/shared has no version file: it is not a prompt, so it is not "removed" either.
    expect(p.ignored).toEqual(["prompts/shared/unused.md"]);
  });

  test("a shared eval set named by eval_set affects its prompt and is the one planned", async () => {
    const repo = baseRepo({
      "data/tickets.jsonl": SET,
      "prompts/triage/v1.yaml": prompt("triage", 1, "", "eval_set: ../../data/tickets.jsonl\n"),
    });
    const bigger = `${SET}{"id": "b", "input": {"x": "2"}}\n`;
    repo.commit("data", { "data/tickets.jsonl": bigger });
    const p = await plan(repo);
    expect(p.prompts.map(brief)).toEqual([
      { name: "triage", champion: 1, challenger: 1, reasons: ["eval set data/tickets.jsonl changed"] },
    ]);
    expect(p.prompts[0]?.evalSet).toEqual({ path: "data/tickets.jsonl", text: bigger });
  });

  test("an eval_set that climbs out of the repository is refused", async () => {
    const repo = baseRepo();
    repo.commit("escape", {
      "prompts/classify/v3.yaml": prompt("classify", 3, "", "eval_set: ../../../../etc/passwd\n"),
    });
    await expect(plan(repo)).rejects.toThrow(/points outside the repository/);
  });
});

describe("planComparison: checkouts as CI has them", () => {
  test("works when git runs in a sub-folder of the repository", async () => {
    const repo = baseRepo();
    repo.commit("edit", { "prompts/classify/v2.yaml": prompt("classify", 2, " sub") });
    mkdirSync(join(repo.dir, "docs", "deep"), { recursive: true });
    const p = await plan(repo, { git: createGit(join(repo.dir, "docs", "deep")) });
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["v2.yaml edited"] },
    ]);
  });

  /** origin: feature branched off main, then both moved on; the branch point is 3+ commits deep. */
  function diverged(): { origin: TempRepo; mergeBase: string } {
    const origin = baseRepo();
    const mergeBase = origin.sha("main");
    for (let i = 0; i < 3; i++)
      origin.commit(`feature ${i}`, { "prompts/classify/v2.yaml": prompt("classify", 2, ` ${i}`) });
    origin.checkout("main");
    for (let i = 0; i < 3; i++) origin.commit(`main ${i}`, { [`notes/${i}.txt`]: `${i}\n` });
    return { origin, mergeBase };
  }

  test("a shallow clone is deepened until the merge base exists", async () => {
    const { origin, mergeBase } = diverged();
    const clone = track(TempRepo.clone(origin, "--depth", "1", "--no-single-branch"));
    expect(clone.git("rev-parse", "--is-shallow-repository").trim()).toBe("true");
    const deepened: (number | "unshallow")[] = [];
    const git = createGit(clone.dir);
    const p = await planComparison({
      git,
      base: "origin/main",
      head: "origin/feature",
      promptsDir: "prompts",
      configPath: "prompts/config.yaml",
      fetchDeepen: async (by) => {
        deepened.push(by);
        await git.run(["fetch", "-q", by === "unshallow" ? "--unshallow" : `--deepen=${by}`, "origin"]);
      },
    });
    expect(deepened).toEqual([50]);
    expect(p.mergeBaseSha).toBe(mergeBase);
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["v2.yaml edited"] },
    ]);
    expect(p.changed.map((c) => c.path)).toEqual(["prompts/classify/v2.yaml"]);
  });

  test("in a one-commit checkout, base and head SHAs are fetched and history deepened with plain git", async () => {
    const { origin, mergeBase } = diverged();
    // Like actions/checkout's default: one commit of one branch; the PR's head SHA is not here at all.
    const clone = track(TempRepo.clone(origin, "--depth", "1", "--single-branch", "--branch", "main"));
    const head = origin.sha("feature");
    expect(() => clone.sha(head)).toThrow();
    const p = await planComparison({
      git: createGit(clone.dir),
      base: origin.sha("main"),
      head,
      promptsDir: "prompts",
      configPath: "prompts/config.yaml",
    });
    expect(p.mergeBaseSha).toBe(mergeBase);
    expect(p.headSha).toBe(head);
    expect(p.prompts.map(brief)).toEqual([
      { name: "classify", champion: 2, challenger: 2, reasons: ["v2.yaml edited"] },
    ]);
  });

  test("a ref that looks like an option is refused before git sees it", async () => {
    const repo = baseRepo();
    await expect(plan(repo, { head: "--output=/tmp/agentops-pwned" })).rejects.toBeInstanceOf(UserError);
    await expect(plan(repo, { base: "-c" })).rejects.toThrow(/not a valid git revision/);
  });

  test("an unknown ref tells the user to fetch", async () => {
    const repo = baseRepo();
    await expect(plan(repo, { base: "origin/nope" })).rejects.toThrow(
      /cannot find the revision "origin\/nope"/,
    );
  });
});

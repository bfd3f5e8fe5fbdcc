import { describe, expect, test } from "vitest";
import { parseEvalSet, parseProjectConfig } from "../../src/config/load.js";
import type { Criterion } from "../../src/config/schema.js";
import { UserError } from "../../src/errors.js";
import { createGit } from "../../src/plan/git.js";
import { configSearchPaths, projectAt, recordingsDir } from "../../src/plan/project-at.js";
import {
  AS_EDITED,
  configGateChanges,
  TRUST_MODEL,
  trustedCriteria,
  trustedEvalSet,
  type ConfigText,
} from "../../src/plan/trust.js";
import { useTempRepos } from "../helpers/git-repo.js";

const { make } = useTempRepos();

const bullets = (min: number): Criterion => ({ name: "bullets", type: "format_check", bullets: { min } });
const contains: Criterion = { name: "mentions", type: "contains", value: "refund" };
const paths = { base: "p/s/v1.yaml", head: "p/s/v2.yaml" };

describe("trustedCriteria: the base's criteria judge, plus what the change adds", () => {
  test("identical criteria: no gate change", () => {
    const t = trustedCriteria("s", [bullets(3)], [bullets(3)], paths);
    expect(t).toEqual({ judged: [bullets(3)], informational: [], changes: [] });
  });

  test("an added criterion counts and is no gate change", () => {
    const t = trustedCriteria("s", [bullets(3)], [bullets(3), contains], paths);
    expect(t.judged).toEqual([bullets(3), contains]);
    expect(t.changes).toEqual([]);
  });

  test("a loosened criterion is judged by its base definition; the change's version is informational", () => {
    const t = trustedCriteria("s", [bullets(3)], [bullets(0)], paths);
    expect(t.judged).toEqual([bullets(3)]);
    expect(t.informational).toEqual([{ ...bullets(0), name: `bullets${AS_EDITED}` }]);
    expect(t.changes).toEqual([
      {
        kind: "criterion",
        prompt: "s",
        path: "p/s/v2.yaml",
        summary: "criterion bullets edited (bullets); the base's definition judged this change",
        edits: [{ field: "bullets.min", from: 3, to: 0 }],
      },
    ]);
  });

  test("a removed or renamed criterion still judges", () => {
    const t = trustedCriteria("s", [bullets(3)], [{ ...bullets(0), name: "bullets2" }], paths);
    expect(t.judged.map((c) => c.name)).toEqual(["bullets", "bullets2"]);
    expect(t.changes[0]?.summary).toBe("criterion bullets removed or renamed; it still judges this change");
  });

  test("a changed rubric file is a rubric change, whatever the file is called", () => {
    const judge = (rubric: string): Criterion => ({
      name: "tone",
      type: "llm_judge",
      rubric_file: "tone.md",
      rubric,
    });
    const t = trustedCriteria("s", [judge("be kind")], [judge("anything goes")], paths);
    expect(t.judged).toEqual([judge("be kind")]);
    expect(t.changes.map((c) => [c.kind, c.path])).toEqual([["rubric", "tone.md"]]);
    expect(trustedCriteria("s", [judge("x")], [judge("x")], paths).changes).toEqual([]);
  });
});

const set = (lines: string[]) => lines.join("\n") + "\n";
const ex = (id: string, x: string) => JSON.stringify({ id, input: { x } });
const side = (path: string, text: string) => ({ raw: { path, text }, parsed: parseEvalSet(text, path) });

describe("trustedEvalSet: base examples in their base form, then the change's additions", () => {
  test("added examples are appended and are no gate change", () => {
    const base = set([ex("a", "1"), ex("b", "2")]);
    const head = set([ex("a", "1"), ex("b", "2"), ex("c", "3")]);
    const t = trustedEvalSet("s", side("e.jsonl", base), side("e.jsonl", head));
    expect(parseEvalSet(t.text, "m").examples.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(t.added).toEqual(["c"]);
    expect(t.changes).toEqual([]);
  });

  test("deleted and edited base examples are kept in base form and listed", () => {
    const base = set([ex("a", "1"), ex("b", "2"), ex("c", "3")]);
    const head = set([ex("a", "changed"), ex("d", "4")]);
    const t = trustedEvalSet("s", side("e.jsonl", base), side("e.jsonl", head));
    const merged = parseEvalSet(t.text, "m").examples;
    expect(merged.map((e) => [e.id, e.input.x])).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["c", "3"],
      ["d", "4"],
    ]);
    expect(t.changes.map((c) => c.summary)).toEqual([
      "2 base example(s) deleted (b, c); they were still evaluated",
      "1 base example(s) edited (a); they were evaluated in their base form",
    ]);
  });

  test("reordering or reformatting lines is no edit", () => {
    const base = set([ex("a", "1"), ex("b", "2")]);
    const head = set([JSON.stringify({ input: { x: "2" }, id: "b" }), ex("a", "1")]);
    expect(trustedEvalSet("s", side("e.jsonl", base), side("e.jsonl", head)).changes).toEqual([]);
  });

  test("a new prompt is judged on its own examples", () => {
    const head = set([ex("a", "1")]);
    expect(trustedEvalSet("s", null, side("e.jsonl", head))).toMatchObject({ text: head, changes: [] });
  });
});

const cfg = (path: string, text: string): ConfigText => ({
  path,
  text,
  config: parseProjectConfig(text, path).config,
});

describe("configGateChanges: only the environment pins come from the change", () => {
  test("pins may change; nothing else may", () => {
    const base = cfg("c.yaml", "environments: {production: {s: 1}}\nthresholds: {regression_tolerance: 2}\n");
    const pins = cfg("c.yaml", "environments: {production: {s: 2}}\nthresholds: {regression_tolerance: 2}\n");
    const loose = cfg(
      "c.yaml",
      "environments: {production: {s: 2}}\nthresholds: {regression_tolerance: 9}\n",
    );
    expect(configGateChanges(base, pins, new Map())).toEqual([]);
    expect(configGateChanges(base, loose, new Map()).map((c) => c.summary)).toEqual([
      "thresholds edited; only environment pins are taken from a change, so the base's values judged it",
    ]);
  });

  test("comments and key order are no change", () => {
    const base = cfg("c.yaml", "budgets: {max_cost_usd: 5}\nconcurrency: 4\n");
    const head = cfg("c.yaml", "# tidy\nconcurrency: 4\nbudgets:\n  max_cost_usd: 5\n");
    expect(configGateChanges(base, head, new Map())).toEqual([]);
  });

  test("a deleted config and other candidates added or edited are listed", () => {
    const base = cfg("prompts/config.yaml", "concurrency: 4\n");
    const others = new Map([
      ["agentops.yaml", { base: undefined, head: "concurrency: 1\n" }],
      ["agentops.yml", { base: undefined, head: undefined }],
    ]);
    expect(configGateChanges(base, undefined, others).map((c) => c.path)).toEqual([
      "prompts/config.yaml",
      "agentops.yaml",
    ]);
  });
});

describe("projectAt: the layout as a revision has it", () => {
  test("finds the nearest config walking up, as the loader does on disk", () => {
    expect(configSearchPaths("svc/prompts")).toEqual([
      "svc/prompts/agentops.yaml",
      "svc/prompts/agentops.yml",
      "svc/prompts/prompts/config.yaml",
      "svc/prompts/config.yaml",
      "svc/agentops.yaml",
      "svc/agentops.yml",
      "agentops.yaml",
      "agentops.yml",
      "prompts/config.yaml",
    ]);
  });

  test("reads the base's config; a file the head adds does not move it", async () => {
    const repo = make();
    const base = repo.commit("base", { "prompts/config.yaml": "prompts_dir: .\n", "prompts/s/v1.yaml": "x" });
    repo.commit("head", { "agentops.yaml": "prompts_dir: elsewhere\n" });
    const git = createGit(repo.dir);
    const p = await projectAt(git, base, "");
    expect(p).toMatchObject({ root: "", promptsDir: "prompts", config: { path: "prompts/config.yaml" } });
    expect((await projectAt(git, "HEAD", "")).config?.path).toBe("agentops.yaml");
  });

  test("paths that climb out of the repository are errors naming the field", async () => {
    const repo = make();
    const sha = repo.commit("base", {
      "agentops.yaml": "prompts_dir: ../../x\n",
    });
    await expect(projectAt(createGit(repo.dir), sha, "")).rejects.toThrow(
      /prompts_dir "..\/..\/x" points outside/,
    );
    const climbs = {
      root: "",
      promptsDir: "prompts",
      config: {
        path: "prompts/config.yaml",
        text: "",
        config: { provider: { type: "replay" as const, recordings: "../../../etc" } },
      },
    };
    expect(() => recordingsDir(climbs)).toThrow(UserError);
    expect(() => recordingsDir(climbs)).toThrow(/provider.recordings/);
  });
});

test("the trust model names a source for every input the gate reads", () => {
  expect(TRUST_MODEL.map((t) => t.input)).toEqual(
    expect.arrayContaining([
      "project config (location and content)",
      "criteria of an existing prompt",
      "eval set",
    ]),
  );
  expect(TRUST_MODEL.filter((t) => t.from === "head").map((t) => t.input)).toEqual([
    "environment pins",
    "prompt files of the challenger",
  ]);
});

test("a change that only appends examples is judged on exactly its own file (line numbers hold)", () => {
  const base = set([ex("a", "1"), "", ex("b", "2")]);
  const head = base + ex("c", "3") + "\n";
  const t = trustedEvalSet("s", side("e.jsonl", base), side("e.jsonl", head));
  expect(t.text).toBe(head);
  expect(parseEvalSet(t.text, "e.jsonl").examples.map((e) => [e.id, e.line])).toEqual([
    ["a", 1],
    ["b", 3],
    ["c", 4],
  ]);
});

test("a change to the cost or latency gates is a gate change, judged by the base's values", () => {
  const base = cfg("c.yaml", "thresholds: {max_cost_increase: 20}\n");
  const loose = cfg("c.yaml", "thresholds: {max_cost_increase: 900, max_latency_increase: 50}\n");
  expect(configGateChanges(base, loose, new Map()).map((c) => c.summary)).toEqual([
    "thresholds edited; only environment pins are taken from a change, so the base's values judged it",
  ]);
});

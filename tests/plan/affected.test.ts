import { describe, expect, test } from "vitest";
import type { ProjectConfig } from "../../src/config/schema.js";
import {
  affectedByReferences,
  affectedPrompts,
  mergeAffected,
  normalizeDir,
  promptOf,
  type Layout,
} from "../../src/plan/affected.js";
import type { ChangedFile } from "../../src/plan/diff.js";

const layout: Layout = { promptsDir: "prompts", configPath: "prompts/config.yaml" };
const pins = (pinned: Record<string, number | string>, env = "production"): ProjectConfig => ({
  environments: { [env]: pinned },
});
type Configs = { base: ProjectConfig | undefined; head: ProjectConfig | undefined };
const none: Configs = { base: undefined, head: undefined };

const summary = (changed: ChangedFile[], configs: Configs = none, env = "production", l = layout) => {
  const r = affectedPrompts(changed, l, configs, env);
  return {
    prompts: Object.fromEntries(
      r.prompts.map((p) => [p.name, { reasons: p.reasons, touched: p.touchedVersions }]),
    ),
    ignored: r.ignored.map((c) => c.path),
  };
};

describe("promptOf", () => {
  test("only paths inside a prompt folder belong to a prompt", () => {
    expect(promptOf("prompts/a/v1.yaml", "prompts")).toEqual({ name: "a", file: "v1.yaml" });
    expect(promptOf("prompts/a/rubrics/tone.md", "prompts/")).toEqual({ name: "a", file: "rubrics/tone.md" });
    expect(promptOf("prompts/config.yaml", "prompts")).toBeUndefined();
    expect(promptOf("promptsx/a/v1.yaml", "prompts")).toBeUndefined();
    expect(promptOf("src/a/v1.yaml", "prompts")).toBeUndefined();
    expect(promptOf("a/v1.yaml", ".")).toEqual({ name: "a", file: "v1.yaml" });
  });

  test("normalizeDir", () => {
    expect(normalizeDir("./prompts/")).toBe("prompts");
    expect(normalizeDir(".")).toBe("");
    expect(normalizeDir("a/b")).toBe("a/b");
  });
});

describe("affectedPrompts", () => {
  test("version files, the eval set and other files each give a reason, version files first", () => {
    const r = summary([
      { status: "added", path: "prompts/a/rubric.md" },
      { status: "modified", path: "prompts/a/eval_set.jsonl" },
      { status: "added", path: "prompts/a/v3.yaml" },
      { status: "modified", path: "prompts/a/v2.yaml" },
      { status: "deleted", path: "prompts/a/v1.yaml" },
    ]);
    expect(r.prompts).toEqual({
      a: {
        reasons: [
          "v3.yaml added",
          "v2.yaml edited",
          "v1.yaml deleted",
          "eval set changed",
          "rubric.md added",
        ],
        touched: [3, 2],
      },
    });
    expect(r.ignored).toEqual([]);
  });

  test("changes outside the prompts folder and files directly in it affect nothing", () => {
    const r = summary([
      { status: "modified", path: "README.md" },
      { status: "added", path: "prompts/README.md" },
      { status: "modified", path: "src/prompts/a/v1.yaml" },
    ]);
    expect(r).toEqual({ prompts: {}, ignored: ["README.md", "prompts/README.md", "src/prompts/a/v1.yaml"] });
  });

  test("a rename between folders affects both; within a folder it reads as one rename", () => {
    const r = summary([
      { status: "renamed", path: "prompts/route/v2.yaml", previousPath: "prompts/classify/v2.yaml" },
      { status: "renamed", path: "prompts/a/v3.yaml", previousPath: "prompts/a/v2.yaml" },
      { status: "renamed", path: "archive/b/v1.yaml", previousPath: "prompts/b/v1.yaml" },
      { status: "copied", path: "prompts/c/v1.yaml", previousPath: "prompts/b/v1.yaml" },
    ]);
    expect(r.prompts).toEqual({
      route: { reasons: ["v2.yaml renamed from prompts/classify/v2.yaml"], touched: [2] },
      classify: { reasons: ["v2.yaml moved to prompts/route/v2.yaml"], touched: [] },
      a: { reasons: ["v3.yaml renamed from v2.yaml"], touched: [3] },
      b: { reasons: ["v1.yaml moved to archive/b/v1.yaml"], touched: [] },
      c: { reasons: ["v1.yaml copied from prompts/b/v1.yaml"], touched: [1] },
    });
  });

  test("a config switch in the gate environment affects that prompt, with from → to", () => {
    const r = affectedPrompts(
      [{ status: "modified", path: "prompts/config.yaml" }],
      layout,
      { base: pins({ a: 1, b: 2, c: "v1" }), head: pins({ a: "v2", b: 2, d: 4 }) },
      "production",
    );
    expect(r.prompts.map((p) => [p.name, p.reasons, p.activeChanged])).toEqual([
      ["a", ["production version changed in prompts/config.yaml (v1 → v2)"], { from: 1, to: 2 }],
      ["c", ["production version changed in prompts/config.yaml (v1 → newest)"], { from: 1, to: undefined }],
      ["d", ["production version changed in prompts/config.yaml (newest → v4)"], { from: undefined, to: 4 }],
    ]);
    expect(r.ignored).toEqual([]);
  });

  test("config edits that switch nothing in the gate environment are ignored", () => {
    const configs: Configs = {
      base: { environments: { production: { a: 1 }, staging: { a: 1 } } },
      head: { budgets: { max_cost_usd: 5 }, environments: { production: { a: "v1" }, staging: { a: 2 } } },
    };
    expect(summary([{ status: "modified", path: "prompts/config.yaml" }], configs)).toEqual({
      prompts: {},
      ignored: ["prompts/config.yaml"],
    });
    // The same edit matters when staging is the gate environment.
    expect(
      summary([{ status: "modified", path: "prompts/config.yaml" }], configs, "staging").prompts,
    ).toEqual({
      a: { reasons: ["staging version changed in prompts/config.yaml (v1 → v2)"], touched: [] },
    });
  });

  test("a config moved from one candidate path to another still counts as the config", () => {
    const r = summary(
      [{ status: "renamed", path: "agentops.yaml", previousPath: "prompts/config.yaml" }],
      { base: pins({ a: 1 }), head: pins({ a: 2 }) },
      "production",
      {
        promptsDir: "prompts",
        configPath: "agentops.yaml",
        configPaths: ["prompts/config.yaml", "agentops.yaml"],
      },
    );
    expect(r.prompts).toEqual({
      a: { reasons: ["production version changed in agentops.yaml (v1 → v2)"], touched: [] },
    });
  });

  test("no config path: a file named like one is just a file", () => {
    const r = summary([{ status: "modified", path: "agentops.yaml" }], none, "production", {
      promptsDir: "prompts",
      configPath: undefined,
    });
    expect(r).toEqual({ prompts: {}, ignored: ["agentops.yaml"] });
  });
});

describe("affectedByReferences and mergeAffected", () => {
  test("a shared eval set or rubric outside the folder affects the prompts that read it", () => {
    const r = affectedByReferences(
      [
        { status: "modified", path: "data/tickets.jsonl" },
        { status: "renamed", path: "shared/tone-v2.md", previousPath: "shared/tone.md" },
        { status: "modified", path: "README.md" },
      ],
      [
        { name: "a", evalSet: "data/tickets.jsonl", rubrics: ["shared/tone.md"] },
        { name: "b", evalSet: "prompts/b/eval_set.jsonl", rubrics: [] },
      ],
    );
    expect(r.prompts.map((p) => [p.name, p.reasons])).toEqual([
      ["a", ["eval set data/tickets.jsonl changed", "rubric shared/tone.md changed"]],
    ]);
    expect(r.ignored.map((c) => c.path)).toEqual(["README.md"]);
  });

  test("merging keeps one entry per prompt with every reason once", () => {
    const change: ChangedFile = { status: "modified", path: "prompts/a/v1.yaml" };
    const merged = mergeAffected(
      [{ name: "b", reasons: ["v1.yaml edited"], touchedVersions: [1], changes: [change] }],
      [
        {
          name: "b",
          reasons: ["v1.yaml edited", "eval set x changed"],
          touchedVersions: [],
          changes: [change],
        },
        { name: "a", reasons: ["r"], touchedVersions: [], changes: [] },
      ],
    );
    expect(merged.map((p) => [p.name, p.reasons, p.touchedVersions, p.changes.length])).toEqual([
      ["a", ["r"], [], 0],
      ["b", ["v1.yaml edited", "eval set x changed"], [1], 1],
    ]);
  });
});

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

// Fixtures are written here in promptfoo's documented shapes (no upstream config text).

async function importProject(files: Record<string, string>, extra: string[] = []) {
  const root = await makeProject(files);
  const run = await cli(["import", "promptfoo", "promptfooconfig.yaml", ...extra], { cwd: root });
  return { root, run };
}

async function prompt(root: string, name: string, version = 1) {
  const file = join(root, "prompts", name, `v${version}.yaml`);
  return parsePromptFile(await readFile(file, "utf8"), file).data;
}

async function examples(root: string, name: string) {
  const file = join(root, "prompts", name, "eval_set.jsonl");
  return parseEvalSet(await readFile(file, "utf8"), file).examples;
}

async function versions(root: string, name: string): Promise<string[]> {
  return (await readdir(join(root, "prompts", name))).filter((f) => f !== "eval_set.jsonl");
}

/** The converted project runs offline and reaches a verdict, never a setup error. */
async function evalsToVerdict(root: string): Promise<void> {
  const r = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
  expect(r.stderr).not.toMatch(/^error:/m);
  expect([0, 1]).toContain(r.code);
}

describe("a provider's prompts: names prompts by label, as promptfoo's isAllowedPrompt does", () => {
  test("a label runs every prompt of its text file; a label's part before ':' runs the group; a file name runs nothing", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Labels",
        "prompts:",
        "  - id: file://drafts.txt",
        "    label: writing",
        "  - id: file://lookup.txt",
        "    label: 'kb:lookup'",
        "  - 'Plain: {{topic}}'",
        "providers:",
        "  - id: openai:gpt-4o",
        "    prompts: [writing]",
        "  - id: openai:gpt-4.1-mini",
        "    prompts: [kb]",
        "  - id: openai:gpt-4o-mini",
        "    prompts: ['file://lookup.txt', 'Plain: {{topic}}']",
        "  - id: openai:o4-mini",
        "    prompts: [lookup.txt]",
        "tests:",
        "  - vars: {topic: tides}",
        "    assert: [{type: icontains, value: tide}]",
        "",
      ].join("\n"),
      "drafts.txt": "Outline {{topic}}.\n---\nWrite a paragraph on {{topic}}.\n",
      "lookup.txt": "Look up {{topic}} in the notes.\n",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await readdir(join(root, "prompts"))).toEqual(["labels-1", "labels-2", "labels-3", "labels-4"]);
    // Both prompts of drafts.txt carry the label "writing": gpt-4o runs both.
    expect((await prompt(root, "labels-1")).template).toBe("Outline {topic}.");
    expect((await prompt(root, "labels-1")).model).toBe("gpt-4o");
    expect((await prompt(root, "labels-2")).template).toBe("Write a paragraph on {topic}.");
    expect(await versions(root, "labels-2")).toEqual(["v1.yaml"]);
    // "kb" runs "kb:lookup"; a file:// name matches no label.
    expect((await prompt(root, "labels-3")).model).toBe("gpt-4.1-mini");
    expect(await versions(root, "labels-3")).toEqual(["v1.yaml"]);
    // An inline prompt's label is its text.
    expect((await prompt(root, "labels-4")).model).toBe("gpt-4o-mini");
    expect(await versions(root, "labels-4")).toEqual(["v1.yaml"]);
    expect(run.stdout).toMatch(
      /providers: provider openai:o4-mini: runs no prompt: its prompts: \(lookup\.txt\)/,
    );
    await evalsToVerdict(root);
  });

  test("the `- vendor:model: {prompts: …}` form restricts its prompts too", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Map form",
        "prompts:",
        "  - {raw: 'A {{x}}', label: first}",
        "  - {raw: 'B {{x}}', label: second}",
        "providers:",
        "  - openai:gpt-4o-mini: {prompts: [second]}",
        "  - openai:gpt-4o",
        "tests: [{vars: {x: y}, assert: [{type: contains, value: y}]}]",
        "",
      ].join("\n"),
    });
    expect(run.code).toBe(0);
    expect(await versions(root, "map-form-1")).toEqual(["v1.yaml"]);
    expect((await prompt(root, "map-form-1")).model).toBe("gpt-4o");
    expect(await versions(root, "map-form-2")).toEqual(["v1.yaml", "v2.yaml"]);
  });
});

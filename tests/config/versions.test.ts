import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { resolvePromptVersions, type PromptsEntry } from "../../src/config/versions.js";

const at = (rel: string): string => `prompts/${rel}`;
/** The error as users read it: file, field, message and hint. */
function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.format();
    throw e;
  }
  return "no error";
}
const files = (...rels: string[]): PromptsEntry[] => rels.map((rel) => ({ rel, kind: "file" }));

describe("the one resolver of prompt versions", () => {
  test("maps each prompt's canonical version files, ignoring other files", () => {
    const v = resolvePromptVersions(
      files("summarize/v1.yaml", "summarize/v2.yml", "summarize/eval_set.jsonl", "config.yaml"),
      at,
    );
    expect([...v.keys()]).toEqual(["summarize"]);
    expect(v.get("summarize")).toEqual(
      new Map([
        [1, "prompts/summarize/v1.yaml"],
        [2, "prompts/summarize/v2.yml"],
      ]),
    );
  });

  test.each([
    [["summarize/v2.yaml", "summarize/v2.yml"], /two files for version 2/],
    [["summarize/v02.yaml"], /^prompts\/summarize\/v02.yaml: is not a canonical/],
    [["summarize/V2.yaml"], /not a canonical/],
    [["summarize/v2.YAML"], /not a canonical/],
    [["summarize/v0.yaml"], /not a canonical/],
    [["summarize/v1.yaml", "Summarize/v1.yaml"], /differ only in case/],
    [["summarize/v1.yaml", "Summarize/eval_set.jsonl"], /differ only in case/],
  ])("%j is an error naming the path", (rels, message) => {
    expect(failure(() => resolvePromptVersions(files(...rels), at))).toMatch(message);
  });

  test("a link or submodule where a prompt folder or version file would be is an error", () => {
    expect(failure(() => resolvePromptVersions([{ rel: "summarize", kind: "symlink" }], at))).toMatch(
      /^prompts\/summarize: is a symbolic link/,
    );
    expect(failure(() => resolvePromptVersions([{ rel: "summarize", kind: "other" }], at))).toMatch(
      /submodule/,
    );
    expect(failure(() => resolvePromptVersions([{ rel: "summarize/v1.yaml", kind: "symlink" }], at))).toMatch(
      /^prompts\/summarize\/v1.yaml: is a symbolic link/,
    );
    // A linked README is not where a prompt could be.
    expect(resolvePromptVersions([{ rel: "README.md", kind: "symlink" }], at).size).toBe(0);
  });
});

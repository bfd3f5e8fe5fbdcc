import { describe, expect, test } from "vitest";
import { fromPullFiles, parseNameStatusZ } from "../../src/plan/diff.js";

const z = (...fields: string[]): string => fields.join("\0") + "\0";

describe("parseNameStatusZ", () => {
  test("every status, with renames and copies carrying the old path first", () => {
    const out = z(
      "M",
      "prompts/a/v1.yaml",
      "A",
      "prompts/a/v2.yaml",
      "R087",
      "old/x.yaml",
      "new/x.yaml",
      "C100",
      "a",
      "b",
      "D",
      "gone",
      "T",
      "link",
    );
    expect(parseNameStatusZ(out)).toEqual([
      { status: "modified", path: "prompts/a/v1.yaml" },
      { status: "added", path: "prompts/a/v2.yaml" },
      { status: "renamed", path: "new/x.yaml", previousPath: "old/x.yaml" },
      { status: "copied", path: "b", previousPath: "a" },
      { status: "deleted", path: "gone" },
      { status: "type_changed", path: "link" },
    ]);
  });

  test("paths with spaces, tabs, newlines, quotes and non-ASCII come through unquoted", () => {
    const odd = [
      "prompts/b c/ünï.yaml",
      "tab\there",
      "new\nline",
      'quo"te',
      "日本語/v1.yaml",
      "-starts-with-dash",
    ];
    const out = z(
      ...odd.flatMap((p) => ["M", p]),
      "R100",
      "prompts/old name/v1.yaml",
      "prompts/new name/v1.yaml",
    );
    expect(parseNameStatusZ(out)).toEqual([
      ...odd.map((path) => ({ status: "modified", path })),
      { status: "renamed", path: "prompts/new name/v1.yaml", previousPath: "prompts/old name/v1.yaml" },
    ]);
  });

  test("empty output is no change; a missing trailing NUL is tolerated", () => {
    expect(parseNameStatusZ("")).toEqual([]);
    expect(parseNameStatusZ("M\0a")).toEqual([{ status: "modified", path: "a" }]);
  });

  test("output that is not -z name-status fails instead of mis-attributing files", () => {
    expect(() => parseNameStatusZ("M\tprompts/a/v1.yaml\n")).toThrow(/unexpected status/);
    expect(() => parseNameStatusZ(z("U", "conflicted"))).toThrow(/unexpected status "U"/);
    expect(() => parseNameStatusZ(z("R090", "only-old"))).toThrow(/ends inside the "R090" entry/);
    expect(() => parseNameStatusZ("M\0")).toThrow(/ends inside/);
  });
});

describe("fromPullFiles", () => {
  test("maps GitHub's statuses and drops unchanged files", () => {
    expect(
      fromPullFiles([
        { filename: "a", status: "added" },
        { filename: "b", status: "removed" },
        { filename: "m", status: "modified" },
        { filename: "c", status: "renamed", previous_filename: "c0" },
        { filename: "k", status: "copied", previous_filename: "k0" },
        { filename: "d", status: "unchanged" },
        { filename: "e", status: "changed" },
      ]),
    ).toEqual([
      { status: "added", path: "a" },
      { status: "deleted", path: "b" },
      { status: "modified", path: "m" },
      { status: "renamed", path: "c", previousPath: "c0" },
      { status: "copied", path: "k", previousPath: "k0" },
      { status: "type_changed", path: "e" },
    ]);
  });

  test("a status GitHub adds later counts as modified rather than vanishing", () => {
    expect(fromPullFiles([{ filename: "x", status: "something-new" }])).toEqual([
      { status: "modified", path: "x" },
    ]);
    // Inherited names are not statuses.
    expect(fromPullFiles([{ filename: "y", status: "toString" }])).toEqual([
      { status: "modified", path: "y" },
    ]);
  });
});

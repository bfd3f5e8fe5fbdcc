import { expect, test } from "vitest";
import { fromPullFiles, parseNameStatusZ } from "../../src/plan/diff.js";

test("parses -z name-status output with renames, copies and odd paths", () => {
  const out = [
    "M",
    "prompts/a/v1.yaml",
    "A",
    "prompts/b c/ünï.yaml",
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
    "",
  ].join("\0");
  expect(parseNameStatusZ(out)).toEqual([
    { status: "modified", path: "prompts/a/v1.yaml" },
    { status: "added", path: "prompts/b c/ünï.yaml" },
    { status: "renamed", path: "new/x.yaml", previousPath: "old/x.yaml" },
    { status: "copied", path: "b", previousPath: "a" },
    { status: "deleted", path: "gone" },
    { status: "type_changed", path: "link" },
  ]);
});

test("empty output is no change", () => {
  expect(parseNameStatusZ("")).toEqual([]);
});

test("maps the pull request files API", () => {
  expect(
    fromPullFiles([
      { filename: "a", status: "added" },
      { filename: "b", status: "removed" },
      { filename: "c", status: "renamed", previous_filename: "c0" },
      { filename: "d", status: "unchanged" },
      { filename: "e", status: "changed" },
    ]),
  ).toEqual([
    { status: "added", path: "a" },
    { status: "deleted", path: "b" },
    { status: "renamed", path: "c", previousPath: "c0" },
    { status: "type_changed", path: "e" },
  ]);
});

import { describe, expect, test } from "vitest";
import { expandBraces, globber, type DirEntry } from "../../src/import/glob.js";

/** A folder tree as a ListDir: keys are paths, a trailing / marks a folder. */
function tree(paths: string[]) {
  return (dir: string): Promise<DirEntry[]> => {
    const prefix = dir ? `${dir}/` : "";
    const names = new Map<string, DirEntry>();
    for (const p of paths) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const [name = "", ...below] = rest.split("/");
      if (!name) continue;
      const isDir = below.length > 0;
      names.set(name, { name, file: !isDir, dir: isDir });
    }
    return Promise.resolve([...names.values()]);
  };
}

const files = [
  "prompt-a.txt",
  "prompts.txt",
  "b.txt",
  ".hidden.txt",
  "cases/one.yaml",
  "cases/two.csv",
  "cases/deep/three.yaml",
  "cases/.secret/four.yaml",
  "z/",
];

describe("globs, as promptfoo's glob package matches them, inside the config's folder", () => {
  test("*, ?, [..], {a,b} and **; dot-files only when the pattern names them; sorted by path", async () => {
    const glob = globber(tree(files));
    expect(await glob("prompt*.txt")).toEqual({ files: ["prompt-a.txt", "prompts.txt"] });
    expect(await glob("*.txt")).toEqual({ files: ["b.txt", "prompt-a.txt", "prompts.txt"] });
    expect(await glob(".*.txt")).toEqual({ files: [".hidden.txt"] });
    expect(await glob("?.txt")).toEqual({ files: ["b.txt"] });
    expect(await glob("[!p]*.txt")).toEqual({ files: ["b.txt"] });
    expect(await glob("cases/*")).toEqual({ files: ["cases/one.yaml", "cases/two.csv"] });
    expect(await glob("cases/**/*.yaml")).toEqual({ files: ["cases/deep/three.yaml", "cases/one.yaml"] });
    expect(await glob("cases/**")).toEqual({
      files: ["cases/deep/three.yaml", "cases/one.yaml", "cases/two.csv"],
    });
    expect(await glob("./cases/*.{csv,yaml}")).toEqual({ files: ["cases/one.yaml", "cases/two.csv"] });
    expect(await glob("nowhere/*")).toEqual({ files: [] });
  });

  test("a pattern that leaves the folder is refused with the reason", async () => {
    const glob = globber(tree(files));
    for (const p of ["../x/*.txt", "/etc/*", "cases/../../*"])
      expect(await glob(p)).toEqual({
        reason: "reaches outside the config's folder; agentops reads only files inside it",
      });
  });

  test("braces expand, nested too; one without a comma stays as written", () => {
    expect(expandBraces("a/{b,c}/{d,e{f,g}}")).toEqual([
      "a/b/d",
      "a/b/ef",
      "a/b/eg",
      "a/c/d",
      "a/c/ef",
      "a/c/eg",
    ]);
    expect(expandBraces("x{y}z")).toEqual(["x{y}z"]);
  });
});

describe("a class no regular expression takes", () => {
  test("matches nothing instead of stopping the import", async () => {
    await expect(globber(tree(["b.txt", "a.txt"]))("[z-a].txt")).resolves.toEqual({ files: [] });
  });
});

import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import {
  assertRef,
  changedFiles,
  createGit,
  listFiles,
  mergeBase,
  resolveOrFetch,
  resolveRef,
  showFile,
  type Git,
} from "../../src/plan/git.js";
import { TempRepo, useTempRepos } from "../helpers/git-repo.js";

const { make, track } = useTempRepos();

describe("refs that look like options", () => {
  test.each(["-x", "--output=/tmp/pwned", "--upload-pack=touch /tmp/x", "", "main branch", "a\nb"])(
    "%j is refused before git runs",
    async (ref) => {
      let ran = false;
      const git: Git = {
        run: () => {
          ran = true;
          return Promise.resolve("");
        },
      };
      expect(() => assertRef(ref)).toThrow(UserError);
      await expect(resolveRef(git, ref)).rejects.toBeInstanceOf(UserError);
      await expect(mergeBase(git, ref, "HEAD")).rejects.toBeInstanceOf(UserError);
      await expect(changedFiles(git, "HEAD", ref)).rejects.toBeInstanceOf(UserError);
      await expect(showFile(git, ref, "a")).rejects.toBeInstanceOf(UserError);
      await expect(listFiles(git, ref, "prompts")).rejects.toBeInstanceOf(UserError);
      expect(ran).toBe(false);
    },
  );

  test("a real repository is not asked to resolve --output", async () => {
    const repo = make();
    repo.commit("one", { a: "1\n" });
    await expect(resolveRef(createGit(repo.dir), "--output=x")).rejects.toThrow(/not a valid git revision/);
  });
});

describe("reading a repository", () => {
  test("resolveRef gives the SHA, or tells the user to fetch", async () => {
    const repo = make();
    const sha = repo.commit("one", { a: "1\n" });
    const git = createGit(repo.dir);
    expect(await resolveRef(git, "main")).toBe(sha);
    await expect(resolveRef(git, "nope")).rejects.toThrow(/cannot find the revision "nope"/);
  });

  test("showFile: content at a revision; undefined when absent or a folder; BOM dropped; symlinks refused", async () => {
    const repo = make();
    const first = repo.commit("one", { "p/a.yaml": "one\n", "p/bom.jsonl": "\uFEFF{}\n" });
    symlinkSync("a.yaml", join(repo.dir, "p/link.yaml"));
    repo.commit("two", { "p/a.yaml": "two\n" });
    const git = createGit(repo.dir);
    expect(await showFile(git, first, "p/a.yaml")).toBe("one\n");
    expect(await showFile(git, "HEAD", "p/a.yaml")).toBe("two\n");
    expect(await showFile(git, "HEAD", "p/missing.yaml")).toBeUndefined();
    expect(await showFile(git, "HEAD", "p")).toBeUndefined();
    expect(await showFile(git, "HEAD", "p/bom.jsonl")).toBe("{}\n");
    await expect(showFile(git, "HEAD", "p/link.yaml")).rejects.toThrow(/symbolic link/);
    // A revision that does not exist is an error, not a missing file.
    await expect(showFile(git, "0000000000000000000000000000000000000000", "p/a.yaml")).rejects.toThrow();
  });

  test("paths are repository-relative even when git runs in a sub-folder", async () => {
    const repo = make();
    repo.commit("one", { "prompts/a/v1.yaml": "x\n", "prompts/a/eval_set.jsonl": "{}\n", "src/x.ts": "x\n" });
    mkdirSync(join(repo.dir, "src", "deep"), { recursive: true });
    const git = createGit(join(repo.dir, "src", "deep"));
    expect(await listFiles(git, "HEAD", "prompts")).toEqual([
      "prompts/a/eval_set.jsonl",
      "prompts/a/v1.yaml",
    ]);
    expect(await showFile(git, "HEAD", "prompts/a/v1.yaml")).toBe("x\n");
    expect(await listFiles(git, "HEAD", "")).toHaveLength(3);
  });

  test("changedFiles diffs from the merge base, with renames and odd file names", async () => {
    const repo = make();
    repo.commit("base", { "prompts/old name/v1.yaml": "a: 1\nb: 2\nc: 3\n", "keep.txt": "k\n" });
    repo.branch("feature");
    repo.git("mv", "prompts/old name", "prompts/nëw näme");
    repo.commit("feature", { "prompts/日本語/v1.yaml": "x\n", "tab\there.txt": "t\n" });
    repo.checkout("main").commit("main moves on", { "keep.txt": "changed on main\n" });
    const changed = await changedFiles(createGit(repo.dir), "main", "feature");
    expect(changed).toEqual([
      { status: "renamed", path: "prompts/nëw näme/v1.yaml", previousPath: "prompts/old name/v1.yaml" },
      { status: "added", path: "prompts/日本語/v1.yaml" },
      { status: "added", path: "tab\there.txt" },
    ]);
  });

  test("unrelated histories in a full clone: a message about the base, not about fetching", async () => {
    const repo = make();
    repo.commit("one", { a: "1\n" });
    repo.git("checkout", "-q", "--orphan", "other");
    repo.commit("unrelated", { b: "1\n" });
    await expect(mergeBase(createGit(repo.dir), "main", "other")).rejects.toThrow(/have no commit in common/);
  });

  test("a missing full SHA is fetched from origin", async () => {
    const origin = make();
    origin.commit("base", { a: "1\n" });
    const clone = track(TempRepo.clone(origin, "--depth", "1"));
    const later = origin.commit("later", { a: "2\n" });
    const git = createGit(clone.dir);
    expect(await resolveOrFetch(git, later)).toBe(later);
    // Names are never fetched: that would move refs behind the user's back.
    await expect(resolveOrFetch(git, "feature-x")).rejects.toThrow(/cannot find the revision/);
  });
});

/** A stub git whose merge-base succeeds only after `needed` fetch rounds. */
function stubGit(needed: number, opts: { failFetch?: boolean } = {}) {
  const calls: string[][] = [];
  let fetched = 0;
  let shallow = true;
  const git: Git = {
    run: (args) => {
      calls.push(args);
      if (args[0] === "merge-base") {
        return fetched >= needed ? Promise.resolve("abc123\n") : Promise.reject(new Error("exit 1"));
      }
      if (args[0] === "rev-parse") return Promise.resolve(shallow ? "true\n" : "false\n");
      if (args[0] === "fetch") {
        if (opts.failFetch) return Promise.reject(new Error("could not read from remote"));
        fetched++;
        if (args.includes("--unshallow")) shallow = false;
        return Promise.resolve("");
      }
      return Promise.reject(new Error(`unexpected git ${args.join(" ")}`));
    },
  };
  return {
    git,
    fetches: () =>
      calls
        .filter((c) => c[0] === "fetch")
        .map((c) => c.find((a) => a.startsWith("--d") || a === "--unshallow")),
  };
}

describe("mergeBase in a shallow clone", () => {
  test("deepens 50, 100, 200… until the merge base appears", async () => {
    const { git, fetches } = stubGit(3);
    expect(await mergeBase(git, "base", "head")).toBe("abc123");
    expect(fetches()).toEqual(["--deepen=50", "--deepen=100", "--deepen=200"]);
  });

  test("five rounds, then the whole history, then a fetch-depth: 0 hint", async () => {
    const { git, fetches } = stubGit(Infinity);
    const err = await mergeBase(git, "base", "head").catch((e: unknown) => e);
    expect(fetches()).toEqual([
      "--deepen=50",
      "--deepen=100",
      "--deepen=200",
      "--deepen=400",
      "--deepen=800",
      "--unshallow",
    ]);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).hint).toMatch(/fetch-depth: 0/);
  });

  test("a caller's fetchDeepen is used instead of git fetch", async () => {
    const { git, fetches } = stubGit(0);
    const asked: (number | "unshallow")[] = [];
    let calls = 0;
    const stubbed: Git = {
      run: (args) =>
        args[0] === "merge-base" && calls++ < 1 ? Promise.reject(new Error("1")) : git.run(args),
    };
    expect(
      await mergeBase(stubbed, "b", "h", {
        fetchDeepen: (by) => {
          asked.push(by);
          return Promise.resolve();
        },
      }),
    ).toBe("abc123");
    expect(asked).toEqual([50]);
    expect(fetches()).toEqual([]);
  });

  test("a failing fetch ends the search and says why", async () => {
    const { git } = stubGit(1, { failFetch: true });
    await expect(mergeBase(git, "base", "head")).rejects.toThrow(
      /fetching more failed: could not read from remote/,
    );
  });
});

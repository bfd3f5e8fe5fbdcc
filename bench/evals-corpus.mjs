#!/usr/bin/env node
// Extracts the OpenAI Evals corpus bench/import-corpus.mjs measures: every samples file under
// evals/registry/data that some commit of a mirror's history (branches, tags and pull-request heads)
// holds as real content rather than a Git LFS pointer, the newest such version of each path, with the
// registry specs (evals/registry/evals/*.yaml) of that same commit that name it. Empty files are left out.
//
//   node bench/evals-corpus.mjs <bare mirror of openai/evals> <output folder outside the repository>
//   node bench/import-corpus.mjs openai-evals <output folder>
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const [mirror, outArg] = process.argv.slice(2);
if (!mirror || !outArg) {
  console.error("usage: node bench/evals-corpus.mjs <bare mirror> <output folder>");
  process.exit(2);
}
const out = resolve(outArg);
const git = (args, binary = false) =>
  execFileSync("git", ["--git-dir", mirror, ...args], {
    maxBuffer: 256 << 20,
    stdio: ["ignore", "pipe", "ignore"],
    ...(binary ? {} : { encoding: "utf8" }),
  });
const tryGit = (args, binary) => {
  try {
    return git(args, binary);
  } catch {
    return undefined; // a path missing at that commit, or an object the mirror does not hold
  }
};

const DATA = "evals/registry/data/";
// Newest first: for each path, the commits that added or changed it.
// A mirror may lack an object a pull-request head points to: git then stops with an error after listing
// everything it could read, which is what is used.
const log = spawnSync(
  "git",
  [
    "--git-dir",
    mirror,
    "log",
    "--all",
    "--format=C %H",
    "--name-only",
    "--diff-filter=AM",
    "--",
    `${DATA}*.jsonl`,
  ],
  { encoding: "utf8", maxBuffer: 256 << 20 },
).stdout;
const commitsOf = new Map();
let commit = "";
for (const line of log.split("\n")) {
  if (line.startsWith("C ")) commit = line.slice(2);
  else if (line.startsWith(DATA) && line.endsWith(".jsonl"))
    commitsOf.set(line, [...(commitsOf.get(line) ?? []), commit]);
}

const LFS = Buffer.from("version https://git-lfs");
let files = 0;
let specs = 0;
for (const [path, commits] of commitsOf) {
  for (const c of commits) {
    const blob = tryGit(["cat-file", "-p", `${c}:${path}`], true);
    if (!blob || blob.subarray(0, LFS.length).equals(LFS)) continue;
    // The newest real version; an empty one (a placeholder some pull requests hold) is no samples file.
    if (blob.length === 0) break;
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), blob);
    files++;
    const rel = path.slice(DATA.length);
    const named = (tryGit(["grep", "-l", "-F", rel, c, "--", "evals/registry/evals/"]) ?? "")
      .split("\n")
      .filter(Boolean);
    for (const ref of named) {
      const spec = ref.slice(ref.indexOf(":") + 1);
      const text = tryGit(["cat-file", "-p", `${c}:${spec}`], true);
      if (!text) continue;
      mkdirSync(dirname(join(out, spec)), { recursive: true });
      writeFileSync(join(out, spec), text);
      specs++;
    }
    break;
  }
}
console.log(`${files} samples file(s) and ${specs} spec(s) written under ${out}`);

#!/usr/bin/env node
// Imports a corpus nobody here wrote and evaluates each converted project offline, then prints the
// rates by cause. Needs `npm run build` (it runs dist/cli/index.js as a user would).
//
//   node bench/import-corpus.mjs promptfoo <folder holding examples/**/promptfooconfig*.yaml>
//   node bench/import-corpus.mjs openai-evals <folder holding evals/registry/data/**/*.jsonl [and evals/registry/evals/*.yaml]>
// AGENTOPS_CORPUS_LIST=1 also prints each file with its outcome.
//
// Extract upstream files OUTSIDE the repository first, e.g.
//   git --git-dir <mirror> archive HEAD examples | tar -x -C /tmp/pf-corpus
// Outputs go to a temporary folder; nothing is written in the corpus or the repository.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [kind, corpusArg] = process.argv.slice(2);
if (!["promptfoo", "openai-evals"].includes(kind ?? "") || !corpusArg) {
  console.error("usage: node bench/import-corpus.mjs promptfoo|openai-evals <corpus folder>");
  process.exit(2);
}
const corpus = resolve(corpusArg);
// AGENTOPS_CLI: a build elsewhere (so the working tree's dist/ can stay as committed).
const cli =
  process.env.AGENTOPS_CLI ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "index.js");
const work = mkdtempSync(join(tmpdir(), "agentops-corpus-"));

function walk(dir, keep, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

const run = (args, cwd) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
};

/** The cause of a refusal, without the file names that make every line unique. */
const cause = (stderr) =>
  (
    stderr.split("\n").find((l) => l.startsWith("error:") || l.startsWith("nothing checks")) ??
    stderr.split("\n")[0] ??
    ""
  )
    .replace(/^error: /, "")
    .replace(/^[^\s:]+\.(ya?ml|jsonl?|txt|csv)(:\d+)?: /, "")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, "N")
    .slice(0, 140);

const tally = new Map();
const count = (k) => tally.set(k, (tally.get(k) ?? 0) + 1);
/** Reasons listed under "not imported", counted once per project. */
const listed = new Map();

function listedReasons(stdout) {
  const part = stdout.split("\nnot imported (")[1] ?? "";
  const seen = new Set();
  for (const line of part.split("\n").slice(1)) {
    const m = /^ {2}- [^:]+(?::\d+)?[^:]*: ([^:]+): (.*)$/.exec(line);
    if (!m) continue;
    const key = m[2]
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\(.*?\)/g, "(…)")
      .slice(0, 110);
    if (!seen.has(key)) (seen.add(key), listed.set(key, (listed.get(key) ?? 0) + 1));
  }
}

let items = [];
if (kind === "promptfoo") {
  items = walk(
    corpus,
    (p) => /promptfooconfig[^/]*\.ya?ml$/.test(basename(p)) && p.includes(`${join("examples")}`),
  );
} else {
  const specs = walk(corpus, (p) => p.includes(join("registry", "evals")) && /\.ya?ml$/.test(p));
  const specText = new Map(specs.map((s) => [s, readFileSync(s, "utf8")]));
  items = walk(corpus, (p) => p.endsWith(".jsonl") && !p.includes(join("registry", "evals"))).map((file) => {
    const rel = relative(join(corpus, "evals", "registry", "data"), file);
    // A spec may name the file with a prefix (`data/<rel>`) or in quotes.
    const names = (t) =>
      t.split("\n").some((l) => {
        const m = /^\s*samples_jsonl:\s*["']?([^"'\s]+)["']?\s*$/.exec(l);
        return m !== null && (m[1] === rel || m[1].endsWith(`/${rel}`));
      });
    const spec = [...specText].find(([, t]) => names(t))?.[0];
    return { file, spec };
  });
}

const started = Date.now();
const classes = new Map();
let i = 0;
for (const item of items) {
  const file = typeof item === "string" ? item : item.file;
  const out = join(work, String(++i));
  const args =
    kind === "promptfoo"
      ? ["import", "promptfoo", basename(file), "--out", out, "--name", "imported"]
      : [
          "import",
          "openai-evals",
          file,
          "--out",
          out,
          "--name",
          "imported",
          ...(item.spec ? ["--spec", item.spec] : []),
        ];
  const imp = run(args, dirname(file));
  listedReasons(imp.stdout);
  if (kind === "openai-evals" && imp.code === 0) {
    const how = /scored as (Match|Includes|FuzzyMatch|ModelBasedClassify)(?:[^\n]*(no --spec given))?/.exec(
      imp.stdout,
    );
    const k = how ? `${how[1]}${how[2] ? " (no spec)" : " (from the spec)"}` : "?";
    classes.set(k, (classes.get(k) ?? 0) + 1);
  }
  const before = new Map(tally);
  if (imp.code === 2) count(`refused: ${cause(imp.stderr)}`);
  else if (imp.code === 1) count("imported, but nothing checks it (import exits 1)");
  else if (imp.code !== 0) count(`import crashed (exit ${imp.code}): ${cause(imp.stderr)}`);
  else {
    const ev = run(["eval", out, "--provider", "mock", "-q", "--no-cache"], out);
    if (ev.code === 0 || ev.code === 1) count("imported and evaluated");
    else count(`imported, eval failed (exit ${ev.code}): ${cause(ev.stderr)}`);
  }
  // AGENTOPS_CORPUS_LIST=1: one line a file, with its outcome (to find the next cause worth taking).
  if (process.env.AGENTOPS_CORPUS_LIST) {
    const outcome = [...tally].find(([k, n]) => (before.get(k) ?? 0) !== n)?.[0] ?? "?";
    console.log(`${relative(corpus, file)}\t${outcome}`);
  }
  rmSync(out, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

const total = items.length;
const pct = (n) => `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`;
let rev = "";
try {
  rev = execFileSync("git", ["-C", corpus, "rev-parse", "--short", "HEAD"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
} catch {
  // an export, not a checkout
}
console.log(
  `${kind}: ${total} file(s) from ${corpus}${rev ? ` @ ${rev}` : ""}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${pct(n).padStart(6)}  ${k}`);
if (classes.size) {
  console.log("scored as:");
  for (const [k, n] of classes) console.log(`  ${String(n).padStart(4)}  ${k}`);
}
console.log("listed under not imported (projects naming the reason):");
for (const [k, n] of [...listed].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`  ${String(n).padStart(4)}  ${k}`);

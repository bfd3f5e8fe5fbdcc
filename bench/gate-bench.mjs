// The gate's error rates and cost, measured: simulated pull requests driven
// through the real `agentops compare` (in-process, from the built lib/) in
// temporary git repositories, against a loopback fake model whose examples pass
// with probabilities from Beta(4, 1.5) (bench/gate-fake-server.mjs). Prints
// figures; asserts nothing.
//
//   npm run bench:gate -- [--prs N] [--only NAME,NAME] [--concurrency N] [--show]
// --show prints the markdown report of each scenario's first PR.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runCli } from "../lib/cli/main.js";
import { spawnFakeServer } from "./fake-server-process.mjs";

const { values } = parseArgs({
  options: {
    prs: { type: "string", default: "100" },
    // PRs numbered from here: a run with --first 300 --prs 200 adds PRs 300–499 to a --prs 300 run.
    first: { type: "string", default: "0" },
    only: { type: "string" },
    concurrency: { type: "string", default: "32" },
    show: { type: "boolean", default: false },
  },
});
const PRS = Number(values.prs);
const FIRST = Number(values.first);
const TOLERANCE = 2; // points: the default regression_tolerance

/** The scenarios of issue 11's target table. */
const SCENARIOS = [
  { name: "no-change-n100-1c", n: 100, criteria: 1 },
  { name: "no-change-n100-3c", n: 100, criteria: 3 },
  { name: "no-change-n200-1c", n: 200, criteria: 1 },
  { name: "no-change-n200-3c", n: 200, criteria: 3 },
  { name: "no-change-3-prompts", n: 100, criteria: 1, prompts: 3 },
  { name: "zero-mean-10-repeats", n: 100, criteria: 1, repeats: 10, mix: 0.5 },
  { name: "shift-tol-n200", n: 200, criteria: 1, shift: TOLERANCE },
  { name: "shift-tol+5-n200", n: 200, criteria: 1, shift: TOLERANCE + 5 },
  { name: "shift-tol+10-n200", n: 200, criteria: 1, shift: TOLERANCE + 10 },
];

const SERVER = fileURLToPath(new URL("./gate-fake-server.mjs", import.meta.url));

async function startServer() {
  const server = await spawnFakeServer(SERVER);
  return {
    ...server,
    startPr: (seed) => fetch(`${server.origin}/pr`, { method: "POST", body: JSON.stringify({ seed }) }),
  };
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
const git = (dir, ...args) => execFileSync("git", args, { cwd: dir, env: GIT_ENV, stdio: "pipe" });

function promptFile(name, version, s) {
  const role =
    version === 1 ? "role=champion" : `role=challenger shift=${(s.shift ?? 0) / 100} mix=${s.mix ?? 0}`;
  const criteria = Array.from(
    { length: s.criteria },
    (_, k) => `  - name: c${k}\n    type: contains\n    value: "c${k}=PASS"\n`,
  ).join("");
  return `name: ${name}
version: ${version}
model: gpt-4o-mini
temperature: 1
max_tokens: 20
${s.repeats ? `repeats: ${s.repeats}\n` : ""}system: "${role} criteria=${s.criteria}"
template: "prompt=${name} case={id}"
eval_criteria:
${criteria}`;
}

/** main runs v1 of every prompt; the feature branch makes v2 active, which only changes what the fake model is told. */
function makeRepo(s) {
  const dir = mkdtempSync(join(tmpdir(), "agentops-gate-bench-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Bench");
  git(dir, "config", "user.email", "bench@example.com");
  const names = Array.from({ length: s.prompts ?? 1 }, (_, i) => `p${i}`);
  const config = (v) =>
    `environments:\n  production:\n${names.map((n) => `    ${n}: ${v}\n`).join("")}gate_environment: production\nprovider:\n  type: openai\n`;
  mkdirSync(join(dir, "prompts"));
  writeFileSync(join(dir, "prompts/config.yaml"), config(1));
  for (const name of names) {
    mkdirSync(join(dir, "prompts", name));
    writeFileSync(join(dir, "prompts", name, "v1.yaml"), promptFile(name, 1, s));
    writeFileSync(join(dir, "prompts", name, "v2.yaml"), promptFile(name, 2, s));
    writeFileSync(
      join(dir, "prompts", name, "eval_set.jsonl"),
      Array.from({ length: s.n }, (_, i) => JSON.stringify({ id: `e${i}`, input: { id: `e${i}` } })).join(
        "\n",
      ) + "\n",
    );
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  git(dir, "checkout", "-qb", "feature");
  writeFileSync(join(dir, "prompts/config.yaml"), config(2));
  git(dir, "commit", "-qam", "switch");
  return { dir, onePass: 2 * s.n * (s.repeats ?? 1) * names.length };
}

/** Wilson 95% interval of k out of n. */
function wilson(k, n) {
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const rate = (k, n) => {
  const [lo, hi] = wilson(k, n);
  return `${pct(k / n)} [${pct(lo)}, ${pct(hi)}]`;
};
function meanCi(xs) {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  const h = (1.96 * sd) / Math.sqrt(xs.length);
  return `${m.toFixed(2)}× [${(m - h).toFixed(2)}, ${(m + h).toFixed(2)}]`;
}

async function runScenario(server, s) {
  const { dir, onePass } = makeRepo(s);
  const counts = { fail: 0, inconclusive: 0, pass: 0 };
  const cost = [];
  const rounds = [];
  try {
    for (let pr = FIRST; pr < FIRST + PRS; pr++) {
      await server.startPr(hash(`${s.name}#${pr}`));
      let out = "";
      const code = await runCli(
        [
          "compare",
          "--base",
          "main",
          "--head",
          "HEAD",
          "--provider",
          "openai",
          "--base-url",
          server.url,
          "--no-cache",
          "--concurrency",
          values.concurrency,
          "--format",
          "json",
          "-q",
        ],
        {
          stdout: (t) => (out += t),
          stderr: () => {},
          env: { OPENAI_API_KEY: "sk-bench" },
          cwd: dir,
        },
      );
      const results = JSON.parse(out);
      if (values.show && pr === FIRST) {
        const { renderCompareMarkdown } = await import("../lib/report/compare-report.js");
        console.log(renderCompareMarkdown(results));
      }
      if (code === 1) counts.fail++;
      else if (code === 3) counts.inconclusive++;
      else if (code === 0) counts.pass++;
      else throw new Error(`compare exited ${code}`);
      cost.push((await server.calls()) / onePass);
      rounds.push(Math.max(...results.prompts.map((p) => p.comparison.sampling.rounds)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const blocked = counts.fail + counts.inconclusive;
  const meanRounds = rounds.reduce((a, b) => a + b, 0) / rounds.length;
  return (
    `${s.name.padEnd(22)} PRs ${String(PRS).padStart(4)}  blocked ${rate(blocked, PRS).padEnd(24)} fail ${rate(counts.fail, PRS).padEnd(24)}` +
    ` inconclusive ${String(counts.inconclusive).padStart(3)}  calls ${meanCi(cost)}  rounds ${meanRounds.toFixed(2)} (max ${Math.max(...rounds)})` +
    // Sums, so that runs of disjoint PR ranges (--first) can be pooled exactly.
    `  [PRs ${FIRST}–${FIRST + PRS - 1}: fail ${counts.fail}, inconclusive ${counts.inconclusive}, Σcalls ${sum(cost).toFixed(4)}, Σcalls² ${sum(cost.map((c) => c * c)).toFixed(4)}]`
  );
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const only = values.only ? new Set(values.only.split(",")) : null;
const server = await startServer();
const started = performance.now();
console.log(
  `gate benchmark: ${PRS} simulated PRs per scenario, default gate (tolerance ${TOLERANCE} pts, α 0.01, max_sampling_rounds 16), --no-cache`,
);
console.log("calls: model calls relative to one pass of both sides; intervals: 95% (Wilson; t for calls)");
try {
  for (const s of SCENARIOS) {
    if (only && !only.has(s.name)) continue;
    const t0 = performance.now();
    const line = await runScenario(server, s);
    console.log(`${line}  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  await server.close();
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);

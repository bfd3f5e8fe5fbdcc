// agentops `eval` head to head with promptfoo on one workload: the same prompt, the same N examples,
// the same cheap rule check, against the loopback fake OpenAI server (its own process, fixed
// latency), both CLIs run as a user runs them, with the cache off and C calls in flight. Prints
// wall times (median of alternating runs), each CLI's CPU time, the calls and the most calls in
// flight the fake saw, the ratio and the ideal ⌈N/C⌉·L. Asserts nothing.
//
//   npm run bench:promptfoo                              agentops alone (no promptfoo given)
//   PROMPTFOO_BIN=/path/to/node_modules/.bin/promptfoo npm run bench:promptfoo
//   node bench/promptfoo-compare.mjs --promptfoo PATH [--n 200] [--concurrency 4] [--latency 100] [--runs 3]
//
// promptfoo is never a dependency of this project: install it elsewhere and pass its bin. It needs
// Node 22.22 or later; BENCH_NODE=/path/to/node runs both CLIs on that node (default: this one).
//
// Network: promptfoo only ever reaches 127.0.0.1 here. Its home and config dir are a temp dir;
// telemetry, update checks, remote generation and sharing are off by their variables; and because it
// still posts one "telemetry disabled" event (to r.promptfoo.app), HTTP(S)_PROXY points at a sink in
// this process that refuses every request and logs what was asked for (NO_PROXY lets the fake
// through). The sink's log is printed: anything in it was stopped here, never sent.
import { execFileSync, spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { spawnFakeServer } from "./fake-server-process.mjs";

const SERVER = fileURLToPath(new URL("./fake-openai-server.mjs", import.meta.url));
const AGENTOPS = fileURLToPath(new URL("../dist/cli/index.js", import.meta.url));
const MODEL = "gpt-4.1-mini";
const FAKE_KEY = "sk-bench-not-a-key";

const { values } = parseArgs({
  options: {
    promptfoo: { type: "string" },
    n: { type: "string", default: "200" },
    concurrency: { type: "string", default: "4" },
    latency: { type: "string", default: "100" },
    runs: { type: "string", default: "3" },
  },
});
const N = Number(values.n);
const C = Number(values.concurrency);
const L = Number(values.latency);
const RUNS = Number(values.runs);
const NODE = process.env.BENCH_NODE ?? process.execPath;
const pfBin = values.promptfoo ?? process.env.PROMPTFOO_BIN;

/** The examples both tools get: one variable each, answered "hello there" by the fake. */
const messages = Array.from({ length: N }, (_, i) => `Customer ${i} asks where order ${1000 + i} is.`);

async function writeAgentopsProject(dir) {
  await mkdir(join(dir, "prompts", "bench"), { recursive: true });
  await writeFile(
    join(dir, "prompts", "config.yaml"),
    "gate_environment: production\nenvironments:\n  production:\n    bench: 1\n",
  );
  await writeFile(
    join(dir, "prompts", "bench", "v1.yaml"),
    [
      "name: bench",
      "version: 1",
      `model: ${MODEL}`,
      "temperature: 0",
      'template: "Reply to this message: {message}"',
      "eval_criteria:",
      "  - name: greets",
      "    type: equals",
      "    mode: includes",
      "    ignore_case: true",
      "    threshold: 0.9",
      "",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "prompts", "bench", "eval_set.jsonl"),
    messages
      .map((m, i) => JSON.stringify({ id: `ex-${i}`, input: { message: m }, expected: "hello" }))
      .join("\n") + "\n",
  );
}

async function writePromptfooConfig(dir, baseUrl) {
  const yamlString = (s) => JSON.stringify(s);
  const lines = [
    "prompts:",
    `  - ${yamlString("Reply to this message: {{message}}")}`,
    "providers:",
    `  - id: openai:chat:${MODEL}`,
    "    config:",
    `      apiBaseUrl: ${yamlString(baseUrl)}`,
    "      temperature: 0",
    "defaultTest:",
    "  assert:",
    "    - type: icontains",
    "      value: hello",
    "tests:",
    ...messages.map((m) => `  - vars: { message: ${yamlString(m)} }`),
    "",
  ];
  await writeFile(join(dir, "promptfooconfig.yaml"), lines.join("\n"));
}

/** An HTTP proxy that forwards nothing: it answers 403 to every request and CONNECT, and logs the target. */
async function startSink() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on("connect", (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => new Promise((r) => server.close(r)),
  };
}

/**
 * Runs `argv` under bash so its `times` builtin reports the child's user and system CPU; resolves
 * with the wall time (from spawn to exit, as seen here), the CPU seconds and the exit code.
 */
function timed(argv, { cwd, env }) {
  const script = `"$@"; rc=$?; times >&2; exit $rc`;
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const start = process.hrtime.bigint();
    const child = spawn("bash", ["-c", script, "bash", ...argv], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      // `times` prints the shell's own user/sys line, then its children's.
      const lines = err.trimEnd().split("\n");
      const children = lines.at(-1) ?? "";
      const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      resolve({
        startedAt,
        exitedAt: Date.now(),
        wall,
        cpu: secs.reduce((a, b) => a + b, 0),
        code,
        out,
        err: lines.slice(0, -2).join("\n"),
      });
    });
  });
}

const baseEnv = () => {
  // Only what a run needs: no real key, no ambient proxy or endpoint settings from this shell.
  const keep = ["PATH", "LANG", "TERM", "TMPDIR"];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
};

async function runAgentops(work) {
  const server = await spawnFakeServer(SERVER, [String(L)]);
  try {
    const r = await timed(
      [
        NODE,
        AGENTOPS,
        "eval",
        "prompts",
        "--provider",
        "openai",
        "--base-url",
        server.url,
        "--concurrency",
        String(C),
        "--no-cache",
      ],
      { cwd: work, env: { ...baseEnv(), HOME: join(work, "home"), OPENAI_API_KEY: FAKE_KEY } },
    );
    const stats = await (await fetch(`${server.origin}/calls`)).json();
    return { ...r, ...stats, ok: r.code === 0 && /greets/.test(r.out) };
  } finally {
    await server.close();
  }
}

async function runPromptfoo(work, pfEntry, sink) {
  const server = await spawnFakeServer(SERVER, [String(L)]);
  try {
    await writePromptfooConfig(work, server.url);
    const home = join(work, "pf-home");
    const r = await timed(
      [NODE, pfEntry, "eval", "-c", "promptfooconfig.yaml", "-j", String(C), "--no-cache"],
      {
        cwd: work,
        env: {
          ...baseEnv(),
          HOME: home,
          PROMPTFOO_CONFIG_DIR: join(home, ".promptfoo"),
          PROMPTFOO_DISABLE_TELEMETRY: "1",
          PROMPTFOO_DISABLE_UPDATE: "1",
          PROMPTFOO_DISABLE_REMOTE_GENERATION: "1",
          PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: "1",
          PROMPTFOO_DISABLE_SHARING: "1",
          OPENAI_API_KEY: FAKE_KEY,
          OPENAI_BASE_URL: server.url,
          HTTP_PROXY: sink.url,
          HTTPS_PROXY: sink.url,
          NO_PROXY: "127.0.0.1,localhost",
        },
      },
    );
    const stats = await (await fetch(`${server.origin}/calls`)).json();
    return { ...r, ...stats, ok: r.code === 0 && new RegExp(`${N} passed`).test(r.out) };
  } finally {
    await server.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f2 = (x) => x.toFixed(2);

function nodeVersionOf(node) {
  return execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
}

const work = await mkdtemp(join(tmpdir(), "agentops-vs-promptfoo-"));
const sink = await startSink();
try {
  await writeAgentopsProject(work);
  const ideal = Math.ceil(N / C) * (L / 1000);
  let pfEntry;
  const [major, minor] = nodeVersionOf(NODE).slice(1).split(".").map(Number);
  if (!pfBin) console.log("promptfoo: skipped (set PROMPTFOO_BIN or pass --promptfoo PATH to its bin)");
  else if (major < 22 || (major === 22 && minor < 22))
    console.log(`promptfoo: skipped (it needs Node 22.22+, this is ${nodeVersionOf(NODE)}: set BENCH_NODE)`);
  else pfEntry = realpathSync(pfBin);

  console.log(
    `N = ${N} examples, C = ${C}, L = ${L} ms, cache off, ${RUNS} alternating runs each after one warm-up; node ${nodeVersionOf(NODE)}; ideal ⌈N/C⌉·L = ${f2(ideal)} s`,
  );
  const results = { agentops: [], promptfoo: [] };
  const report = (name, r, warm) => {
    // Where the wall went, by the fake's clock (same machine): before the first request, between the
    // first request and the last answer, and after the last answer until the process ended.
    const before = (r.firstAt - r.startedAt) / 1000;
    const calls = (r.lastAt - r.firstAt) / 1000;
    const after = (r.exitedAt - r.lastAt) / 1000;
    console.log(
      `  ${warm ? "warm-up " : ""}${name.padEnd(9)} wall ${f2(r.wall)} s (${f2(r.wall / ideal)}× ideal) = ${f2(before)} s to the first call + ${f2(calls)} s of calls + ${f2(after)} s after the last; CPU ${f2(r.cpu)} s, ${r.calls} calls, at most ${r.maxInFlight} in flight, exit ${r.code}${r.ok ? "" : " — NOT a clean run"}`,
    );
    if (!r.ok) console.log(r.out.slice(-2000), r.err.slice(-2000));
  };
  for (let i = -1; i < RUNS; i++) {
    const a = await runAgentops(work);
    report("agentops", a, i < 0);
    if (i >= 0) results.agentops.push(a);
    if (pfEntry) {
      const p = await runPromptfoo(work, pfEntry, sink);
      report("promptfoo", p, i < 0);
      if (i >= 0) results.promptfoo.push(p);
    }
  }

  const summary = (name) => {
    const rs = results[name];
    if (rs.length === 0) return undefined;
    const wall = median(rs.map((r) => r.wall));
    const cpu = median(rs.map((r) => r.cpu));
    const calls = rs.map((r) => r.calls).join("/");
    const inflight = Math.max(...rs.map((r) => r.maxInFlight));
    console.log(
      `${name.padEnd(9)} median wall ${f2(wall)} s = ${f2(wall / ideal)}× ideal, median CPU ${f2(cpu)} s, calls ${calls}, most in flight ${inflight}, clean runs ${rs.filter((r) => r.ok).length}/${rs.length}`,
    );
    return wall;
  };
  console.log("");
  const a = summary("agentops");
  const p = summary("promptfoo");
  if (a !== undefined && p !== undefined)
    console.log(`agentops / promptfoo wall: ${f2(a / p)}× (target ≤ 0.5×)`);
  console.log(
    sink.seen.length
      ? `stopped at the proxy sink (never sent): ${[...new Set(sink.seen)].join(", ")} — ${sink.seen.length} requests`
      : "proxy sink: no outbound request attempted",
  );
} finally {
  await sink.close();
  await rm(work, { recursive: true, force: true });
}

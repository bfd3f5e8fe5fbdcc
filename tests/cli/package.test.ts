import { execFile } from "node:child_process";
import { cp, readFile, readdir } from "node:fs/promises";
import { delimiter, join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

// Packs this repository as npm would publish it, installs the tarball offline into a fresh
// git repository and runs its `agentops` bin there: the path the README's first section shows.
// Needs a built dist/ (npm run build).
const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");

interface Installed {
  consumer: string;
  tarball: string;
  files: string[];
  installLog: string;
}

let installed: Installed;

/** Every `node` on PATH outside node_modules/.bin (the system Node, say 20), plus the one running the tests. */
async function nodesOnPath(): Promise<string[]> {
  const found = new Set<string>([process.execPath]);
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir || dir.includes("node_modules")) continue;
    const candidate = join(dir, "node");
    try {
      const { stdout } = await run(candidate, ["-p", "process.execPath"]);
      found.add(stdout.trim());
    } catch {
      // no node in this folder
    }
  }
  return [...found];
}

beforeAll(async () => {
  const work = await makeProject({});
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: REPO });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error("npm pack printed no package");
  const consumer = await makeProject({
    "package.json": JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
    "prompts/greet/v1.yaml": SIMPLE_PROMPT,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
  });
  await run("git", ["init", "-q"], { cwd: consumer });
  const tarball = join(work, packed.filename);
  const install = await run(
    "npm",
    ["install", "-D", "--offline", "--no-audit", "--no-fund", "--loglevel=warn", tarball],
    { cwd: consumer },
  );
  installed = {
    consumer,
    tarball,
    files: packed.files.map((f) => f.path).sort(),
    installLog: install.stdout + install.stderr,
  };
}, 60_000);

describe("the npm package", () => {
  test("the tarball holds the CLI bundle, its licences, the README and LICENSE, and nothing else", async () => {
    // Each command's code is a chunk the entry loads when that command runs (dist/cli/<id>.index.js).
    const chunk = /^dist\/cli\/\d+\.index\.js$/;
    expect(installed.files.filter((f) => !chunk.test(f))).toEqual([
      "LICENSE",
      "README.md",
      "dist/cli/index.js",
      "dist/cli/package.json",
      "dist/licenses.txt",
      "package.json",
    ]);
    const built = (await readdir(join(REPO, "dist", "cli"))).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(built.length).toBeGreaterThan(0);
    expect(installed.files.filter((f) => chunk.test(f))).toEqual(built.map((f) => `dist/cli/${f}`).sort());
  });

  test("installing it adds no runtime dependencies and warns about no engine", async () => {
    const modules = await readdir(join(installed.consumer, "node_modules"));
    expect(modules.filter((m) => !m.startsWith("."))).toEqual(["agentops-action"]);
    expect(installed.installLog).not.toMatch(/EBADENGINE|deprecated/i);
    const pkg = JSON.parse(await readFile(join(installed.consumer, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.devDependencies)).toEqual(["agentops-action"]);
  });

  test("npx agentops eval runs in the fresh repository", async () => {
    const r = await run(
      "npx",
      ["--no-install", "agentops", "eval", "prompts/greet", "--provider", "mock", "-q"],
      {
        cwd: installed.consumer,
      },
    );
    expect(r.stdout).toContain("greet v1");
    expect(r.stdout).toMatch(/mentions-hello\s*\|\s*icontains/);
  });

  test("npx agentops import promptfoo, then eval of the converted project, in the fresh repository", async () => {
    await cp(join(REPO, "tests/fixtures/promptfoo/chat-json"), join(installed.consumer, "pf"), {
      recursive: true,
    });
    const imported = await run(
      "npx",
      ["--no-install", "agentops", "import", "promptfoo", "pf/promptfooconfig.yaml", "--out", "migrated"],
      {
        cwd: installed.consumer,
      },
    );
    expect(imported.stdout).toContain("prompt support-replies: 1 version(s), 3 example(s)");
    // Exit 1 (a criterion below its threshold under the mock provider) is a verdict too; execFile rejects on it.
    const code = await run(
      "npx",
      ["--no-install", "agentops", "eval", "migrated", "--provider", "mock", "-q"],
      {
        cwd: installed.consumer,
      },
    ).then(
      () => 0,
      (e: unknown) => (e as { code?: number }).code,
    );
    expect([0, 1]).toContain(code);
  });

  test("the installed bin runs on every Node on PATH (the bundle needs no Node 24 API)", async () => {
    const bin = join(installed.consumer, "node_modules", "agentops-action", "dist", "cli", "index.js");
    const nodes = await nodesOnPath();
    for (const node of nodes) {
      const r = await run(
        node,
        [bin, "eval", "prompts/greet", "--provider", "mock", "--format", "json", "-q"],
        {
          cwd: installed.consumer,
        },
      );
      expect(JSON.parse(r.stdout)).toMatchObject({ kind: "eval", complete: true });
    }
  });
});

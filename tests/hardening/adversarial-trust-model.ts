/**
 * The model behind tests/hardening/adversarial-trust.test.ts and `npm run bench:trust`: a small
 * project in a real git repository, the operations a pull request can make to it, the planner and
 * the gate run in-process on base vs head, and the invariant as an oracle. Shared so the test (a
 * fixed seed, a few hundred cases) and the bench (a larger budget) check the same thing.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { gateSettings } from "../../src/compare/compare.js";
import type { Provider } from "../../src/engine/providers/types.js";
import { isUserError } from "../../src/errors.js";
import { configAt } from "../../src/plan/config-at.js";
import { createGit, listEntries, showFile, type Git } from "../../src/plan/git.js";
import { planComparison, versionsByPrompt } from "../../src/plan/plan.js";
import { runComparison } from "../../src/pipeline/compare-run.js";
import { activeIn } from "../../src/plan/affected.js";
import { TempRepo } from "../helpers/git-repo.js";

export const GOOD = "- one\n- two\n- three";
export const BAD = "no bullets at all";
const PROMPTS = ["summarize", "other"] as const;
const CONFIG_PATH = "prompts/config.yaml";
const BASE_EXAMPLES = 8;

/** A version file; "(broken)" in its system prompt makes it answer in prose on every base example. */
export function promptText(name: string, version: number, tag: string, bulletsMin = 3): string {
  return [
    `name: ${name}`,
    `version: ${version}`,
    "model: gpt-4o-mini",
    "temperature: 0",
    `system: "Summarize as bullets. (${tag})"`,
    'template: "{text}"',
    "eval_criteria:",
    "  - name: bullets",
    "    type: format_check",
    `    bullets: { min: ${bulletsMin} }`,
    "",
  ].join("\n");
}

const example = (id: string, text: string): string => JSON.stringify({ id, input: { text } });
const baseSet = (name: string): string =>
  Array.from({ length: BASE_EXAMPLES }, (_, i) => example(`${name}-${i + 1}`, `story ${i + 1}`)).join("\n") +
  "\n";

function configText(pins: ReadonlyMap<string, number>): string {
  const lines = [...pins].map(([k, v]) => `    ${k}: ${v}`);
  return lines.length
    ? `environments:\n  production:\n${lines.join("\n")}\n`
    : "environments:\n  production: {}\n";
}

/** The in-process model: a broken version answers in prose unless the input is "easy". */
export const provider: Provider = {
  id: "adversarial-fake",
  complete(request) {
    const system = request.messages.find((m) => m.role === "system")?.content ?? "";
    const user = request.messages
      .filter((m) => m.role === "user")
      .map((m) => m.content)
      .join("\n");
    const text = system.includes("(broken)") && !user.includes("easy") ? BAD : GOOD;
    return Promise.resolve({
      text,
      usage: { prompt_tokens: 5, completion_tokens: 5 },
      latencyMs: 1,
      cached: false,
    });
  },
};

export type Op =
  | { op: "add_version"; p: number; v: number; broken: boolean }
  | { op: "edit_in_place"; p: number; broken: boolean }
  | { op: "pin"; p: number; v: number | null }
  | { op: "delete_prompt"; p: number }
  | { op: "rename_prompt"; p: number; to: string; rewrite: boolean; movePin: boolean }
  | { op: "symlink_prompt"; p: number }
  | { op: "case_twin"; p: number }
  | { op: "duplicate_spelling"; p: number; v: number; spelling: "yml" | "v0" | "upper" }
  | { op: "add_examples"; p: number; n: number; easy: boolean }
  | { op: "delete_examples"; p: number; n: number }
  | { op: "edit_example"; p: number }
  | { op: "change_id"; p: number }
  | { op: "loosen_criterion"; p: number; v: number }
  | { op: "model_edit"; p: number; v: number }
  | { op: "cosmetic"; n: number };

// Mostly the prompt under attack; sometimes the other one, so unrelated edits mix in.
const p = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) });
const v = fc.integer({ min: 1, max: 3 });
// Weighted so most PRs reach the gate: layout tricks end in an error at once, and one in a few is enough.
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("add_version" as const),
      p,
      v: fc.integer({ min: 2, max: 3 }),
      broken: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("edit_in_place" as const), p, broken: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("pin" as const), p, v: fc.option(v, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete_prompt" as const), p }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("rename_prompt" as const),
      p,
      to: fc.constantFrom("summary", "brief"),
      rewrite: fc.boolean(),
      movePin: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("symlink_prompt" as const), p }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("case_twin" as const), p }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("duplicate_spelling" as const),
      p,
      v,
      spelling: fc.constantFrom("yml" as const, "v0" as const, "upper" as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("add_examples" as const),
      p,
      n: fc.integer({ min: 1, max: 40 }),
      easy: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("delete_examples" as const),
      p,
      n: fc.integer({ min: 1, max: BASE_EXAMPLES }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("edit_example" as const), p }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("change_id" as const), p }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("loosen_criterion" as const), p, v }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("model_edit" as const), p, v }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("cosmetic" as const), n: fc.nat(1000) }) },
);
/** A pull request: a short sequence of operations, most of them ending with a broken version somewhere. */
export const prArb = fc.array(opArb, { minLength: 1, maxLength: 5 });

/** The project at the base, and one repository reused for every case (a fresh detached head each time). */
export class Sandbox {
  readonly repo = new TempRepo();
  readonly baseSha: string;
  readonly git: Git;
  private readonly pins = new Map<string, number>();
  constructor() {
    const files: Record<string, string> = {};
    for (const name of PROMPTS) {
      files[`prompts/${name}/v1.yaml`] = promptText(name, 1, "v1");
      files[`prompts/${name}/eval_set.jsonl`] = baseSet(name);
      this.pins.set(name, 1);
    }
    files[CONFIG_PATH] = configText(this.pins);
    files["README.md"] = "# project\n";
    this.baseSha = this.repo.commit("base", files);
    this.git = memoGit(this.repo.dir);
  }

  /** Applies a pull request's operations on a fresh branch from the base; returns the head commit. */
  apply(ops: readonly Op[]): string {
    this.repo.git("checkout", "-q", "-f", "--detach", this.baseSha);
    this.repo.git("clean", "-q", "-f", "-d", "-x");
    const pins = new Map(this.pins);
    const dir = (name: string): string => join(this.repo.dir, "prompts", name);
    const write = (rel: string, text: string): void => {
      const full = join(this.repo.dir, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    };
    const setPath = (name: string): string => join(dir(name), "eval_set.jsonl");
    const editSet = (name: string, f: (lines: string[]) => string[]): void => {
      if (!existsSync(setPath(name))) return;
      const lines = readFileSync(setPath(name), "utf8").split("\n").filter(Boolean);
      writeFileSync(setPath(name), f(lines).join("\n") + "\n");
    };
    for (const o of ops) {
      const name = "p" in o ? (PROMPTS[o.p] ?? "summarize") : "summarize";
      const has = existsSync(dir(name));
      switch (o.op) {
        case "add_version":
          if (has)
            write(`prompts/${name}/v${o.v}.yaml`, promptText(name, o.v, o.broken ? "broken" : `v${o.v}`));
          break;
        case "edit_in_place":
          if (has) write(`prompts/${name}/v1.yaml`, promptText(name, 1, o.broken ? "broken" : "v1 reworded"));
          break;
        case "pin":
          if (o.v === null) pins.delete(name);
          else pins.set(name, o.v);
          break;
        case "delete_prompt":
          rmSync(dir(name), { recursive: true, force: true });
          break;
        case "rename_prompt":
          if (!has || existsSync(dir(o.to))) break;
          renameSync(dir(name), dir(o.to));
          if (o.rewrite)
            for (const f of readdirSync(dir(o.to)).filter((f) => f.endsWith(".yaml")))
              writeFileSync(
                join(dir(o.to), f),
                promptText(o.to, Number(f.slice(1, -5)), "broken") + "# rewritten\n",
              );
          if (o.movePin && pins.has(name)) {
            pins.set(o.to, pins.get(name) ?? 1);
            pins.delete(name);
          }
          break;
        case "symlink_prompt":
          write("prompts/evil/v1.yaml", promptText(name, 1, "broken"));
          rmSync(dir(name), { recursive: true, force: true });
          symlinkSync("evil", dir(name));
          break;
        case "case_twin":
          write(
            `prompts/${name[0]?.toUpperCase() ?? "X"}${name.slice(1)}/v1.yaml`,
            promptText(name, 1, "broken"),
          );
          break;
        case "duplicate_spelling": {
          if (!has) break;
          const file =
            o.spelling === "yml" ? `v${o.v}.yml` : o.spelling === "v0" ? `v0${o.v}.yaml` : `V${o.v}.yaml`;
          write(`prompts/${name}/${file}`, promptText(name, o.v, "broken"));
          break;
        }
        case "add_examples":
          editSet(name, (l) => [
            ...l,
            ...Array.from({ length: o.n }, (_, i) =>
              example(`added-${l.length + i}`, `${o.easy ? "easy" : "story"} ${i}`),
            ),
          ]);
          break;
        case "delete_examples":
          editSet(name, (l) => l.slice(o.n));
          break;
        case "edit_example":
          editSet(name, (l) => [l[0]?.replace("story", "easy") ?? "", ...l.slice(1)].filter(Boolean));
          break;
        case "change_id":
          editSet(name, (l) =>
            [l[0]?.replace(`"${name}-`, '"renamed-') ?? "", ...l.slice(1)].filter(Boolean),
          );
          break;
        case "loosen_criterion": {
          const file = join(dir(name), `v${o.v}.yaml`);
          if (has && existsSync(file))
            writeFileSync(file, readFileSync(file, "utf8").replace("min: 3", "min: 0"));
          break;
        }
        case "model_edit": {
          const file = join(dir(name), `v${o.v}.yaml`);
          if (has && existsSync(file))
            writeFileSync(file, readFileSync(file, "utf8").replace("gpt-4o-mini", "gpt-4o"));
          break;
        }
        case "cosmetic":
          write("README.md", `# project\n\nnote ${o.n}\n`);
          break;
      }
    }
    write(CONFIG_PATH, configText(pins));
    return this.repo.commit("the change");
  }

  remove(): void {
    this.repo.remove();
  }
}

/**
 * git answers about a full commit SHA never change: the base side of every case is read once.
 * Only commands that name objects by SHA are remembered; refs and the work tree are always asked.
 */
function memoGit(dir: string): Git {
  const git = createGit(dir);
  const cache = new Map<string, Promise<string>>();
  const immutable = new Set(["ls-tree", "cat-file", "merge-base", "diff"]);
  return {
    run(args) {
      if (!immutable.has(args[0] ?? "") || !args.some((a) => /^[0-9a-f]{40}$/.test(a))) return git.run(args);
      const key = args.join("\0");
      let hit = cache.get(key);
      if (!hit) {
        hit = git.run(args);
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

export type Outcome =
  { blocked: true; verdict: string; why: string } | { blocked: false; verdict: string; violations: string[] };

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Plans and gates base vs head in-process, then checks the invariant: the verdict blocks, or every
 * head pin resolves (by the one resolver) to bytes that are the base's own or were evaluated, and
 * none of them is a version that regresses on the base's examples.
 */
export async function gate(sandbox: Sandbox, headSha: string): Promise<Outcome> {
  const git = sandbox.git;
  let plan;
  try {
    plan = await planComparison({
      git,
      base: sandbox.baseSha,
      head: headSha,
      promptsDir: "prompts",
      configPath: CONFIG_PATH,
    });
  } catch (e) {
    if (isUserError(e)) return { blocked: true, verdict: "error", why: e.message };
    throw e;
  }
  const results = await runComparison(
    plan,
    { base: "main", head: "pr" },
    {
      run: { provider, concurrency: 16 },
      gate: gateSettings(plan.trustedConfig.thresholds),
      readFile: (side, path) => showFile(git, side === "champion" ? plan.baseSha : plan.headSha, path),
    },
  );
  if (results.verdict !== "pass")
    return {
      blocked: true,
      verdict: results.verdict,
      why: results.prompts.map((p) => p.comparison.reason).join("; "),
    };

  const violations: string[] = [];
  const head = await configAt(git, headSha, CONFIG_PATH, CONFIG_PATH);
  const base = await configAt(git, sandbox.baseSha, CONFIG_PATH, CONFIG_PATH);
  let headVersions;
  let baseVersions;
  try {
    headVersions = versionsByPrompt(await listEntries(git, headSha, "prompts"), "prompts");
    baseVersions = versionsByPrompt(await listEntries(git, sandbox.baseSha, "prompts"), "prompts");
  } catch (e) {
    return {
      blocked: false,
      verdict: results.verdict,
      violations: [`the resolver refuses the head, the gate passed: ${String(e)}`],
    };
  }
  const evaluated = new Set(
    results.prompts.flatMap((p) => (p.challenger_sha256 ? [p.challenger_sha256] : [])),
  );
  for (const name of Object.keys(base?.config.environments?.production ?? {})) {
    if (activeIn(head?.config, "production", name) === undefined)
      violations.push(`${name}: pinned at the base, un-pinned at the head, and the gate passed`);
  }
  for (const name of Object.keys(head?.config.environments?.production ?? {})) {
    const version = activeIn(head?.config, "production", name);
    const path = version === undefined ? undefined : headVersions.get(name)?.get(version);
    if (path === undefined) {
      violations.push(`${name}: the head pin v${String(version)} resolves to no file, and the gate passed`);
      continue;
    }
    const text = (await showFile(git, headSha, path)) ?? "";
    const baseVersion = activeIn(base?.config, "production", name);
    const basePath = baseVersion === undefined ? undefined : baseVersions.get(name)?.get(baseVersion);
    const baseText = basePath === undefined ? undefined : await showFile(git, sandbox.baseSha, basePath);
    if (text === baseText) continue;
    if (!evaluated.has(sha256(text)))
      violations.push(`${name}: production will load ${path}, which the gate never evaluated`);
    if (baseText !== undefined && text.includes("(broken)"))
      violations.push(
        `${name}: production will load ${path}, which regresses on every base example, and the gate passed`,
      );
  }
  return { blocked: false, verdict: results.verdict, violations };
}

/**
 * The model behind tests/hardening/adversarial-trust.test.ts and `npm run bench:trust`: a small
 * project in a real git repository, the operations a pull request can make to it, the planner and
 * the gate run in-process on base vs head, and the invariant as an oracle. Shared so the test (a
 * fixed seed, a few hundred cases) and the bench (a larger budget) check the same thing.
 *
 * The prompt under attack (`summarize`) is judged three ways at the base: a rule (bullets), an
 * `llm_judge` criterion whose rubric lives in a file, and `tool_args_valid` over a declared tool
 * with a strict JSON Schema. The fake model makes each yardstick matter: a "(wrong)" version
 * passes the rule but not a strict judge, which a lenient judge (the model "lenient-judge", or a
 * loosened rubric) would pass; a "(badargs)" version calls its tools with arguments only a
 * loosened schema accepts. The oracle then checks the yardsticks themselves, not only outcomes.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { gateSettings } from "../../src/compare/compare.js";
import { createJudge, JUDGE_SYSTEM } from "../../src/engine/judge.js";
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
/** Three bullets, one of them wrong: the rule passes it, a strict judge does not. */
export const WRONG = "- one\n- two\n- wrong";
const PROMPTS = ["summarize", "other"] as const;
const CONFIG_PATH = "prompts/config.yaml";
const BASE_EXAMPLES = 8;
/** The base's rubric (prompts/summarize/rubric.md) and the one a change would like to be judged by. */
export const RUBRIC = "Three bullets, every one of them correct.";
export const LOOSE_RUBRIC = "Any answer is fine.";
/** A judge that gives 5 to anything; as the model under test it answers like any other. */
export const LENIENT = "lenient-judge";
/** The judge when neither the base's criterion nor its config names one (README "Judges"). */
export const DOCUMENTED_DEFAULT_JUDGE = "gpt-4o-mini";
const STRICT_SCHEMA =
  '{type: object, properties: {order_id: {type: string, pattern: "^[0-9]+$"}}, required: [order_id], additionalProperties: false}';

/**
 * What a version does wrong on every base example (easy inputs are always answered well): nothing,
 * answers in prose, answers three bullets of which one is wrong, or calls its tools with an
 * order id that is a number.
 */
export type Fault = "none" | "prose" | "wrong" | "badargs";
const TAG: Record<Exclude<Fault, "none">, string> = { prose: "broken", wrong: "wrong", badargs: "badargs" };
const tagOf = (fault: Fault, otherwise: string): string => (fault === "none" ? otherwise : TAG[fault]);
/** The faults each prompt's base yardsticks detect: `other` has the rule only. */
const DETECTED: Record<string, readonly string[]> = {
  summarize: ["(broken)", "(wrong)", "(badargs)"],
  other: ["(broken)"],
};

/**
 * A version file; the tag in its system prompt says how the fake model answers. `summarize` has
 * a tool and three kinds of criteria, `other` a rule only.
 */
export function promptText(name: string, version: number, tag: string, bulletsMin = 3): string {
  const rich = name === "summarize";
  return [
    `name: ${name}`,
    `version: ${version}`,
    "model: gpt-4o-mini",
    "temperature: 0",
    `system: "Summarize as bullets. (${tag})"`,
    'template: "{text}"',
    ...(rich
      ? [
          "tools:",
          "  - name: lookup_order",
          "    description: Look an order up",
          `    parameters: ${STRICT_SCHEMA}`,
        ]
      : []),
    "eval_criteria:",
    "  - name: bullets",
    "    type: format_check",
    `    bullets: { min: ${bulletsMin} }`,
    ...(rich
      ? [
          "  - name: quality",
          "    type: llm_judge",
          "    rubric_file: rubric.md",
          "  - name: valid_args",
          "    type: tool_args_valid",
        ]
      : []),
    "",
  ].join("\n");
}

const example = (id: string, text: string): string => JSON.stringify({ id, input: { text } });
const baseSet = (name: string): string =>
  Array.from({ length: BASE_EXAMPLES }, (_, i) => example(`${name}-${i + 1}`, `story ${i + 1}`)).join("\n") +
  "\n";

/** A config edit a change can make beside its pins; each would loosen the gate if it were trusted. */
export type ConfigEdit = "judge_model" | "thresholds" | "max_examples" | "pricing";
const CONFIG_EDITS: Record<ConfigEdit, string> = {
  judge_model: `judge_model: ${LENIENT}\n`,
  thresholds: "thresholds:\n  regression_tolerance: 100\n  alpha: 0.0001\n",
  max_examples: "budgets:\n  max_examples: 1\n",
  pricing: "pricing:\n  gpt-4o-mini: { input: 0, output: 0 }\n",
};

function configText(pins: ReadonlyMap<string, number>, edits: ReadonlySet<ConfigEdit> = new Set()): string {
  const lines = [...pins].map(([k, v]) => `    ${k}: ${v}`);
  const environments = lines.length
    ? `environments:\n  production:\n${lines.join("\n")}\n`
    : "environments:\n  production: {}\n";
  return (
    environments +
    [...edits]
      .sort()
      .map((e) => CONFIG_EDITS[e])
      .join("")
  );
}

/** Judge requests of the case being gated: which model was asked, with which rubric. */
export const judgeLog: { model: string; rubric: string }[] = [];

/**
 * The in-process model. Answers by the version's tag (unless the input is "easy"); with tools
 * declared, it calls each of them, with a string order id (valid at the base) or, for
 * "(badargs)", a number. As a judge: "lenient-judge" and the loosened rubric give 5 to anything;
 * any other judge gives 5 to the three right bullets only.
 */
export const provider: Provider = {
  id: "adversarial-fake",
  complete(request) {
    const system = request.messages.find((m) => m.role === "system")?.content ?? "";
    const user = request.messages
      .filter((m) => m.role === "user")
      .map((m) => m.content)
      .join("\n");
    const usage = { prompt_tokens: 5, completion_tokens: 5 };
    if (system === JUDGE_SYSTEM) {
      const rubric = /<RUBRIC>\n([\s\S]*?)\n<\/RUBRIC>/.exec(user)?.[1] ?? "";
      judgeLog.push({ model: request.model, rubric });
      const lenient = request.model === LENIENT || rubric === LOOSE_RUBRIC;
      const score = lenient || user.includes(`<RESPONSE>\n${GOOD}\n</RESPONSE>`) ? 5 : 1;
      return Promise.resolve({
        text: JSON.stringify({ score, reason: "fake judge" }),
        usage,
        latencyMs: 1,
        cached: false,
      });
    }
    const easy = user.includes("easy");
    const text =
      system.includes("(broken)") && !easy ? BAD : system.includes("(wrong)") && !easy ? WRONG : GOOD;
    const orderId = system.includes("(badargs)") && !easy ? 12345 : "12345";
    const toolCalls = request.tools?.map((t, i) => ({
      id: `call_${String(i)}`,
      name: t.function.name,
      arguments: JSON.stringify({ order_id: orderId }),
    }));
    return Promise.resolve({
      text,
      usage,
      latencyMs: 1,
      cached: false,
      ...(toolCalls ? { toolCalls } : {}),
    });
  },
};

export type Op =
  | { op: "add_version"; p: number; v: number; fault: Fault }
  | { op: "edit_in_place"; p: number; fault: Fault }
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
  | { op: "model_edit"; p: number; v: number; to: "gpt-4o" | typeof LENIENT }
  | { op: "criterion_judge"; v: number }
  | { op: "rubric_edit"; where: "file" | "inline"; v: number }
  | { op: "tool_schema"; v: number; edit: "loosen" | "tighten" | "rename" | "add" }
  | { op: "config_edit"; field: ConfigEdit }
  | { op: "cosmetic"; n: number };

// Mostly the prompt under attack; sometimes the other one, so unrelated edits mix in.
const p = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) });
const v = fc.integer({ min: 1, max: 3 });
const fault = fc.constantFrom<Fault>("none", "prose", "wrong", "badargs");
// Weighted so most PRs reach the gate: layout tricks end in an error at once, and one in a few is enough.
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("add_version" as const),
      p,
      v: fc.integer({ min: 2, max: 3 }),
      fault,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("edit_in_place" as const), p, fault }) },
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
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("model_edit" as const),
      p,
      v,
      to: fc.constantFrom("gpt-4o" as const, LENIENT),
    }),
  },
  // The yardsticks of the judge and the tools: only `summarize` has them.
  { weight: 1, arbitrary: fc.record({ op: fc.constant("criterion_judge" as const), v }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("rubric_edit" as const),
      where: fc.constantFrom("file" as const, "inline" as const),
      v,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("tool_schema" as const),
      v,
      edit: fc.constantFrom("loosen" as const, "tighten" as const, "rename" as const, "add" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("config_edit" as const),
      field: fc.constantFrom<ConfigEdit>("judge_model", "thresholds", "max_examples", "pricing"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("cosmetic" as const), n: fc.nat(1000) }) },
);
/** A pull request: a short sequence of operations, most of them ending with a broken version somewhere. */
export const prArb = fc.array(opArb, { minLength: 1, maxLength: 5 });

/**
 * The project at the base, and one repository reused for every case. A case's operations run on
 * real files in a scratch folder (so renames, symlinks and case twins behave as on disk), and
 * the folder becomes the head commit through one `git fast-import` (no checkout, add or commit
 * per case: git processes are most of the test's CPU time).
 */
export class Sandbox {
  readonly repo = new TempRepo();
  readonly baseSha: string;
  readonly git: Git;
  private readonly pins = new Map<string, number>();
  private readonly baseFiles: Record<string, string> = {};
  private readonly scratch = mkdtempSync(join(tmpdir(), "agentops-trust-"));
  constructor() {
    const files = this.baseFiles;
    for (const name of PROMPTS) {
      files[`prompts/${name}/v1.yaml`] = promptText(name, 1, "v1");
      files[`prompts/${name}/eval_set.jsonl`] = baseSet(name);
      this.pins.set(name, 1);
    }
    files["prompts/summarize/rubric.md"] = RUBRIC;
    files[CONFIG_PATH] = configText(this.pins);
    files["README.md"] = "# project\n";
    this.baseSha = this.repo.commit("base", files);
    this.git = memoGit(this.repo.dir);
  }

  /** Applies a pull request's operations to the base's files; returns the head commit (child of the base). */
  apply(ops: readonly Op[]): string {
    const root = join(this.scratch, "tree");
    rmSync(root, { recursive: true, force: true });
    for (const [rel, text] of Object.entries(this.baseFiles)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    this.change(root, ops);
    return this.commitTree(root);
  }

  /** One commit holding exactly the folder's files and symbolic links, its parent the base. */
  private commitTree(root: string): string {
    const chunks: string[] = [];
    const data = (text: string): void => {
      chunks.push(`data ${String(Buffer.byteLength(text, "utf8"))}\n${text}\n`);
    };
    const walk = (rel: string): void => {
      for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) {
          chunks.push(`M 120000 inline ${path}\n`);
          data(readlinkSync(join(root, path)));
        } else if (entry.isDirectory()) walk(path);
        else {
          chunks.push(`M 100644 inline ${path}\n`);
          data(readFileSync(join(root, path), "utf8"));
        }
      }
    };
    chunks.push("feature get-mark\ncommit refs/heads/case\nmark :1\n");
    chunks.push("committer Test <test@example.com> 0 +0000\n");
    data("the change");
    chunks.push(`from ${this.baseSha}\ndeleteall\n`);
    walk("");
    chunks.push("\nget-mark :1\n");
    const out = execFileSync("git", ["fast-import", "--quiet", "--force"], {
      cwd: this.repo.dir,
      input: chunks.join(""),
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    return out.trim();
  }

  private change(root: string, ops: readonly Op[]): void {
    const pins = new Map(this.pins);
    const configEdits = new Set<ConfigEdit>();
    const dir = (name: string): string => join(root, "prompts", name);
    const write = (rel: string, text: string): void => {
      const full = join(root, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    };
    const setPath = (name: string): string => join(dir(name), "eval_set.jsonl");
    const editSet = (name: string, f: (lines: string[]) => string[]): void => {
      if (!existsSync(setPath(name))) return;
      const lines = readFileSync(setPath(name), "utf8").split("\n").filter(Boolean);
      writeFileSync(setPath(name), f(lines).join("\n") + "\n");
    };
    const editVersion = (name: string, version: number, f: (text: string) => string): void => {
      const file = join(dir(name), `v${version}.yaml`);
      if (existsSync(file)) writeFileSync(file, f(readFileSync(file, "utf8")));
    };
    for (const o of ops) {
      const name = "p" in o ? (PROMPTS[o.p] ?? "summarize") : "summarize";
      const has = existsSync(dir(name));
      switch (o.op) {
        case "add_version":
          if (has) write(`prompts/${name}/v${o.v}.yaml`, promptText(name, o.v, tagOf(o.fault, `v${o.v}`)));
          break;
        case "edit_in_place":
          if (has) write(`prompts/${name}/v1.yaml`, promptText(name, 1, tagOf(o.fault, "v1 reworded")));
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
        case "loosen_criterion":
          editVersion(name, o.v, (t) => t.replace("min: 3", "min: 0"));
          break;
        case "model_edit":
          editVersion(name, o.v, (t) => t.replace("model: gpt-4o-mini", `model: ${o.to}`));
          break;
        case "criterion_judge":
          editVersion("summarize", o.v, (t) =>
            t.replace("    type: llm_judge\n", `    type: llm_judge\n    model: ${LENIENT}\n`),
          );
          break;
        case "rubric_edit":
          if (o.where === "file") {
            if (existsSync(dir("summarize"))) write("prompts/summarize/rubric.md", LOOSE_RUBRIC);
          } else
            editVersion("summarize", o.v, (t) =>
              t.replace("rubric_file: rubric.md", `rubric: "${LOOSE_RUBRIC}"`),
            );
          break;
        case "tool_schema":
          editVersion("summarize", o.v, (t) => {
            switch (o.edit) {
              case "loosen":
                return t.replace(STRICT_SCHEMA, "{type: object}");
              case "tighten":
                return t.replace('pattern: "^[0-9]+$"}', 'pattern: "^[0-9]+$", maxLength: 8}');
              case "rename":
                return t.replace("name: lookup_order", "name: find_order");
              case "add":
                return t.replace(
                  "eval_criteria:\n",
                  "  - name: cancel_order\n    parameters: {type: object}\neval_criteria:\n",
                );
            }
          });
          break;
        case "config_edit":
          configEdits.add(o.field);
          break;
        case "cosmetic":
          write("README.md", `# project\n\nnote ${o.n}\n`);
          break;
      }
    }
    write(CONFIG_PATH, configText(pins, configEdits));
  }

  remove(): void {
    this.repo.remove();
    rmSync(this.scratch, { recursive: true, force: true });
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

/** Whether a tool call is valid under the base's schema of lookup_order (the only tool the base declares). */
function validAtBase(call: { name: string; arguments: string }): boolean {
  if (call.name !== "lookup_order") return false;
  let args: unknown;
  try {
    args = JSON.parse(call.arguments);
  } catch {
    return false;
  }
  if (typeof args !== "object" || args === null || Array.isArray(args)) return false;
  const keys = Object.keys(args);
  const id = (args as { order_id?: unknown }).order_id;
  return keys.length === 1 && typeof id === "string" && /^[0-9]+$/.test(id);
}

/**
 * Plans and gates base vs head in-process (judge, thresholds and budgets from the trusted config,
 * as the Action sets them up), then checks the invariant: the verdict blocks, or every head pin
 * resolves (by the one resolver) to bytes that are the base's own or were evaluated, none of them
 * a version that regresses on the base's examples, and the yardsticks used were the base's: every
 * judge request went to the base's judge (here the documented default) with the base's rubric,
 * and tool_args_valid held every call to the base's schema.
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
  const trusted = plan.trustedConfig;
  judgeLog.length = 0;
  const results = await runComparison(
    plan,
    { base: "main", head: "pr" },
    {
      run: {
        provider,
        concurrency: 16,
        judge: createJudge(provider, trusted.judge_model),
        ...(trusted.budgets?.max_examples !== undefined ? { maxExamples: trusted.budgets.max_examples } : {}),
      },
      gate: gateSettings(trusted.thresholds),
      readFile: (side, path) => showFile(git, side === "champion" ? plan.baseSha : plan.headSha, path),
    },
  );
  if (results.verdict !== "pass")
    return {
      blocked: true,
      verdict: results.verdict,
      why: [
        ...results.prompts.map((p) => p.comparison.reason),
        ...results.gate_changes.map((c) => c.summary),
      ].join("; "),
    };

  const violations: string[] = [];
  const head = await configAt(git, headSha, CONFIG_PATH, CONFIG_PATH);
  const base = await configAt(git, sandbox.baseSha, CONFIG_PATH, CONFIG_PATH);
  // The yardsticks. The base names no judge (neither the criterion nor the config), so the
  // documented default judges both sides; a criterion the change adds could name its own, but no
  // operation adds one, and a criterion the change edits is a gate change (the verdict blocks).
  const judge = base?.config.judge_model ?? DOCUMENTED_DEFAULT_JUDGE;
  for (const j of new Set(judgeLog.map((j) => `${j.model}\u0000${j.rubric}`))) {
    const [model, rubric] = j.split("\u0000");
    if (model !== judge)
      violations.push(
        `a judge request went to ${String(model)}, not the base's judge ${judge}, and the gate passed`,
      );
    if (rubric !== RUBRIC)
      violations.push(
        `a judge request carried the rubric ${JSON.stringify(rubric)}, not the base's, and the gate passed`,
      );
  }
  for (const p of results.prompts.filter((p) => p.name === "summarize")) {
    const wrong = p.challenger.examples.filter((r) => {
      const verdict = r.criteria.valid_args;
      if (verdict === undefined || r.trajectory === undefined) return false;
      return verdict.passed !== r.trajectory.steps.every((s) => s.tool_calls.every(validAtBase));
    });
    if (wrong.length > 0)
      violations.push(
        `valid_args of ${wrong.map((r) => r.id).join(", ")} was not decided by the base's tool schema, and the gate passed`,
      );
  }
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
    const fault = (DETECTED[name] ?? []).find((tag) => text.includes(tag));
    if (baseText !== undefined && fault !== undefined)
      violations.push(
        `${name}: production will load ${path}, which regresses on every base example ${fault}, and the gate passed`,
      );
  }
  return { blocked: false, verdict: results.verdict, violations };
}

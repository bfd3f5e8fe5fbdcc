import {
  EXAMPLE_CHECKS,
  type Check,
  type Criterion,
  type EvalExample,
  type ProjectConfig,
  type PromptFile,
} from "../config/schema.js";
import { parseYaml } from "../config/yaml.js";
import { UserError } from "../errors.js";
import type { GlobFiles } from "./glob.js";
import { withInlineImages } from "./google-images.js";
import { ImportNotes, type ImportedProject, type ImportedPrompt } from "./notes.js";
import { mapAssertion, providerModel, type CriterionSpec } from "./promptfoo-assertions.js";
import { withConversation, withVarValues } from "./promptfoo-chat-history.js";
import { readPrompts, textTurnsOf, type PromptSource, type ReadText } from "./promptfoo-prompts.js";
import { readProviders, type ModelSettings } from "./promptfoo-providers.js";
import { scenarioTests } from "./promptfoo-scenarios.js";
import { readTests, type TestCase } from "./promptfoo-tests.js";
import { isMap } from "./json-file.js";

export interface ImportOptions {
  /** Prompt name; default the config's description, else `fallbackName`, as a slug. */
  name?: string;
  fallbackName: string;
  /** Model when the config names no usable provider. */
  defaultModel: string;
}

const IGNORED = new Set([
  "$schema",
  "description",
  "outputPath",
  "sharing",
  "writeLatestResults",
  "tags",
  "evaluateOptions",
]);
const HANDLED = new Set(["prompts", "providers", "targets", "tests", "defaultTest", "scenarios"]);

/** Turns any text into a prompt name agentops accepts (lowercase, digits, - and _). */
export function slug(text: string, fallback = "imported"): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 40)
    .replace(/[-_]+$/, "");
  return s || fallback;
}

interface Named {
  spec: CriterionSpec;
  name: string;
}

interface MappedTest {
  test: TestCase;
  /** The test's own assertions (and defaultTest ones that depend on its vars): its example's checks. */
  checks: Named[];
  expected?: unknown;
}

const isGraded = (s: CriterionSpec): boolean => s.type === "similarity" || s.type === "llm_judge";

/** A name not yet taken in `taken` (criterion names are unique within a prompt, check names within an example). */
function uniqueName(base: string, taken: Map<string, number>): string {
  const n = (taken.get(base) ?? 0) + 1;
  taken.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

function finish(c: Named): Criterion {
  // promptfoo passes a test only when every assertion passes: every example must pass a
  // check, and a graded criterion's mean score must reach its pass mark.
  const minScore = "min_score" in c.spec ? c.spec.min_score : undefined;
  const threshold = isGraded(c.spec) ? (minScore ?? 0.75) : 1;
  return { name: c.name, ...c.spec, threshold };
}

/** A check of one example passes or fails on its own (min_score for graded ones): no threshold. */
const asCheck = (c: Named): Check => ({ name: c.name, ...c.spec }) as Check;

interface Mapping {
  /** The prompt's criteria: defaultTest assertions that mean the same for every test. */
  criteria: Named[];
  tests: MappedTest[];
  /** Assertions written in the config (before mapping), to tell "none written" from "none survived". */
  written: number;
}

/**
 * Maps every test's assertions. A defaultTest assertion that comes out the same for every test is a
 * criterion of the prompt; one whose value depends on the test's vars is a check of each example,
 * like the test's own assertions.
 */
function mapTests(tests: readonly TestCase[], notes: ImportNotes, textOutput: boolean): Mapping {
  const mapped = tests.map((t) => t.assert.map((a) => mapAssertion(a.assertion, t.vars, textOutput)));
  const defaults = tests[0]?.assert.filter((a) => a.fromDefault).length ?? 0;
  const shared = new Set<number>();
  const criteria: Named[] = [];
  const promptNames = new Map<string, number>();
  for (let k = 0; k < defaults; k++) {
    const results = mapped.map((m) => m[k]);
    const first = results[0];
    if (!first?.ok) continue;
    const same = results.every(
      (r) => r?.ok && JSON.stringify(r.spec) === JSON.stringify(first.spec) && r.expected === undefined,
    );
    if (!same) continue;
    shared.add(k);
    const a = tests[0]?.assert[k];
    if (!a) continue;
    if (first.difference) notes.change(a.where, a.assertion.type, first.difference);
    criteria.push({ spec: first.spec, name: uniqueName(a.assertion.metric ?? first.baseName, promptNames) });
  }
  const out: MappedTest[] = tests.map((test, i) => {
    const mt: MappedTest = { test, checks: [] };
    const taken = new Map<string, number>();
    test.assert.forEach(({ where, assertion, fromDefault }, k) => {
      if (shared.has(k)) return;
      const m = mapped[i]?.[k];
      if (!m) return;
      if (!m.ok) return notes.skip(where, `${assertion.type} assertion`, m.reason);
      if (m.expected !== undefined) {
        if (mt.expected !== undefined && JSON.stringify(mt.expected) !== JSON.stringify(m.expected))
          return notes.skip(
            where,
            `${assertion.type} assertion`,
            "a second, different reference answer: an agentops example holds one expected",
          );
        mt.expected = m.expected;
      }
      if (m.difference) notes.change(where, assertion.type, m.difference);
      if (fromDefault)
        notes.change(
          where,
          `defaultTest ${assertion.type}`,
          "its value depends on each test (vars or a reference answer): a check of every example",
        );
      mt.checks.push({ spec: m.spec, name: uniqueName(assertion.metric ?? m.baseName, taken) });
    });
    return mt;
  });
  const written = tests.reduce((n, t) => n + t.assert.length, 0);
  return { criteria, tests: out, written };
}

function version(
  p: PromptSource,
  m: ModelSettings,
  v: number,
  criteria: Criterion[],
  name: string,
): PromptFile {
  return {
    name,
    version: v,
    description: `imported from promptfoo: prompt ${p.label} on ${m.label}`,
    model: m.model,
    ...(m.temperature !== undefined ? { temperature: m.temperature } : {}),
    ...(m.max_tokens !== undefined ? { max_tokens: m.max_tokens } : {}),
    ...(m.tools ? { tools: m.tools as NonNullable<PromptFile["tools"]> } : {}),
    ...(m.tool_choice !== undefined ? { tool_choice: m.tool_choice } : {}),
    ...(p.system !== undefined ? { system: p.system } : {}),
    ...(p.messages ? { messages: p.messages } : {}),
    ...(p.template !== undefined ? { template: p.template } : {}),
    // Without declared tools there is no schema to validate calls against: the output must be JSON, as before.
    eval_criteria: m.tools
      ? criteria
      : criteria.map((c) => (c.type === "tool_args_valid" ? { ...c, type: "format_check", json: true } : c)),
  };
}

function example(t: MappedTest, id: string, variables: string[], notes: ImportNotes): EvalExample {
  const input: Record<string, unknown> = { ...t.test.vars };
  for (const v of variables) {
    if (!Object.hasOwn(input, v)) {
      input[v] = "";
      notes.change(
        t.test.where,
        `var ${v}`,
        'not set by this test: promptfoo renders it empty, so its input is ""',
      );
    }
  }
  const metadata: Record<string, unknown> = {
    ...(t.test.description ? { description: t.test.description } : {}),
    ...t.test.metadata,
  };
  const rawTags: unknown = metadata.tags;
  const tags = Array.isArray(rawTags) && rawTags.every((x) => typeof x === "string") ? rawTags : undefined;
  return {
    id,
    input,
    ...(t.expected !== undefined ? { expected: t.expected } : {}),
    ...(t.checks.length ? { checks: t.checks.map(asCheck) } : {}),
    ...(tags ? { tags } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}

/**
 * Reads a promptfoo config (its text; other files through `read`, globs through `glob`, both
 * relative to its folder) into prompts, examples and a config.
 */
export async function importPromptfoo(
  text: string,
  file: string,
  read: ReadText,
  options: ImportOptions,
  glob: GlobFiles,
): Promise<ImportedProject> {
  const notes = new ImportNotes();
  const doc = parseYaml(text, file).value;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new UserError("a promptfoo config must be a YAML mapping (prompts:, providers:, tests:)", { file });
  const raw = doc as Record<string, unknown>;
  for (const key of Object.keys(raw))
    if (key === "redteam")
      notes.skip(
        file,
        "redteam",
        "red-team tests are generated at run time by promptfoo's plugins and strategies (with a model); agentops imports the target prompts and the tests written in the config",
      );
    else if (!IGNORED.has(key) && !HANDLED.has(key))
      notes.skip(file, key, "not imported: agentops has no equivalent");

  const baseName =
    options.name ?? slug(typeof raw.description === "string" ? raw.description : options.fallbackName);
  // promptfoo's own default when a config has no prompts (red-team configs, mostly): each test's `prompt` var.
  if (raw.prompts === undefined)
    notes.change(
      file,
      "prompts",
      "none given: promptfoo's default prompt {{prompt}} (each test's prompt var is the whole user message)",
    );
  const prompts = await readPrompts(raw.prompts ?? ["{{prompt}}"], read, notes, file, glob);
  if (prompts.length === 0)
    throw new UserError(
      "no prompt could be imported",
      { file, field: "prompts" },
      notes.skipped.map((n) => n.reason).join("; ") || "add prompts:",
    );
  // `targets:` is promptfoo's other name for providers (red-team configs use it).
  let models = readProviders(raw.providers ?? raw.targets, file, notes);
  if (models.length === 0) {
    models = [{ label: options.defaultModel, model: options.defaultModel }];
    notes.change(
      file,
      "providers",
      `no OpenAI-compatible provider: the prompts use model ${options.defaultModel} (--model)`,
    );
  }
  const fromScenarios = await scenarioTests(raw.scenarios, raw.defaultTest, read, notes, file, glob);
  let tests = await readTests(raw.tests, raw.defaultTest, read, notes, file, glob, fromScenarios);
  const noTests = raw.tests === undefined || (Array.isArray(raw.tests) && raw.tests.length === 0);
  if (tests.length === 0 && noTests && raw.scenarios === undefined) {
    // Without tests promptfoo runs each prompt once on a dummy empty test (src/evaluator.ts), with
    // defaultTest merged in, as it merges it into every red-team test it generates: so does this.
    const redteam = raw.redteam !== undefined;
    const at = redteam ? `${file} redteam` : `${file} tests`;
    tests = await readTests([{}], raw.defaultTest, read, notes, at, glob);
    notes.change(
      at,
      "examples",
      redteam
        ? "one example holding only defaultTest's vars (the attack's own var empty), so the target prompts can run: add examples of your own"
        : "none given: promptfoo runs each prompt once on an empty test; so does this one example (defaultTest's vars only): add examples of your own",
    );
  }
  if (tests.length === 0)
    throw new UserError(
      "no test could be imported",
      { file, field: "tests" },
      notes.skipped
        .filter((n) => /test|^column|^var|scenario/.test(n.what))
        .map((n) => `${n.where}: ${n.what}: ${n.reason}`)
        .join("; ") || "add tests: with vars",
    );

  // One prompt per promptfoo prompt: each test's own checks travel with its example.
  const mapping = mapTests(tests, notes, answersAreText(raw));
  const anyChecks = mapping.tests.some((t) => t.checks.length > 0);
  const criteria: Criterion[] = [
    ...mapping.criteria.map(finish),
    ...(anyChecks ? [{ name: EXAMPLE_CHECKS, type: "example_checks", threshold: 1 } as Criterion] : []),
  ];
  let nothingChecked: string | undefined;
  if (criteria.length === 0) {
    criteria.push({ name: "answered", type: "length", chars: { min: 1 }, threshold: 1 });
    if (mapping.written > 0)
      nothingChecked = `none of the ${mapping.written} assertion(s) could be imported (see "not imported"): the prompts check only for a non-empty answer`;
    else
      notes.change(
        file,
        "tests without assertions",
        "scored on a non-empty answer (criterion answered), as agentops needs one criterion; promptfoo passes them all",
      );
  }
  const variables = [...new Set(prompts.flatMap((p) => p.variables))];
  const examples = mapping.tests.map((t, i) => example(t, String(i + 1), variables, notes));
  const out: ImportedPrompt[] = [];
  const multi = prompts.length > 1;
  prompts.forEach((p, i) => {
    const name = multi ? `${baseName.slice(0, 60)}-${i + 1}` : baseName;
    const versions: PromptFile[] = [];
    const origins: string[] = [];
    const google = new Set<number>();
    for (const m of models) {
      if (m.prompts && !m.prompts.some((ref) => promptMatches(p, ref))) continue;
      if (m.inlinesImages) google.add(versions.length);
      versions.push(version(p, m, versions.length + 1, criteria, name));
      origins.push(`prompt ${p.label} on ${m.label}`);
    }
    if (versions.length === 0)
      return notes.skip(
        `prompt ${p.label}`,
        "prompt",
        "no provider runs it (every provider's prompts: leaves it out)",
      );
    // Without declared tools there is no schema to validate calls against: the output must be JSON, as before.
    const withoutTools = versions.some((v) => !v.tools);
    const own = withoutTools
      ? examples.map((e) =>
          e.checks
            ? {
                ...e,
                checks: e.checks.map((c): Check =>
                  c.type === "tool_args_valid"
                    ? {
                        name: c.name,
                        type: "format_check",
                        json: true,
                        ...(c.weight !== undefined ? { weight: c.weight } : {}),
                      }
                    : c,
                ),
              }
            : e,
        )
      : examples;
    // promptfoo renders a test's vars before a prompt that is not JSON; a Nunjucks chat holds each
    // test's own conversation so far. A test that cannot be carried is listed for this prompt.
    const byId = new Map(mapping.tests.map((t, k) => [String(k + 1), t.test]));
    const filled = p.json ? own : withVarValues(p, own, byId, notes);
    const set = p.chat ? withConversation(textTurnsOf(p), p.chat, filled, byId, notes) : filled;
    if (set.length === 0)
      return notes.skip(
        `prompt ${p.label}`,
        "prompt",
        "every test is listed for it (see the tests, for this prompt): no example is left to score it on",
      );
    // A Google provider sends a line that is a base64 image var as an image: its versions do too.
    for (const k of google) {
      const v = versions[k];
      if (!v) continue;
      const g = withInlineImages(v, set);
      const where = origins[k] ?? `prompt ${p.label}`;
      if ("reason" in g) notes.change(where, "image var", g.reason);
      else if (g.changed) {
        versions[k] = g.version;
        notes.change(
          where,
          "image var",
          "a line that is a base64 image var is sent as an image (a data URL), as promptfoo's Google provider sends it inline",
        );
      }
    }
    out.push({ name, versions, examples: set, origins });
  });
  for (const m of models)
    if (m.prompts && !prompts.some((p) => m.prompts?.some((ref) => promptMatches(p, ref))))
      notes.skip(
        `${file} providers`,
        `provider ${m.label}`,
        `runs no prompt: its prompts: (${m.prompts.join(", ")}) names no prompt's label (promptfoo matches a label exactly or its part before a ':'; a file's prompts have a label only when the config gives one)`,
      );
  if (out.length === 0)
    throw new UserError(
      "no prompt is run by any provider",
      { file, field: "providers" },
      "check the providers' prompts: lists",
    );
  const judge = judgeModel(raw.defaultTest);
  const config: ProjectConfig = {
    prompts_dir: "prompts",
    environments: { production: Object.fromEntries(out.map((p) => [p.name, 1])) },
    ...(judge ? { judge_model: judge } : {}),
  };
  return { prompts: out, config, notes, ...(nothingChecked ? { nothingChecked } : {}) };
}

/**
 * Whether promptfoo hands assertions the answer as text: not when a provider declares tools or
 * functions (the output is then the calls), a JSON-schema response format (the parsed JSON) or a
 * transform (whatever the code returns), nor when the tests transform it.
 */
function answersAreText(raw: Record<string, unknown>): boolean {
  const providers = raw.providers ?? raw.targets;
  const entries: unknown[] = Array.isArray(providers)
    ? providers
    : providers === undefined
      ? []
      : [providers];
  for (const e of entries) {
    if (!isMap(e)) continue;
    const bodies = [e, ...Object.values(e).filter(isMap)];
    for (const b of bodies) {
      if (b.transform !== undefined) return false;
      const config = b.config;
      if (!isMap(config)) continue;
      if (config.tools !== undefined || config.functions !== undefined) return false;
      const format = config.response_format;
      if (isMap(format) && format.type !== "text" && format.type !== "json_object") return false;
    }
  }
  const transforms = (t: unknown): boolean =>
    isMap(t) && isMap(t.options) && t.options.transform !== undefined;
  if (transforms(raw.defaultTest)) return false;
  return !(Array.isArray(raw.tests) && raw.tests.some(transforms));
}

/**
 * A provider's `prompts:` entry names a prompt by its label, exactly or as the part before a colon
 * (`group` runs `group:a` and a text file's prompts labelled `group`), as promptfoo's
 * isAllowedPrompt (src/evaluator.ts) matches them; never by file name or id.
 */
function promptMatches(p: PromptSource, ref: string): boolean {
  return p.ids.some((label) => label === ref || label.startsWith(`${ref}:`));
}

function judgeModel(defaultTest: unknown): string | undefined {
  if (typeof defaultTest !== "object" || defaultTest === null) return undefined;
  const options = (defaultTest as { options?: unknown }).options;
  if (typeof options !== "object" || options === null) return undefined;
  return providerModel((options as { provider?: unknown }).provider);
}

import type { Criterion, EvalExample, ProjectConfig, PromptFile } from "../config/schema.js";
import { parseYaml } from "../config/yaml.js";
import { UserError } from "../errors.js";
import { ImportNotes, type ImportedProject, type ImportedPrompt } from "./notes.js";
import { mapAssertion, providerModel, type CriterionSpec } from "./promptfoo-assertions.js";
import { readPrompts, type PromptSource, type ReadText } from "./promptfoo-prompts.js";
import { readProviders, type ModelSettings } from "./promptfoo-providers.js";
import { readTests, type TestCase } from "./promptfoo-tests.js";

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
const HANDLED = new Set(["prompts", "providers", "tests", "defaultTest"]);

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

interface MappedTest {
  test: TestCase;
  criteria: { spec: CriterionSpec; name: string }[];
  expected?: unknown;
}

const isGraded = (s: CriterionSpec): boolean => s.type === "similarity" || s.type === "llm_judge";

/** Per test: its criteria (named, without thresholds) and its expected answer. */
function mapTest(test: TestCase, notes: ImportNotes): MappedTest {
  const out: MappedTest = { test, criteria: [] };
  const taken = new Map<string, number>();
  for (const { where, assertion } of test.assert) {
    const m = mapAssertion(assertion, test.vars);
    if (!m.ok) {
      notes.skip(where, `${assertion.type} assertion`, m.reason);
      continue;
    }
    if (m.expected !== undefined) {
      if (out.expected !== undefined && JSON.stringify(out.expected) !== JSON.stringify(m.expected)) {
        notes.skip(
          where,
          `${assertion.type} assertion`,
          "a second, different reference answer: an agentops example holds one expected",
        );
        continue;
      }
      out.expected = m.expected;
    }
    if (m.difference) notes.change(where, assertion.type, m.difference);
    const base = assertion.metric ?? m.baseName;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    out.criteria.push({ spec: m.spec, name: n === 1 ? base : `${base}-${n}` });
  }
  return out;
}

function finish(c: { spec: CriterionSpec; name: string }): Criterion {
  // promptfoo passes a test only when every assertion passes: every example must pass a
  // check, and a graded criterion's mean score must reach its pass mark.
  const minScore = "min_score" in c.spec ? c.spec.min_score : undefined;
  const threshold = isGraded(c.spec) ? (minScore ?? 0.75) : 1;
  return { name: c.name, ...c.spec, threshold };
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
    template: p.template,
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
    ...(tags ? { tags } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}

/** Reads a promptfoo config (its text; other files through `read`) into prompts, examples and a config. */
export async function importPromptfoo(
  text: string,
  file: string,
  read: ReadText,
  options: ImportOptions,
): Promise<ImportedProject> {
  const notes = new ImportNotes();
  const doc = parseYaml(text, file).value;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new UserError("a promptfoo config must be a YAML mapping (prompts:, providers:, tests:)", { file });
  const raw = doc as Record<string, unknown>;
  for (const key of Object.keys(raw))
    if (!IGNORED.has(key) && !HANDLED.has(key))
      notes.skip(file, key, "not imported: agentops has no equivalent");

  const baseName =
    options.name ?? slug(typeof raw.description === "string" ? raw.description : options.fallbackName);
  const prompts = await readPrompts(raw.prompts, read, notes, file);
  if (prompts.length === 0)
    throw new UserError(
      "no prompt could be imported",
      { file, field: "prompts" },
      notes.skipped.map((n) => n.reason).join("; ") || "add prompts:",
    );
  let models = readProviders(raw.providers, file, notes);
  if (models.length === 0) {
    models = [{ label: options.defaultModel, model: options.defaultModel }];
    notes.change(
      file,
      "providers",
      `no OpenAI-compatible provider: the prompts use model ${options.defaultModel} (--model)`,
    );
  }
  const tests = await readTests(raw.tests, raw.defaultTest, read, notes, file);
  if (tests.length === 0)
    throw new UserError("no test could be imported", { file, field: "tests" }, "add tests: with vars");

  // Criteria hold for every example of a prompt, so tests with different checks become prompts of their own.
  const groups = new Map<string, MappedTest[]>();
  for (const t of tests.map((t) => mapTest(t, notes))) {
    const key = JSON.stringify(t.criteria);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const variables = [...new Set(prompts.flatMap((p) => p.variables))];
  const out: ImportedPrompt[] = [];
  let counter = 0;
  for (const members of groups.values()) {
    const name = out.length === 0 ? baseName : `${baseName}-${out.length + 1}`;
    const named = members[0]?.criteria ?? [];
    const criteria = named.length
      ? named.map(finish)
      : [{ name: "answered", type: "length", chars: { min: 1 }, threshold: 1 } as Criterion];
    if (!named.length)
      notes.change(
        `prompt ${name}`,
        "tests without assertions",
        "scored on a non-empty answer (criterion answered), as agentops needs one criterion",
      );
    if (groups.size > 1)
      notes.change(
        `prompt ${name}`,
        `${members.length} test(s)`,
        `checked by ${named.map((c) => c.name).join(", ") || "nothing"}; criteria hold for every example of a prompt, so tests with other checks are in other prompts`,
      );
    const versions: PromptFile[] = [];
    const origins: string[] = [];
    for (const p of prompts)
      for (const m of models) {
        versions.push(version(p, m, versions.length + 1, criteria, name));
        origins.push(`prompt ${p.label} on ${m.label}`);
      }
    const examples = members.map((t) => example(t, String(++counter), variables, notes));
    out.push({ name, versions, examples, origins });
  }
  const judge = judgeModel(raw.defaultTest);
  const config: ProjectConfig = {
    prompts_dir: "prompts",
    environments: { production: Object.fromEntries(out.map((p) => [p.name, 1])) },
    ...(judge ? { judge_model: judge } : {}),
  };
  return { prompts: out, config, notes };
}

function judgeModel(defaultTest: unknown): string | undefined {
  if (typeof defaultTest !== "object" || defaultTest === null) return undefined;
  const options = (defaultTest as { options?: unknown }).options;
  if (typeof options !== "object" || options === null) return undefined;
  return providerModel((options as { provider?: unknown }).provider);
}

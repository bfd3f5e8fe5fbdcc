import { checkExpectedToolCalls, checkToolCriteria } from "../agent/check.js";
import { UserError } from "../errors.js";
import { parseJsonLines } from "./json-lines.js";
import { compilePattern } from "./pattern.js";
import { MAX_EVAL_SET_BYTES, readUserFile } from "./files.js";
import {
  CRITERION_TYPES,
  EvalExample,
  judgePresetOf,
  ProjectConfig,
  PromptFile,
  type Criterion,
} from "./schema.js";
import { contentTemplates, templateVariables } from "./template.js";
import { formatPath, validateOrThrow } from "./validate.js";
import { parseYaml } from "./yaml.js";

export interface LoadedPrompt {
  file: string;
  data: PromptFile;
  /** 1-based line of each entry of eval_criteria, for annotations. */
  criterionLines: (number | undefined)[];
}

export interface LoadedExample extends EvalExample {
  /** 1-based line in the eval set file. */
  line: number;
}

export interface LoadedEvalSet {
  file: string;
  examples: LoadedExample[];
}

/** Parses a prompt file's text; `file` is only used in messages. */
export function parsePromptFile(text: string, file: string): LoadedPrompt {
  const { value, lineOf } = parseYaml(text, file);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UserError("a prompt file must be a YAML mapping (name:, version:, template:, …)", { file });
  }
  const raw = value as Record<string, unknown>;
  const criteria = raw.eval_criteria;
  if (Array.isArray(criteria)) {
    criteria.forEach((c: unknown, i) => {
      const type = typeof c === "object" && c !== null ? (c as Record<string, unknown>).type : undefined;
      if (typeof type === "string" && !(CRITERION_TYPES as readonly string[]).includes(type)) {
        const line = lineOf(["eval_criteria", i, "type"]);
        throw new UserError(
          `unknown criterion type "${type}"`,
          { file, ...(line ? { line } : {}), field: `eval_criteria[${i}].type` },
          `use one of: ${CRITERION_TYPES.join(", ")}`,
        );
      }
    });
  }
  const data = validateOrThrow(PromptFile, value, file, lineOf, "prompt file");
  data.eval_criteria.forEach((c, i) => checkCriterion(c, file, ["eval_criteria", i], lineOf));
  checkToolCriteria(data, file, lineOf);
  return {
    file,
    data,
    criterionLines: data.eval_criteria.map((_, i) => lineOf(["eval_criteria", i])),
  };
}

export async function loadPromptFile(file: string): Promise<LoadedPrompt> {
  return parsePromptFile(await readUserFile(file), file);
}

function checkCriterion(
  c: Criterion,
  file: string,
  at: readonly PropertyKey[],
  lineOf: (p: readonly PropertyKey[]) => number | undefined,
): void {
  if (c.type === "regex") {
    try {
      compilePattern(c.pattern, c.flags);
    } catch (e) {
      const line = lineOf([...at, "pattern"]);
      throw new UserError(
        `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`,
        { file, ...(line ? { line } : {}), field: formatPath([...at, "pattern"]) },
        "patterns use RE2 syntax (no lookarounds or backreferences, so no pattern can stall a run); YAML single quotes avoid double escaping of backslashes",
      );
    }
  }
}

/** An example's own checks: what the schema cannot say (patterns, names, files). */
function checkExampleChecks(example: EvalExample, file: string, line: number): void {
  const names = new Set<string>();
  (example.checks ?? []).forEach((c, i) => {
    checkCriterion(c, file, ["checks", i], () => line);
    const at = (field: string): { file: string; line: number; field: string } => ({
      file,
      line,
      field: `checks[${i}].${field}`,
    });
    if (names.has(c.name))
      throw new UserError(
        `example "${example.id}" has two checks named "${c.name}"`,
        at("name"),
        "give each check of an example its own name; the report says which one failed by it",
      );
    names.add(c.name);
    if (c.type === "llm_judge" && c.rubric_file !== undefined)
      throw new UserError(
        `example "${example.id}": a check cannot read its rubric from a file`,
        at("rubric_file"),
        "write the rubric inline (rubric: …), or use a preset",
      );
  });
}

/** Parses JSONL text: one example per line; blank lines are skipped. */
export function parseEvalSet(text: string, file: string): LoadedEvalSet {
  const examples: LoadedExample[] = [];
  const firstLineOfId = new Map<string, number>();
  const lines = parseJsonLines(
    text,
    file,
    'each line must be one JSON object, e.g. {"id": "ex1", "input": {"text": "…"}}',
  );
  for (const { value, line } of lines) {
    const example = validateOrThrow(EvalExample, value, file, () => line, "eval set");
    checkExampleChecks(example, file, line);
    const earlier = firstLineOfId.get(example.id);
    if (earlier !== undefined) {
      throw new UserError(
        `duplicate example id "${example.id}" (first used on line ${earlier})`,
        { file, line, field: "id" },
        "give every example a unique id; results are paired across versions by id",
      );
    }
    firstLineOfId.set(example.id, line);
    examples.push({ ...example, line });
  }
  if (examples.length === 0) {
    throw new UserError("eval set has no examples", { file }, "add one JSON object per line");
  }
  return { file, examples };
}

export async function loadEvalSet(file: string): Promise<LoadedEvalSet> {
  return parseEvalSet(await readUserFile(file, MAX_EVAL_SET_BYTES), file);
}

const NEEDS_EXPECTED = new Set<Criterion["type"]>(["equals", "similarity"]);

/**
 * Checks, before any model call, that every example can be rendered and scored:
 * each template variable is present and criteria that compare to `expected` have one.
 */
export function checkEvalSetFitsPrompt(prompt: LoadedPrompt, evalSet: LoadedEvalSet): void {
  const vars = [
    ...templateVariables(prompt.data.template ?? ""),
    ...templateVariables(prompt.data.system ?? ""),
    ...(prompt.data.messages ?? []).flatMap((m) => contentTemplates(m.content).flatMap(templateVariables)),
  ];
  const needsExpected = prompt.data.eval_criteria.find(
    (c) => NEEDS_EXPECTED.has(c.type) || (c.type === "llm_judge" && judgePresetOf(c) === "correctness"),
  );
  const contexts = prompt.data.eval_criteria.flatMap((c) =>
    c.type === "llm_judge" && judgePresetOf(c) === "faithfulness" && c.context
      ? [{ c, field: c.context }]
      : [],
  );
  checkExpectedToolCalls(prompt.data, prompt.file, evalSet);
  const conversationOnly = prompt.data.template === undefined && prompt.data.messages === undefined;
  for (const ex of evalSet.examples) {
    const turns = ex.input.messages;
    if (conversationOnly && !(Array.isArray(turns) && turns.length > 0)) {
      throw new UserError(
        `example "${ex.id}" has no input.messages, and ${prompt.file} has no template or messages: nothing would be sent`,
        { file: evalSet.file, line: ex.line, field: "input.messages" },
        `give ${prompt.file} a template (the user turn), or the example its conversation in input.messages`,
      );
    }
    for (const v of vars) {
      if (!Object.hasOwn(ex.input, v)) {
        throw new UserError(
          `example "${ex.id}" has no input "${v}", which the template of ${prompt.file} uses`,
          { file: evalSet.file, line: ex.line, field: `input.${v}` },
          `add "${v}" to the example's input, or remove {${v}} from the template`,
        );
      }
    }
    for (const { c, field } of contexts) {
      if (!Object.hasOwn(ex.input, field)) {
        throw new UserError(
          `example "${ex.id}" has no input "${field}", which criterion "${c.name}" judges the answer against (context)`,
          { file: evalSet.file, line: ex.line, field: `input.${field}` },
          `add "${field}" to the example's input, or point context: at the field holding the source text`,
        );
      }
    }
    checkChecksFit(prompt, evalSet.file, ex);
    if (needsExpected && ex.expected === undefined) {
      throw new UserError(
        `example "${ex.id}" has no "expected", which criterion "${needsExpected.name}" (${needsExpected.type}) compares against`,
        { file: evalSet.file, line: ex.line, field: "expected" },
        'add "expected" to every example, or remove that criterion',
      );
    }
  }
}

const TOOL_CRITERIA = new Set<Criterion["type"]>(["tool_call", "tool_args_valid", "trajectory"]);

/** An example's checks can be scored with this prompt: what they compare against is there. */
function checkChecksFit(prompt: LoadedPrompt, file: string, ex: LoadedExample): void {
  (ex.checks ?? []).forEach((c, i) => {
    const where = { file, line: ex.line, field: `checks[${i}]` };
    const name = `example "${ex.id}": check "${c.name}" (${c.type})`;
    const fail = (what: string, fix: string, field = ""): never => {
      throw new UserError(`${name} ${what}`, { ...where, field: where.field + field }, fix);
    };
    if (
      (NEEDS_EXPECTED.has(c.type) || (c.type === "llm_judge" && judgePresetOf(c) === "correctness")) &&
      ex.expected === undefined
    )
      fail(
        "compares against the example's expected answer, which it has none of",
        'add "expected" to the example, or remove the check',
      );
    if (TOOL_CRITERIA.has(c.type) && !prompt.data.tools)
      fail(
        `scores tool calls, but ${prompt.file} declares no tools`,
        "remove the check, or declare the prompt's tools",
        ".type",
      );
    if (c.type === "tool_call" && c.calls === undefined && ex.expected_tool_calls === undefined)
      fail(
        "compares with expected_tool_calls, which the example has none of",
        'give the check calls: [...] or the example "expected_tool_calls"',
      );
    if (
      c.type === "llm_judge" &&
      judgePresetOf(c) === "faithfulness" &&
      c.context &&
      !Object.hasOwn(ex.input, c.context)
    )
      fail(
        `judges against input "${c.context}", which the example has none of`,
        `add "${c.context}" to the example's input`,
        ".context",
      );
  });
}

export interface LoadedProjectConfig {
  file: string;
  config: ProjectConfig;
}

export function parseProjectConfig(text: string, file: string): LoadedProjectConfig {
  const { value, lineOf } = parseYaml(text, file);
  const config = validateOrThrow(ProjectConfig, value ?? {}, file, lineOf, "project config");
  return { file, config };
}

export async function loadProjectConfig(file: string): Promise<LoadedProjectConfig> {
  return parseProjectConfig(await readUserFile(file), file);
}

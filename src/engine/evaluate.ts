import { dirname, join, resolve } from "node:path";
import {
  checkEvalSetFitsPrompt,
  loadEvalSet,
  loadPromptFile,
  type LoadedEvalSet,
  type LoadedPrompt,
} from "../config/load.js";
import { resolveInside, type Project, type PromptTarget } from "../config/project.js";
import { exampleCategories } from "../config/categories.js";
import { readUserFile } from "../config/files.js";
import { judgePresetOf } from "../config/schema.js";
import { UserError } from "../errors.js";
import { withExampleChecks } from "./example-checks.js";
import { aggregateCriteria, summarize, type CriterionAggregate, type SuiteSummary } from "./aggregate.js";
import { runSuite, type ExampleResult, type RunOptions, type Stopped } from "./runner.js";

/** Everything known about one evaluated prompt version; the unit of the results JSON. */
export interface PromptRun {
  prompt: string;
  version: number;
  file: string;
  eval_set: string;
  model: string;
  reason: string;
  repeats: number;
  summary: SuiteSummary;
  criteria: CriterionAggregate[];
  examples: ExampleResult[];
  /** Present when max_examples cut the eval set down. */
  sampled?: { kept: number; of: number; method: string };
  /** Present when the run stopped before every example was tried. */
  stopped?: Stopped;
  /** Who judged each llm_judge criterion; `self` when it is the model under test (a biased judge). */
  judges?: { criterion: string; model: string | null; preset?: string; self: boolean }[];
  /** Example id -> its categories (tags, labels.category), for the examples that have any. */
  example_categories?: Record<string, string[]>;
  /** Ids of the eval set's examples marked must_pass. */
  must_pass?: string[];
}

/** Which model judges each llm_judge criterion of a prompt, known before any call. */
export function judgesOf(
  prompt: LoadedPrompt,
  judge: RunOptions["judge"],
  fallback?: string,
): NonNullable<PromptRun["judges"]> {
  return prompt.data.eval_criteria.flatMap((c) => {
    if (c.type !== "llm_judge") return [];
    const model = judge?.modelFor?.(c, fallback ?? prompt.data.model) ?? null;
    const preset = judgePresetOf(c);
    return [{ criterion: c.name, model, ...(preset ? { preset } : {}), self: model === prompt.data.model }];
  });
}

export interface LoadedTarget {
  target: PromptTarget;
  prompt: LoadedPrompt;
  evalSet: LoadedEvalSet;
}

/** The eval set beside the prompt, or the one the prompt file names (inside the project). */
export function evalSetPath(project: Project, prompt: LoadedPrompt): string {
  if (!prompt.data.eval_set) return join(dirname(prompt.file), "eval_set.jsonl");
  return resolveInside(
    project.root,
    resolve(dirname(prompt.file), prompt.data.eval_set),
    prompt.file,
    "eval_set",
  );
}

/**
 * Fills each llm_judge criterion's rubric from its rubric_file. `read` takes a
 * path relative to the prompt file and returns undefined when there is none
 * (from disk for eval, from a git revision for compare).
 */
export async function resolveRubrics(
  prompt: LoadedPrompt,
  read: (relPath: string) => Promise<string | undefined>,
): Promise<LoadedPrompt> {
  const criteria = await Promise.all(
    prompt.data.eval_criteria.map(async (c, i) => {
      if (c.type !== "llm_judge" || c.rubric_file === undefined) return c;
      const text = await read(c.rubric_file);
      if (text === undefined) {
        throw new UserError(
          `rubric file "${c.rubric_file}" not found`,
          {
            file: prompt.file,
            ...(prompt.criterionLines[i] ? { line: prompt.criterionLines[i] } : {}),
            field: `eval_criteria[${i}].rubric_file`,
          },
          "the path is relative to the prompt file and must stay inside the repository",
        );
      }
      return { ...c, rubric: text };
    }),
  );
  return { ...prompt, data: { ...prompt.data, eval_criteria: criteria } };
}

/** Loads and cross-checks a target before any model call, so a data mistake costs nothing. */
export async function loadTarget(project: Project, target: PromptTarget): Promise<LoadedTarget> {
  const loaded = await loadPromptFile(target.file);
  if (loaded.data.version !== target.version) {
    throw new UserError(
      `the file says version ${loaded.data.version}, but its name says v${target.version}`,
      { file: target.file, field: "version" },
      "make the version field match the file name",
    );
  }
  const prompt = await resolveRubrics(loaded, async (rel) => {
    const path = resolveInside(project.root, resolve(dirname(loaded.file), rel), loaded.file, "rubric_file");
    try {
      return await readUserFile(path);
    } catch (e) {
      if (e instanceof UserError && e.message === "file not found") return undefined;
      throw e;
    }
  });
  const evalSet = await loadEvalSet(evalSetPath(project, prompt));
  checkEvalSetFitsPrompt(prompt, evalSet);
  return { target, prompt: withExampleChecks(prompt, evalSet), evalSet };
}

/** Runs one prompt version over an eval set and aggregates the results. */
export async function evaluatePrompt(
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
  meta: { name: string; reason: string; file: string; evalSetFile: string },
  opts: RunOptions,
): Promise<PromptRun> {
  const run = await runSuite(prompt, evalSet, opts);
  const judges = judgesOf(prompt, opts.judge, opts.judgeFallback);
  const categories = exampleCategories(evalSet.examples);
  const mustPass = evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id);
  return {
    prompt: meta.name,
    version: prompt.data.version,
    file: meta.file,
    eval_set: meta.evalSetFile,
    model: prompt.data.model,
    reason: meta.reason,
    repeats: run.repeats,
    summary: summarize(run.results),
    criteria: aggregateCriteria(prompt.data.eval_criteria, run.results, evalSet.examples),
    examples: run.results,
    ...(run.sampled ? { sampled: run.sampled } : {}),
    ...(run.stopped ? { stopped: run.stopped } : {}),
    ...(judges.length > 0 ? { judges } : {}),
    ...(categories ? { example_categories: categories } : {}),
    ...(mustPass.length > 0 ? { must_pass: mustPass } : {}),
  };
}

import { dirname, join, resolve } from "node:path";
import {
  checkEvalSetFitsPrompt,
  loadEvalSet,
  loadPromptFile,
  type LoadedEvalSet,
  type LoadedPrompt,
} from "../config/load.js";
import { resolveInside, type Project, type PromptTarget } from "../config/project.js";
import { UserError } from "../errors.js";
import { aggregateCriteria, summarize, type CriterionAggregate, type SuiteSummary } from "./aggregate.js";
import type { Provider } from "./providers/types.js";
import { runSuite, type ExampleResult, type Progress } from "./runner.js";

/** Everything known about one evaluated prompt version; the unit of the results JSON. */
export interface PromptRun {
  prompt: string;
  version: number;
  file: string;
  eval_set: string;
  model: string;
  reason: string;
  summary: SuiteSummary;
  criteria: CriterionAggregate[];
  examples: ExampleResult[];
  /** Present when the run stopped before every example was tried. */
  stopped?: { reason: string };
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

/** Loads and cross-checks a target before any model call, so a data mistake costs nothing. */
export async function loadTarget(project: Project, target: PromptTarget): Promise<LoadedTarget> {
  const prompt = await loadPromptFile(target.file);
  if (prompt.data.version !== target.version) {
    throw new UserError(
      `the file says version ${prompt.data.version}, but its name says v${target.version}`,
      { file: target.file, field: "version" },
      "make the version field match the file name",
    );
  }
  const evalSet = await loadEvalSet(evalSetPath(project, prompt));
  checkEvalSetFitsPrompt(prompt, evalSet);
  return { target, prompt, evalSet };
}

export async function evaluateLoaded(
  loaded: LoadedTarget,
  opts: {
    provider: Provider;
    concurrency: number;
    signal?: AbortSignal;
    onProgress?: (p: Progress) => void;
    relative: (p: string) => string;
  },
): Promise<PromptRun> {
  const { target, prompt, evalSet } = loaded;
  const run = await runSuite(prompt, evalSet, {
    provider: opts.provider,
    concurrency: opts.concurrency,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return {
    prompt: target.name,
    version: target.version,
    file: opts.relative(prompt.file),
    eval_set: opts.relative(evalSet.file),
    model: prompt.data.model,
    reason: target.reason,
    summary: summarize(run.results),
    criteria: aggregateCriteria(prompt.data.eval_criteria, run.results),
    examples: run.results,
    ...(run.stopped ? { stopped: run.stopped } : {}),
  };
}

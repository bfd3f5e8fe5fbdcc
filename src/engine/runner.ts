import type { LoadedEvalSet, LoadedExample, LoadedPrompt } from "../config/load.js";
import { errorMessage, isUserError } from "../errors.js";
import { buildRequest } from "./build-request.js";
import { runPool } from "./pool.js";
import { ProviderError, type Provider, type TokenUsage } from "./providers/types.js";
import { scoreCriterion } from "./scorers/index.js";
import type { CriterionScore } from "./types.js";

export type ExampleStatus = "ok" | "error" | "skipped";

/** One example's outcome. An example is never dropped: it is ok, an error with its reason, or skipped with why. */
export interface ExampleResult {
  id: string;
  repeat: number;
  status: ExampleStatus;
  output?: string;
  error?: { kind: string; message: string };
  latency_ms?: number;
  usage?: TokenUsage;
  cached?: boolean;
  /** Criterion name -> verdict; empty unless status is "ok". */
  criteria: Record<string, CriterionScore>;
  /** Every criterion passed. */
  passed?: boolean;
  /** Weighted mean of the criterion scores. */
  score?: number;
}

export interface Progress {
  done: number;
  total: number;
  errors: number;
  cached: number;
}

export interface RunOptions {
  provider: Provider;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface SuiteRun {
  results: ExampleResult[];
  /** Set when the run stopped before every example was tried (abort, fatal provider error). */
  stopped?: { reason: string };
}

/** Evaluates one prompt version over its eval set. */
export async function runSuite(
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
  opts: RunOptions,
): Promise<SuiteRun> {
  const examples = evalSet.examples;
  const results: ExampleResult[] = new Array<ExampleResult>(examples.length);
  const progress: Progress = { done: 0, total: examples.length, errors: 0, cached: 0 };
  const stop = new AbortController();
  let stopped: SuiteRun["stopped"];
  const onAbort = (): void => {
    stopped ??= { reason: "the run was cancelled" };
    stop.abort();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });

  try {
    await runPool(
      examples,
      () => opts.concurrency,
      async (example, i) => {
        const { result, fatal } = await evaluateExample(
          prompt,
          evalSet.file,
          example,
          opts.provider,
          stop.signal,
        );
        if (fatal) {
          stopped ??= { reason: result.error?.message ?? "a fatal provider error" };
          stop.abort();
        }
        results[i] = result;
        progress.done++;
        if (result.status === "error") progress.errors++;
        if (result.cached) progress.cached++;
        opts.onProgress?.({ ...progress });
      },
      {
        signal: stop.signal,
        onSkipped: (example, i) => {
          results[i] = skipped(example, stopped?.reason ?? "the run stopped early");
        },
      },
    );
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  return { results, ...(stopped ? { stopped } : {}) };
}

function skipped(example: LoadedExample, reason: string): ExampleResult {
  return {
    id: example.id,
    repeat: 0,
    status: "skipped",
    error: { kind: "skipped", message: reason },
    criteria: {},
  };
}

async function evaluateExample(
  prompt: LoadedPrompt,
  evalSetFile: string,
  example: LoadedExample,
  provider: Provider,
  signal: AbortSignal,
): Promise<{ result: ExampleResult; fatal: boolean }> {
  const base = { id: example.id, repeat: 0, criteria: {} };
  let completion;
  try {
    const request = buildRequest(prompt.data, example, evalSetFile);
    completion = await provider.complete(request, { signal, repeat: 0 });
  } catch (e) {
    // A user's data mistake must reach the user as such, not hide among infra errors.
    if (isUserError(e)) throw e;
    const kind = e instanceof ProviderError ? e.kind : "internal";
    return {
      result: { ...base, status: "error", error: { kind, message: errorMessage(e) } },
      fatal: e instanceof ProviderError && e.fatal,
    };
  }
  const criteria: Record<string, CriterionScore> = {};
  let weighted = 0;
  let weights = 0;
  let allPassed = true;
  for (const criterion of prompt.data.eval_criteria) {
    const verdict = await scoreCriterion(criterion, {
      output: completion.text,
      example,
      latencyMs: completion.latencyMs,
    });
    criteria[criterion.name] = verdict;
    const w = criterion.weight ?? 1;
    weighted += w * verdict.score;
    weights += w;
    allPassed &&= verdict.passed;
  }
  const result: ExampleResult = {
    ...base,
    status: "ok",
    output: completion.text,
    latency_ms: completion.latencyMs,
    usage: completion.usage,
    cached: completion.cached,
    criteria,
    passed: allPassed,
    score: weights > 0 ? weighted / weights : 0,
  };
  return { result, fatal: false };
}

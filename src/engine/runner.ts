import { runSteps } from "../agent/loop.js";
import type { Trajectory } from "../agent/trajectory.js";
import type { LoadedEvalSet, LoadedExample, LoadedPrompt } from "../config/load.js";
import { errorMessage, isUserError } from "../errors.js";
import { Budget, type Reservation, type Spend } from "./budget.js";
import { buildRequest } from "./build-request.js";
import { stopReason } from "./deadline.js";
import type { Judge } from "./judge.js";
import { JUDGE_MAX_TOKENS } from "./judge.js";
import { storedOutput, judgedOutput } from "./output-cap.js";
import { runPool, type Slots } from "./pool.js";
import { ProviderError, type Completion, type Provider, type TokenUsage } from "./providers/types.js";
import type { ChatRequest } from "./request.js";
import { sampleById } from "./sample.js";
import { isRuleCriterion, scoreCriterion } from "./scorers/index.js";
import { embeddingEstimate, prefetchExpected } from "./scorers/model-budget.js";
import { isModelCriterion, type ModelScorer } from "./scorers/model-criteria.js";
import type { Criterion } from "../config/schema.js";
import { foldChecks } from "./example-checks.js";
import type { CriterionScore } from "./types.js";

export type ExampleStatus = "ok" | "error" | "skipped";

/** One example's outcome. An example is never dropped: it is ok, an error with its reason, or skipped with why. */
export interface ExampleResult {
  id: string;
  repeat: number;
  status: ExampleStatus;
  /** The answer, capped at MAX_STORED_OUTPUT_BYTES (criteria scored all of it). */
  output?: string;
  output_truncated?: true;
  /** UTF-8 bytes of the whole answer, when output_truncated. */
  output_bytes?: number;
  /** Why the model stopped, when not "stop"; "length" is an answer cut at max_tokens. */
  finish_reason?: string;
  error?: { kind: string; message: string };
  latency_ms?: number;
  /** Tokens of the model call and of any judge calls. */
  usage?: TokenUsage;
  /** USD of the model call and judge calls; absent when a model has no known price. */
  cost_usd?: number;
  cached?: boolean;
  /** Criterion name -> verdict; empty unless status is "ok". */
  criteria: Record<string, CriterionScore>;
  /** Every criterion passed. */
  passed?: boolean;
  /** Weighted mean of the criterion scores. */
  score?: number;
  /** Prompts with tools: every step's calls, what answered them, and the final answer. */
  trajectory?: Trajectory;
}

export interface Progress {
  done: number;
  total: number;
  errors: number;
  cached: number;
  /** Spend of the whole run so far (shared budget), when known. */
  spentUsd?: number;
}

/** USD for a call, or undefined when the model's price is unknown. */
export type PriceFn = (model: string, usage: TokenUsage) => number | undefined;

export interface RunOptions {
  provider: Provider;
  /** A number, or a function read before each call (adaptive concurrency). */
  concurrency: number | (() => number);
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Shared across every suite of a run; calls stop before it would be exceeded. */
  budget?: Budget;
  maxExamples?: number;
  judge?: Judge;
  /** Scores safety and embedding-similarity criteria. */
  models?: ModelScorer;
  price?: PriceFn;
  /** Told about every finished call, e.g. to adapt concurrency. */
  onCallResult?: (outcome: "ok" | "rate_limited" | "error") => void;
  /** Run only these repeats of these examples (the gate's further sampling rounds), instead of all. */
  items?: readonly { id: string; repeat: number }[];
  /** Call slots shared with other suites running at the same time (champion and challenger); else its own. */
  slots?: Slots;
}

export interface SuiteRun {
  results: ExampleResult[];
  /** Set when the run stopped before every example was tried (abort, budget, fatal provider error). */
  stopped?: { reason: string };
  /** Set when max_examples cut the eval set down. */
  sampled?: { kept: number; of: number; method: string };
  repeats: number;
}

interface WorkItem {
  example: LoadedExample;
  repeat: number;
}

function* workItems(
  examples: readonly LoadedExample[],
  repeats: number,
  only?: readonly { id: string; repeat: number }[],
): Generator<WorkItem> {
  if (only) {
    const byId = new Map(examples.map((e) => [e.id, e]));
    for (const { id, repeat } of only) {
      const example = byId.get(id);
      if (example) yield { example, repeat };
    }
    return;
  }
  for (const example of examples)
    for (let repeat = 0; repeat < (example.repeats ?? repeats); repeat++) yield { example, repeat };
}

/** A generous upper bound of a call's spend, reserved before the call starts. */
function estimateSpend(
  request: ChatRequest,
  judges: number,
  price: PriceFn | undefined,
  extra: Spend,
  steps = 1,
): Spend {
  // Tokenizers average ~4 characters a token on English; 3 leaves room for other text.
  const promptTokensOnce = Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 3) + 10;
  // An agent's later steps resend the conversation so far: each step is reserved as a whole call.
  const promptTokens = steps * promptTokensOnce;
  const outputTokens = steps * (request.max_tokens ?? 1024);
  const judgeTokens = judges * (promptTokens + outputTokens + 400 + JUDGE_MAX_TOKENS);
  const usd =
    price?.(request.model, { prompt_tokens: promptTokens + judgeTokens, completion_tokens: outputTokens }) ??
    0;
  return { usd: usd + extra.usd, tokens: promptTokens + outputTokens + judgeTokens + extra.tokens };
}

/** Evaluates one prompt version over its eval set. */
export async function runSuite(
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
  opts: RunOptions,
): Promise<SuiteRun> {
  const { items: examples, sampled } = sampleById(evalSet.examples, opts.maxExamples);
  const repeats = prompt.data.repeats ?? 1;
  const total = opts.items
    ? [...workItems(examples, repeats, opts.items)].length
    : examples.reduce((n, e) => n + (e.repeats ?? repeats), 0);
  const results: ExampleResult[] = new Array<ExampleResult>(total);
  const budget = opts.budget ?? new Budget();
  const progress: Progress = { done: 0, total, errors: 0, cached: 0 };
  const stop = new AbortController();
  let stopped: SuiteRun["stopped"];
  const stopWith = (reason: string): void => {
    stopped ??= { reason };
    stop.abort();
  };
  const onAbort = (): void => stopWith(stopReason(opts.signal));
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const limit = typeof opts.concurrency === "number" ? () => opts.concurrency as number : opts.concurrency;
  // A safety check may fall back to the judge: reserved as one.
  const judgesIn = (list: readonly Criterion[]): number =>
    list.filter((c) => c.type === "llm_judge" || c.type === "safety").length;
  const judges = judgesIn(prompt.data.eval_criteria);
  const criteria = prompt.data.eval_criteria;

  try {
    await prefetchExpected(criteria, examples, opts.models, budget, opts.price, stop.signal);
    await runPool(
      workItems(examples, repeats, opts.items),
      limit,
      async ({ example, repeat }, i) => {
        const request = buildRequest(prompt.data, example, evalSet.file);
        const embeddings = embeddingEstimate(
          [...criteria, ...(example.checks ?? [])],
          example,
          request.max_tokens ?? 1024,
          opts.models,
          opts.price,
        );
        const reservation = budget.tryReserve(
          estimateSpend(
            request,
            judges + judgesIn(example.checks ?? []),
            opts.price,
            embeddings,
            prompt.data.max_steps,
          ),
        );
        if ("refused" in reservation) {
          results[i] = skipped(example, repeat, reservation.refused);
          stopWith(reservation.refused);
          return;
        }
        const ctx: CallContext = { prompt, example, repeat, request, opts, signal: stop.signal };
        const { result, fatal } = await evaluateExample(ctx, reservation, budget);
        if (fatal) stopWith(result.error?.message ?? "a fatal provider error");
        results[i] = result;
        progress.done++;
        if (result.status === "error") progress.errors++;
        if (result.cached) progress.cached++;
        opts.onProgress?.({ ...progress, spentUsd: budget.spend.usd });
      },
      {
        signal: stop.signal,
        ...(opts.slots ? { slots: opts.slots } : {}),
        onSkipped: ({ example, repeat }, i) => {
          results[i] = skipped(example, repeat, stopped?.reason ?? "the run stopped early");
        },
      },
    );
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  return { results, repeats, ...(stopped ? { stopped } : {}), ...(sampled ? { sampled } : {}) };
}

function skipped(example: LoadedExample, repeat: number, reason: string): ExampleResult {
  return {
    id: example.id,
    repeat,
    status: "skipped",
    error: { kind: "skipped", message: reason },
    criteria: {},
  };
}

interface CallContext {
  prompt: LoadedPrompt;
  example: LoadedExample;
  repeat: number;
  request: ChatRequest;
  opts: RunOptions;
  signal: AbortSignal;
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
  };
}

function errorResult(
  ctx: CallContext,
  e: unknown,
  usage?: TokenUsage,
): { result: ExampleResult; fatal: boolean } {
  // A user's data mistake must reach the user as such, not hide among infra errors.
  if (isUserError(e)) throw e;
  const kind = e instanceof ProviderError ? e.kind : "internal";
  ctx.opts.onCallResult?.(kind === "rate_limited" ? "rate_limited" : "error");
  return {
    result: {
      id: ctx.example.id,
      repeat: ctx.repeat,
      status: "error",
      error: { kind, message: errorMessage(e) },
      criteria: {},
      ...(usage ? { usage } : {}),
    },
    fatal: e instanceof ProviderError && e.fatal,
  };
}

interface ScoringContext {
  ctx: CallContext;
  output: string;
  latencyMs: number;
  /** Charges a scoring model call (judge, moderation, embedding) to the example. */
  account: (model: string, usage: TokenUsage, cached: boolean) => void;
  /** The answer's cost so far (before any judge call), for the cost criterion. */
  cost: number | undefined;
  trajectory: Trajectory | undefined;
}

/**
 * Scores one answer on a list of criteria: rule-based ones first (free and fast), then moderation and
 * embeddings (cheap), then the judges, which see at most 64 KB of the answer. Throws a model call's
 * failure (the example is then an error). example_checks is left to the caller.
 */
async function scoreCriteria(
  list: readonly Criterion[],
  s: ScoringContext,
): Promise<Record<string, CriterionScore>> {
  const { ctx } = s;
  const { prompt, example, opts } = ctx;
  const criteria: Record<string, CriterionScore> = {};
  for (const c of list) {
    if (!isRuleCriterion(c)) continue;
    criteria[c.name] = await scoreCriterion(c, {
      output: s.output,
      example,
      latencyMs: s.latencyMs,
      ...(s.cost !== undefined ? { costUsd: s.cost } : {}),
      ...(s.trajectory ? { trajectory: s.trajectory } : {}),
      ...(ctx.request.tools ? { tools: ctx.request.tools } : {}),
    });
  }
  const judged = judgedOutput(s.output);
  for (const c of list) {
    if (!isModelCriterion(c)) continue;
    if (!opts.models) {
      throw new ProviderError(`criterion "${c.name}" needs a model provider, but none is set`, {
        kind: "config",
        fatal: true,
      });
    }
    const { verdict, calls } = await opts.models.score(
      c,
      {
        input: example.input,
        ...(example.expected !== undefined ? { expected: example.expected } : {}),
        output: judged,
        modelUnderTest: prompt.data.model,
      },
      ctx.signal,
    );
    for (const call of calls) s.account(call.model, call.usage, call.cached);
    criteria[c.name] = verdict;
  }
  for (const c of list) {
    if (c.type !== "llm_judge") continue;
    if (!opts.judge) {
      throw new ProviderError(
        `criterion "${c.name}" needs a judge, but no model provider is set for judging`,
        {
          kind: "config",
          fatal: true,
        },
      );
    }
    const verdict = await opts.judge.judge(
      c,
      {
        input: example.input,
        ...(example.expected !== undefined ? { expected: example.expected } : {}),
        output: judged,
        modelUnderTest: prompt.data.model,
      },
      { signal: ctx.signal },
    );
    s.account(verdict.model, verdict.usage, verdict.cached);
    const score = (verdict.score - 1) / 4;
    criteria[c.name] = {
      score,
      passed: score >= (c.min_score ?? 0.75),
      detail: `${verdict.score}/5 ${verdict.reason}`.trim(),
    };
  }
  return criteria;
}

async function evaluateExample(
  ctx: CallContext,
  reservation: Reservation,
  budget: Budget,
): Promise<{ result: ExampleResult; fatal: boolean }> {
  const { prompt, example, opts } = ctx;
  let usage: TokenUsage = { prompt_tokens: 0, completion_tokens: 0 };
  // Two figures: what the answer costs at list price (the cost criterion and the report compare
  // versions by it, cached or not), and what this run paid (budgets; a cached answer is free now).
  let cost: number | undefined = 0;
  const spent = { usd: 0, tokens: 0 };
  const account = (model: string, u: TokenUsage, cached: boolean): void => {
    usage = addUsage(usage, u);
    const price = opts.price?.(model, u);
    cost = cost === undefined || price === undefined ? undefined : cost + price;
    if (!cached) {
      spent.usd += price ?? 0;
      spent.tokens += u.prompt_tokens + u.completion_tokens;
    }
  };
  const settle = (): void => budget.settle(reservation, spent);

  let completion: Completion;
  let trajectory: Trajectory | undefined;
  try {
    ({ completion, trajectory } = await runSteps(opts.provider, ctx.request, {
      signal: ctx.signal,
      repeat: ctx.repeat,
      exampleId: ctx.example.id,
      maxSteps: prompt.data.max_steps ?? 1,
      fixtures: example.tool_results ?? [],
      // Per step: a cached step is free now, and the steps before a failing one were paid for.
      onStep: (step) => account(ctx.request.model, step.usage, step.cached),
    }));
    opts.onCallResult?.("ok");
  } catch (e) {
    settle();
    return errorResult(ctx, e, usage.prompt_tokens + usage.completion_tokens > 0 ? usage : undefined);
  }

  const scoreCtx: ScoringContext = {
    ctx,
    output: completion.text,
    latencyMs: completion.latencyMs,
    account,
    cost,
    trajectory,
  };
  let criteria: Record<string, CriterionScore>;
  try {
    criteria = await scoreCriteria(prompt.data.eval_criteria, scoreCtx);
    // The example's own checks are scored like the prompt's criteria and count as its one criterion.
    const own = prompt.data.eval_criteria.find((c) => c.type === "example_checks");
    if (own)
      criteria[own.name] = foldChecks(example.checks, await scoreCriteria(example.checks ?? [], scoreCtx));
  } catch (e) {
    settle();
    return errorResult(ctx, e, usage);
  }
  settle();

  let weighted = 0;
  let weights = 0;
  let allPassed = true;
  for (const c of prompt.data.eval_criteria) {
    const verdict = criteria[c.name];
    if (!verdict) continue;
    const w = c.weight ?? 1;
    weighted += w * verdict.score;
    weights += w;
    allPassed &&= verdict.passed;
  }
  const result: ExampleResult = {
    id: example.id,
    repeat: ctx.repeat,
    status: "ok",
    ...storedOutput(completion.text),
    ...(completion.finishReason && completion.finishReason !== "stop"
      ? { finish_reason: completion.finishReason }
      : {}),
    latency_ms: completion.latencyMs,
    usage,
    ...(cost !== undefined ? { cost_usd: cost } : {}),
    cached: completion.cached,
    criteria,
    passed: allPassed,
    score: weights > 0 ? weighted / weights : 0,
    ...(trajectory ? { trajectory } : {}),
  };
  return { result, fatal: false };
}

import { mediaInputs } from "../config/template.js";
import { runSteps } from "../agent/loop.js";
import type { Trajectory } from "../agent/trajectory.js";
import type { LoadedEvalSet, LoadedExample, LoadedPrompt } from "../config/load.js";
import { errorMessage, isUserError } from "../errors.js";
import { Budget, costAt, SuiteSpend, type CallCost, type Reservation, type Spend } from "./budget.js";
import { buildRequest } from "./build-request.js";
import { stopReason } from "./deadline.js";
import type { Judge } from "./judge.js";
import { JUDGE_MAX_TOKENS } from "./judge.js";
import { storedOutput, judgedOutput } from "./output-cap.js";
import { runPool, type Slots } from "./pool.js";
import { ProviderError, type Completion, type Provider, type TokenUsage } from "./providers/types.js";
import { contentChars, type ChatRequest, type ToolDefinition } from "./request.js";
import { sampleById, type SampleOptions } from "./sample.js";
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
  /** The gate counted this errored call as a failure of every criterion (src/compare/error-kinds.ts). */
  charged_error?: true;
  latency_ms?: number;
  /** Tokens of the model call and of any judge calls. */
  usage?: TokenUsage;
  /** USD of the model call and judge calls; absent when a model has no known price. */
  cost_usd?: number;
  cached?: boolean;
  /** A cached answer: when the model gave it (ISO 8601), when known. */
  answered_at?: string;
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
  /** The rate limit calls are waiting for right now, when one holds the run back. */
  heldBy?: string;
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
  /** How a max_examples sample is drawn in a gate (seed from the base commit, base examples first). */
  sample?: SampleOptions;
  judge?: Judge;
  /** Scores safety and embedding-similarity criteria. */
  models?: ModelScorer;
  price?: PriceFn;
  /** The price budgets count: `price`, except that a model without one is never free (see setup.ts). */
  budgetPrice?: PriceFn;
  /** Told about every finished call, e.g. to adapt concurrency. */
  onCallResult?: (outcome: "ok" | "rate_limited" | "error") => void;
  /** Run only these repeats of these examples (the gate's further sampling rounds), instead of all. */
  items?: readonly { id: string; repeat: number }[];
  /** Call slots shared with other suites running at the same time (champion and challenger); else its own. */
  slots?: Slots;
  /**
   * The judge when neither the criterion nor the project names one; absent, the model under test. The
   * gate sets it so that both sides have one judge and a challenger's `model:` never picks its own.
   */
  judgeFallback?: string;
  /**
   * The tool schemas `tool_args_valid` validates calls against; absent, the request's own. The gate
   * gives the base's, so a challenger cannot loosen the schema its calls are held to.
   */
  toolSchemas?: readonly ToolDefinition[];
  /** Which rate limit holds calls back now, if any (the rate pacer's), for the progress line. */
  held?: () => string | undefined;
}

/** Why a run stopped before every example was tried; `left_out`: examples the budget left unscored. */
export interface Stopped {
  reason: string;
  left_out?: number;
}

export interface SuiteRun {
  results: ExampleResult[];
  /** Set when the run stopped before every example was tried (abort, budget, fatal provider error). */
  stopped?: Stopped;
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

/**
 * A generous upper bound of a call's spend, as a function of the answer tokens
 * it is allowed (prices are linear in tokens), reserved before the call starts.
 */
function estimateSpend(
  request: ChatRequest,
  judges: number,
  price: PriceFn | undefined,
  extra: (answerTokens: number) => Spend,
  steps = 1,
): CallCost {
  // Tokenizers average ~4 characters a token on English; 3 leaves room for other text.
  const promptTokensOnce = Math.ceil(request.messages.reduce((n, m) => n + contentChars(m), 0) / 3) + 10;
  // An agent's later steps resend the conversation so far: each step is reserved as a whole call.
  const promptTokens = steps * promptTokensOnce;
  const at = (answerTokens: number): Spend => {
    const outputTokens = steps * answerTokens;
    const judgeTokens = judges * (promptTokens + outputTokens + 400 + JUDGE_MAX_TOKENS);
    const usd =
      price?.(request.model, {
        prompt_tokens: promptTokens + judgeTokens,
        completion_tokens: outputTokens,
      }) ?? 0;
    const more = extra(answerTokens);
    return { usd: usd + more.usd, tokens: promptTokens + outputTokens + judgeTokens + more.tokens };
  };
  const base = at(0);
  const one = at(1);
  return {
    base,
    perToken: { usd: one.usd - base.usd, tokens: one.tokens - base.tokens },
    maxTokens: request.max_tokens ?? 1024,
  };
}

/** Evaluates one prompt version over its eval set. */
export async function runSuite(
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
  opts: RunOptions,
): Promise<SuiteRun> {
  const { items: examples, sampled } = sampleById(evalSet.examples, opts.maxExamples, opts.sample);
  const repeats = prompt.data.repeats ?? 1;
  const total = opts.items
    ? [...workItems(examples, repeats, opts.items)].length
    : examples.reduce((n, e) => n + (e.repeats ?? repeats), 0);
  const results: ExampleResult[] = new Array<ExampleResult>(total);
  const budget = opts.budget ?? new Budget();
  const budgetPrice = opts.budgetPrice ?? opts.price;
  const suiteSpend = new SuiteSpend();
  const ledger = {
    settle: (r: Reservation, actual: Spend): void => {
      suiteSpend.observe(r.estimate, actual);
      budget.settle(r, actual);
    },
    answered: (completionTokens: number): void => suiteSpend.answered(completionTokens),
  };
  // Examples the budget left unscored: refused, or cut to a smaller answer allowance that the answer outgrew.
  const budgetLeftOut = new Set<string>();
  let stoppedByBudget = false;
  const unpriced = unpricedNote(prompt.data.model, opts.price, budgetPrice, budget);
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
    await prefetchExpected(criteria, examples, opts.models, budget, budgetPrice, stop.signal);
    await runPool(
      workItems(examples, repeats, opts.items),
      limit,
      async ({ example, repeat }, i) => {
        const full = buildRequest(prompt.data, example, evalSet.file);
        const embeddings = (answerTokens: number): Spend =>
          embeddingEstimate(
            [...criteria, ...(example.checks ?? [])],
            example,
            answerTokens,
            opts.models,
            budgetPrice,
          );
        const cost = estimateSpend(
          full,
          judges + judgesIn(example.checks ?? []),
          budgetPrice,
          embeddings,
          prompt.data.max_steps,
        );
        const fallbackTokens = suiteSpend.fallbackTokens();
        // A call that does not fit yet waits, or runs with a smaller max_tokens (src/engine/budget.ts).
        const reservation = await budget.reserve(
          {
            cost,
            expected: suiteSpend.expected(costAt(cost, cost.maxTokens)),
            ...(fallbackTokens !== undefined ? { fallbackTokens } : {}),
          },
          { order: i, signal: stop.signal },
        );
        if ("refused" in reservation) {
          const byBudget = stopped === undefined && reservation.refused === budget.stopReason;
          const reason = stopped?.reason ?? unpriced + reservation.refused;
          stoppedByBudget ||= byBudget;
          if (stoppedByBudget) budgetLeftOut.add(example.id);
          results[i] = skipped(example, repeat, reason);
          stopWith(reason);
          return;
        }
        const cut = reservation.maxTokens < cost.maxTokens;
        const request = cut ? { ...full, max_tokens: reservation.maxTokens } : full;
        const ctx: CallContext = {
          prompt,
          example,
          repeat,
          request,
          opts: { ...opts, ...(budgetPrice ? { budgetPrice } : {}) },
          signal: stop.signal,
        };
        const evaluated = await evaluateExample(ctx, reservation, ledger);
        const { fatal } = evaluated;
        let { result } = evaluated;
        // An answer the budget's cut allowance stopped short is not the prompt's answer: left out, not scored.
        if (cut && result.status === "ok" && result.finish_reason === "length") {
          budgetLeftOut.add(example.id);
          result = {
            ...skipped(
              example,
              repeat,
              `the budget could pay for at most ${reservation.maxTokens} answer tokens here, and the answer was longer`,
            ),
            ...(result.usage ? { usage: result.usage } : {}),
          };
        }
        if (fatal) stopWith(result.error?.message ?? "a fatal provider error");
        results[i] = result;
        progress.done++;
        if (result.status === "error") progress.errors++;
        if (result.cached) progress.cached++;
        const heldBy = opts.held?.();
        opts.onProgress?.({ ...progress, spentUsd: budget.spend.usd, ...(heldBy ? { heldBy } : {}) });
      },
      {
        signal: stop.signal,
        ...(opts.slots ? { slots: opts.slots } : {}),
        onSkipped: ({ example, repeat }, i) => {
          const reason = stopped?.reason ?? "the run stopped early";
          if (stoppedByBudget) budgetLeftOut.add(example.id);
          results[i] = skipped(example, repeat, reason);
        },
      },
    );
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  if (budgetLeftOut.size > 0) {
    const of = new Set(results.map((r) => r.id)).size;
    const said = `the budget left out ${budgetLeftOut.size} of ${of} examples`;
    stopped = { reason: stopped ? `${stopped.reason}; ${said}` : said, left_out: budgetLeftOut.size };
  }
  return { results, repeats, ...(stopped ? { stopped } : {}), ...(sampled ? { sampled } : {}) };
}

/**
 * Said beside a budget stop when the model has no known price: budgets count it
 * at the highest known price rather than as free, which is why they stop early.
 */
function unpricedNote(
  model: string,
  price: PriceFn | undefined,
  budgetPrice: PriceFn | undefined,
  budget: Budget,
): string {
  if (!budget.limitsCost || !budgetPrice || price === budgetPrice) return "";
  const probe = { prompt_tokens: 1_000_000, completion_tokens: 0 };
  if (price?.(model, probe) !== undefined) return "";
  return `"${model}" has no price: counted at the highest known price (set pricing in the config); `;
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
  const cached = (a.cached_tokens ?? 0) + (b.cached_tokens ?? 0);
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    ...(cached > 0 ? { cached_tokens: cached } : {}),
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

/** A data URL, or a long run of base64 alone: bytes, not text a judge could read. */
const BASE64_DATA = /^(?:data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=\s]*|[A-Za-z0-9+/=\s]{1000,})$/;

/**
 * The input as a judge or grading model sees it: an input the prompt shows the model as an image or
 * audio, or any other input that is base64 data, is named, not sent (base64 is no picture to a text
 * judge, and costs as much as a long text).
 */
function shownToJudge(
  input: Readonly<Record<string, unknown>>,
  media: ReadonlySet<string>,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (media.has(k)) shown[k] = "(an image or audio the model was shown; not given to the judge)";
    else if (typeof v === "string" && v.length >= 1000 && BASE64_DATA.test(v))
      shown[k] = `(${Math.round(v.length / 1024)} KB of base64 data; not given to the judge)`;
    else shown[k] = v;
  }
  return shown;
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
      ...((opts.toolSchemas ?? ctx.request.tools) ? { tools: opts.toolSchemas ?? ctx.request.tools } : {}),
    });
  }
  const judged = judgedOutput(s.output);
  // Built once, and only when a judge or grading model is in the list: nothing else reads it.
  let shown: Record<string, unknown> | undefined;
  const judgeInput = () => (shown ??= shownToJudge(example.input, mediaInputs(prompt.data.messages ?? [])));
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
        input: judgeInput(),
        ...(example.expected !== undefined ? { expected: example.expected } : {}),
        output: judged,
        modelUnderTest: opts.judgeFallback ?? prompt.data.model,
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
        input: judgeInput(),
        ...(example.expected !== undefined ? { expected: example.expected } : {}),
        output: judged,
        modelUnderTest: opts.judgeFallback ?? prompt.data.model,
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
  budget: Pick<Budget, "settle"> & { answered: (completionTokens: number) => void },
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
      spent.usd += (opts.budgetPrice ?? opts.price)?.(model, u) ?? 0;
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
      onStep: (step) => {
        budget.answered(step.usage.completion_tokens);
        account(ctx.request.model, step.usage, step.cached);
      },
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
    ...(completion.cached && completion.answeredAt !== undefined
      ? { answered_at: completion.answeredAt }
      : {}),
    criteria,
    passed: allPassed,
    score: weights > 0 ? weighted / weights : 0,
    ...(trajectory ? { trajectory } : {}),
  };
  return { result, fatal: false };
}

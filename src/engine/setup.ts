import { dirname, resolve } from "node:path";
import { resolveInside, type Project } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import { Budget } from "./budget.js";
import { AdaptiveConcurrency } from "./concurrency.js";
import { createJudge } from "./judge.js";
import { RatePacer } from "./rate-pacer.js";
import { batchCostUsd, budgetCostUsd, costUsd } from "./pricing.js";
import { createModelScorer } from "./scorers/model-criteria.js";
import { withCache } from "./providers/cache.js";
import { createMockProvider } from "./providers/mock.js";
import { createOpenAIProvider, DEFAULT_BASE_URL } from "./providers/openai.js";
import { createReplayProvider, loadRecordings, type RecordingEntry } from "./providers/replay.js";
import { withRetries } from "./providers/retry.js";
import { stopWhenUnreachable } from "./providers/unreachable.js";
import { ProviderError, type Provider } from "./providers/types.js";
import type { RunOptions } from "./runner.js";
import { BATCH_IN_FLIGHT, withBatch, type BatchRunOptions } from "../scale/batch-setup.js";

export type ProviderKind = "replay" | "mock" | "openai" | "cache-only";

/**
 * Everything about how a run calls models. Trusted values only: in the Action
 * they come from inputs, in the CLI from flags and the environment — the key
 * and the endpoint never from repository files.
 */
export interface SetupOptions {
  kind: ProviderKind;
  apiKey?: string;
  baseURL?: string;
  /** replay: folder of recordings; default the project's provider.recordings. */
  recordings?: string;
  /** replay: recordings already read (the Action reads them from the base revision through git). */
  recordingEntries?: readonly RecordingEntry[];
  cacheDir?: string;
  /** Per-call timeout (default 60 s). */
  timeoutMs?: number;
  /** Read the answer cache but never write it (pull request runs). */
  cacheReadOnly?: boolean;
  /** Filled with the key of every cache entry the run reads or writes (see pruneCache). */
  cacheUsed?: Set<string>;
  concurrency: number;
  maxExamples?: number;
  maxCostUsd?: number;
  maxTokensTotal?: number;
  judgeModel?: string;
  /** Price overrides; default the project's. The Action passes the base revision's, so a PR cannot zero its costs. */
  pricing?: ProjectConfig["pricing"];
  /** openai only: ceilings of our own under the endpoint's rate limits, to leave room for other jobs. */
  maxRpm?: number;
  maxTpm?: number;
  /** openai only: the service_tier every chat call asks for ("flex": cheaper and slower). */
  serviceTier?: string;
  /** openai only: send calls through the Batch API (half price, answers within 24 h). */
  batch?: BatchRunOptions;
  log: (line: string) => void;
}

export interface RunSetup {
  run: Omit<RunOptions, "onProgress" | "signal">;
  kind: ProviderKind;
  concurrency: AdaptiveConcurrency;
}

/** A provider for runs without a key: nothing but what the cache already holds. */
function noKeyProvider(): Provider {
  const noKey = (): Promise<never> =>
    Promise.reject(
      new ProviderError(
        "no API key in this run (a fork pull request or a missing secret); only cached answers are available",
        {
          kind: "no_key",
        },
      ),
    );
  return { id: "cache-only", complete: noKey, moderate: noKey, embed: noKey };
}

async function baseProvider(
  project: Project,
  opts: SetupOptions,
  concurrency: AdaptiveConcurrency,
  pacer: RatePacer,
): Promise<Provider> {
  switch (opts.kind) {
    case "mock":
      return createMockProvider();
    case "replay": {
      if (opts.recordingEntries) return createReplayProvider(opts.recordingEntries);
      const configured = project.config.provider?.recordings;
      const dir =
        opts.recordings ??
        (configured && project.configFile
          ? resolveInside(
              project.root,
              resolve(dirname(project.configFile), configured),
              project.configFile,
              "provider.recordings",
            )
          : resolve(project.root, "recordings"));
      return createReplayProvider(await loadRecordings(dir));
    }
    case "cache-only":
      return noKeyProvider();
    case "openai": {
      const live = createOpenAIProvider({
        apiKey: opts.apiKey ?? "",
        ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        ...(opts.serviceTier ? { serviceTier: opts.serviceTier } : {}),
        connections: opts.concurrency,
        // A batch has its own limits (enqueued tokens), not the live ones.
        ...(opts.batch ? {} : { pacer }),
      });
      const retried = withRetries(stopWhenUnreachable(live), {
        onRetry: ({ error, delayMs, attempt }) => {
          if (error.kind === "rate_limited") concurrency.onRateLimited();
          opts.log(`retrying after ${error.kind} (attempt ${attempt}, waiting ${Math.round(delayMs)} ms)`);
        },
      });
      if (!opts.batch) return retried;
      const endpoint = { apiKey: opts.apiKey ?? "", baseURL: opts.baseURL ?? DEFAULT_BASE_URL };
      return withBatch(retried, endpoint, opts.batch, opts.concurrency, opts.log);
    }
  }
}

export async function createRunSetup(project: Project, opts: SetupOptions): Promise<RunSetup> {
  const concurrency = new AdaptiveConcurrency(opts.concurrency);
  // One per endpoint (a run has one): every suite's calls to a model share its limits.
  const pacer = new RatePacer({
    ...(opts.maxRpm !== undefined ? { maxRpm: opts.maxRpm } : {}),
    ...(opts.maxTpm !== undefined ? { maxTpm: opts.maxTpm } : {}),
  });
  let provider = await baseProvider(project, opts, concurrency, pacer);
  if (opts.cacheDir && (opts.kind === "openai" || opts.kind === "cache-only")) {
    provider = withCache(provider, {
      dir: opts.cacheDir,
      // The whole base URL: two endpoints on one host (e.g. serving paths) must not share answers.
      namespace: (opts.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
      readOnly: opts.cacheReadOnly || opts.kind === "cache-only",
      ...(opts.cacheUsed ? { used: opts.cacheUsed } : {}),
      // In a pull request run project.config is the base revision's: a PR cannot keep stale answers.
      // Without a key nothing can be asked again: a fork's run scores what the cache holds, and says how old.
      ...(opts.kind === "cache-only" ? {} : { maxAgeMs: answerAgeDays(project) * DAY_MS }),
    });
  }
  const pricing = opts.pricing ?? project.config.pricing;
  const batched = opts.batch !== undefined && opts.kind === "openai";
  // The (base) config's judge_model first: a workflow edit in the PR changes inputs, never the base.
  const judge = createJudge(provider, project.config.judge_model ?? opts.judgeModel);
  return {
    kind: opts.kind,
    concurrency,
    run: {
      provider,
      concurrency: batched ? () => BATCH_IN_FLIGHT : () => concurrency.limit,
      onCallResult: (outcome) => {
        if (outcome === "ok") concurrency.onSuccess();
      },
      held: () => pacer.held(),
      judge,
      // In a pull request run project.config is the base revision's, so a PR cannot pick these.
      models: createModelScorer(provider, judge, {
        moderation: project.config.moderation_model,
        embedding: project.config.embedding_model,
      }),
      price: batched
        ? (model, usage) => batchCostUsd(model, usage, pricing)
        : (model, usage) => costUsd(model, usage, pricing, opts.serviceTier),
      budgetPrice: batched
        ? (model, usage) => budgetCostUsd(model, usage, pricing, batchCostUsd)
        : (model, usage) =>
            budgetCostUsd(model, usage, pricing, (m, u, o) => costUsd(m, u, o, opts.serviceTier)),
      budget: new Budget({
        ...(opts.maxCostUsd !== undefined ? { maxCostUsd: opts.maxCostUsd } : {}),
        ...(opts.maxTokensTotal !== undefined ? { maxTokensTotal: opts.maxTokensTotal } : {}),
      }),
      ...(opts.maxExamples !== undefined ? { maxExamples: opts.maxExamples } : {}),
    },
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cached answers older than this are asked again; the default keeps a month's. */
export const DEFAULT_MAX_ANSWER_AGE_DAYS = 30;

export function answerAgeDays(project: Project): number {
  return project.config.thresholds?.max_answer_age_days ?? DEFAULT_MAX_ANSWER_AGE_DAYS;
}

/** The smaller of two optional limits: a caller can tighten the project's budget, never loosen it. */
export function tighter(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

import { resolve } from "node:path";
import type { Project } from "../config/project.js";
import { UserError } from "../errors.js";
import { chooseProviderKind, PROVIDER_KINDS } from "../engine/providers/select.js";
import { createRunSetup, tighter, type RunSetup } from "../engine/setup.js";
import { DEFAULT_CACHE_DIR } from "../engine/providers/cache.js";
import { resolveOpenAISettings } from "../engine/providers/openai.js";
import { withDeadline } from "../engine/deadline.js";
import type { CliIo } from "./io.js";
import { DEFAULT_BATCH_DIR, type BatchRunOptions } from "../scale/batch-setup.js";
import { SERVICE_TIERS } from "../engine/pricing.js";

/** The provider flags every evaluating command shares, as parseArgs hands them over. */
export interface ProviderFlags {
  provider?: string;
  recordings?: string;
  concurrency?: string;
  maxExamples?: string;
  maxCost?: string;
  maxTokens?: string;
  baseUrl?: string;
  cacheDir?: string;
  noCache?: boolean;
  timeout?: string;
  deadline?: string;
  batch?: boolean;
  batchDir?: string;
  batchPoll?: string;
  maxRpm?: string;
  maxTpm?: string;
  serviceTier?: string;
}

/** parseArgs option specs for the flags above, shared by every evaluating command. */
export const RUN_FLAG_SPECS = {
  provider: { type: "string" },
  recordings: { type: "string" },
  concurrency: { type: "string" },
  "max-examples": { type: "string" },
  "max-cost": { type: "string" },
  "max-tokens": { type: "string" },
  "base-url": { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  timeout: { type: "string" },
  deadline: { type: "string" },
  batch: { type: "boolean" },
  "batch-dir": { type: "string" },
  "batch-poll": { type: "string" },
  "max-rpm": { type: "string" },
  "max-tpm": { type: "string" },
  "service-tier": { type: "string" },
} as const;

type RunFlagValues = {
  [K in keyof typeof RUN_FLAG_SPECS]?: (typeof RUN_FLAG_SPECS)[K]["type"] extends "boolean"
    ? boolean
    : string;
};

export function runFlags(values: RunFlagValues): ProviderFlags {
  const out: ProviderFlags = {};
  if (values.provider !== undefined) out.provider = values.provider;
  if (values.recordings !== undefined) out.recordings = values.recordings;
  if (values.concurrency !== undefined) out.concurrency = values.concurrency;
  if (values["max-examples"] !== undefined) out.maxExamples = values["max-examples"];
  if (values["max-cost"] !== undefined) out.maxCost = values["max-cost"];
  if (values["max-tokens"] !== undefined) out.maxTokens = values["max-tokens"];
  if (values["base-url"] !== undefined) out.baseUrl = values["base-url"];
  if (values["cache-dir"] !== undefined) out.cacheDir = values["cache-dir"];
  if (values["no-cache"]) out.noCache = true;
  if (values.timeout !== undefined) out.timeout = values.timeout;
  if (values.deadline !== undefined) out.deadline = values.deadline;
  if (values.batch) out.batch = true;
  if (values["batch-dir"] !== undefined) out.batchDir = values["batch-dir"];
  if (values["batch-poll"] !== undefined) out.batchPoll = values["batch-poll"];
  if (values["max-rpm"] !== undefined) out.maxRpm = values["max-rpm"];
  if (values["max-tpm"] !== undefined) out.maxTpm = values["max-tpm"];
  if (values["service-tier"] !== undefined) out.serviceTier = values["service-tier"];
  return out;
}

export const providerOptions = `  --provider KIND      replay | mock | openai (default: the project's config)
  --recordings DIR     folder of recorded responses for --provider replay
  --concurrency N      model calls in flight at once (default: config, else 8)
  --max-examples N     evaluate at most N examples per prompt (a deterministic sample by id)
  --max-cost USD       stop before the run spends more than USD (tightens the config's budget)
  --max-tokens N       stop before the run uses more than N tokens
  --base-url URL       OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else api.openai.com);
                       the key comes from OPENAI_API_KEY
  --cache-dir DIR      where live answers are cached by content (default: .agentops-cache)
  --no-cache           neither read nor write the answer cache
  --timeout SECONDS    per-call timeout (default 60)
  --deadline SECONDS   stop starting calls after this long; finished results are kept and written
  --batch              send the calls through the OpenAI Batch API: half the price, answers within
                       24 h (openai provider only; see "Batch runs" in the README)
  --batch-dir DIR      where the batch ids are kept for a rerun to resume (default: .agentops-batch)
  --batch-poll SECONDS between batch status checks (default 30)
  --max-rpm N          send at most N requests a minute per model, below the endpoint's own limit
                       (which is read from its x-ratelimit headers), to leave room for other jobs
  --max-tpm N          the same for tokens a minute (a request counts its prompt plus max_tokens)
  --service-tier TIER  ask the endpoint for this service tier on every call, e.g. flex (cheaper,
                       slower; priced at the provider's flex rate)`;

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UserError(`${flag} takes a positive whole number, got "${value}"`);
  return n;
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  }
  return value as T;
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${flag} takes a positive number, got "${value}"`);
  return n;
}

/** The run's abort signal: the process's (Ctrl-C) combined with --deadline. */
export function runSignal(flags: ProviderFlags, io: CliIo): AbortSignal | undefined {
  return withDeadline(io.signal, positiveNumber(flags.deadline, "--deadline"));
}

/** Provider, judge, budget and concurrency for a run, from flags, the environment and the project config. */
export async function makeRunSetup(project: Project, flags: ProviderFlags, io: CliIo): Promise<RunSetup> {
  const requested = oneOf(flags.provider, PROVIDER_KINDS, "--provider");
  const kind = chooseProviderKind(project, requested, io.env);
  const budgets = project.config.budgets ?? {};
  const maxExamples = tighter(positiveInt(flags.maxExamples, "--max-examples"), budgets.max_examples);
  const maxCostUsd = tighter(positiveNumber(flags.maxCost, "--max-cost"), budgets.max_cost_usd);
  const maxTokensTotal = tighter(positiveInt(flags.maxTokens, "--max-tokens"), budgets.max_tokens_total);
  const live =
    kind === "openai"
      ? resolveOpenAISettings(io.env, flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {})
      : undefined;
  return createRunSetup(project, {
    kind,
    ...(live ? { apiKey: live.apiKey, baseURL: live.baseURL } : {}),
    ...(flags.recordings !== undefined ? { recordings: resolve(io.cwd, flags.recordings) } : {}),
    ...(flags.noCache ? {} : { cacheDir: resolve(io.cwd, flags.cacheDir ?? DEFAULT_CACHE_DIR) }),
    ...(flags.timeout !== undefined
      ? { timeoutMs: (positiveNumber(flags.timeout, "--timeout") ?? 60) * 1000 }
      : {}),
    concurrency: positiveInt(flags.concurrency, "--concurrency") ?? project.config.concurrency ?? 8,
    ...(maxExamples !== undefined ? { maxExamples } : {}),
    ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
    ...(maxTokensTotal !== undefined ? { maxTokensTotal } : {}),
    ...(flags.batch ? { batch: batchOptions(kind, flags, io) } : {}),
    ...rateOptions(flags),
    log: (line) => io.stderr(`${line}\n`),
  });
}

function rateOptions(flags: ProviderFlags): { maxRpm?: number; maxTpm?: number; serviceTier?: string } {
  const maxRpm = positiveInt(flags.maxRpm, "--max-rpm");
  const maxTpm = positiveInt(flags.maxTpm, "--max-tpm");
  const serviceTier = oneOf(flags.serviceTier, SERVICE_TIERS, "--service-tier");
  return {
    ...(maxRpm !== undefined ? { maxRpm } : {}),
    ...(maxTpm !== undefined ? { maxTpm } : {}),
    ...(serviceTier !== undefined ? { serviceTier } : {}),
  };
}

function batchOptions(kind: string, flags: ProviderFlags, io: CliIo): BatchRunOptions {
  if (kind !== "openai")
    throw new UserError(
      `--batch needs the openai provider, but this run uses ${kind}`,
      {},
      "drop --batch, or pass --provider openai with OPENAI_API_KEY set",
    );
  const pollSeconds = positiveNumber(flags.batchPoll, "--batch-poll");
  return {
    stateDir: resolve(io.cwd, flags.batchDir ?? DEFAULT_BATCH_DIR),
    ...(pollSeconds !== undefined ? { pollMs: pollSeconds * 1000 } : {}),
  };
}

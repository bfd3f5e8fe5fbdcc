import { dirname, join } from "node:path";
import type { Project } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import type { RecordingEntry } from "../engine/providers/replay.js";
import { isLocalEndpoint } from "../engine/providers/openai.js";
import { createRunSetup, tighter, type ProviderKind } from "../engine/setup.js";
import type { ActionSettings } from "../inputs.js";
import type { ActionDeps } from "./deps.js";
import type { BatchRunOptions } from "../scale/batch-setup.js";

/**
 * Which provider a run uses. Without a key, only what the cache holds is scored
 * (fork pull requests get no secrets), unless the endpoint is local and needs none.
 */
export function chooseKind(
  settings: Pick<ActionSettings, "provider" | "apiKey" | "baseUrl">,
  configured: NonNullable<ProjectConfig["provider"]>["type"] | undefined,
): ProviderKind {
  if (settings.provider !== "auto") return settings.provider;
  if (settings.apiKey || isLocalEndpoint(settings.baseUrl)) return "openai";
  if (configured === "replay" || configured === "mock") return configured;
  return "cache-only";
}

/**
 * A pull request run reads the answer cache only; the default branch writes it and
 * says which entries it used (`cacheUsed`), so the rest can be pruned before saving.
 */
export async function setupFor(
  deps: ActionDeps,
  project: Project,
  kind: ProviderKind,
  cache: { readOnly: true } | { readOnly: false; used: Set<string> },
  trusted: ProjectConfig = project.config,
  where: { cacheDir: string; recordingEntries?: readonly RecordingEntry[] } = {
    cacheDir: answerCacheDir(deps),
  },
) {
  const s = deps.settings;
  const budgets = trusted.budgets ?? {};
  const maxExamples = tighter(s.maxExamples, budgets.max_examples);
  const maxCostUsd = tighter(s.maxCostUsd, budgets.max_cost_usd);
  const maxTokensTotal = tighter(s.maxTokensTotal, budgets.max_tokens_total);
  const batch = batchFor(deps, kind);
  return createRunSetup(project, {
    kind,
    ...(s.apiKey ? { apiKey: s.apiKey } : {}),
    ...(s.baseUrl ? { baseURL: s.baseUrl } : {}),
    ...(s.cache
      ? {
          cacheDir: where.cacheDir,
          cacheReadOnly: cache.readOnly,
          ...(cache.readOnly ? {} : { cacheUsed: cache.used }),
        }
      : {}),
    concurrency: s.concurrency,
    timeoutMs: s.timeoutSeconds * 1000,
    ...(maxExamples !== undefined ? { maxExamples } : {}),
    ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
    ...(maxTokensTotal !== undefined ? { maxTokensTotal } : {}),
    ...(s.judgeModel ? { judgeModel: s.judgeModel } : {}),
    pricing: trusted.pricing ?? {},
    ...(where.recordingEntries ? { recordingEntries: where.recordingEntries } : {}),
    ...(batch ? { batch } : {}),
    ...(s.maxRpm !== undefined ? { maxRpm: s.maxRpm } : {}),
    ...(s.maxTpm !== undefined ? { maxTpm: s.maxTpm } : {}),
    ...(s.serviceTier !== undefined ? { serviceTier: s.serviceTier } : {}),
    log: deps.log.info,
  });
}

/**
 * The Batch API for default-branch runs that ask for it. A pull request wants its verdict in
 * minutes and a batch may take a day, so there the input is ignored, and said so. The batch ids
 * live beside the answer cache, which the Actions cache saves even after a stopped run, so the
 * next default-branch run picks up the batches instead of paying for them twice.
 */
function batchFor(deps: ActionDeps, kind: ProviderKind): BatchRunOptions | undefined {
  if (!deps.settings.batch) return undefined;
  const event = deps.context.event.kind;
  if (event === "pull_request" || event === "comment") {
    deps.log.info(
      "batch: true is ignored on pull request runs: a pull request wants its verdict in minutes and a batch can take up to 24 hours",
    );
    return undefined;
  }
  if (kind !== "openai") {
    deps.log.warning(
      `batch: true needs the openai provider (this run uses ${kind}); calls are made as usual`,
    );
    return undefined;
  }
  return { stateDir: join(answerCacheDir(deps), "batches") };
}

/** Where the answer cache lives: outside the workspace, so nothing a change commits can answer for it. */
export function answerCacheDir(deps: Pick<ActionDeps, "outDir">): string {
  return join(dirname(deps.outDir), "agentops-cache");
}

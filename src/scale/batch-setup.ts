import type { Provider } from "../engine/providers/types.js";
import { createBatchApi } from "./batch-api.js";
import type { BatchLimits } from "./batch-lines.js";
import { createBatchProvider } from "./batch-provider.js";
import { createBatchQueue } from "./batch-queue.js";

/** How a run sends its calls through the Batch API; the endpoint and key are the run's own. */
export interface BatchRunOptions {
  /** Where the resume state goes (under the output folder). */
  stateDir: string;
  /** Between status polls (default 30 s). */
  pollMs?: number;
  /** No new call for this long sends the queue (default 2 s, or the poll interval when shorter, at least 200 ms). */
  quietMs?: number;
  /** Split limits; tests lower them. */
  limits?: BatchLimits;
  /** Tests watch the calls through it. */
  fetch?: typeof globalThis.fetch;
}

/** The CLI's folder for the resume state, beside the answer cache. */
export const DEFAULT_BATCH_DIR = ".agentops-batch";

/**
 * Calls a run waits for at once in a batch run: every example of a suite can
 * wait for the same batch, so the runner's pool must not hold them back.
 * Ordinary calls (what a batch did not answer) keep the run's concurrency.
 */
export const BATCH_IN_FLIGHT = 1_000_000;

export function withBatch(
  fallback: Provider,
  endpoint: { apiKey: string; baseURL: string; timeoutMs?: number; defaultHeaders?: Record<string, string> },
  batch: BatchRunOptions,
  concurrency: number,
  log: (line: string) => void,
): Provider {
  const api = createBatchApi({
    apiKey: endpoint.apiKey,
    baseURL: endpoint.baseURL,
    ...(endpoint.defaultHeaders ? { defaultHeaders: endpoint.defaultHeaders } : {}),
    ...(batch.fetch ? { fetch: batch.fetch } : {}),
  });
  const queue = createBatchQueue({
    api,
    stateDir: batch.stateDir,
    log,
    apiKey: endpoint.apiKey,
    fallbackConcurrency: concurrency,
    ...(batch.pollMs !== undefined ? { pollMs: batch.pollMs } : {}),
    // Waiting longer than one poll for stragglers gains nothing; under 200 ms, one round's calls
    // (which reach the queue after their cache lookups) could split into sets that differ between
    // runs, and a rerun could not resume them.
    quietMs: batch.quietMs ?? Math.min(2000, Math.max(200, batch.pollMs ?? 30_000)),
    ...(batch.limits ? { limits: batch.limits } : {}),
  });
  return createBatchProvider({ queue, fallback, apiKey: endpoint.apiKey });
}

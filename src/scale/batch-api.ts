import { describeErrorAnswer, quote, rootCause } from "../engine/providers/error-text.js";
import { parseRetryAfter } from "../engine/providers/openai.js";
import { abortableSleep, backoffDelay } from "../engine/providers/retry.js";
import { ProviderError } from "../engine/providers/types.js";
import { scrubSecrets } from "../secrets.js";

/*
 * The four calls of OpenAI's Batch API (files, batches), over fetch. The base
 * URL, key and headers are the run's trusted settings, the same as for chat
 * calls; the key goes only into the Authorization header and is scrubbed from
 * every error text.
 */

/** The endpoints a batch runs; OpenAI's reference also lists /v1/responses and /v1/completions, which we do not send. */
export type BatchEndpoint = "/v1/chat/completions" | "/v1/embeddings" | "/v1/moderations";

export type BatchStatus =
  | "validating"
  | "failed"
  | "in_progress"
  | "finalizing"
  | "completed"
  | "expired"
  | "cancelling"
  | "cancelled";

export const TERMINAL_STATUSES: ReadonlySet<BatchStatus> = new Set([
  "failed",
  "completed",
  "expired",
  "cancelled",
]);

export interface BatchInfo {
  id: string;
  status: BatchStatus;
  outputFileId?: string;
  errorFileId?: string;
  counts: { total: number; completed: number; failed: number };
  /** The batch-level errors (a failed validation), scrubbed and shortened. */
  errors: string[];
}

export interface BatchApiSettings {
  apiKey: string;
  baseURL: string;
  defaultHeaders?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Per-request limit (default 120 s; uploads and downloads can be large). */
  timeoutMs?: number;
  /** Attempts per call on 429, 5xx and connection trouble (default 5). */
  maxAttempts?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface BatchApi {
  uploadFile(jsonl: string, name: string, signal?: AbortSignal): Promise<string>;
  createBatch(fileId: string, endpoint: BatchEndpoint, signal?: AbortSignal): Promise<BatchInfo>;
  getBatch(id: string, signal?: AbortSignal): Promise<BatchInfo>;
  fileContent(fileId: string, signal?: AbortSignal): Promise<string>;
}

const STATUSES = new Set<string>([
  "validating",
  "failed",
  "in_progress",
  "finalizing",
  "completed",
  "expired",
  "cancelling",
  "cancelled",
]);

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 0);
const isId = (v: unknown): v is string => typeof v === "string" && /^[\w.-]{1,200}$/.test(v);

/** A batch object as the API returns it; nothing about its shape is trusted. */
export function batchInfoOf(body: unknown, apiKey: string): BatchInfo {
  const b = record(body);
  if (!isId(b.id) || typeof b.status !== "string" || !STATUSES.has(b.status)) {
    throw new ProviderError("the endpoint's batch object has no id or a status we do not know", {
      kind: "bad_response",
      retryable: true,
    });
  }
  const counts = record(b.request_counts);
  const data = record(b.errors).data;
  const errors = (Array.isArray(data) ? (data as unknown[]) : []).slice(0, 5).map((e) => {
    const r = record(e);
    const line = typeof r.line === "number" ? ` (line ${r.line})` : "";
    const code = typeof r.code === "string" ? r.code : "error";
    const message = typeof r.message === "string" ? r.message : "";
    return quote(`${code}: ${message}${line}`, apiKey, 200);
  });
  return {
    id: b.id,
    status: b.status as BatchStatus,
    ...(isId(b.output_file_id) ? { outputFileId: b.output_file_id } : {}),
    ...(isId(b.error_file_id) ? { errorFileId: b.error_file_id } : {}),
    counts: { total: count(counts.total), completed: count(counts.completed), failed: count(counts.failed) },
    errors,
  };
}

export function createBatchApi(settings: BatchApiSettings): BatchApi {
  const base = settings.baseURL.replace(/\/+$/, "");
  const doFetch = settings.fetch ?? globalThis.fetch;
  const maxAttempts = settings.maxAttempts ?? 5;
  const sleep = settings.sleep ?? abortableSleep;
  const secret = settings.apiKey;

  async function once(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    // Few calls per run, so combining signals here does not grow anything long-lived.
    const timeout = AbortSignal.timeout(settings.timeoutMs ?? 120_000);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers: {
          ...settings.defaultHeaders,
          ...(secret ? { authorization: `Bearer ${secret}` } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
        signal: combined,
      });
    } catch (e) {
      if (signal?.aborted) throw new ProviderError("the call was aborted", { kind: "aborted" });
      if (timeout.aborted)
        throw new ProviderError(`the batch API call ${path} timed out`, { kind: "timeout", retryable: true });
      const cause = quote(rootCause(e), secret, 120);
      throw new ProviderError(
        `could not reach the batch API at ${base}${cause ? ` (${cause})` : ""}; check the base URL`,
        { kind: "connection", retryable: true },
      );
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => "");
    let error: unknown = text;
    try {
      error = record(JSON.parse(text)).error ?? text;
    } catch {
      // an HTML page: only its status line is repeated
      error = undefined;
    }
    const said = describeErrorAnswer(response.status, error, secret);
    const what = said.message
      ? `${response.status}: ${said.message}${said.ids}`
      : `${said.statusLine}${said.ids}`;
    const retryAfterMs = parseRetryAfter(response.headers);
    const status = response.status;
    throw new ProviderError(scrubSecrets(`the batch API refused ${path} (${what})`, [secret]), {
      kind:
        status === 429
          ? "rate_limited"
          : status >= 500
            ? "server_error"
            : status === 401 || status === 403
              ? "auth"
              : "bad_request",
      retryable: status === 429 || status === 408 || status === 409 || status >= 500,
      fatal: status === 401 || status === 403,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }

  async function call(path: string, init: () => RequestInit, signal?: AbortSignal): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(path, init(), signal);
      } catch (e) {
        if (!(e instanceof ProviderError) || !e.retryable || attempt >= maxAttempts) throw e;
        const delay = backoffDelay(attempt, e.retryAfterMs, {
          baseDelayMs: 1000,
          maxDelayMs: 30_000,
          random: Math.random,
        });
        await sleep(delay, signal);
      }
    }
  }

  async function json(path: string, init: () => RequestInit, signal?: AbortSignal): Promise<unknown> {
    const response = await call(path, init, signal);
    try {
      const body: unknown = await response.json();
      return body;
    } catch {
      throw new ProviderError(`the batch API answered ${path} with malformed JSON`, {
        kind: "bad_response",
      });
    }
  }

  return {
    async uploadFile(jsonl, name, signal) {
      const body = await json(
        "/files",
        () => {
          const form = new FormData();
          form.append("purpose", "batch");
          form.append("file", new Blob([jsonl], { type: "application/jsonl" }), name);
          return { method: "POST", body: form };
        },
        signal,
      );
      const id = record(body).id;
      if (!isId(id))
        throw new ProviderError("the files API answered without a file id", { kind: "bad_response" });
      return id;
    },
    async createBatch(fileId, endpoint, signal) {
      const body = await json(
        "/batches",
        () => ({
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ input_file_id: fileId, endpoint, completion_window: "24h" }),
        }),
        signal,
      );
      return batchInfoOf(body, secret);
    },
    async getBatch(id, signal) {
      return batchInfoOf(await json(`/batches/${encodeURIComponent(id)}`, () => ({}), signal), secret);
    },
    async fileContent(fileId, signal) {
      const response = await call(`/files/${encodeURIComponent(fileId)}/content`, () => ({}), signal);
      return response.text();
    },
  };
}

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { VERSION } from "openai/version";
import { UserError } from "../../errors.js";
import { scrubSecrets } from "../../secrets.js";
import { describeErrorAnswer, quote, rootCause } from "./error-text.js";
import { AnswerTooLarge, limitResponseBytes, MAX_RESPONSE_BYTES, tooLarge } from "./response-limit.js";
import type { ChatMessage, ChatRequest } from "../request.js";
import { estimateRequestTokens, tryAgainMs, type CallPacer, type Ticket } from "../rate-pacer.js";
import { withCallSignal } from "./call-signal.js";
import {
  CallTimedOut,
  dispatcherSend,
  fetchOver,
  fetchSend,
  type HeaderReader,
  type HttpSend,
} from "./dispatcher-fetch.js";
import { completionOfResponse } from "./chat-answer.js";
import { embeddingsOfAnswer, moderationOfAnswer } from "./model-answers.js";
import {
  ProviderError,
  unsupported,
  type CallOptions,
  type Completion,
  type Embeddings,
  type Moderation,
  type Provider,
} from "./types.js";

/*
 * The only module that imports `openai`, so an SDK upgrade touches one file.
 *
 * Any OpenAI-compatible endpoint works through baseURL (chat completions; moderations and
 * embeddings where it has them):
 *   - OpenAI:      https://api.openai.com/v1 (the default)
 *   - Azure OpenAI: its OpenAI-compatible v1 endpoint,
 *                  https://<resource>.openai.azure.com/openai/v1/ (the model is the deployment name)
 *   - Databricks:  https://<workspace-host>/serving-endpoints (key: a Databricks token)
 *   - Anthropic:   https://api.anthropic.com/v1/ (its OpenAI-compatible API; an Anthropic key;
 *                  no /moderations or /embeddings)
 *   - vLLM:        http://<host>:8000/v1
 *   - Ollama:      http://<host>:11434/v1 (any non-empty key)
 */

export interface OpenAISettings {
  apiKey: string;
  baseURL?: string;
  /** Per-call limit covering connect, headers and body (default 60 s). */
  timeoutMs?: number;
  /** Extra headers for gateways that want them (never cached, never logged). */
  defaultHeaders?: Record<string, string>;
  /** A fetch implementation, e.g. one bound to a proxy agent; tests use it to watch calls. Default: dispatcherFetch. */
  fetch?: typeof globalThis.fetch;
  /** Keep-alive connections to the endpoint: the run's concurrency (default 64). */
  connections?: number;
  /** Largest response body read (default MAX_RESPONSE_BYTES); tests lower it. */
  maxResponseBytes?: number;
  /** Clock for latencyMs; injected by tests. */
  now?: () => number;
  /** Holds each chat call until the endpoint's rate limits allow it, and learns them from every answer. */
  pacer?: CallPacer;
  /** Sent as service_tier on every chat call (e.g. "flex": cheaper, slower, for runs that can wait). */
  serviceTier?: string;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
const DEFAULT_TIMEOUT_MS = 60_000;

/** Sent to a local endpoint when no key is set. */
export const LOCAL_NO_KEY = "no-key";

/** An endpoint on this machine (Ollama, vLLM, LM Studio), which usually takes no key. */
export function isLocalEndpoint(baseURL: string | URL): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Key and base URL: flags first, then the standard environment variables. Never from repository files. */
export function resolveOpenAISettings(
  env: Readonly<Record<string, string | undefined>>,
  flags: { apiKey?: string; baseUrl?: string },
): { apiKey: string; baseURL: string } {
  const baseURL = (flags.baseUrl || env.OPENAI_BASE_URL || DEFAULT_BASE_URL).trim();
  let parsed: URL;
  try {
    parsed = new URL(baseURL);
  } catch {
    throw new UserError(
      `"${baseURL}" is not a valid base URL`,
      {},
      "use the endpoint's full URL, e.g. https://api.openai.com/v1",
    );
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new UserError(
      `"${baseURL}" is not an http(s) URL`,
      {},
      "use the endpoint's full URL, e.g. https://api.openai.com/v1",
    );
  }
  // Ollama, vLLM or LM Studio on this machine usually take no key; the SDK still wants a string.
  const apiKey =
    (flags.apiKey || env.OPENAI_API_KEY || "").trim() || (isLocalEndpoint(parsed) ? LOCAL_NO_KEY : "");
  if (!apiKey) {
    throw new UserError(
      "no API key for the openai provider",
      {},
      "set OPENAI_API_KEY (or the action's api-key input), or use the offline replay provider (--provider replay) with recorded responses",
    );
  }
  return { apiKey, baseURL };
}

/** Names of OpenAI's reasoning models, which reject temperature and want max_completion_tokens. */
const REASONING = /^(o\d|gpt-5)/;

/** host[:port] of an endpoint: the provider id and the cache namespace. */
export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return "unknown";
  }
}

/** Retry-After as milliseconds: `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
  now: () => number = Date.now,
): number | undefined {
  const ms = Number(headers?.get("retry-after-ms") ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get("retry-after")?.trim();
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now()) : undefined;
}

/** Maps SDK errors onto our kinds: what to retry, what stops the run, what fails one example. */
export function toProviderError(e: unknown, apiKey: string): ProviderError {
  if (e instanceof ProviderError) {
    const scrubbed = scrubSecrets(e.message, [apiKey]);
    if (scrubbed === e.message) return e;
    const { kind, retryable, fatal, retryAfterMs } = e;
    return new ProviderError(scrubbed, {
      kind,
      retryable,
      fatal,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  const make = (message: string, opts: ConstructorParameters<typeof ProviderError>[1]): ProviderError =>
    new ProviderError(scrubSecrets(message, [apiKey]), opts);
  // Retrying would fetch the same flood again.
  const flood = tooLarge(e);
  if (flood) return make(flood.message, { kind: "bad_response" });
  // Order matters: the timeout and abort errors are subclasses of the connection error.
  if (e instanceof APIUserAbortError) return make("the call was aborted", { kind: "aborted" });
  if (e instanceof APIConnectionTimeoutError) {
    return make("the call timed out (raise the timeout if the model is slow)", {
      kind: "timeout",
      retryable: true,
    });
  }
  if (e instanceof APIConnectionError) {
    const cause = quote(rootCause(e), apiKey, 120);
    return make(`could not reach the endpoint${cause ? ` (${cause})` : ""}; check the base URL and network`, {
      kind: "connection",
      retryable: true,
    });
  }
  // `instanceof` narrows to APIError<any, ...>; the default parameters are what we read.
  if (e instanceof APIError) {
    // e.message is the SDK's, which for a non-JSON answer holds the whole body: never repeated.
    const err = e as APIError;
    return fromStatus(err, describeErrorAnswer(err.status ?? 0, err.error, apiKey), make);
  }
  if (e instanceof SyntaxError) {
    return make("the endpoint answered with malformed JSON", { kind: "bad_response", retryable: true });
  }
  if (e instanceof Error && e.name === "AbortError") return make("the call was aborted", { kind: "aborted" });
  return make(`unexpected error: ${quote(e instanceof Error ? e.message : String(e), apiKey)}`, {
    kind: "internal",
  });
}

type Make = (message: string, opts: ConstructorParameters<typeof ProviderError>[1]) => ProviderError;

/** `said` is what the server's answer may contribute, already scrubbed and shortened. */
function fromStatus(e: APIError, said: ReturnType<typeof describeErrorAnswer>, make: Make): ProviderError {
  const status = e.status ?? 0;
  const tell = (what: string, hint = ""): string =>
    said.message
      ? `${what} (${status}): ${said.message}${said.ids}${hint}`
      : `${what}: the endpoint answered ${said.statusLine}${said.ids}${hint}`;
  if (status === 429 && (e.code === "insufficient_quota" || e.type === "insufficient_quota")) {
    // Waiting does not refill a quota: stop the run instead of hammering the endpoint.
    return make(tell("quota exhausted", "; add credit or raise the limit, then rerun"), {
      kind: "quota_exhausted",
      fatal: true,
    });
  }
  const retryAfterMs = serverWaitMs(e);
  const after = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 429) {
    return make(tell("rate limited"), { kind: "rate_limited", retryable: true, ...after });
  }
  if (status === 401 || status === 403) {
    return make(tell("the endpoint refused the API key", "; check OPENAI_API_KEY and the base URL"), {
      kind: "auth",
      fatal: true,
    });
  }
  // 408 and 409 are what OpenAI documents as "try again"; 5xx is the server's trouble, not ours.
  if (status === 408 || status === 409 || status >= 500) {
    return make(tell("server error"), { kind: "server_error", retryable: true, ...after });
  }
  const hint = status === 404 ? "; check the model name and that the base URL ends in /v1" : "";
  return make(tell("request rejected", hint), { kind: "bad_request" });
}

/** The wait an error answer asks for: retry-after-ms, retry-after, else "try again in Nms" in its message. */
function serverWaitMs(e: APIError): number | undefined {
  return parseRetryAfter(e.headers) ?? (e.status === 429 ? tryAgainMs(e.message) : undefined);
}

/**
 * A 400 saying the model does not take temperature or max_tokens, the way
 * OpenAI and Azure answer for reasoning models ("Unsupported parameter:
 * 'max_tokens' ...", "Unsupported value: 'temperature' does not support 0.2").
 * Other 400s (a bad role, a too-long prompt) must not trigger the resend.
 */
export function isParameterRejection(e: unknown): boolean {
  if (!(e instanceof APIError) || e.status !== 400) return false;
  if (e.param === "temperature" || e.param === "max_tokens") return true;
  return (
    /\b(temperature|max_tokens)\b/.test(e.message) &&
    /unsupported|not supported|does not support|only the default/i.test(e.message)
  );
}

/**
 * An endpoint without the route (404, 405, 501) or one that says it does not
 * support it (400 "not supported"): vLLM, Ollama, Databricks and Anthropic's
 * OpenAI-compatible API have no /moderations. A 404 for an unknown moderation
 * model reads the same; the report shows the endpoint's words either way.
 */
export function isUnsupportedAnswer(e: unknown): boolean {
  if (!(e instanceof APIError)) return false;
  if (e.status === 404 || e.status === 405 || e.status === 501) return true;
  return (
    e.status === 400 &&
    /not (be )?supported|unsupported|unknown (url|endpoint|route)|no route/i.test(e.message)
  );
}

type Body = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
type Message = OpenAI.Chat.ChatCompletionMessageParam;

/** Our turns in the API's shape: tool calls and tool results carry their ids; "" beside tool calls is null. */
function messageOf(m: ChatMessage): Message {
  if (m.role === "user" && m.parts) return { role: "user", content: m.parts };
  if (m.role === "tool") return { role: "tool", tool_call_id: m.tool_call_id ?? "", content: m.content };
  if (m.role === "assistant" && m.tool_calls?.length) {
    return {
      role: "assistant",
      content: m.content === "" ? null : m.content,
      tool_calls: m.tool_calls.map((c) => ({
        id: c.id,
        type: "function",
        function: { name: c.name, arguments: c.arguments },
      })),
    };
  }
  return { role: m.role, content: m.content };
}

/** tools, tool_choice and response_format as given: the prompt file's schema already checked their shape. */
function agentFields(request: ChatRequest): Partial<Body> {
  return {
    ...(request.tools ? { tools: request.tools } : {}),
    ...(request.tool_choice !== undefined ? { tool_choice: request.tool_choice } : {}),
    ...(request.response_format
      ? { response_format: request.response_format as unknown as NonNullable<Body["response_format"]> }
      : {}),
  };
}

function bodyFor(request: ChatRequest, reasoning: boolean, serviceTier?: string): Body {
  // The static prefix (tools, system, the prompt's fixed messages) comes first and is sent byte for
  // byte the same on every call, so the provider's prompt cache can serve it at the cached rate.
  const body: Body = {
    model: request.model,
    messages: request.messages.map(messageOf),
    ...agentFields(request),
  };
  if (serviceTier) body.service_tier = serviceTier as NonNullable<Body["service_tier"]>;
  if (!reasoning && request.temperature !== undefined) body.temperature = request.temperature;
  if (request.max_tokens !== undefined) {
    if (reasoning) body.max_completion_tokens = request.max_tokens;
    // Deprecated by OpenAI for its reasoning models, but what vLLM, Ollama and
    // most OpenAI-compatible servers still read.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    else body.max_tokens = request.max_tokens;
  }
  return body;
}

/** The chat body this provider would send first for `request`: what a batch line carries (src/scale). */
export function chatBodyOf(request: ChatRequest): Body {
  return bodyFor(request, REASONING.test(request.model));
}

/**
 * How calls go out: over the dispatcher pool, unless a fetch is given (a test's, one bound to a proxy)
 * or Node is told to send fetch through the environment's proxy (NODE_USE_ENV_PROXY, Node 24): then
 * through that fetch, or the global one, which honours the proxy.
 */
function transportOf(settings: OpenAISettings): { send: HttpSend; fetch: typeof globalThis.fetch } {
  const max = settings.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const given = settings.fetch ?? (process.env.NODE_USE_ENV_PROXY ? globalThis.fetch : undefined);
  if (given) return { send: fetchSend(given, max), fetch: limitResponseBytes(given, max) };
  const send = dispatcherSend({ connections: settings.connections ?? 64, maxResponseBytes: max });
  return { send, fetch: fetchOver(send) };
}

/** The SDK's reading of a JSON body that may be empty; anything else is handed back as text. */
function parseAnswer(status: number, headers: HeaderReader, text: string): unknown {
  if (status === 204) return null;
  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (!(mediaType?.includes("application/json") || mediaType?.endsWith("+json"))) return text;
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

/** The error the SDK would throw for a non-2xx answer, so errors map the same whichever path sent it. */
function statusError(status: number, headers: HeaderReader, text: string): APIError {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  const record = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : undefined;
  const error = record && record.error == null ? { error: record } : json;
  return APIError.generate(
    status,
    error as object | undefined,
    json ? undefined : text,
    headers as unknown as Headers,
  );
}

/** A live OpenAI-compatible endpoint. It never retries: withRetries decides. */
export function createOpenAIProvider(settings: OpenAISettings): Provider {
  const baseURL = settings.baseURL ?? DEFAULT_BASE_URL;
  const transport = transportOf(settings);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The SDK makes the calls that are few (moderations, embeddings); chat completions, thousands a
  // run, go out directly: the SDK's per-request work (options merging, header building, logging
  // formatted even when off, a second timer and abort controller) cost more CPU than the rest of
  // the engine together.
  const client = new OpenAI({
    // Ollama and vLLM on this machine take no key, but the SDK refuses an empty one.
    apiKey: settings.apiKey || (isLocalEndpoint(baseURL) ? LOCAL_NO_KEY : ""),
    baseURL,
    maxRetries: 0,
    timeout: timeoutMs,
    ...(settings.defaultHeaders ? { defaultHeaders: settings.defaultHeaders } : {}),
    fetch: transport.fetch,
  });
  const chatURL = client.buildURL("/chat/completions", undefined);
  // What the SDK sends, less its telemetry (x-stainless-*); the gateway's own headers last, as there.
  const chatHeaders: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "user-agent": `OpenAI/JS ${VERSION}`,
    ...(client.organization !== null ? { "openai-organization": client.organization } : {}),
    ...(client.project !== null ? { "openai-project": client.project } : {}),
    authorization: `Bearer ${client.apiKey}`,
  };
  for (const [name, value] of Object.entries(settings.defaultHeaders ?? {}))
    chatHeaders[name.toLowerCase()] = value;
  const now = settings.now ?? Date.now;
  const answerSecret = settings.apiKey === LOCAL_NO_KEY ? "" : settings.apiKey;
  /** Models that rejected temperature/max_tokens once: no more doomed first tries for the rest of the run. */
  const reasoningModels = new Set<string>();

  /** One chat call: the parsed answer and its headers, or the error the SDK would have thrown. */
  async function exchange(
    body: Body,
    signal: AbortSignal | undefined,
  ): Promise<{ data: unknown; headers: HeaderReader }> {
    let answer;
    try {
      answer = await transport.send(
        { url: chatURL, method: "POST", headers: chatHeaders, body: JSON.stringify(body) },
        { signal, timeoutMs },
      );
    } catch (e) {
      if (e instanceof CallTimedOut) throw new APIConnectionTimeoutError();
      if (signal?.aborted) throw new APIUserAbortError();
      if (e instanceof AnswerTooLarge) throw e;
      throw new APIConnectionError({ cause: e instanceof Error ? e : new Error(String(e)) });
    }
    const { status, headers, text } = answer;
    if (status < 200 || status >= 300) throw statusError(status, headers, text);
    return { data: parseAnswer(status, headers, text), headers };
  }

  const pacer = settings.pacer;
  /** One HTTP call, paced: the pacer hears every answer, including failures, or its lane would stall. */
  async function paced(body: Body, tokens: number, signal: AbortSignal | undefined): Promise<unknown> {
    if (!pacer) return (await exchange(body, signal)).data;
    const ticket: Ticket = await pacer.before(body.model, tokens, signal);
    try {
      const { data, headers } = await exchange(body, signal);
      pacer.after(ticket, headers);
      return data;
    } catch (e) {
      const err = e instanceof APIError ? (e as APIError) : undefined;
      if (err?.status === 429 && err.code !== "insufficient_quota") {
        const waitMs = serverWaitMs(err);
        pacer.after(ticket, err.headers, {
          ...(waitMs !== undefined ? { waitMs } : {}),
          message: err.message,
        });
      } else pacer.after(ticket, err?.headers);
      throw e;
    }
  }

  async function send(request: ChatRequest, signal: AbortSignal | undefined): Promise<unknown> {
    const tokens = pacer ? estimateRequestTokens(request) : 0;
    const call = (reasoning: boolean): Promise<unknown> =>
      paced(bodyFor(request, reasoning, settings.serviceTier), tokens, signal);
    const reasoning = REASONING.test(request.model) || reasoningModels.has(request.model);
    try {
      return await call(reasoning);
    } catch (e) {
      if (reasoning || !isParameterRejection(e)) throw e;
      reasoningModels.add(request.model);
      return await call(true);
    }
  }

  const signalOf = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal ? { signal } : {});

  /** A call to /moderations or /embeddings: errors mapped as for chat, a missing route as "unsupported". */
  async function other<T>(
    what: string,
    options: CallOptions,
    call: (signal: AbortSignal | undefined) => Promise<unknown>,
    read: (r: unknown, ms: number) => T,
  ): Promise<T> {
    const started = now();
    let response: unknown;
    try {
      response = await withCallSignal(options.signal, call);
    } catch (e) {
      const mapped = toProviderError(e, settings.apiKey);
      if (isUnsupportedAnswer(e)) throw unsupported(what, `${hostOf(baseURL)} answered: ${mapped.message}`);
      throw mapped;
    }
    return read(response, Math.max(0, now() - started));
  }

  return {
    id: `openai:${hostOf(baseURL)}`,
    moderate: (request, options = {}): Promise<Moderation> =>
      other(
        "moderation",
        options,
        (signal) =>
          client.moderations.create({ model: request.model, input: request.input }, signalOf(signal)),
        moderationOfAnswer,
      ),
    embed: (request, options = {}): Promise<Embeddings> =>
      other(
        "embeddings",
        options,
        (signal) =>
          client.embeddings.create(
            { model: request.model, input: request.input, encoding_format: "float" },
            signalOf(signal),
          ),
        (r, ms) => embeddingsOfAnswer(r, request.input, ms),
      ),
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const started = now();
      let response: unknown;
      try {
        response = await withCallSignal(options.signal, (signal) => send(request, signal));
      } catch (e) {
        throw toProviderError(e, settings.apiKey);
      }
      return completionOfResponse(response, request, answerSecret, Math.max(0, now() - started));
    },
  };
}

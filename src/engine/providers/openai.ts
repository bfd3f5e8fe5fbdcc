import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { UserError } from "../../errors.js";
import type { ChatRequest } from "../request.js";
import { estimateTokens } from "./mock.js";
import { ProviderError, type CallOptions, type Completion, type Provider } from "./types.js";

/**
 * The only module that imports `openai`. Any OpenAI-compatible endpoint works
 * through baseURL: OpenAI, Azure OpenAI (its v1 endpoint,
 * https://<resource>.openai.azure.com/openai/v1/), Databricks serving endpoints
 * (https://<workspace>/serving-endpoints), vLLM and Ollama (http://host:11434/v1).
 */
export interface OpenAISettings {
  apiKey: string;
  baseURL?: string;
  timeoutMs?: number;
  now?: () => number;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Key and base URL: flags first, then the standard environment variables. Never from repository files. */
export function resolveOpenAISettings(
  env: Readonly<Record<string, string | undefined>>,
  flags: { apiKey?: string; baseUrl?: string },
): { apiKey: string; baseURL: string } {
  const apiKey = flags.apiKey ?? env.OPENAI_API_KEY ?? "";
  if (!apiKey) {
    throw new UserError(
      "no API key for the openai provider",
      {},
      "set OPENAI_API_KEY (or the action's api-key input), or use --provider replay with recorded responses",
    );
  }
  const baseURL = flags.baseUrl ?? env.OPENAI_BASE_URL ?? DEFAULT_BASE_URL;
  try {
    new URL(baseURL);
  } catch {
    throw new UserError(
      `"${baseURL}" is not a valid base URL`,
      {},
      "use the endpoint's full URL, e.g. https://api.openai.com/v1",
    );
  }
  return { apiKey, baseURL };
}

/** Reasoning models reject temperature and want max_completion_tokens. */
const REASONING = /^(o\d|gpt-5)/;

export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return "unknown";
  }
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers?.get("retry-after");
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function scrub(message: string, secret: string): string {
  return secret ? message.split(secret).join("***") : message;
}

/** Maps SDK errors onto our kinds: what to retry, what stops the run, what fails one example. */
export function toProviderError(e: unknown, apiKey: string): ProviderError {
  if (e instanceof ProviderError) return e;
  const msg = (text: string): string => scrub(text, apiKey).slice(0, 500);
  if (e instanceof APIUserAbortError) return new ProviderError("the call was aborted", { kind: "aborted" });
  if (e instanceof APIConnectionTimeoutError)
    return new ProviderError("the call timed out", { kind: "timeout", retryable: true });
  if (e instanceof APIConnectionError) {
    return new ProviderError(msg(`connection failed: ${e.message}`), { kind: "connection", retryable: true });
  }
  if (e instanceof APIError) {
    return fromApiError(e as APIError, msg);
  }
  if (e instanceof SyntaxError)
    return new ProviderError(msg(`malformed response: ${e.message}`), {
      kind: "bad_response",
      retryable: true,
    });
  if (e instanceof Error && e.name === "AbortError")
    return new ProviderError("the call was aborted", { kind: "aborted" });
  return new ProviderError(msg(e instanceof Error ? e.message : String(e)), { kind: "internal" });
}

function fromApiError(e: APIError, msg: (text: string) => string): ProviderError {
  const status = e.status ?? 0;
  const code = `${e.code ?? ""} ${e.type ?? ""}`;
  if (status === 429 && /insufficient_quota|quota/i.test(`${code} ${e.message}`)) {
    return new ProviderError(msg(`quota exhausted: ${e.message}`), {
      kind: "quota_exhausted",
      fatal: true,
    });
  }
  if (status === 429) {
    const after = retryAfterMs(e.headers);
    return new ProviderError(msg(`rate limited (429): ${e.message}`), {
      kind: "rate_limited",
      retryable: true,
      ...(after !== undefined ? { retryAfterMs: after } : {}),
    });
  }
  if (status === 401 || status === 403) {
    return new ProviderError(msg(`the endpoint refused the API key (${status}): ${e.message}`), {
      kind: "auth",
      fatal: true,
    });
  }
  if (status === 408 || status === 409 || status >= 500) {
    const after = retryAfterMs(e.headers);
    return new ProviderError(msg(`server error (${status}): ${e.message}`), {
      kind: "server_error",
      retryable: true,
      ...(after !== undefined ? { retryAfterMs: after } : {}),
    });
  }
  return new ProviderError(msg(`request rejected (${status}): ${e.message}`), { kind: "bad_request" });
}

function isParameterRejection(e: unknown): boolean {
  return e instanceof APIError && e.status === 400 && /temperature|max_tokens|unsupported/i.test(e.message);
}

export function createOpenAIProvider(settings: OpenAISettings): Provider {
  const baseURL = settings.baseURL ?? DEFAULT_BASE_URL;
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL,
    maxRetries: 0,
    timeout: settings.timeoutMs ?? 60_000,
  });
  const now = settings.now ?? Date.now;
  /** Models that rejected temperature/max_tokens once; we stop sending them for the rest of the run. */
  const reasoningModels = new Set<string>();

  const body = (
    request: ChatRequest,
    reasoning: boolean,
  ): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming => ({
    model: request.model,
    messages: request.messages,
    ...(!reasoning && request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.max_tokens !== undefined
      ? reasoning
        ? { max_completion_tokens: request.max_tokens }
        : // Deprecated by OpenAI for its own reasoning models, but what vLLM, Ollama and most
          // OpenAI-compatible servers still read.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          { max_tokens: request.max_tokens }
      : {}),
  });

  return {
    id: `openai:${hostOf(baseURL)}`,
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const started = now();
      const send = (reasoning: boolean) =>
        client.chat.completions.create(
          body(request, reasoning),
          options.signal ? { signal: options.signal } : {},
        );
      let response;
      try {
        const reasoning = REASONING.test(request.model) || reasoningModels.has(request.model);
        try {
          response = await send(reasoning);
        } catch (e) {
          if (reasoning || !isParameterRejection(e)) throw e;
          reasoningModels.add(request.model);
          response = await send(true);
        }
      } catch (e) {
        throw toProviderError(e, settings.apiKey);
      }
      const text = response.choices?.[0]?.message?.content;
      if (typeof text !== "string") {
        throw new ProviderError("the response has no message content", {
          kind: "bad_response",
          retryable: true,
        });
      }
      const promptTokens = request.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
      return {
        text,
        usage: {
          prompt_tokens: response.usage?.prompt_tokens ?? promptTokens,
          completion_tokens: response.usage?.completion_tokens ?? estimateTokens(text),
        },
        latencyMs: now() - started,
        cached: false,
      };
    },
  };
}

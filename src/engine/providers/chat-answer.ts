import type { ChatRequest, ToolCall } from "../request.js";
import { asRecord, quote } from "./error-text.js";
import { scrubSecrets } from "../../secrets.js";
import { estimateMessageTokens, estimateTokens } from "./mock.js";
import { ProviderError, type Completion } from "./types.js";

/* Reading a chat-completions answer: nothing about its shape is trusted. */

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * The answer text of a parsed response, or undefined when there is none. The
 * SDK hands back whatever the body parsed to (undefined for an empty body, a
 * string for a non-JSON content type), so nothing about its shape is trusted.
 */
export function answerOf(response: unknown): string | undefined {
  const r = asRecord(response);
  const choices = Array.isArray(r.choices) ? (r.choices as unknown[]) : [];
  const message = asRecord(asRecord(choices[0]).message);
  if (typeof message.content === "string") return message.content;
  // A refusal is the model's answer to this prompt: scoring it is more honest than an error.
  if (typeof message.refusal === "string") return message.refusal;
  return undefined;
}

/** The function calls of choices[0].message; malformed entries are dropped, so none is trusted blindly. */
export function toolCallsOf(response: unknown): ToolCall[] {
  const choices = asRecord(response).choices;
  const message = asRecord(Array.isArray(choices) ? asRecord(choices[0]).message : undefined);
  const calls = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
  return calls.flatMap((raw, i) => {
    const call = asRecord(raw);
    const fn = asRecord(call.function);
    if (typeof fn.name !== "string" || fn.name === "") return [];
    const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return [{ id: typeof call.id === "string" ? call.id : `call_${i + 1}`, name: fn.name, arguments: args }];
  });
}

/** Why a 200 carried no answer, in the server's words when it gave some (some gateways send 200 + error). */
export function missingAnswer(response: unknown, apiKey: string): ProviderError {
  const said = asRecord(asRecord(response).error).message;
  const why = typeof said === "string" ? `: ${quote(said, apiKey)}` : "";
  return new ProviderError(`the endpoint's answer has no message content${why}`, {
    kind: "bad_response",
    retryable: true,
  });
}

/** choices[0].finish_reason when it is a short token ("stop", "length"); a server's oddity is dropped. */
export function finishReasonOf(response: unknown): string | undefined {
  const choices = asRecord(response).choices;
  const reason = Array.isArray(choices) ? asRecord(choices[0]).finish_reason : undefined;
  return typeof reason === "string" && /^[a-z_]{1,32}$/.test(reason) ? reason : undefined;
}

/** Token counts as reported, else estimated: budgets need a number either way. */
export function usageOf(response: unknown, request: ChatRequest, text: string): Completion["usage"] {
  const reported = asRecord(asRecord(response).usage);
  const cached = asRecord(reported.prompt_tokens_details).cached_tokens;
  return {
    prompt_tokens: isCount(reported.prompt_tokens)
      ? reported.prompt_tokens
      : request.messages.reduce((n, m) => n + estimateMessageTokens(m), 0),
    completion_tokens: isCount(reported.completion_tokens)
      ? reported.completion_tokens
      : estimateTokens(text),
    ...(isCount(cached) && cached > 0 && isCount(reported.prompt_tokens)
      ? { cached_tokens: Math.min(cached, reported.prompt_tokens) }
      : {}),
  };
}

/**
 * A chat-completions response body as a Completion, the same whether it came back from a live call or a
 * batch's output file. An answer can echo the key (a model or gateway told to repeat its headers): it is
 * masked here, so the cache, the judge, the results and every report only ever see the masked text.
 */
export function completionOfResponse(
  response: unknown,
  request: ChatRequest,
  secret: string,
  latencyMs: number,
): Completion {
  const toolCalls = toolCallsOf(response);
  const answer = answerOf(response) ?? (toolCalls.length > 0 ? "" : undefined);
  if (answer === undefined) throw missingAnswer(response, secret);
  const text = secret ? scrubSecrets(answer, [secret]) : answer;
  const finishReason = finishReasonOf(response);
  return {
    text,
    usage: usageOf(response, request, text),
    latencyMs,
    cached: false,
    ...(finishReason ? { finishReason } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
  };
}

import { createHash } from "node:crypto";
import { completionOfResponse } from "../engine/providers/chat-answer.js";
import { moderationKey } from "../engine/providers/keys.js";
import { embeddingsOfAnswer, moderationOfAnswer } from "../engine/providers/model-answers.js";
import { chatBodyOf } from "../engine/providers/openai.js";
import type {
  CallOptions,
  Completion,
  EmbeddingRequest,
  Embeddings,
  Moderation,
  ModerationRequest,
  Provider,
} from "../engine/providers/types.js";
import { canonicalJson, requestKey, type ChatRequest } from "../engine/request.js";
import type { BatchEndpoint } from "./batch-api.js";
import type { BatchQueue } from "./batch-queue.js";

/*
 * A Provider whose calls go through the Batch API. The runner, the cache in
 * front of it, judges, budgets and agent loops see ordinary calls that take
 * long; each round of calls (answers, then judges) is one more batch.
 */

export interface BatchProviderOptions {
  queue: BatchQueue;
  /** Ordinary calls (with retries) for what a batch does not answer. */
  fallback: Provider;
  /** Masked in answers, as the live provider does. */
  apiKey?: string;
  now?: () => number;
}

export function createBatchProvider(opts: BatchProviderOptions): Provider {
  const now = opts.now ?? Date.now;
  const secret = opts.apiKey ?? "";

  /** Queues one call; `read` turns the line's answer body into the result, or throws and the call falls back. */
  function viaBatch<T>(
    endpoint: BatchEndpoint,
    customId: string,
    body: unknown,
    inputs: number,
    options: CallOptions,
    read: (body: unknown, latencyMs: number) => T,
    ordinary: () => Promise<T>,
  ): Promise<T> {
    const started = now();
    return new Promise<T>((resolve, reject) => {
      const fallback = (): Promise<void> => ordinary().then(resolve, reject);
      opts.queue.enqueue(
        { endpoint, customId, body, inputs, signal: options.signal },
        {
          deliver: (answer) => {
            let value: T;
            try {
              value = read(answer, Math.max(0, now() - started));
            } catch {
              // A line that does not read as an answer is retried as an ordinary call, never lost.
              void fallback();
              return;
            }
            resolve(value);
          },
          fallback,
          fail: reject,
        },
      );
    });
  }

  const moderate = opts.fallback.moderate?.bind(opts.fallback);
  const embed = opts.fallback.embed?.bind(opts.fallback);

  return {
    id: `${opts.fallback.id}+batch`,
    complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      return viaBatch(
        "/v1/chat/completions",
        requestKey(request, options.repeat ?? 0),
        chatBodyOf(request),
        0,
        options,
        (body, latencyMs) => completionOfResponse(body, request, secret, latencyMs),
        () => opts.fallback.complete(request, options),
      );
    },
    ...(moderate
      ? {
          moderate: (request: ModerationRequest, options: CallOptions = {}): Promise<Moderation> =>
            viaBatch(
              "/v1/moderations",
              moderationKey(request.model, request.input),
              { model: request.model, input: request.input },
              0,
              options,
              moderationOfAnswer,
              () => moderate(request, options),
            ),
        }
      : {}),
    ...(embed
      ? {
          embed: (request: EmbeddingRequest, options: CallOptions = {}): Promise<Embeddings> =>
            viaBatch(
              "/v1/embeddings",
              createHash("sha256")
                .update(canonicalJson({ embeddings: { model: request.model, input: request.input } }))
                .digest("hex"),
              { model: request.model, input: request.input, encoding_format: "float" },
              request.input.length,
              options,
              (body, latencyMs) => embeddingsOfAnswer(body, request.input, latencyMs),
              () => embed(request, options),
            ),
        }
      : {}),
  };
}

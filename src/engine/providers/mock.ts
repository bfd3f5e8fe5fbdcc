import { mockFinalText, mockToolCalls } from "../../agent/mock-tools.js";
import { JUDGE_SYSTEM } from "../judge.js";
import { contentChars, requestKey, type ChatMessage, type ChatRequest } from "../request.js";
import { mockEmbeddings, mockModeration } from "./mock-models.js";
import type { CallOptions, Completion, Provider } from "./types.js";

export type MockResponder = (request: ChatRequest, options: CallOptions) => string | Promise<string>;

/** Rough token count (4 characters a token), good enough for a test double. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A turn's tokens on the same rough count, an image or audio part counted as contentChars does. */
export function estimateMessageTokens(m: ChatMessage): number {
  return Math.ceil(contentChars(m) / 4);
}

/** Default answer: the last user message's first line, so outputs depend on the request and never on chance. */
const echo: MockResponder = (request) => {
  const last = [...request.messages].reverse().find((m) => m.role === "user");
  const firstLine = (last?.content ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  return `mock answer to: ${firstLine.slice(0, 200)}`;
};

/**
 * Judge requests get a valid verdict (a score of 3 to 5 drawn from the request's
 * hash), so judged criteria run offline; everything else gets the echo.
 */
const echoOrJudge: MockResponder = (request, options) => {
  if (request.messages[0]?.role === "system" && request.messages[0].content === JUDGE_SYSTEM) {
    const score = 3 + (parseInt(requestKey(request, options.repeat ?? 0).slice(0, 4), 16) % 3);
    return JSON.stringify({ score, reason: "mock judge" });
  }
  return echo(request, options);
};

/**
 * A deterministic provider for tests and dry runs. Moderation flags only texts
 * with an `[unsafe]` marker; embeddings are hashed bags of words (mock-models.ts).
 */
export function createMockProvider(responder: MockResponder = echoOrJudge): Provider {
  return {
    id: "mock",
    moderate: (request) => Promise.resolve(mockModeration(request)),
    embed: (request) => Promise.resolve(mockEmbeddings(request)),
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      // Tool-bearing requests get the mock agent (unless a test brought its own responder).
      const toolCalls = responder === echoOrJudge ? mockToolCalls(request) : [];
      const text =
        toolCalls.length > 0
          ? ""
          : ((responder === echoOrJudge ? mockFinalText(request) : undefined) ??
            (await responder(request, options)));
      const promptTokens = request.messages.reduce((n, m) => n + estimateMessageTokens(m), 0);
      // A latency derived from the key keeps latency-based criteria reproducible.
      const latencyMs = 50 + (parseInt(requestKey(request, options.repeat ?? 0).slice(0, 4), 16) % 200);
      return {
        text,
        usage: { prompt_tokens: promptTokens, completion_tokens: estimateTokens(text) },
        latencyMs,
        cached: false,
        ...(toolCalls.length > 0 ? { toolCalls } : {}),
      };
    },
  };
}

import { requestKey, type ChatRequest } from "../request.js";
import type { CallOptions, Completion, Provider } from "./types.js";

export type MockResponder = (request: ChatRequest, options: CallOptions) => string | Promise<string>;

/** Rough token count (4 characters a token), good enough for a test double. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Default answer: the last user message's first line, so outputs depend on the request and never on chance. */
const echo: MockResponder = (request) => {
  const last = [...request.messages].reverse().find((m) => m.role === "user");
  const firstLine = (last?.content ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  return `mock answer to: ${firstLine.slice(0, 200)}`;
};

/** A deterministic provider for tests and dry runs. */
export function createMockProvider(responder: MockResponder = echo): Provider {
  return {
    id: "mock",
    async complete(request: ChatRequest, options: CallOptions = {}): Promise<Completion> {
      const text = await responder(request, options);
      const promptTokens = request.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
      // A latency derived from the key keeps latency-based criteria reproducible.
      const latencyMs = 50 + (parseInt(requestKey(request, options.repeat ?? 0).slice(0, 4), 16) % 200);
      return {
        text,
        usage: { prompt_tokens: promptTokens, completion_tokens: estimateTokens(text) },
        latencyMs,
        cached: false,
      };
    },
  };
}

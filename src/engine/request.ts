import { createHash } from "node:crypto";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** What we send to a chat-completions endpoint, minus transport details. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
}

/** JSON with keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Content address of one model call: the same request and repeat index always
 * give the same key. Recordings are keyed by this; the response cache adds the
 * endpoint on top so two servers serving "the same" model never share entries.
 */
export function requestKey(request: ChatRequest, repeat = 0): string {
  return createHash("sha256").update(canonicalJson({ request, repeat })).digest("hex");
}

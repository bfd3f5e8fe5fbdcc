import { createHash } from "node:crypto";

/** A function call the model asked for; `arguments` is the JSON text the model wrote. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * One turn. Content is always a string ("" for an assistant turn that only calls tools), so
 * every reader can count and hash it; the provider maps "" with tool calls onto the API's null.
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  /** assistant: the calls it made. */
  tool_calls?: ToolCall[];
  /** tool: the call this message answers. */
  tool_call_id?: string;
}

/** A function tool as the chat-completions API takes it. */
export interface ToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

/** What we send to a chat-completions endpoint, minus transport details. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  /** Absent for a prompt without tools, so requests (and their keys) of such prompts are as before. */
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  /** Passed through as given (structured outputs: `{type: json_schema, json_schema: {...}}`). */
  response_format?: Record<string, unknown>;
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

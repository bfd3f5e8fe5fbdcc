import { createHash } from "node:crypto";

/** A function call the model asked for; `arguments` is the JSON text the model wrote. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A part of a user turn in the chat-completions form: text, an image (URL or data URL) or audio. */
export type ContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string; detail?: "auto" | "low" | "high" } }
  | { type: "input_audio"; input_audio: { data: string; format: "wav" | "mp3" } };

/**
 * An image counts as this many prompt tokens in every estimate made before a call: the most
 * OpenAI's models bill for one image (1,536 patches at gpt-4.1-mini's 1.62 multiplier), so budgets
 * and rate limits reserve enough whatever the picture's size.
 */
export const IMAGE_TOKENS_BOUND = 2_500;

/**
 * One turn. Content is always a string ("" for an assistant turn that only calls tools), so
 * every reader can count, quote and hash it; the provider maps "" with tool calls onto the API's
 * null. A user turn that shows the model an image or audio also has `parts`, which is what the
 * provider sends; its `content` is then the text of those parts (`partsText`).
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  /** user: the turn as content parts (text, images, audio), sent in place of `content`. */
  parts?: ContentPart[];
  /** assistant: the calls it made. */
  tool_calls?: ToolCall[];
  /** tool: the call this message answers. */
  tool_call_id?: string;
}

/** The text of a turn made of parts, as a reader sees it: its text parts joined by blank lines. */
export function partsText(parts: readonly ContentPart[]): string {
  return parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("\n\n");
}

/**
 * Characters a turn stands for in estimates made before a call (about 4 a token): its text, an
 * image as IMAGE_TOKENS_BOUND tokens, audio as its base64 text (far above what audio bills, which
 * errs on the side of reserving too much).
 */
export function contentChars(message: ChatMessage): number {
  if (!message.parts) return message.content.length;
  let chars = 0;
  for (const p of message.parts) {
    if (p.type === "text") chars += p.text.length;
    else if (p.type === "image_url") chars += 4 * IMAGE_TOKENS_BOUND;
    else chars += p.input_audio.data.length;
  }
  return chars;
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

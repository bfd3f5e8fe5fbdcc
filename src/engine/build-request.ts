import { toolFields } from "../agent/tools.js";
import type { LoadedExample } from "../config/load.js";
import type { ContentPartTemplate, PromptFile } from "../config/schema.js";
import { renderTemplate } from "../config/template.js";
import { UserError } from "../errors.js";
import { partsText, type ChatMessage, type ChatRequest, type ContentPart } from "./request.js";

const ROLES = new Set(["system", "user", "assistant"]);

/** An example's `input.messages`, the conversation so far: data, never rendered. */
function conversationSoFar(example: LoadedExample, evalSetFile?: string): ChatMessage[] {
  const raw = example.input.messages;
  if (raw === undefined) return [];
  const where = {
    ...(evalSetFile ? { file: evalSetFile } : {}),
    line: example.line,
    field: "input.messages",
  };
  const fix = 'give a list of {"role": "user" | "assistant" | "system", "content": "…"}';
  if (!Array.isArray(raw))
    throw new UserError(`example "${example.id}": input.messages is not a list`, where, fix);
  return raw.map((m: unknown, i) => {
    const r = m !== null && typeof m === "object" ? (m as Record<string, unknown>) : {};
    if (typeof r.role !== "string" || !ROLES.has(r.role) || typeof r.content !== "string") {
      throw new UserError(
        `example "${example.id}": input.messages[${i}] is not a {role, content} turn`,
        { ...where, field: `input.messages[${i}]` },
        fix,
      );
    }
    return { role: r.role as ChatMessage["role"], content: r.content };
  });
}

function renderPart(
  part: ContentPartTemplate,
  input: Readonly<Record<string, unknown>>,
  where: Parameters<typeof renderTemplate>[2],
): ContentPart {
  const fill = (t: string): string => renderTemplate(t, input, where);
  if (part.type === "text") return { type: "text", text: fill(part.text) };
  if (part.type === "image_url") {
    const { detail } = part.image_url;
    return { type: "image_url", image_url: { url: fill(part.image_url.url), ...(detail ? { detail } : {}) } };
  }
  return {
    type: "input_audio",
    input_audio: { data: fill(part.input_audio.data), format: part.input_audio.format },
  };
}

/**
 * The chat request a prompt version sends for one example: system, the prompt's messages, the
 * example's conversation so far, then the final user turn (template).
 */
export function buildRequest(prompt: PromptFile, example: LoadedExample, evalSetFile?: string): ChatRequest {
  const where = { exampleId: example.id, line: example.line, ...(evalSetFile ? { file: evalSetFile } : {}) };
  const messages: ChatMessage[] = [];
  if (prompt.system)
    messages.push({ role: "system", content: renderTemplate(prompt.system, example.input, where) });
  for (const m of prompt.messages ?? []) {
    if (typeof m.content === "string") {
      messages.push({ role: m.role, content: renderTemplate(m.content, example.input, where) });
    } else {
      const parts = m.content.map((p) => renderPart(p, example.input, where));
      messages.push({ role: m.role, content: partsText(parts), parts });
    }
  }
  messages.push(...conversationSoFar(example, evalSetFile));
  if (prompt.template !== undefined)
    messages.push({ role: "user", content: renderTemplate(prompt.template, example.input, where) });
  return {
    model: prompt.model,
    messages,
    ...(prompt.temperature !== undefined ? { temperature: prompt.temperature } : {}),
    ...(prompt.max_tokens !== undefined ? { max_tokens: prompt.max_tokens } : {}),
    ...toolFields(prompt),
    ...(prompt.response_format !== undefined ? { response_format: prompt.response_format } : {}),
  };
}

import { toolFields } from "../agent/tools.js";
import type { LoadedExample } from "../config/load.js";
import type { PromptFile } from "../config/schema.js";
import { mapContentTemplates, renderTemplate } from "../config/template.js";
import { UserError } from "../errors.js";
import { partsText, type ChatMessage, type ChatRequest } from "./request.js";

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
    const content = mapContentTemplates(m.content, (t) => renderTemplate(t, example.input, where));
    messages.push(
      typeof content === "string"
        ? { role: m.role, content }
        : { role: m.role, content: partsText(content), parts: content },
    );
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

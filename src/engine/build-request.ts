import type { LoadedExample } from "../config/load.js";
import type { PromptFile } from "../config/schema.js";
import { renderTemplate } from "../config/template.js";
import type { ChatMessage, ChatRequest } from "./request.js";

/** The chat request a prompt version sends for one example. */
export function buildRequest(prompt: PromptFile, example: LoadedExample, evalSetFile?: string): ChatRequest {
  const where = { exampleId: example.id, line: example.line, ...(evalSetFile ? { file: evalSetFile } : {}) };
  const messages: ChatMessage[] = [];
  if (prompt.system)
    messages.push({ role: "system", content: renderTemplate(prompt.system, example.input, where) });
  messages.push({ role: "user", content: renderTemplate(prompt.template, example.input, where) });
  return {
    model: prompt.model,
    messages,
    ...(prompt.temperature !== undefined ? { temperature: prompt.temperature } : {}),
    ...(prompt.max_tokens !== undefined ? { max_tokens: prompt.max_tokens } : {}),
  };
}

import type { PromptFile, ToolSpec } from "../config/schema.js";
import type { ToolChoice, ToolDefinition } from "../engine/request.js";

/** The long form the API takes, whichever form the prompt file used. */
export function toolDefinition(spec: ToolSpec): ToolDefinition {
  const f = "function" in spec ? spec.function : spec;
  return {
    type: "function",
    function: {
      name: f.name,
      ...(f.description !== undefined ? { description: f.description } : {}),
      ...(f.parameters !== undefined ? { parameters: f.parameters } : {}),
      ...(f.strict !== undefined ? { strict: f.strict } : {}),
    },
  };
}

/** `tool_choice` as the API takes it: a tool name becomes `{type: function, function: {name}}`. */
export function toolChoiceOf(choice: NonNullable<PromptFile["tool_choice"]>): ToolChoice {
  if (choice === "auto" || choice === "none" || choice === "required") return choice;
  return { type: "function", function: { name: choice } };
}

/** Tool fields of a request, present only when the prompt declares tools (so other requests keep their keys). */
export function toolFields(prompt: PromptFile): { tools?: ToolDefinition[]; tool_choice?: ToolChoice } {
  if (!prompt.tools) return {};
  return {
    tools: prompt.tools.map(toolDefinition),
    ...(prompt.tool_choice !== undefined ? { tool_choice: toolChoiceOf(prompt.tool_choice) } : {}),
  };
}

/** Declared tool name -> its parameters schema (undefined when it declares none). */
export function declaredTools(
  tools: readonly ToolDefinition[] | undefined,
): Map<string, Record<string, unknown> | undefined> {
  return new Map((tools ?? []).map((t) => [t.function.name, t.function.parameters]));
}

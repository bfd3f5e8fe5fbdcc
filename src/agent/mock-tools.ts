import type { ChatRequest, ToolCall, ToolDefinition } from "../engine/request.js";

/*
 * The mock provider's agent: deterministic tool calls for tests and offline dry runs. It calls
 * one tool (tool_choice's, else the first declared) with arguments made from the schema, and
 * answers in text once a tool result is in the conversation.
 */

/** A value of the schema's type: its enum's first value, else "mock" / 0 / false / [] / an object. */
function placeholder(schema: unknown): unknown {
  const s = schema !== null && typeof schema === "object" ? (schema as Record<string, unknown>) : {};
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if ("const" in s) return s.const;
  const type = Array.isArray(s.type) ? (s.type as unknown[])[0] : s.type;
  switch (type) {
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return argumentsFor(s);
    case "null":
      return null;
    default:
      return "mock";
  }
}

/** Every required property (all properties when none is marked required), with a placeholder value. */
function argumentsFor(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const props = schema?.properties;
  if (props === null || typeof props !== "object") return {};
  const all = Object.keys(props);
  const required = Array.isArray(schema?.required) ? (schema.required as unknown[]) : all;
  const out: Record<string, unknown> = {};
  for (const k of all) if (required.includes(k)) out[k] = placeholder((props as Record<string, unknown>)[k]);
  return out;
}

function chosenTool(request: ChatRequest): ToolDefinition | undefined {
  const choice = request.tool_choice;
  if (choice === "none") return undefined;
  const tools = request.tools ?? [];
  if (choice !== undefined && typeof choice === "object")
    return tools.find((t) => t.function.name === choice.function.name);
  return tools[0];
}

/** The mock's tool calls for a request; none once a tool has answered (or when it has no tools). */
export function mockToolCalls(request: ChatRequest): ToolCall[] {
  if (request.messages.some((m) => m.role === "tool")) return [];
  const tool = chosenTool(request);
  if (!tool) return [];
  return [
    {
      id: "call_mock_1",
      name: tool.function.name,
      arguments: JSON.stringify(argumentsFor(tool.function.parameters)),
    },
  ];
}

/** The mock's final text after tool results: names the results it saw, so outputs depend on the fixtures. */
export function mockFinalText(request: ChatRequest): string | undefined {
  const results = request.messages.filter((m) => m.role === "tool");
  if (results.length === 0) return undefined;
  const last = results.at(-1)?.content ?? "";
  return `mock answer after ${results.length} tool result(s): ${last.slice(0, 200)}`;
}

import type { ImportNotes } from "./notes.js";
import { providerModel } from "./promptfoo-assertions.js";
import { isMap } from "./json-file.js";

export interface ModelSettings {
  label: string;
  model: string;
  temperature?: number;
  max_tokens?: number;
  /** Function tools, as promptfoo's OpenAI provider takes them (the prompt file accepts the same shape). */
  tools?: unknown[];
  tool_choice?: string;
  /** The prompts this provider runs (its `prompts:`), when it restricts them. */
  prompts?: string[];
  /**
   * A Google provider (`google:`, `vertex:`): promptfoo sends a text line that is a base64 image var
   * as an inline image (src/providers/google/util.ts, processImagesInContents).
   */
  inlinesImages?: true;
}

const OPENAI_COMPATIBLE = new Set(["openai", "azure", "azureopenai"]);
const CUSTOM = /^(file:\/\/|python:|exec:|golang:|ruby:|http:|https:|webhook:|echo$|sequence$|browser$|mcp$)/;

type Raw = Record<string, unknown>;

/** One function tool in OpenAI's chat form, keeping only the fields it has (strict included). */
function fn(name: unknown, description: unknown, parameters: unknown, strict: unknown): Raw | undefined {
  if (typeof name !== "string") return undefined;
  return {
    type: "function",
    function: {
      name,
      ...(typeof description === "string" ? { description } : {}),
      ...(isMap(parameters) ? { parameters } : {}),
      ...(typeof strict === "boolean" ? { strict } : {}),
    },
  };
}

/**
 * A provider's tools in OpenAI's chat-completions form: OpenAI's own (`{type: function, function}`),
 * Anthropic's (`{name, input_schema}`), Gemini's (`{functionDeclarations: [...]}`) and the Responses
 * API's (`{type: function, name, parameters}`) are converted; others (built-in tools, MCP) are listed.
 */
export function openAiTools(tools: readonly unknown[], where: string, notes: ImportNotes): Raw[] {
  const out: Raw[] = [];
  tools.forEach((t, i) => {
    const at = `${where}[${i}]`;
    if (!isMap(t)) return notes.skip(at, "tool", "not a mapping");
    if (isMap(t.function)) {
      const f = t.function;
      const tool = fn(f.name, f.description, f.parameters, f.strict);
      return tool ? void out.push(tool) : notes.skip(at, "tool", "a function without a name");
    }
    const declarations = t.functionDeclarations ?? t.function_declarations;
    if (Array.isArray(declarations)) {
      for (const d of declarations) {
        const tool = isMap(d) ? fn(d.name, d.description, d.parameters, undefined) : undefined;
        if (tool) out.push(tool);
        else notes.skip(at, "tool", "a Gemini function declaration without a name");
      }
      return;
    }
    if (t.type === "function" || t.type === undefined) {
      const tool =
        "input_schema" in t
          ? fn(t.name, t.description, t.input_schema, t.strict)
          : fn(t.name, t.description, t.parameters, t.strict);
      if (tool) return void out.push(tool);
    }
    const kind = typeof t.type === "string" ? t.type : Object.keys(t).join(", ");
    notes.skip(
      at,
      `tool ${kind}`,
      "a built-in or server tool (web search, code execution, MCP …), not a function tool: agentops declares function tools only",
    );
  });
  return out;
}

/** OpenAI's tool_choice: a mode, or {type: function, function: {name}} for one tool. */
function toolChoice(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const fn = (value as { function?: { name?: unknown } } | null)?.function;
  return typeof fn?.name === "string" ? fn.name : undefined;
}

function settings(config: unknown, label: string, where: string, notes: ImportNotes): Partial<ModelSettings> {
  if (typeof config !== "object" || config === null) return {};
  const out: Partial<ModelSettings> = {};
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (key === "temperature" && typeof value === "number" && value >= 0 && value <= 2)
      out.temperature = value;
    else if (
      /^(max_tokens|max_completion_tokens|maxTokens)$/.test(key) &&
      typeof value === "number" &&
      value > 0
    )
      out.max_tokens = Math.floor(value);
    else if (key === "tools" && Array.isArray(value)) {
      const tools = openAiTools(value, `${where} ${label} config.tools`, notes);
      if (tools.length) out.tools = tools;
    } else if (key === "tool_choice" && toolChoice(value) !== undefined) out.tool_choice = toolChoice(value);
    else
      notes.skip(
        where,
        `${label} config.${key}`,
        "a prompt file sets only model, temperature, max_tokens, tools and tool_choice",
      );
  }
  if (out.tool_choice !== undefined && !out.tools) {
    // Its tools were all listed (built-in ones) or absent: a choice among none cannot be sent.
    notes.skip(where, `${label} config.tool_choice`, "chooses among tools none of which could be imported");
    delete out.tool_choice;
  }
  return out;
}

/** The models of a promptfoo config's `providers:`; each becomes a version of every prompt. */
export function readProviders(raw: unknown, where: string, notes: ImportNotes): ModelSettings[] {
  const entries: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: ModelSettings[] = [];
  entries.forEach((entry, i) => {
    const at = `${where} providers[${i}]`;
    let id: string | undefined;
    let config: unknown;
    let label: string | undefined;
    let prompts: string[] | undefined;
    if (typeof entry === "string") id = entry;
    else if (typeof entry === "object" && entry !== null) {
      const e = entry as { id?: unknown; config?: unknown; label?: unknown; prompts?: unknown };
      const keys = Object.keys(entry);
      if (Array.isArray(e.prompts)) prompts = e.prompts.filter((x): x is string => typeof x === "string");
      else if (typeof e.prompts === "string") prompts = [e.prompts];
      if (typeof e.id === "string") {
        id = e.id;
        config = e.config;
        if (typeof e.label === "string") label = e.label;
        for (const key of keys)
          if (!["id", "config", "label", "prompts"].includes(key))
            notes.skip(
              at,
              `provider ${key}`,
              key === "transform"
                ? "a transform of every output (JavaScript): agentops never runs code, its criteria check the raw output"
                : "no agentops equivalent for this provider option",
            );
      } else if (keys.length === 1 && keys[0]) {
        // The `- openai:gpt-4.1: {config: …}` form.
        id = keys[0];
        const inner = (entry as Record<string, unknown>)[keys[0]];
        config =
          typeof inner === "object" && inner !== null ? (inner as { config?: unknown }).config : undefined;
        // promptfoo's readProviderPromptMap (src/prompts/index.ts) reads this form's prompts: too.
        const own =
          typeof inner === "object" && inner !== null ? (inner as { prompts?: unknown }).prompts : undefined;
        if (Array.isArray(own)) prompts = own.filter((x): x is string => typeof x === "string");
        else if (typeof own === "string") prompts = [own];
      }
    }
    if (!id) return notes.skip(at, "provider", "has no id");
    const name = label ?? id;
    if (CUSTOM.test(id))
      return notes.skip(
        at,
        `provider ${id}`,
        "a custom provider (code, a script or an HTTP service); agentops calls OpenAI-compatible endpoints only",
      );
    const model = providerModel(id);
    if (!model) return notes.skip(at, `provider ${id}`, "names no model (vendor:model)");
    const vendor = id.split(":")[0] ?? "";
    const api = id.split(":")[1] ?? "";
    if (OPENAI_COMPATIBLE.has(vendor) && (api === "realtime" || api === "completion"))
      notes.change(
        at,
        `provider ${id}`,
        api === "realtime"
          ? `promptfoo speaks OpenAI's Realtime API (a websocket session) to ${model}; agentops sends the same messages to chat completions, which a realtime-only model may refuse: pick a chat model for this version`
          : `promptfoo calls the legacy completions API with the prompt as one text; agentops sends it to chat completions as a user turn`,
      );
    if (!OPENAI_COMPATIBLE.has(vendor))
      notes.change(
        at,
        `provider ${id}`,
        `model ${model}, called through an OpenAI-compatible endpoint: set --base-url (or the Action's base-url) to the ${vendor} endpoint`,
      );
    out.push({
      label: name,
      model,
      ...settings(config, name, at, notes),
      ...(prompts ? { prompts } : {}),
      ...(vendor === "google" || vendor === "vertex" ? { inlinesImages: true as const } : {}),
    });
  });
  return out;
}

import { extname } from "node:path";
import { parseYaml } from "../config/yaml.js";
import { parseJsonFile } from "./json-file.js";
import { plainMessage, readNunjucksChat, type NunjucksChat } from "./promptfoo-chat-history.js";
import { convertTemplate } from "./nunjucks.js";
import type { ImportNotes } from "./notes.js";

/** Reads a file named in the promptfoo config, relative to the config's folder (the command's edge). */
export type ReadText = (path: string) => Promise<string>;

export interface PromptSource {
  label: string;
  /** How a provider's `prompts:` can name it: its label, its `file://` reference or path, its text. */
  ids: string[];
  system?: string;
  /** Fixed turns before the final user turn (a conversation's earlier user and assistant messages). */
  messages?: { role: "system" | "user" | "assistant"; content: string }[];
  template?: string;
  variables: string[];
  /** A JSON chat written as a Nunjucks template: each test renders its own conversation so far. */
  chat?: NunjucksChat;
  /** A chat that is JSON as written: promptfoo fills vars inside its strings and never renders their values. */
  json?: true;
}

const CODE_EXT = new Set([".js", ".mjs", ".cjs", ".ts", ".py", ".rb", ".sh"]);

interface Message {
  role: string;
  content: unknown;
}

function isChat(v: unknown): v is Message[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((m) => typeof m === "object" && m !== null && typeof (m as { role?: unknown }).role === "string")
  );
}

type Turn = { role: "system" | "user" | "assistant"; content: string };
interface ChatText {
  system?: string;
  /** Turns between the system message and the final user turn, sent as they are (rendered). */
  messages?: Turn[];
  /** The final user turn; absent when the conversation ends with another role (an assistant prefill). */
  user?: string;
}

const ROLES = new Set(["system", "user", "assistant"]);

/**
 * A chat as an agentops prompt: a leading system message is `system`, a final user message the
 * `template`, and every turn between them a fixed `messages` entry, so the request holds the same
 * messages in the same order as promptfoo's.
 */
function fromChat(messages: Message[]): ChatText | { reason: string } {
  const checked = turnsOf(messages);
  if ("reason" in checked) return checked;
  const turns = checked;
  const [first] = turns;
  const system = first?.role === "system" && turns.length > 1 ? first : undefined;
  const rest = system ? turns.slice(1) : turns;
  const last = rest[rest.length - 1];
  const user = last?.role === "user" ? last : undefined;
  const between = user ? rest.slice(0, -1) : rest;
  return {
    ...(system ? { system: system.content } : {}),
    ...(between.length ? { messages: between } : {}),
    ...(user ? { user: user.content } : {}),
  };
}

/** Fixed turns as agentops holds them: system, user or assistant, plain non-empty text (Adaline's text part read as text). */
function turnsOf(messages: Message[]): Turn[] | { reason: string } {
  const out: Turn[] = [];
  for (const raw of messages) {
    const m = plainMessage(raw);
    if ("reason" in m) return m;
    if (!ROLES.has(m.role))
      return { reason: `a ${m.role} message; an agentops prompt holds system, user and assistant turns` };
    if (typeof m.content !== "string")
      return { reason: "a message whose content is not plain text (images or parts)" };
    if (m.content === "") return { reason: `an empty ${m.role} message` };
    out.push({ role: m.role as Turn["role"], content: m.content });
  }
  return out;
}

/**
 * The fixed turns around a chat-history loop: agentops sends an example's conversation after the
 * prompt's system and messages and before its final user turn, so that is where the loop must sit.
 */
function aroundHistory(before: Message[], after: Message[]): ChatText | { reason: string } {
  const head = turnsOf(before);
  if ("reason" in head) return head;
  const tail = turnsOf(after);
  if ("reason" in tail) return tail;
  const [last, ...more] = tail;
  if (more.length || (last && last.role !== "user"))
    return {
      reason:
        "turns after the conversation-history loop other than one final user turn; agentops sends an example's conversation just before the prompt's final user turn",
    };
  const system = head[0]?.role === "system" ? head[0] : undefined;
  const between = system ? head.slice(1) : head;
  return {
    ...(system ? { system: system.content } : {}),
    ...(between.length ? { messages: between } : {}),
    ...(last ? { user: last.content } : {}),
  };
}

/** A JSON chat file that is a Nunjucks template: read in the recognised forms, or listed with the reason. */
function templatedChat(text: string, label: string, notes: ImportNotes, where: string): PromptSource[] {
  const r = readNunjucksChat(text);
  if (!r.ok) return (notes.skip(where, `prompt ${label}`, r.reason), []);
  if (r.chat.history === undefined && r.before.length === 0)
    return (notes.skip(where, `prompt ${label}`, "an empty chat"), []);
  const c = r.chat.history === undefined ? fromChat(r.before) : aroundHistory(r.before, r.after);
  if ("reason" in c) return (notes.skip(where, `prompt ${label}`, c.reason), []);
  const s = toSource(label, c, notes, where);
  return s ? [{ ...s, chat: r.chat }] : [];
}

function toSource(
  label: string,
  text: ChatText,
  notes: ImportNotes,
  where: string,
): PromptSource | undefined {
  const parts = [
    ...(text.system !== undefined ? [text.system] : []),
    ...(text.messages ?? []).map((m) => m.content),
    ...(text.user !== undefined ? [text.user] : []),
  ].map(convertTemplate);
  const templates: string[] = [];
  const variables: string[] = [];
  for (const c of parts) {
    if (!c.ok) {
      notes.skip(where, `prompt ${label}`, c.reason);
      return undefined;
    }
    templates.push(c.template);
    variables.push(...c.variables);
  }
  let k = 0;
  const next = (): string => templates[k++] ?? "";
  const system = text.system !== undefined ? next() : undefined;
  const messages = (text.messages ?? []).map((m) => ({ role: m.role, content: next() }));
  const template = text.user !== undefined ? next() : undefined;
  return {
    label,
    ids: [],
    ...(system !== undefined ? { system } : {}),
    ...(messages.length ? { messages } : {}),
    ...(template !== undefined ? { template } : {}),
    variables: [...new Set(variables)],
  };
}

function inline(text: string, label: string, notes: ImportNotes, where: string): PromptSource[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (isChat(parsed)) return chat(parsed, label, notes, where);
    } catch {
      // not JSON: a text prompt that starts with a bracket
    }
  }
  const s = toSource(label, { user: text }, notes, where);
  return s ? [s] : [];
}

function chat(messages: Message[], label: string, notes: ImportNotes, where: string): PromptSource[] {
  const c = fromChat(messages);
  if ("reason" in c) {
    notes.skip(where, `prompt ${label}`, c.reason);
    return [];
  }
  const s = toSource(label, c, notes, where);
  return s ? [{ ...s, json: true }] : [];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function fromFile(
  ref: string,
  label: string | undefined,
  read: ReadText,
  notes: ImportNotes,
  where: string,
) {
  const path = ref.slice("file://".length);
  const name = label ?? path;
  const ext = extname(path.replace(/:[\w.]+$/, "")).toLowerCase();
  if (CODE_EXT.has(ext))
    return (
      notes.skip(where, `prompt ${name}`, "a prompt function (code); agentops never executes code"),
      []
    );
  if (/[*?[\]{}]/.test(path))
    return (notes.skip(where, `prompt ${name}`, "a glob; list the files instead"), []);
  const text = await read(path);
  if (ext === ".json" || ext === ".yaml" || ext === ".yml") {
    let parsed: unknown;
    // promptfoo renders a chat file with Nunjucks before parsing it: with {% %} or a {{ }} outside a
    // string it is no JSON until rendered.
    if (ext === ".json" && /\{%|\{\{/.test(text) && !isJson(text))
      return templatedChat(text, name, notes, where);
    if (ext === ".json") parsed = parseJsonFile(text, path);
    else parsed = parseYaml(text, path).value;
    if (isChat(parsed)) return chat(parsed, name, notes, where);
    if (typeof parsed === "string") return inline(parsed, name, notes, where);
    return (
      notes.skip(where, `prompt ${name}`, "a file that is neither a chat (a list of messages) nor text"),
      []
    );
  }
  // promptfoo splits a text file into several prompts at lines holding only ---.
  const pieces = text.split(/^---[ \t]*$/m).filter((p) => p.trim() !== "");
  return pieces.flatMap((p, i) =>
    inline(p.replace(/^\r?\n|\r?\n$/g, ""), pieces.length > 1 ? `${name}#${i + 1}` : name, notes, where),
  );
}

/** Every prompt of a promptfoo config's `prompts:` (inline text, chat JSON, file:// text or chat files). */
export async function readPrompts(
  raw: unknown,
  read: ReadText,
  notes: ImportNotes,
  where: string,
): Promise<PromptSource[]> {
  const entries: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: PromptSource[] = [];
  for (const [i, entry] of entries.entries()) {
    const at = `${where} prompts[${i}]`;
    const before = out.length;
    let ref: string | undefined;
    if (typeof entry === "string") {
      ref = entry;
      if (entry.startsWith("file://")) out.push(...(await fromFile(entry, undefined, read, notes, at)));
      else out.push(...inline(entry, `${i + 1}`, notes, at));
    } else if (typeof entry === "object" && entry !== null) {
      const e = entry as { id?: unknown; raw?: unknown; label?: unknown; config?: unknown };
      const label = typeof e.label === "string" ? e.label : undefined;
      if (typeof e.raw === "string") ref = e.raw;
      else if (typeof e.id === "string") ref = e.id;
      if (typeof e.raw === "string") out.push(...inline(e.raw, label ?? `${i + 1}`, notes, at));
      else if (typeof e.id === "string" && e.id.startsWith("file://"))
        out.push(...(await fromFile(e.id, label, read, notes, at)));
      else notes.skip(at, "prompt", "neither text, raw: nor id: file://…");
      if (e.config !== undefined && out.length > before)
        notes.skip(
          at,
          "prompt config",
          "provider settings for this prompt only; each version takes its provider's settings (set them in the version file)",
        );
    } else notes.skip(at, "prompt", "neither text nor a mapping");
    for (const s of out.slice(before)) s.ids = ref === undefined ? [] : [ref, ref.replace(/^file:\/\//, "")];
  }
  return out;
}

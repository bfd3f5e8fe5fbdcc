import { extname } from "node:path";
import type { ContentPartTemplate } from "../config/schema.js";
import { contentTemplates, mapContentTemplates } from "../config/template.js";
import { parseYaml } from "../config/yaml.js";
import { isGlob, type GlobFiles } from "./glob.js";
import { parseJsonFile } from "./json-file.js";
import { readNunjucksChat, type NunjucksChat } from "./promptfoo-chat-history.js";
import { convertTemplate } from "./nunjucks.js";
import { convertParts } from "./promptfoo-parts.js";
import type { ImportNotes } from "./notes.js";

/**
 * Reads a file named in the promptfoo config, relative to the config's folder (the command's edge):
 * as text, or with "base64" as promptfoo passes an image, video or audio var.
 */
export type ReadText = (path: string, as?: "base64") => Promise<string>;

export interface PromptSource {
  label: string;
  /**
   * promptfoo's label for it, when a config can name it: a provider's `prompts:` matches labels only.
   * Empty for a file without a `label:` (promptfoo labels it by its absolute path and text).
   */
  ids: string[];
  system?: string;
  /** Fixed turns before the final user turn (a conversation's earlier user and assistant messages). */
  messages?: Turn[];
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

/** A turn's text, or (a user turn showing images or audio) its parts. */
type Content = string | ContentPartTemplate[];
type Turn = { role: "system" | "user" | "assistant"; content: Content };
interface ChatText {
  system?: string;
  /** Turns between the system message and the final user turn, sent as they are (rendered). */
  messages?: Turn[];
  /**
   * The final user turn; absent when the conversation ends with another role (an assistant
   * prefill), or when that turn is made of parts (it then stays the last of `messages`).
   */
  user?: string;
  /** How content parts in another provider's form were carried over. */
  differences?: string[];
}

/** A message's content as an agentops turn: text, or a user turn's parts (one text part is text). */
function turnContent(
  role: string,
  content: unknown,
): { content: Content; differences: string[] } | { reason: string } {
  if (typeof content === "string") {
    return content === "" ? { reason: `an empty ${role} message` } : { content, differences: [] };
  }
  if (!Array.isArray(content))
    return { reason: "a message whose content is neither text nor a list of parts" };
  const c = convertParts(content);
  if ("reason" in c) return c;
  const [only] = c.parts;
  if (c.parts.length === 1 && only?.type === "text")
    return { content: only.text, differences: c.differences };
  if (role !== "user") {
    return {
      reason: `a ${role} message made of several parts; agentops sends parts (text, images, audio) in user turns only`,
    };
  }
  return { content: c.parts, differences: c.differences };
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
  const { turns, differences } = checked;
  const [first] = turns;
  const system =
    first?.role === "system" && turns.length > 1 && typeof first.content === "string"
      ? first.content
      : undefined;
  const rest = system !== undefined ? turns.slice(1) : turns;
  const last = rest[rest.length - 1];
  const user = last?.role === "user" && typeof last.content === "string" ? last.content : undefined;
  const between = user !== undefined ? rest.slice(0, -1) : rest;
  return {
    ...(system !== undefined ? { system } : {}),
    ...(between.length ? { messages: between } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(differences.length ? { differences } : {}),
  };
}

/**
 * Fixed turns as agentops holds them: system, user or assistant; non-empty text, or a user turn's
 * parts (other vendors' part forms, Adaline's among them, converted; one text part is text).
 */
function turnsOf(messages: Message[]): { turns: Turn[]; differences: string[] } | { reason: string } {
  const turns: Turn[] = [];
  const differences = new Set<string>();
  for (const m of messages) {
    if (!ROLES.has(m.role))
      return { reason: `a ${m.role} message; an agentops prompt holds system, user and assistant turns` };
    const t = turnContent(m.role, m.content);
    if ("reason" in t) return t;
    for (const d of t.differences) differences.add(d);
    turns.push({ role: m.role as Turn["role"], content: t.content });
  }
  return { turns, differences: [...differences] };
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
  const text = (t: Turn | undefined): string | undefined =>
    typeof t?.content === "string" ? t.content : undefined;
  if ([...head.turns, ...tail.turns].some((t) => text(t) === undefined))
    return { reason: "content parts (images, audio) in a chat written as a Nunjucks template" };
  const [last, ...more] = tail.turns;
  if (more.length || (last && last.role !== "user"))
    return {
      reason:
        "turns after the conversation-history loop other than one final user turn; agentops sends an example's conversation just before the prompt's final user turn",
    };
  const system = head.turns[0]?.role === "system" ? text(head.turns[0]) : undefined;
  const between = system !== undefined ? head.turns.slice(1) : head.turns;
  const user = text(last);
  const differences = [...new Set([...head.differences, ...tail.differences])];
  return {
    ...(system !== undefined ? { system } : {}),
    ...(between.length ? { messages: between } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(differences.length ? { differences } : {}),
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
  if (c.messages?.some((m) => typeof m.content !== "string"))
    return (
      notes.skip(
        where,
        `prompt ${label}`,
        "content parts (images, audio) in a chat written as a Nunjucks template",
      ),
      []
    );
  for (const d of c.differences ?? []) notes.change(where, `prompt ${label}`, d);
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
    ...(text.messages ?? []).flatMap((m) => contentTemplates(m.content)),
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
  const messages = (text.messages ?? []).map((m) => ({
    role: m.role,
    content: mapContentTemplates(m.content, next),
  }));
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
  for (const d of c.differences ?? []) notes.change(where, `prompt ${label}`, d);
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
  glob: GlobFiles,
  globbed = false,
): Promise<PromptSource[]> {
  const path = ref.slice("file://".length);
  const name = label ?? path;
  const ext = extname(path.replace(/:[\w.]+$/, "")).toLowerCase();
  if (CODE_EXT.has(ext))
    return (
      notes.skip(where, `prompt ${name}`, "a prompt function (code); agentops never executes code"),
      []
    );
  if (!globbed && isGlob(path)) {
    const g = await glob(path);
    if ("reason" in g) return (notes.skip(where, `prompt ${name}`, `a glob that ${g.reason}`), []);
    if (g.files.length === 0)
      return (
        notes.skip(
          where,
          `prompt ${name}`,
          "a glob that matches no file (promptfoo would send the reference itself as the prompt's text)",
        ),
        []
      );
    // promptfoo's processPrompt (src/prompts/index.ts) reads each match as a file of its own, once,
    // without the entry's label or config.
    const out: PromptSource[] = [];
    for (const f of g.files)
      out.push(...(await fromFile(`file://${f}`, undefined, read, notes, where, glob, true)));
    return out;
  }
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
  glob: GlobFiles,
): Promise<PromptSource[]> {
  const entries: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: PromptSource[] = [];
  for (const [i, entry] of entries.entries()) {
    const at = `${where} prompts[${i}]`;
    const before = out.length;
    // promptfoo's label (src/prompts/processors/*.ts): `label:` if given (a text file's prompts
    // `label: path: text`), else an inline prompt's own text, else `path: text` with the absolute path.
    let ref: string | undefined;
    if (typeof entry === "string") {
      if (entry.startsWith("file://")) out.push(...(await fromFile(entry, undefined, read, notes, at, glob)));
      else {
        ref = entry;
        out.push(...inline(entry, `${i + 1}`, notes, at));
      }
    } else if (typeof entry === "object" && entry !== null) {
      const e = entry as { id?: unknown; raw?: unknown; label?: unknown; config?: unknown };
      const label = typeof e.label === "string" ? e.label : undefined;
      ref = label ?? (typeof e.raw === "string" ? e.raw : undefined);
      // A glob's files lose the entry's label in promptfoo (each is read as `{raw: path}`).
      if (typeof e.raw !== "string" && typeof e.id === "string" && isGlob(e.id)) ref = undefined;
      if (typeof e.raw === "string") out.push(...inline(e.raw, label ?? `${i + 1}`, notes, at));
      else if (typeof e.id === "string" && e.id.startsWith("file://"))
        out.push(...(await fromFile(e.id, label, read, notes, at, glob)));
      else notes.skip(at, "prompt", "neither text, raw: nor id: file://…");
      if (e.config !== undefined && out.length > before)
        notes.skip(
          at,
          "prompt config",
          "provider settings for this prompt only; each version takes its provider's settings (set them in the version file)",
        );
    } else notes.skip(at, "prompt", "neither text nor a mapping");
    for (const s of out.slice(before)) s.ids = ref === undefined ? [] : [ref];
  }
  return out;
}

/**
 * A prompt read from a chat written as a Nunjucks template, with its turns as text: such a chat
 * holds no parts (aroundHistory and fromChat's callers refuse them), which this keeps true.
 */
export function textTurnsOf(p: PromptSource): {
  label: string;
  system?: string;
  template?: string;
  messages?: { role: Turn["role"]; content: string }[];
} {
  const messages = p.messages?.map((m) => {
    if (typeof m.content !== "string")
      throw new Error(`prompt ${p.label}: a templated chat with content parts`);
    return { role: m.role, content: m.content };
  });
  return {
    label: p.label,
    ...(p.system !== undefined ? { system: p.system } : {}),
    ...(p.template !== undefined ? { template: p.template } : {}),
    ...(messages ? { messages } : {}),
  };
}

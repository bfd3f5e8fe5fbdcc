import { extname } from "node:path";
import { parseYaml } from "../config/yaml.js";
import { parseJsonFile } from "./json-file.js";
import { convertTemplate } from "./nunjucks.js";
import type { ImportNotes } from "./notes.js";

/** Reads a file named in the promptfoo config, relative to the config's folder (the command's edge). */
export type ReadText = (path: string) => Promise<string>;

export interface PromptSource {
  label: string;
  /** How a provider's `prompts:` can name it: its label, its `file://` reference or path, its text. */
  ids: string[];
  system?: string;
  template: string;
  variables: string[];
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

/** An agentops prompt holds an optional system message and one user message. */
function fromChat(messages: Message[]): { system?: string; user: string } | { reason: string } {
  const [first, ...rest] = messages;
  const system = first?.role === "system" ? first : undefined;
  const others = system ? rest : messages;
  const user = others[0];
  if (others.length !== 1 || user?.role !== "user") {
    return {
      reason: `a conversation of ${messages.length} messages (${messages.map((m) => m.role).join(", ")}); an agentops prompt holds one optional system message and one user message`,
    };
  }
  if (typeof user.content !== "string" || (system && typeof system.content !== "string"))
    return { reason: "a message whose content is not plain text (images or parts)" };
  return { ...(system ? { system: system.content as string } : {}), user: user.content };
}

function toSource(
  label: string,
  text: { system?: string; user: string },
  notes: ImportNotes,
  where: string,
): PromptSource | undefined {
  const user = convertTemplate(text.user);
  const system = convertTemplate(text.system ?? "");
  for (const c of [user, system]) {
    if (!c.ok) {
      notes.skip(where, `prompt ${label}`, c.reason);
      return undefined;
    }
  }
  if (!user.ok || !system.ok) return undefined;
  return {
    label,
    ids: [],
    ...(text.system !== undefined ? { system: system.template } : {}),
    template: user.template,
    variables: [...new Set([...system.variables, ...user.variables])],
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
  return s ? [s] : [];
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
    // string it is no JSON until rendered, which agentops does not do.
    if (ext === ".json" && /\{%|\{\{/.test(text) && !isJson(text))
      return (
        notes.skip(
          where,
          `prompt ${name}`,
          "a Nunjucks template that renders to a JSON chat ({% %} or {{ }} outside strings); write the chat out, or as a text prompt",
        ),
        []
      );
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

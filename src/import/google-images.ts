import type { ContentPartTemplate, EvalExample, PromptFile } from "../config/schema.js";

/**
 * promptfoo's Google providers send a line of a text turn that is exactly a base64 image held by a
 * var (at least 100 characters, starting as a JPEG, PNG, GIF or WebP does) as an inline image of
 * that type, and the text around it as text parts (src/providers/google/util.ts,
 * processImagesInContents). This is the same request in the chat-completions form: a user turn of
 * parts whose image is a data URL of the var.
 */
const HEADERS: [string, string][] = [
  ["/9j/", "image/jpeg"],
  ["iVBORw0KGgo", "image/png"],
  ["R0lGODlh", "image/gif"],
  ["UklGR", "image/webp"],
];

export function base64ImageType(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length < 100) return undefined;
  return HEADERS.find(([head]) => value.startsWith(head))?.[1];
}

const LONE_PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The one media type of a var's values across the examples, when every example holds an image. */
function imageType(name: string, examples: readonly EvalExample[]): { type: string } | "mixed" | undefined {
  const types = new Set(examples.map((e) => base64ImageType(e.input[name])));
  if (types.size > 1) return "mixed";
  const [type] = types;
  return type === undefined ? undefined : { type };
}

type Split = { parts: ContentPartTemplate[] } | { reason: string } | undefined;

/** A text turn split at its lines that are a lone image var; undefined when it has none. */
function split(text: string, examples: readonly EvalExample[]): Split {
  const parts: ContentPartTemplate[] = [];
  let block: string | undefined;
  let found = false;
  for (const line of text.split("\n")) {
    const name = LONE_PLACEHOLDER.exec(line.trim())?.[1];
    const type = name === undefined ? undefined : imageType(name, examples);
    if (type === "mixed")
      return {
        reason: `var ${name ?? ""} is a base64 image in some tests and not in others: promptfoo's Google provider sends it as an image only where it is one; agentops sends one form (here text)`,
      };
    if (name !== undefined && type !== undefined) {
      found = true;
      if (block !== undefined) parts.push({ type: "text", text: block });
      block = undefined;
      parts.push({ type: "image_url", image_url: { url: `data:${type.type};base64,{${name}}` } });
    } else block = block === undefined ? line : `${block}\n${line}`;
  }
  if (block !== undefined && block !== "") parts.push({ type: "text", text: block });
  return found ? { parts } : undefined;
}

/**
 * A version for a Google provider, with its user turns as promptfoo's Google provider sends them
 * (images inline), or the reason it cannot be: the version is then left as text.
 */
export function withInlineImages(
  v: PromptFile,
  examples: readonly EvalExample[],
): { version: PromptFile; changed: boolean } | { reason: string } {
  let changed = false;
  const messages: NonNullable<PromptFile["messages"]> = [];
  for (const m of v.messages ?? []) {
    const s = typeof m.content === "string" ? split(m.content, examples) : undefined;
    if (s && "reason" in s) return s;
    if (s && m.role !== "user")
      return {
        reason: `a ${m.role} turn holds a base64 image var on a line of its own, which agentops sends in user turns only`,
      };
    if (s) changed = true;
    messages.push(s ? { role: "user", content: s.parts } : m);
  }
  const t = v.template === undefined ? undefined : split(v.template, examples);
  if (t && "reason" in t) return t;
  if (t) {
    changed = true;
    messages.push({ role: "user", content: t.parts });
  }
  if (!changed) return { version: v, changed };
  // The turns take the place of the template (and of the old messages) in the written file.
  const entries = Object.entries(v).flatMap(([k, value]): [string, unknown][] =>
    k === "template"
      ? v.messages
        ? []
        : [["messages", messages]]
      : k === "messages"
        ? [["messages", messages]]
        : [[k, value]],
  );
  return { version: Object.fromEntries(entries) as PromptFile, changed };
}

import type { ContentPartTemplate } from "./schema.js";
import { UserError } from "../errors.js";

/**
 * `{name}` placeholders, filled by plain substitution. `{{` and `}}` stand for
 * literal braces. Anything else in braces (e.g. a JSON example) is left as it is,
 * so templates can show JSON without escaping.
 */
const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
  return [...names];
}

export function renderTemplate(
  template: string,
  input: Readonly<Record<string, unknown>>,
  where: { exampleId: string; file?: string; line?: number },
): string {
  return template.replace(PLACEHOLDER, (whole, name: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    if (name === undefined) return whole;
    if (!Object.hasOwn(input, name)) {
      throw new UserError(
        `example "${where.exampleId}" has no input "${name}", which the template uses`,
        { ...(where.file ? { file: where.file } : {}), ...(where.line ? { line: where.line } : {}) },
        `add "${name}" to that example's input, or remove {${name}} from the template`,
      );
    }
    const value = input[name];
    return typeof value === "string" ? value : JSON.stringify(value);
  });
}

/** The template strings of a turn: its text, or each part's text, image URL or audio data. */
export function contentTemplates(content: string | readonly ContentPartTemplate[]): string[] {
  const out: string[] = [];
  mapContentTemplates(content, (t) => (out.push(t), t));
  return out;
}

/**
 * A turn with each of its template strings (in contentTemplates' order) replaced by `f` of it,
 * every other field of a part kept: rendering a turn, or converting an imported one.
 */
export function mapContentTemplates(
  content: string | readonly ContentPartTemplate[],
  f: (template: string) => string,
): string | ContentPartTemplate[] {
  if (typeof content === "string") return f(content);
  return content.map((p): ContentPartTemplate => {
    if (p.type === "text") return { ...p, text: f(p.text) };
    if (p.type === "image_url") return { ...p, image_url: { ...p.image_url, url: f(p.image_url.url) } };
    return { ...p, input_audio: { ...p.input_audio, data: f(p.input_audio.data) } };
  });
}

/**
 * Inputs a prompt shows the model as images or audio: a judge is told they were there, not sent
 * their base64 (which it cannot see as a picture, and which would cost as much as a long text).
 */
export function mediaInputs(
  messages: readonly { content: string | readonly ContentPartTemplate[] }[],
): Set<string> {
  const names = new Set<string>();
  for (const m of messages) {
    if (typeof m.content === "string") continue;
    for (const p of m.content) {
      if (p.type === "image_url") for (const n of templateVariables(p.image_url.url)) names.add(n);
      if (p.type === "input_audio") for (const n of templateVariables(p.input_audio.data)) names.add(n);
    }
  }
  return names;
}

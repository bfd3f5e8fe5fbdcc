import { renderTemplate } from "../config/template.js";

/** A promptfoo (Nunjucks) template turned into an agentops `{name}` template, or why it cannot be. */
export type Converted = { ok: true; template: string; variables: string[] } | { ok: false; reason: string };

/**
 * promptfoo fills `_conversation` while it runs: the prompts and answers of the earlier tests that share
 * a `metadata.conversationId` (run one after another). It is not data a config holds.
 */
export const CONVERSATION_REASON =
  "uses _conversation, which promptfoo fills at run time with the earlier tests' actual prompts and answers (tests sharing a metadata.conversationId, run in order); agentops examples are independent: write each conversation out as an example's input.messages";

const TAG = /\{\{([\s\S]*?)\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
const PLAIN_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

interface Part {
  literal?: string;
  name?: string;
}

function parts(text: string): Part[] | { reason: string } {
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    out.push({ literal: text.slice(last, m.index) });
    const name = m[1] === undefined ? undefined : PLAIN_NAME.exec(m[1])?.[1];
    if (/\b_conversation\b/.test(m[0])) return { reason: CONVERSATION_REASON };
    if (name === undefined) {
      return {
        reason: `uses the template expression ${JSON.stringify(m[0].slice(0, 60))}; agentops fills plain {name} placeholders only (no filters, tags or dotted paths)`,
      };
    }
    out.push({ name });
    last = m.index + m[0].length;
  }
  out.push({ literal: text.slice(last) });
  return out;
}

/**
 * Converts `{{ name }}` to `{name}`. Literal text keeps its braces where agentops
 * reads them as text; where it would not (a literal `{word}` or `}}`), every
 * literal brace is doubled. Checked by rendering both ways with marker values.
 */
export function convertTemplate(text: string): Converted {
  const split = parts(text);
  if (!Array.isArray(split)) return { ok: false, reason: split.reason };
  const variables = [...new Set(split.flatMap((p) => (p.name ? [p.name] : [])))];
  const marker = (name: string): string => `\u0000${name}\u0000`;
  const want = split.map((p) => (p.name ? marker(p.name) : (p.literal ?? ""))).join("");
  const input = Object.fromEntries(variables.map((v) => [v, marker(v)]));
  const build = (escape: (s: string) => string): string =>
    split.map((p) => (p.name ? `{${p.name}}` : escape(p.literal ?? ""))).join("");
  const plain = build((s) => s);
  if (rendersAs(plain, input, want)) return { ok: true, template: plain, variables };
  const escaped = build((s) => s.replace(/[{}]/g, (b) => b + b));
  return { ok: true, template: escaped, variables };
}

function rendersAs(template: string, input: Record<string, string>, want: string): boolean {
  try {
    return renderTemplate(template, input, { exampleId: "import" }) === want;
  } catch {
    return false;
  }
}

/** Fills `{{ name }}` in an assertion value from a test's vars (promptfoo renders values too). */
export function renderValue(
  text: string,
  vars: Readonly<Record<string, unknown>>,
): { ok: true; text: string } | { ok: false; reason: string } {
  const split = parts(text);
  if (!Array.isArray(split)) return { ok: false, reason: split.reason };
  let out = "";
  for (const p of split) {
    if (p.name === undefined) out += p.literal ?? "";
    else if (!Object.hasOwn(vars, p.name))
      return { ok: false, reason: `uses {{${p.name}}}, which the test does not set` };
    else {
      const v = vars[p.name];
      out += typeof v === "string" ? v : JSON.stringify(v);
    }
  }
  return { ok: true, text: out };
}

/** promptfoo's test for a tag left open in a var's value: it then sends the whole value as written. */
const OPEN_TAG = /(\{%[^%]*$|\{\{[^}]*$|\{#[^#]*$)/m;

/**
 * A string var as promptfoo sends it into a prompt that is not JSON (text, or a chat written as a
 * Nunjucks template): it first renders every string var as a template with the test's vars, once
 * (`evaluatorHelpers.ts` renderPrompt). Only `{{ name }}` of a text var is rendered here.
 */
export function renderVarValue(
  value: string,
  vars: Readonly<Record<string, unknown>>,
): { ok: true; text: string } | { ok: false; reason: string } {
  if (!/\{\{|\{%|\{#/.test(value) || OPEN_TAG.test(value)) return { ok: true, text: value };
  const split = parts(value);
  if (!Array.isArray(split)) return { ok: false, reason: split.reason };
  let out = "";
  for (const p of split) {
    if (p.name === undefined) out += p.literal ?? "";
    else if (!Object.hasOwn(vars, p.name))
      return {
        ok: false,
        reason: `uses {{${p.name}}}, which the test does not set: promptfoo fills it with an earlier test's answer (options.storeOutputAs), or renders it empty`,
      };
    else {
      const v = vars[p.name];
      if (typeof v !== "string") return { ok: false, reason: `uses {{${p.name}}}, which is not text` };
      out += v;
    }
  }
  return { ok: true, text: out };
}

/** Text meant literally (no placeholders) as an agentops template: braces doubled when they would be read. */
export function literalTemplate(text: string): string {
  return rendersAs(text, {}, text) ? text : text.replace(/[{}]/g, (b) => b + b);
}

/**
 * promptfoo renders a JSON chat file with Nunjucks before it parses it, so a chat can hold a loop that
 * writes each test's conversation so far (its documented "chat history" pattern):
 *
 *   {% for message in history %}{% for role, content in message %}
 *     {"role": "{{ role }}", "content": {{ content | dump }}},
 *   {% endfor %}{% endfor %}
 *
 * or the same over `{role, content}` objects (`{{ m.role }}`, `{{ m.content }}`), a file that is only
 * `{{ messages | dump }}` (the var is the chat), and values written as `{{ name | dump }}` (the JSON of
 * a var) instead of inside a string. This module reads exactly those forms: a strict parser that
 * refuses any other tag, and an evaluator of only the parsed forms (never a general Nunjucks engine).
 * The loop becomes each example's `input.messages`, which agentops sends between the prompt's fixed
 * turns and its final user turn, where promptfoo's loop writes them.
 *
 * Exactness is checked per test, not assumed: each test is rendered as promptfoo would render it (these
 * forms only), parsed, and compared with what the converted prompt sends for that example; a test whose
 * rendering differs (quotes written raw inside a JSON string, a var that is not text) is listed.
 *
 * It also fills `{{ name }}` inside vars' values, which promptfoo renders before any prompt that is not
 * JSON (text prompts included), so a test's example holds the text promptfoo sends.
 */
import type { EvalExample } from "../config/schema.js";
import { renderTemplate } from "../config/template.js";
import type { ImportNotes } from "./notes.js";
import { CONVERSATION_REASON, renderVarValue } from "./nunjucks.js";
import { isMap } from "./json-file.js";

export type Role = "system" | "user" | "assistant";
export interface Turn {
  role: Role;
  content: string;
}
const ROLES = new Set(["system", "user", "assistant"]);

type Node =
  | { kind: "text"; text: string }
  | { kind: "expr"; path: string[]; dump: boolean }
  /** `{% for item in list %}`: the history loop, over a var of the test. */
  | { kind: "for"; item: string; list: string; body: Node[] }
  /** `{% for key, value in item %}`: the one-key maps form (`{user: "…"}`). */
  | { kind: "pairs"; key: string; value: string; of: string; body: Node[] }
  /** `{% set outer = loop %}`, so an inner loop can tell the outer loop's last element. */
  | { kind: "alias"; name: string }
  /** `{% if not loop.last %},{% endif %}` or `{% if not (loop.last and outer.last) %},{% endif %}`. */
  | { kind: "comma"; outer?: string };

/** A JSON chat template in one of the recognised forms. */
export interface NunjucksChat {
  nodes: Node[];
  /** The var the loop walks (each test's conversation so far); absent when there is no loop. */
  history?: string;
  /** The vars written outside the loop. */
  names: string[];
}

/** The fixed turns around the loop (contents with `{{ name }}` placeholders), or why it is refused. */
export type ReadChat =
  { ok: true; chat: NunjucksChat; before: Message[]; after: Message[] } | { ok: false; reason: string };

export interface Message {
  role: string;
  content: unknown;
}

class Refused extends Error {}
const refuse = (why: string): never => {
  throw new Refused(why);
};

const TAG = /\{\{(-?)([\s\S]*?)(-?)\}\}|\{%(-?)([\s\S]*?)(-?)%\}|\{#[\s\S]*?#\}/g;
type Tok = { kind: "text"; text: string } | { kind: "expr" | "stmt"; body: string };

/** Text, `{{ }}` and `{% %}` in order; comments dropped, `-` whitespace control applied. */
function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let last = 0;
  let trimNext = false;
  const literal = (s: string, trimEnd: boolean) => {
    let t = trimNext ? s.replace(/^\s+/, "") : s;
    if (trimEnd) t = t.replace(/\s+$/, "");
    if (t !== "") out.push({ kind: "text", text: t });
  };
  for (const m of text.matchAll(TAG)) {
    literal(text.slice(last, m.index), m[1] === "-" || m[4] === "-");
    if (m[2] !== undefined) out.push({ kind: "expr", body: m[2].trim() });
    else if (m[5] !== undefined) out.push({ kind: "stmt", body: m[5].trim() });
    trimNext = m[3] === "-" || m[6] === "-";
    last = m.index + m[0].length;
  }
  literal(text.slice(last), false);
  return out;
}

const EXPR = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\s*(\|\s*dump)?$/;

interface Scope {
  /** Names a loop binds here (its item, key and value, an alias of the outer loop). */
  bound: Set<string>;
  /** The item var of the enclosing `for`, which a pairs loop must walk. */
  item?: string;
  inFor: boolean;
  inPairs: boolean;
}

function parseNodes(toks: Tok[], at: { i: number }, scope: Scope, end?: string): Node[] {
  const out: Node[] = [];
  while (at.i < toks.length) {
    const t = toks[at.i++];
    if (t === undefined) break;
    if (t.kind === "text") {
      out.push({ kind: "text", text: t.text });
      continue;
    }
    if (t.kind === "expr") {
      const m = EXPR.exec(t.body);
      if (!m?.[1]) return refuse(`writes {{ ${t.body} }}`);
      const path = [m[1], ...(m[2] ?? "").split(".").filter(Boolean)];
      if (scope.bound.has(m[1])) {
        if (path.length > 2) return refuse(`writes {{ ${t.body} }}`);
      } else if (scope.inFor) return refuse(`writes {{ ${t.body} }} inside the loop`);
      else if (path.length > 1 || m[1] === "loop") return refuse(`writes {{ ${t.body} }}`);
      out.push({ kind: "expr", path, dump: m[3] !== undefined });
      continue;
    }
    const s = t.body;
    let m: RegExpExecArray | null;
    if (s === end) return out;
    if ((m = /^for\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*)$/.exec(s)) && m[1] && m[2]) {
      if (scope.inFor) return refuse("a loop inside the loop");
      const body = parseNodes(
        toks,
        at,
        { bound: new Set([m[1]]), item: m[1], inFor: true, inPairs: false },
        "endfor",
      );
      out.push({ kind: "for", item: m[1], list: m[2], body });
    } else if (
      (m = /^for\s+([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s+in\s+([A-Za-z_]\w*)$/.exec(s)) &&
      m[1] &&
      m[2] &&
      m[3]
    ) {
      if (!scope.inFor || scope.inPairs || m[3] !== scope.item)
        return refuse(`{% ${s} %} outside a loop over the history's elements`);
      const bound = new Set([...scope.bound, m[1], m[2]]);
      const body = parseNodes(toks, at, { ...scope, bound, inPairs: true }, "endfor");
      out.push({ kind: "pairs", key: m[1], value: m[2], of: m[3], body });
    } else if ((m = /^set\s+([A-Za-z_]\w*)\s*=\s*loop$/.exec(s)) && m[1]) {
      if (!scope.inFor || scope.inPairs) return refuse(`{% ${s} %} outside the outer loop`);
      scope.bound.add(m[1]);
      out.push({ kind: "alias", name: m[1] });
    } else if (
      (m = /^if\s+not\s+(?:loop\.last|\(\s*loop\.last\s+and\s+([A-Za-z_]\w*)\.last\s*\))$/.exec(s))
    ) {
      const outer = m[1];
      const comma = toks[at.i];
      const close = toks[at.i + 1];
      if (!scope.inFor || (outer !== undefined && !scope.bound.has(outer)))
        return refuse(`{% ${s} %} outside the loop`);
      if (
        comma?.kind !== "text" ||
        comma.text.trim() !== "," ||
        close?.kind !== "stmt" ||
        close.body !== "endif"
      )
        return refuse(`{% ${s} %} around anything but a comma`);
      at.i += 2;
      out.push(outer === undefined ? { kind: "comma" } : { kind: "comma", outer });
    } else return refuse(`uses {% ${s} %}`);
  }
  if (end !== undefined) return refuse(`a {% ${end === "endfor" ? "for" : "if"} %} without {% ${end} %}`);
  return out;
}

/** Private-use characters: JSON-safe inside strings, and no chat file holds them. */
const mark = (name: string): string => `\uE000${name}\uE001`;
const HISTORY_MARK = "\uE002";
const MARKS = /[\uE000-\uE002]/;

/** A var's value where the template writes it: as text (Nunjucks prints null and undefined as nothing) or its JSON. */
type Outer = (name: string, dump: boolean) => string;

interface LoopInfo {
  last: boolean;
}

function print(v: unknown, dump: boolean, what: string): string {
  if (dump) return JSON.stringify(v) ?? "";
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  // Nunjucks would print "[object Object]" or the elements joined by commas: never what was meant.
  return refuse(`writes ${what}, a list or mapping, as text`);
}

/** Renders the parsed forms as Nunjucks does; `history` is the loop's list. */
function render(chat: NunjucksChat, outer: Outer, history: unknown): string {
  const out: string[] = [];
  const run = (nodes: Node[], vars: Map<string, unknown>): void => {
    for (const n of nodes) {
      if (n.kind === "text") out.push(n.text);
      else if (n.kind === "expr") {
        const [root = "", key] = n.path;
        if (!vars.has(root)) {
          out.push(root === chat.history ? print(history, n.dump, root) : outer(root, n.dump));
          continue;
        }
        let v = vars.get(root);
        if (key !== undefined) {
          if (!isMap(v) || key in Object.prototype)
            return refuse(`${root}.${key} of an element that is not a mapping`);
          v = Object.hasOwn(v, key) ? v[key] : undefined;
        }
        out.push(print(v, n.dump, n.path.join(".")));
      } else if (n.kind === "for") {
        // A missing var is an empty conversation (Nunjucks loops over nothing); any other shape is listed.
        if (history === undefined || history === null) continue;
        if (isMap(history))
          return refuse(`var ${n.list} is a mapping, not a list: promptfoo's loop writes no message from it`);
        if (!Array.isArray(history)) return refuse(`var ${n.list} is not a list of messages`);
        history.forEach((item: unknown, i) => {
          const inner = new Map(vars);
          inner.set(n.item, item);
          inner.set("loop", { last: i === history.length - 1 } satisfies LoopInfo);
          run(n.body, inner);
        });
      } else if (n.kind === "pairs") {
        const item = vars.get(n.of);
        if (!isMap(item))
          return refuse(`an element of ${chat.history ?? "the list"} is not a mapping like {user: "…"}`);
        const entries = Object.entries(item);
        entries.forEach(([k, v], i) => {
          const inner = new Map(vars);
          inner.set(n.key, k);
          inner.set(n.value, v);
          inner.set("loop", { last: i === entries.length - 1 } satisfies LoopInfo);
          run(n.body, inner);
        });
      } else if (n.kind === "alias") vars.set(n.name, vars.get("loop"));
      else {
        const loop = vars.get("loop") as LoopInfo;
        const outerLoop = n.outer === undefined ? undefined : (vars.get(n.outer) as LoopInfo);
        if (!(loop.last && (outerLoop?.last ?? true))) out.push(",");
      }
    }
  };
  run(chat.nodes, new Map());
  return out.join("");
}

/**
 * Adaline Gateway's message content, `[{modality: "text", value: "…"}]`, as text. The gateway sends
 * each part as its own content part (its OpenAI model maps one text part to one `{type: "text"}` part,
 * and never joins them), and one text part reads as that text; several parts, or an image, are not
 * one text: they are refused with the reason. promptfoo hands this shape to its Adaline provider only
 * (another provider would send it unchanged, which OpenAI rejects), so reading it as text keeps what
 * the model receives.
 */
export function adalineText(content: unknown): { text: string } | { reason: string } | undefined {
  if (!Array.isArray(content) || !content.every((p) => isMap(p) && typeof p.modality === "string"))
    return undefined;
  const parts = content as { modality: string; value?: unknown }[];
  const other = parts.find((p) => p.modality !== "text");
  if (other)
    return {
      reason: `Adaline content with ${/^[aeiou]/i.test(other.modality) ? "an" : "a"} ${other.modality} part`,
    };
  const [only] = parts;
  if (parts.length !== 1 || typeof only?.value !== "string")
    return {
      reason: `Adaline content in ${parts.length} text parts, which the gateway sends as separate parts; an agentops turn is one text`,
    };
  return { text: only.value };
}

/** A message with its Adaline content read as text; other content is left as it is. */
export function plainMessage(m: Message): Message | { reason: string } {
  const a = adalineText(m.content);
  if (a === undefined) return m;
  return "text" in a ? { ...m, content: a.text } : a;
}

/**
 * Reads a JSON chat file that is a Nunjucks template in the recognised forms: the turns before and
 * after the history loop, with each var written as `{{ name }}`. Anything else is refused with the reason.
 */
export function readNunjucksChat(text: string): ReadChat {
  if (/\{[{%][^}]*\b_conversation\b/.test(text)) return { ok: false, reason: CONVERSATION_REASON };
  if (MARKS.test(text)) return { ok: false, reason: "holds private-use characters (U+E000-U+E002)" };
  let chat: NunjucksChat;
  try {
    const nodes = parseNodes(tokenize(text), { i: 0 }, { bound: new Set(), inFor: false, inPairs: false });
    const loops = nodes.filter((n) => n.kind === "for");
    if (loops.length > 1) return refuse("two loops");
    const names = [
      ...new Set(nodes.flatMap((n) => (n.kind === "expr" && n.path[0] !== undefined ? [n.path[0]] : []))),
    ];
    const [loop] = loops;
    if (loop && names.includes(loop.list)) return refuse(`writes ${loop.list} both as a loop and as a value`);
    // promptfoo's documented multishot form: the whole file is `{{ messages | dump }}`, the var the chat.
    const [only, ...more] = nodes.filter((n) => n.kind !== "text" || n.text.trim() !== "");
    const whole = !more.length && only?.kind === "expr" && only.dump ? only.path[0] : undefined;
    const history = loop?.list ?? whole;
    chat = { nodes, names: whole === undefined ? names : [], ...(history !== undefined ? { history } : {}) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: formsReason(e.message) };
    throw e;
  }
  // The layout is found by rendering once with a one-message history and marked values.
  const synthetic = chat.nodes.some((n) => n.kind === "for" && n.body.some((b) => b.kind === "pairs"))
    ? [{ user: HISTORY_MARK }]
    : [{ role: "user", content: HISTORY_MARK }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      render(chat, (name, dump) => (dump ? JSON.stringify(mark(name)) : mark(name)), synthetic),
    );
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: formsReason(e.message) };
    if (e instanceof SyntaxError)
      return { ok: false, reason: formsReason(`does not render to JSON (${jsonError(e)})`) };
    throw e;
  }
  if (!Array.isArray(parsed) || !parsed.every((m) => isMap(m) && typeof m.role === "string"))
    return { ok: false, reason: formsReason("does not render to a list of messages") };
  const messages: Message[] = [];
  for (const m of parsed as Message[]) {
    const p = plainMessage(m);
    if ("reason" in p) return { ok: false, reason: p.reason };
    const extra = Object.keys(p).find((k) => k !== "role" && k !== "content");
    if (extra !== undefined)
      return {
        ok: false,
        reason: `a message with a ${extra} field; an agentops turn holds a role and a content`,
      };
    messages.push(p);
  }
  const at = messages.flatMap((m, i) => (m.content === HISTORY_MARK ? [i] : []));
  if (chat.history !== undefined && (at.length !== 1 || at[0] === undefined))
    return { ok: false, reason: formsReason("its loop does not write one message per element") };
  const split = at[0] ?? messages.length;
  const back = (m: Message): Message | undefined => {
    if (typeof m.content !== "string") return m;
    const content = m.content.replace(/\uE000(\w+)\uE001/g, "{{ $1 }}");
    return MARKS.test(content) || MARKS.test(m.role) ? undefined : { ...m, content };
  };
  const before = messages.slice(0, split).map(back);
  const after = messages.slice(split + 1).map(back);
  if ([...before, ...after].some((m) => m === undefined))
    return { ok: false, reason: formsReason("writes a var where only text can be read back") };
  return { ok: true, chat, before: before as Message[], after: after as Message[] };
}

/** JSON.parse's complaint without the position, which names no line a user could find. */
const jsonError = (e: Error): string => e.message.replace(/ in JSON at position[\s\S]*$/, "").slice(0, 80);

function formsReason(detail: string): string {
  return `a Nunjucks template that renders to a JSON chat, ${detail}; agentops reads a chat-history loop ({% for m in var %} over {role, content} objects or {% for role, content in m %} over {user: "…"} maps), a file that is only {{ var | dump }}, {{ name }} inside strings and {{ name | dump }} as a value`;
}

export interface PromptTurns {
  system?: string;
  messages?: Turn[];
  template?: string;
}

const sameTurn = (a: unknown, b: Turn): boolean =>
  isMap(a) && Object.keys(a).length === 2 && a.role === b.role && a.content === b.content;

/** The test each example came from, by example id. */
export type TestsById = ReadonlyMap<string, { where: string; vars: Readonly<Record<string, unknown>> }>;

/**
 * The examples of a prompt that is not JSON (text, or a chat written as a Nunjucks template), with the
 * `{{ name }}` in its vars' values filled in as promptfoo does before rendering such a prompt. A test
 * whose value cannot be (another tag, an answer an earlier test stores) is listed and left out.
 */
export function withVarValues(
  prompt: { label: string; variables: readonly string[] },
  examples: readonly EvalExample[],
  tests: TestsById,
  notes: ImportNotes,
): EvalExample[] {
  const out: EvalExample[] = [];
  for (const ex of examples) {
    const t = tests.get(ex.id);
    if (!t) continue;
    const input = { ...ex.input };
    let reason: string | undefined;
    for (const name of prompt.variables) {
      const v = t.vars[name];
      if (typeof v !== "string") continue;
      const r = renderVarValue(v, t.vars);
      if (!r.ok) {
        reason = `var ${name} ${r.reason}`;
        break;
      }
      if (r.text === v) continue;
      input[name] = r.text;
      notes.change(
        t.where,
        `var ${name}`,
        "holds {{…}}: written with the test's vars filled in, as promptfoo renders it",
      );
    }
    if (reason !== undefined) notes.skip(t.where, `test, for prompt ${prompt.label}`, reason);
    else out.push({ ...ex, input });
  }
  return out;
}

/**
 * The examples of a prompt read from a Nunjucks chat: each test's conversation so far as its
 * `input.messages`, after checking the test renders in promptfoo to exactly what the prompt sends.
 * A test that does not is listed with the reason and left out of this prompt. Its vars' values are
 * those `withVarValues` filled in.
 */
export function withConversation(
  prompt: PromptTurns & { label: string },
  chat: NunjucksChat,
  examples: readonly EvalExample[],
  tests: TestsById,
  notes: ImportNotes,
): EvalExample[] {
  const out: EvalExample[] = [];
  for (const ex of examples) {
    const t = tests.get(ex.id);
    if (!t) continue;
    // The values promptfoo renders the chat with: the filled-in ones, and undefined where the test sets none.
    const vars = {
      ...t.vars,
      ...Object.fromEntries(chat.names.filter((n) => Object.hasOwn(t.vars, n)).map((n) => [n, ex.input[n]])),
    };
    const r = conversationOf(prompt, chat, ex, vars);
    if ("reason" in r) {
      notes.skip(t.where, `test, for prompt ${prompt.label}`, r.reason);
      continue;
    }
    // The history var is now the conversation, not an input of the templates.
    const input = Object.fromEntries(Object.entries(ex.input).filter(([k]) => k !== chat.history));
    if (r.turns.length) input.messages = r.turns;
    out.push({ ...ex, input });
  }
  return out;
}

function conversationOf(
  prompt: PromptTurns,
  chat: NunjucksChat,
  ex: EvalExample,
  vars: Readonly<Record<string, unknown>>,
): { turns: Turn[] } | { reason: string } {
  const h = chat.history;
  if (h !== "messages" && Object.hasOwn(vars, "messages"))
    return { reason: "sets a var named messages, which agentops reads as the conversation so far" };
  let parsed: unknown;
  try {
    const text = render(
      chat,
      (name, dump) => print(vars[name], dump, name),
      h === undefined ? undefined : vars[h],
    );
    parsed = JSON.parse(text);
  } catch (e) {
    if (e instanceof Refused) return { reason: e.message };
    if (e instanceof SyntaxError)
      return { reason: `promptfoo cannot parse the chat this test renders (${jsonError(e)})` };
    throw e;
  }
  if (!Array.isArray(parsed)) return { reason: "renders to JSON that is not a list of messages" };
  const where = { exampleId: ex.id };
  const fill = (t: string) => renderTemplate(t, ex.input, where);
  const head: Turn[] = [
    ...(prompt.system !== undefined ? [{ role: "system" as const, content: fill(prompt.system) }] : []),
    ...(prompt.messages ?? []).map((m) => ({ role: m.role, content: fill(m.content) })),
  ];
  const tail: Turn[] =
    prompt.template !== undefined ? [{ role: "user", content: fill(prompt.template) }] : [];
  const sent: unknown[] = parsed;
  const plain = (m: unknown): unknown => {
    if (!isMap(m)) return m;
    const p = plainMessage(m as unknown as Message);
    return "reason" in p ? undefined : p;
  };
  const same =
    sent.length >= head.length + tail.length &&
    head.every((m, i) => sameTurn(plain(sent[i]), m)) &&
    tail.every((m, i) => sameTurn(plain(sent[sent.length - tail.length + i]), m));
  if (!same)
    return {
      reason:
        "promptfoo renders different text for this test than the converted prompt sends (a value with quotes, backslashes or line breaks written inside a JSON string, or a value that is not text)",
    };
  const middle = sent.slice(head.length, sent.length - tail.length);
  if (h === undefined && middle.length > 0) return { reason: "renders more messages than the prompt holds" };
  const turns: Turn[] = [];
  for (const raw of middle) {
    const m = isMap(raw) ? plainMessage(raw as unknown as Message) : undefined;
    if (m && "reason" in m) return { reason: `var ${h ?? ""} holds ${m.reason}` };
    if (
      !isMap(m) ||
      typeof m.role !== "string" ||
      !ROLES.has(m.role) ||
      typeof m.content !== "string" ||
      Object.keys(m).some((k) => k !== "role" && k !== "content")
    )
      return {
        reason: `var ${h ?? ""} holds a message agentops cannot send as a {role: user|assistant|system, content: text} turn`,
      };
    turns.push({ role: m.role as Role, content: m.content });
  }
  if (prompt.template === undefined && prompt.messages === undefined && turns.length === 0)
    return { reason: `var ${h ?? ""} is empty and the prompt has no user turn of its own: nothing to send` };
  return { turns };
}

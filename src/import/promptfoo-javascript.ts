/**
 * A strict recogniser for the tiny `javascript` assertions promptfoo configs are full of
 * (`output.includes('x')`, `output.length < 500`): it reads the expression TEXT with a small grammar and
 * maps the few exact forms to criteria. Nothing is evaluated; anything outside the grammar is refused
 * with the reason, so the importer lists it instead of guessing.
 *
 * promptfoo runs a one-line value as `return <value>` and a multi-line one as a function body, with
 * `output` the provider's output (a string for a plain chat answer); the assertion passes when the
 * result is `true` (or a number above the threshold) and fails on anything that is not a boolean or a
 * number (`output && …` with an empty output returns "" and fails). `not-javascript` inverts a boolean.
 */
import type { Bounds } from "../config/schema.js";

export type JsSpec =
  | { type: "contains" | "icontains" | "not_contains" | "not_icontains"; value: string | string[] }
  | { type: "regex"; pattern: string; match?: false }
  | { type: "length"; chars: Bounds };

export type JsMapped =
  { ok: true; spec: JsSpec; baseName: string; difference?: string } | { ok: false; reason: string };

type Token =
  | { kind: "id"; text: string }
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "op"; text: string };

const OPS = ["===", "!==", "&&", "||", "<=", ">=", "<", ">", "!", ".", "(", ")", ";"];

class Refused extends Error {
  /** A reason that stands on its own (not "this one has …"). */
  constructor(
    message: string,
    readonly whole = false,
  ) {
    super(message);
  }
}
const refuse = (why: string, whole = false): never => {
  throw new Refused(why, whole);
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= src.length) refuse("an unterminated string");
        const d = src.charAt(j);
        if (d === c) break;
        if (d === "\n") refuse("a line break inside a string");
        if (d === "\\") {
          const e = src.charAt(j + 1);
          const simple: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t" };
          const s = simple[e];
          if (s === undefined) return refuse(`the string escape \\${e}`);
          value += s;
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      out.push({ kind: "str", value });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?![\w.])/.exec(src.slice(i));
    if (num) {
      out.push({ kind: "num", value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
    if (id) {
      out.push({ kind: "id", text: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) refuse(`the character ${JSON.stringify(c)}`);
    else {
      out.push({ kind: "op", text: op });
      i += op.length;
    }
  }
  return out;
}

/** A condition on the answer text, as the recogniser understands it. */
type Cond =
  | { kind: "contains"; fold: boolean; value: string }
  | { kind: "edge"; at: "start" | "end"; value: string }
  | { kind: "length"; chars: Bounds }
  | { kind: "nonblank" }
  /** `output` used as a truth value: non-empty. Not a boolean: only allowed before `&&`. */
  | { kind: "truthy" }
  | { kind: "always" }
  | { kind: "not"; of: Cond }
  | { kind: "and" | "or"; of: Cond[] };

class Parser {
  private i = 0;
  constructor(private readonly t: Token[]) {}
  private peek(): Token | undefined {
    return this.t[this.i];
  }
  private isOp(text: string): boolean {
    const p = this.peek();
    return p?.kind === "op" && p.text === text;
  }
  private expectOp(text: string): void {
    if (!this.isOp(text)) refuse(`expected ${text}`);
    this.i++;
  }
  private ident(text: string): boolean {
    const p = this.peek();
    if (p?.kind === "id" && p.text === text) return (this.i++, true);
    return false;
  }
  private string(): string {
    const p = this.peek();
    if (p?.kind !== "str") return refuse("an argument that is not a plain string");
    this.i++;
    return p.value;
  }
  private number(): number {
    const p = this.peek();
    if (p?.kind !== "num") return refuse("a comparison with something other than a whole number");
    this.i++;
    return p.value;
  }
  parse(): Cond {
    const c = this.or();
    if (this.isOp(";")) this.i++;
    if (this.i !== this.t.length) refuse("more than one expression");
    return c;
  }
  private or(): Cond {
    const of = [this.and()];
    while (this.isOp("||")) {
      this.i++;
      of.push(this.and());
    }
    return of.length === 1 ? (of[0] as Cond) : { kind: "or", of };
  }
  private and(): Cond {
    const of = [this.unary()];
    while (this.isOp("&&")) {
      this.i++;
      of.push(this.unary());
    }
    return of.length === 1 ? (of[0] as Cond) : { kind: "and", of };
  }
  private unary(): Cond {
    if (this.isOp("!")) return (this.i++, { kind: "not", of: this.unary() });
    if (this.isOp("(")) {
      this.i++;
      const c = this.or();
      this.expectOp(")");
      return c;
    }
    if (this.ident("typeof")) {
      if (!this.ident("output")) refuse("typeof of something other than output");
      this.expectOp("===");
      if (this.string() !== "string") refuse("a typeof test other than 'string'");
      return { kind: "always" };
    }
    if (!this.ident("output")) return refuse("an expression that does not start from output");
    if (!this.isOp(".")) return { kind: "truthy" };
    this.i++;
    if (this.ident("length")) return { kind: "length", chars: this.bounds() };
    if (this.ident("toLowerCase")) {
      this.expectOp("(");
      this.expectOp(")");
      this.expectOp(".");
      if (!this.ident("includes")) refuse("a method other than includes after toLowerCase()");
      const value = this.call();
      // `output.toLowerCase().includes('World')` can never pass; a lower-case needle is icontains exactly.
      if (value !== value.toLowerCase())
        refuse("toLowerCase().includes() of a text with capitals, which never matches");
      return { kind: "contains", fold: true, value };
    }
    if (this.ident("trim")) {
      this.expectOp("(");
      this.expectOp(")");
      this.expectOp(".");
      if (!this.ident("length")) refuse("a method other than length after trim()");
      const b = this.bounds();
      if (b.max !== undefined || b.min !== 1) refuse("a trimmed length other than > 0");
      return { kind: "nonblank" };
    }
    if (this.ident("includes")) return { kind: "contains", fold: false, value: this.call() };
    if (this.ident("startsWith")) return { kind: "edge", at: "start", value: this.call() };
    if (this.ident("endsWith")) return { kind: "edge", at: "end", value: this.call() };
    return refuse("a property or method of output other than includes, startsWith, endsWith or length");
  }
  private call(): string {
    this.expectOp("(");
    const s = this.string();
    this.expectOp(")");
    if (s === "") refuse("an empty text argument");
    return s;
  }
  /** `OP N` after a length: the inclusive bounds it allows. */
  private bounds(): Bounds {
    const p = this.peek();
    if (p?.kind !== "op") return refuse("a length that is not compared with a number");
    this.i++;
    const n = this.number();
    switch (p.text) {
      case ">":
        return { min: n + 1 };
      case ">=":
        return { min: n };
      case "<":
        if (n === 0) refuse("a length below 0");
        return { max: n - 1 };
      case "<=":
        return { max: n };
      case "===":
        return { min: n, max: n };
      default:
        return refuse(`a length compared with ${p.text}`);
    }
  }
}

/** The statement promptfoo runs: a one-line value is returned; a body must be comments and one return. */
function expressionOf(value: string): string {
  const text = value.trimEnd();
  if (!text.includes("\n")) return text;
  const lines = text.split("\n").filter((l) => !/^\s*(\/\/.*)?$/.test(l));
  const body = lines.join("\n").trim();
  const m = /^return\b([\s\S]*)$/.exec(body);
  if (!m) {
    if (!/\breturn\b/.test(body))
      refuse(
        "a multi-line body without return: promptfoo runs it as a function that returns nothing, so the assertion always fails (an error); add return to the expression you meant",
        true,
      );
    refuse("a function body with statements before its return");
  }
  return m?.[1] ?? "";
}

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
/** What JavaScript's trim() removes: WhiteSpace and LineTerminator (RE2's \s is ASCII only). */
const JS_SPACE =
  "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
const UTF16 =
  "JavaScript's output.length counts UTF-16 code units, agentops' length counts characters as a reader sees them (an emoji or an accented letter written in two code points is one): answers holding those count shorter";

const isBoolean = (c: Cond): boolean => c.kind !== "truthy";

/** Drops what adds nothing to a conjunction: `output &&` before a test that already needs text, `typeof`. */
function simplifyAnd(of: Cond[]): Cond[] {
  const needsText = of.some(
    (c) =>
      c.kind === "contains" ||
      c.kind === "edge" ||
      c.kind === "nonblank" ||
      (c.kind === "length" && (c.chars.min ?? 0) >= 1),
  );
  return of.filter((c) => c.kind !== "always" && !(c.kind === "truthy" && needsText));
}

function toSpec(c: Cond, negated: boolean): { spec: JsSpec; name: string; difference?: string } {
  if (c.kind === "and") {
    // promptfoo fails an assertion whose result is not a boolean: `x && output` returns a string.
    if (!c.of.slice(-1).every(isBoolean)) refuse("an && whose last operand is output itself (not a boolean)");
    const of = simplifyAnd(c.of);
    if (of.length === 1 && of[0]) return toSpec(of[0], negated);
    if (negated) refuse("not-javascript of a conjunction (at least one fails): no criterion says that");
    if (of.every((x) => x.kind === "truthy" || x.kind === "length")) {
      let min = 0;
      let max: number | undefined;
      for (const x of of) {
        if (x.kind === "truthy") min = Math.max(min, 1);
        if (x.kind === "length") {
          min = Math.max(min, x.chars.min ?? 0);
          if (x.chars.max !== undefined) max = Math.min(max ?? Infinity, x.chars.max);
        }
      }
      if (max !== undefined && max < min) refuse("length bounds no answer meets");
      return {
        spec: { type: "length", chars: { min, ...(max !== undefined ? { max } : {}) } },
        name: "length",
        difference: UTF16,
      };
    }
    const kinds = new Set(
      of.map((x) => (x.kind === "not" ? `not-${x.of.kind}-${fold(x.of)}` : `${x.kind}-${fold(x)}`)),
    );
    const [only] = kinds;
    if (kinds.size === 1 && only !== undefined && /^(not-)?contains-/.test(only)) {
      const values = of.map(
        (x) => ((x.kind === "not" ? x.of : x) as Extract<Cond, { kind: "contains" }>).value,
      );
      const not = only.startsWith("not-");
      const folded = only.endsWith("-true");
      const type = `${not ? "not_" : ""}${folded ? "i" : ""}contains` as const;
      return { spec: { type, value: values }, name: type.replace("_", "-") };
    }
    return refuse(
      "an && of checks of different kinds (one criterion each: write them as separate assertions)",
    );
  }
  if (c.kind === "or") {
    if (!c.of.every(isBoolean)) refuse("an || with output itself as an operand (not a boolean)");
    if (negated) refuse("not-javascript of an ||");
    if (c.of.every((x) => x.kind === "contains" && !x.fold)) {
      const values = c.of.map((x) => (x as Extract<Cond, { kind: "contains" }>).value);
      return { spec: { type: "regex", pattern: values.map(escapeRegex).join("|") }, name: "contains-any" };
    }
    return refuse("an || of anything but case-sensitive includes");
  }
  if (c.kind === "not") {
    if (c.of.kind === "and" || c.of.kind === "or") refuse("a negated && or ||");
    return toSpec(c.of, !negated);
  }
  switch (c.kind) {
    case "truthy":
      return refuse("output itself as the result (a string, not a boolean)");
    case "always":
      return refuse("a test that is always true for a text answer (typeof output)");
    case "contains": {
      const type = `${negated ? "not_" : ""}${c.fold ? "i" : ""}contains` as const;
      return { spec: { type, value: c.value }, name: type.replace("_", "-") };
    }
    case "edge": {
      const pattern = c.at === "start" ? `^${escapeRegex(c.value)}` : `${escapeRegex(c.value)}$`;
      return {
        spec: { type: "regex", pattern, ...(negated ? { match: false as const } : {}) },
        name: c.at === "start" ? "starts-with" : "ends-with",
      };
    }
    case "nonblank":
      return {
        spec: { type: "regex", pattern: `[^${JS_SPACE}]`, ...(negated ? { match: false as const } : {}) },
        name: "not-blank",
      };
    case "length": {
      let chars = c.chars;
      if (negated) {
        // The complement of one bound is one bound; of two (=== N) it is two ranges.
        if (chars.min !== undefined && chars.max !== undefined) refuse("not-javascript of a length equality");
        if (chars.min !== undefined) {
          if (chars.min === 0) refuse("a length test no answer fails");
          chars = { max: chars.min - 1 };
        } else chars = { min: (chars.max ?? 0) + 1 };
      }
      return { spec: { type: "length", chars }, name: "length", difference: UTF16 };
    }
  }
}

const fold = (c: Cond): string => String(c.kind === "contains" && c.fold);

/** Maps a `javascript` (or `not-javascript`) assertion's code to a criterion, or says why not. */
export function mapJavascript(value: unknown, negated: boolean, textOutput: boolean): JsMapped {
  if (typeof value !== "string" || value.trim() === "")
    return { ok: false, reason: "code in a file or not text" };
  if (value.startsWith("file://")) return { ok: false, reason: `runs code from ${value}` };
  try {
    const expr = expressionOf(value);
    if (/\/\/|\/\*/.test(expr.replace(/'[^'\n]*'|"[^"\n]*"/g, ""))) refuse("a comment inside the expression");
    const cond = new Parser(tokenize(expr)).parse();
    if (!textOutput)
      refuse(
        "runs code on an output that may be an object: a provider declares tools or a JSON-schema response format (promptfoo then passes the calls or the parsed JSON, not the text)",
        true,
      );
    const { spec, name, difference } = toSpec(cond, negated);
    return { ok: true, spec, baseName: name, ...(difference ? { difference } : {}) };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    if (e.whole) return { ok: false, reason: e.message };
    return {
      ok: false,
      reason: `runs code; agentops never executes code and recognises only a few exact expressions (output.includes('…'), output.toLowerCase().includes('…'), output.startsWith/endsWith('…'), output.length compared with a number, joined by && or !), and not this one (${e.message})`,
    };
  }
}

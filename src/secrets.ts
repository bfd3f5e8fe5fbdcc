/**
 * The one scrubber for secrets (the API key, the GitHub token) in any text we
 * build from what a server answered, before it reaches a log, comment, status,
 * summary or results file.
 *
 * A server that echoes a key rarely echoes it verbatim: it may show the
 * Authorization header base64-encoded ("Basic dXNlcjpLRVk="), URL-encoded,
 * upper-cased, or wrapped over lines. Each secret of MIN_VARIANT_LENGTH or more
 * characters is therefore matched in all those forms, case-insensitively, with
 * any whitespace (or invisible character) allowed between its characters.
 * Shorter secrets are matched exactly only: their encodings would be short
 * enough to hit ordinary text.
 */

export const MIN_VARIANT_LENGTH = 8;
const MASK = "***";

/**
 * What may sit between a secret's characters: whitespace, and the invisible
 * characters (zero-width space, joiners, word joiner, soft hyphen) that would
 * show a key intact in a rendered comment while breaking a plain match.
 */
const GAP = "[\\s\\u00ad\\u200b-\\u200d\\u2060]*";
const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060]+/g;

const b64 = (bytes: Buffer): string => bytes.toString("base64").replace(/=+$/, "");

/**
 * The characters of the base64 of `secret` that stay the same wherever the
 * secret sits in a longer blob, for each of the three byte alignments. Base64
 * char i carries bits [6i, 6i + 6) of the input; with `pad` bytes before the
 * secret, the chars fully inside the secret's bits are the stable core.
 */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = b64(Buffer.concat([Buffer.alloc(pad), bytes]));
    const start = Math.ceil((8 * pad) / 6);
    const end = Math.floor((8 * (pad + bytes.length)) / 6);
    if (end > start) cores.push(encoded.slice(start, end));
  }
  return cores;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32, without padding. */
export function base32(bytes: Buffer): string {
  let out = "";
  let value = 0;
  let bits = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32.charAt((value << (5 - bits)) & 31);
  return out;
}

/** As base64Cores, for base32 (5 bits a character, five byte alignments). */
export function base32Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores: string[] = [];
  for (let pad = 0; pad < 5; pad++) {
    const encoded = base32(Buffer.concat([Buffer.alloc(pad), bytes]));
    const start = Math.ceil((8 * pad) / 5);
    const end = Math.floor((8 * (pad + bytes.length)) / 5);
    if (end > start) cores.push(encoded.slice(start, end));
  }
  return cores;
}

const reversed = (secret: string): string => Array.from(secret).reverse().join("");

const rot13 = (secret: string): string =>
  secret.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });

/** Every byte as %XX, the form some servers use for a whole header value. */
function percentEveryByte(secret: string): string {
  return [...Buffer.from(secret, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
}

/** The forms of one secret we look for (before case folding and whitespace). */
export function secretVariants(secret: string): string[] {
  if (secret.length < MIN_VARIANT_LENGTH) return [secret];
  const cores = base64Cores(secret);
  const urlSafe = cores.map((c) => c.replace(/\+/g, "-").replace(/\//g, "_"));
  const variants = [
    ...textForms(secret),
    ...base32Cores(secret),
    encodeURIComponent(secret),
    percentEveryByte(secret),
    Buffer.from(secret, "utf8").toString("hex"),
    ...cores,
    ...urlSafe,
    // base64 inside a URL: + and / become %2B and %2F.
    ...cores.map((c) => encodeURIComponent(c)),
  ];
  return [...new Set(variants.map((v) => v.replace(INVISIBLE, "")).filter((v) => v.length > 0))];
}

/**
 * The forms that keep the secret's characters one for one: as it is, reversed
 * and rot13'd. Each character of these may also be written as a JSON or JS
 * escape (\\u0073, \\x73) or an HTML entity (&#115; &#x73;), so they are matched
 * character by character (charPattern), not as literals.
 */
function textForms(secret: string): string[] {
  return [secret, reversed(secret), rot13(secret)];
}

const escapeChar = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

const NAMED_ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "/": "&sol;",
  "-": "&hyphen;",
  _: "&lowbar;",
  ".": "&period;",
  ":": "&colon;",
};

/** One character, or any escape of it that JSON, JavaScript or HTML would decode to it. */
function charPattern(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  const alternatives = [
    escapeChar(c),
    `\\\\u0*${hex}`,
    `\\\\x0*${hex}`,
    `&#0*${String(code)};`,
    `&#x0*${hex};`,
    ...(NAMED_ENTITY[c] ? [escapeChar(NAMED_ENTITY[c])] : []),
  ];
  return `(?:${alternatives.join("|")})`;
}

/**
 * One regex for each of a secret's variants. Each is built from escaped literals
 * with GAP between characters and no nested quantifiers: each GAP is followed
 * by a visible literal, so a failed attempt backs off at most the gap it took,
 * and matching stays linear in the text for a fixed secret.
 */
function patternsFor(secret: string): RegExp[] {
  // One pattern a form: an alternation of forms that start with many different letters defeats the regex
  // engine's literal scan (on 1.3 MB of answers, one 13-form pattern took about 3 times as long as 13 patterns).
  return (
    secretVariants(secret)
      // Longest first, so a longer form is masked whole rather than its prefix.
      .sort((a, b) => b.length - a.length)
      .map((v) => new RegExp(Array.from(v).map(escapeChar).join(GAP), "gi"))
  );
}

/**
 * The text forms with any character escaped (charPattern). Ten times slower
 * than the literal pattern, so it runs only on text holding an escape at all.
 */
function escapedPatternFor(secret: string): RegExp {
  return new RegExp(
    textForms(secret)
      .map((v) => Array.from(v).map(charPattern).join(GAP))
      .join("|"),
    "gi",
  );
}
const MAY_HOLD_ESCAPES = /\\[ux]|&#|&[a-z]+;/i;

/**
 * How long a piece of a secret must be to be masked on its own: a third of it
 * (at least MIN_VARIANT_LENGTH). A key split across two fields, or two answers,
 * leaves at least one piece of half its length in each, and neither may stay.
 */
export function fragmentLength(secret: string): number {
  return Math.max(MIN_VARIANT_LENGTH, Math.ceil(Array.from(secret).length / 3));
}

/**
 * Any run of `fragmentLength` or more characters of the secret (or of it
 * reversed), as long as it goes: alternative i starts at character i and
 * extends through nested optional groups of literals, so matching stays linear.
 */
function fragmentPattern(secret: string): RegExp {
  const alternatives: string[] = [];
  const f = fragmentLength(secret);
  for (const form of [secret, reversed(secret)]) {
    const chars = Array.from(form).map(escapeChar);
    for (let i = 0; i + f <= chars.length; i++) {
      let tail = "";
      for (let j = chars.length - 1; j >= i + f; j--) tail = `(?:${chars[j] ?? ""}${tail})?`;
      alternatives.push(chars.slice(i, i + f).join("") + tail);
    }
  }
  return new RegExp(alternatives.join("|"), "gi");
}

/**
 * Lower-cased 4-character pieces of the secret (and of it reversed), taken every
 * `fragmentLength - 3` characters: any run of fragmentLength characters of the
 * secret holds one whole, so text holding none of them holds no fragment, and
 * the slower fragment pattern is skipped.
 */
function fragmentGrams(secret: string): string[] {
  const f = fragmentLength(secret);
  const grams: string[] = [];
  for (const form of [secret, reversed(secret)]) {
    const chars = Array.from(form.toLowerCase());
    for (let i = 0; i + 4 <= chars.length; i += f - 3) grams.push(chars.slice(i, i + 4).join(""));
  }
  return grams;
}

interface Compiled {
  whole: RegExp[];
  escaped: RegExp;
  fragments: RegExp;
  /** Any of fragmentGrams, case-insensitive: finds where a fragment may be, at the speed of a literal search. */
  grams: RegExp;
}

/** Compiled patterns by secret: the scrubber runs on every error message. */
const patterns = new Map<string, Compiled>();

function cachedPatterns(secret: string): Compiled {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = {
      whole: patternsFor(secret),
      escaped: escapedPatternFor(secret),
      fragments: fragmentPattern(secret),
      grams: new RegExp(fragmentGrams(secret).map(escapeChar).join("|"), "gi"),
    };
    if (patterns.size > 64) patterns.clear();
    patterns.set(secret, pattern);
  }
  return pattern;
}

const replaceAll = (text: string, pattern: RegExp): string => {
  pattern.lastIndex = 0;
  return text.replace(pattern, MASK);
};

/**
 * A piece of a key with no letter is left alone: in a key of random letters and digits such a run is
 * all but impossible (8 digits in a row: about 5·10⁻⁷), while numbers in results and reports hold
 * digit runs all the time, and masking one ("0.0123456789" → "0.***") breaks the JSON it is in.
 */
const maskUnlessDigits = (piece: string): string => (/\p{L}/u.test(piece) ? MASK : piece);

/**
 * The fragment pattern, run only on windows around the places a 4-character
 * piece of the secret occurs (a fragment is at most `length` long and holds
 * one such piece), so text far from any is never matched against it.
 */
function scrubFragments(text: string, p: Compiled, length: number): string {
  const windows: [number, number][] = [];
  p.grams.lastIndex = 0;
  for (let m = p.grams.exec(text); m; m = p.grams.exec(text)) {
    const start = Math.max(0, m.index - length);
    const end = Math.min(text.length, m.index + length);
    const last = windows.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
    p.grams.lastIndex = m.index + 1;
  }
  if (windows.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of windows) {
    p.fragments.lastIndex = 0;
    out += text.slice(at, start) + text.slice(start, end).replace(p.fragments, maskUnlessDigits);
    at = end;
  }
  return out + text.slice(at);
}

export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    if (secret.length < MIN_VARIANT_LENGTH) {
      out = out.split(secret).join(MASK);
      continue;
    }
    // Whole forms first (masked as one), then any piece left of a key split across fields.
    const p = cachedPatterns(secret);
    for (const pattern of p.whole) out = replaceAll(out, pattern);
    if (MAY_HOLD_ESCAPES.test(out)) out = replaceAll(out, p.escaped);
    out = scrubFragments(out, p, secret.length);
  }
  return out;
}

/**
 * A JSON-like value with every string scrubbed. Used before a value is
 * serialized: scrubbing the JSON text instead would miss a key split by a
 * newline, which JSON writes as the two characters `\n`. The value is not
 * changed; only the parts that held a secret are copied, so a run's 100,000
 * answers are not all held twice.
 */
export function scrubDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (!secrets.some((s) => s)) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrubSecrets(v, secrets);
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const inner: unknown = v[i];
        const scrubbed = walk(inner);
        if (scrubbed !== inner) (out ??= v.slice())[i] = scrubbed;
      }
      return out ?? v;
    }
    // Only plain objects: anything else (a Map, a typed array) is passed through as it is.
    if (v !== null && typeof v === "object" && isPlain(v)) {
      const entries = Object.entries(v);
      const scrubbed = entries.map(([k, inner]) => [scrubSecrets(k, secrets), walk(inner)] as const);
      const same = scrubbed.every(([k, inner], i) => k === entries[i]?.[0] && inner === entries[i]?.[1]);
      return same ? v : Object.fromEntries(scrubbed);
    }
    return v;
  };
  return walk(value) as T;
}

function isPlain(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The secrets a CLI run may hold in its environment. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return ["OPENAI_API_KEY", "GITHUB_TOKEN", "GH_TOKEN", "INPUT_API-KEY", "INPUT_GITHUB-TOKEN"]
    .map((name) => env[name]?.trim() ?? "")
    .filter((s) => s.length > 0);
}

/**
 * Models often wrap JSON in a Markdown fence; accept exactly one around the whole output.
 * The lazy body is followed by an end anchor, so matching stays linear in the output length.
 */
const FENCE = /^```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/i;

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonOutput(output: string): JsonParse {
  const trimmed = output.trim();
  const body = FENCE.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Where two JSON values first differ, as a JSON Pointer ("" is the root); undefined when they are equal.
 * Object key order does not matter; array order does.
 */
export function jsonDifference(a: unknown, b: unknown, at = ""): string | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return at;
    for (let i = 0; i < a.length; i++) {
      const d = jsonDifference(a[i], b[i], `${at}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return at;
    for (const k of keys) {
      if (!Object.hasOwn(b, k)) return at;
      const d = jsonDifference(a[k], b[k], `${at}/${escapePointer(k)}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return at;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return jsonDifference(a, b) === undefined;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

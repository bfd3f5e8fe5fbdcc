import type { ToolFixture } from "../config/schema.js";
import { canonicalJson } from "../engine/request.js";

/**
 * Whether `want` is contained in `have`: every key of an object with a contained value, arrays
 * element by element with equal length, anything else equal as JSON. `{}` is contained in any object.
 */
export function isSubset(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => isSubset(w, have[i]));
  }
  if (want !== null && typeof want === "object") {
    if (have === null || typeof have !== "object" || Array.isArray(have)) return false;
    const h = have as Record<string, unknown>;
    return Object.entries(want).every(([k, v]) => Object.hasOwn(h, k) && isSubset(v, h[k]));
  }
  return canonicalJson(want) === canonicalJson(have);
}

/** Equal as JSON values: key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A call's arguments as an object; undefined when they are not a JSON object. */
export function parseArguments(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text === "" ? "{}" : text);
    return v !== null && typeof v === "object" && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export type FixtureMatch = { index: number; result: unknown } | { unmatched: true; result: unknown };

/**
 * The first fixture with the call's name whose arguments are a subset of the call's; a call
 * with none (or with arguments that are not a JSON object) gets an error result the model can
 * read, and is counted as unmatched.
 */
export function matchFixture(
  fixtures: readonly ToolFixture[],
  name: string,
  args: Record<string, unknown> | undefined,
): FixtureMatch {
  const index = fixtures.findIndex(
    (f) => f.name === name && args !== undefined && isSubset(f.arguments ?? {}, args),
  );
  const found = index >= 0 ? fixtures[index] : undefined;
  if (found) return { index, result: found.result ?? null };
  return { unmatched: true, result: { error: `no fixture for ${name}` } };
}

/** A tool result as the content of a tool message: strings as they are, anything else as JSON. */
export function resultText(result: unknown): string {
  return typeof result === "string" ? result : JSON.stringify(result ?? null);
}

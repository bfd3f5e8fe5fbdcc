import { open } from "node:fs/promises";

/*
 * A results file of 100,000 examples is hundreds of megabytes as one string:
 * JSON.stringify of it holds every answer a second time and blocks the event
 * loop for seconds. This writes the same bytes as
 * `JSON.stringify(value, null, 2) + "\n"` piece by piece (whole leaves, such as
 * one example, at a time), so readers (merge, lifecycle) see no difference.
 */

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object";

/** The value JSON.stringify would serialise in place of `v` (toJSON, e.g. a Date). */
function jsonValue(v: Json, key: string): Json {
  if (isObject(v) && typeof (v as { toJSON?: unknown }).toJSON === "function")
    return (v as { toJSON: (k: string) => Json }).toJSON(key);
  return v;
}

/** JSON.stringify skips these as members and writes null for them as array elements. */
const skipped = (v: Json): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/** Containers worth splitting: arrays, and objects that hold an array (a run holds its examples). */
function splits(v: Json): v is Record<string, Json> | Json[] {
  if (Array.isArray(v)) return v.length > 0;
  return isObject(v) && Object.values(v).some((m) => Array.isArray(m));
}

/** Pieces of JSON.stringify(value, null, 2). */
export function jsonPieces(value: Json): Generator<string> {
  return pieces(jsonValue(value, ""), "");
}

/** `v` with toJSON already applied, at `indent` (what precedes its closing line). */
function* pieces(v: Json, indent: string): Generator<string> {
  if (!splits(v)) {
    const text = JSON.stringify(v, null, 2) ?? "null";
    // JSON text has no raw newline inside a string, so each one starts a line to indent.
    yield indent ? text.replaceAll("\n", `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield `${i > 0 ? "," : ""}\n${inner}`;
      const element = jsonValue(v[i], String(i));
      if (skipped(element)) yield "null";
      else yield* pieces(element, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  yield "{";
  for (const k of Object.keys(v)) {
    const member = jsonValue(v[k], k);
    if (skipped(member)) continue;
    yield `${first ? "" : ","}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* pieces(member, inner);
  }
  yield first ? "}" : `\n${indent}}`;
}

const CHUNK_CHARS = 1 << 20;

/** Writes `JSON.stringify(value, null, 2) + "\n"` to `path`, a megabyte at a time. */
export async function writeJsonFile(path: string, value: Json): Promise<void> {
  const file = await open(path, "w");
  try {
    let buffer = "";
    for (const piece of jsonPieces(value)) {
      buffer += piece;
      if (buffer.length >= CHUNK_CHARS) {
        await file.write(buffer);
        buffer = "";
      }
    }
    await file.write(`${buffer}\n`);
  } finally {
    await file.close();
  }
}

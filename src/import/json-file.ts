import { UserError } from "../errors.js";

/** JSON text from a file the config names; a syntax error names the file (and line, for JSONL). */
export function parseJsonFile(text: string, file: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(
      `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      { file, ...(line ? { line } : {}) },
      line ? "each line must be one JSON object" : "fix the JSON syntax",
    );
  }
}

/** A parsed JSON or YAML mapping (an object, not a list or null): the shape every config part is read as. */
export const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

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

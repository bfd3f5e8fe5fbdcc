import { UserError } from "../errors.js";

/** One non-blank line of a JSONL text, parsed, with its 1-based line number. */
export interface JsonLine {
  value: unknown;
  line: number;
}

/**
 * The non-blank lines of a JSONL text (eval sets, traces, imported samples), parsed. A line that is
 * not JSON stops the read with an error naming the file and line; `hint` says what a line should be.
 * Lazy, so a caller's own check of an earlier line still reports before a later line's syntax.
 */
export function* parseJsonLines(text: string, file: string, hint: string): Generator<JsonLine> {
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new UserError(
        `line is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
        { file, line: i + 1 },
        hint,
      );
    }
    yield { value, line: i + 1 };
  }
}

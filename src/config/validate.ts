import type { z } from "zod";
import { UserError } from "../errors.js";

/** `eval_criteria[2].pattern` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Validates `value` and turns the first problem into a UserError that names the
 * file, the line (when the caller can locate it) and the field.
 */
export function validateOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new UserError(`invalid ${what}`, { file });
  let path: PropertyKey[] = [...issue.path];
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    path = [...path, key];
    message = `unknown field "${key}"`;
  } else if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    message = "is required";
  }
  const line = lineOf(path);
  return throwAt(message, file, line, path, what);
}

function throwAt(
  message: string,
  file: string,
  line: number | undefined,
  path: PropertyKey[],
  what: string,
): never {
  const field = formatPath(path);
  throw new UserError(
    message,
    { file, ...(line ? { line } : {}), ...(field ? { field } : {}) },
    `see the ${what} format in the README`,
  );
}

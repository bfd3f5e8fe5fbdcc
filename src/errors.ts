/**
 * A mistake the user can fix (bad file, bad flag). It is printed as one message,
 * never as a stack trace, and the CLI exits with code 2.
 */
export interface UserErrorLocation {
  file?: string;
  line?: number;
  /** Dotted field path inside the file, e.g. `eval_criteria[2].pattern`. */
  field?: string;
}

export class UserError extends Error {
  readonly location: UserErrorLocation;
  readonly hint: string | undefined;

  constructor(message: string, location: UserErrorLocation = {}, hint?: string) {
    super(message);
    this.name = "UserError";
    this.location = location;
    this.hint = hint;
  }

  /** `file:line: field: message (hint)` — the form editors and GitHub annotations understand. */
  format(): string {
    const { file, line, field } = this.location;
    const where = file ? `${file}${line ? `:${line}` : ""}: ` : "";
    const path = field ? `${field}: ` : "";
    const hint = this.hint ? `\n  hint: ${this.hint}` : "";
    return `${where}${path}${this.message}${hint}`;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

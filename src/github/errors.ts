import { STATUS_CODES } from "node:http";
import { scrubSecrets } from "../secrets.js";

/**
 * A failed GitHub call, told in one short line: the status and reason phrase
 * ("GitHub answered 502 Bad Gateway"), plus GitHub's own JSON `message` when it
 * is short. Raw bodies (an HTML error page, an echo of the request) never get in.
 */
export class GitHubError extends Error {
  /** HTTP status, or undefined when GitHub never answered (timeout, network, cancel). */
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined) {
    super(message);
    this.name = "GitHubError";
    this.status = status;
  }
}

export function isGitHubError(e: unknown): e is GitHubError {
  return e instanceof GitHubError;
}

const MAX_MESSAGE = 160;

function shortJsonMessage(data: unknown, secrets: readonly (string | undefined)[]): string | undefined {
  if (typeof data !== "object" || data === null || !("message" in data)) return undefined;
  const message = data.message;
  if (typeof message !== "string") return undefined;
  // One line, no control characters: it goes into statuses and log lines.
  const one = scrubSecrets(message, secrets)
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim();
  if (one === "" || one.length > MAX_MESSAGE || /[<>]/.test(one)) return undefined;
  return one;
}

function field(e: unknown, name: string): unknown {
  return typeof e === "object" && e !== null && name in e ? (e as Record<string, unknown>)[name] : undefined;
}

/** Any error an Octokit call threw → a GitHubError safe to show. */
export function toGitHubError(
  e: unknown,
  how: { cancelled: boolean; timedOut: boolean; timeoutMs: number },
  secrets: readonly (string | undefined)[],
): GitHubError {
  if (isGitHubError(e)) return e;
  if (how.cancelled) return new GitHubError("GitHub call cancelled (the run was cancelled)", undefined);
  if (how.timedOut)
    return new GitHubError(`GitHub did not answer within ${Math.round(how.timeoutMs / 1000)} s`, undefined);
  const status = field(e, "status");
  const response = field(e, "response");
  if (typeof status === "number" && response !== undefined) {
    const reason = STATUS_CODES[status] ?? "";
    const message = shortJsonMessage(field(response, "data"), secrets);
    return new GitHubError(
      `GitHub answered ${status}${reason ? ` ${reason}` : ""}${message ? `: ${message}` : ""}`,
      status,
    );
  }
  // No answer at all: a refused connection, a reset, DNS; Octokit puts the cause's message here.
  const detail = e instanceof Error ? e.message : String(e);
  const clean = scrubSecrets(detail, secrets).replace(/\s+/g, " ").slice(0, MAX_MESSAGE);
  return new GitHubError(`GitHub could not be reached: ${clean}`, undefined);
}

/** The status of a failed GitHub call, if it had one. */
export function httpStatus(e: unknown): number | undefined {
  const s = field(e, "status");
  return typeof s === "number" ? s : undefined;
}

import { STATUS_CODES } from "node:http";
import { scrubSecrets } from "../../secrets.js";

/*
 * What of a server's error we may repeat in a log, comment, status or results
 * file: never a raw body, only short, scrubbed, single-line pieces of it.
 */

/** Longest piece of a server's error text we repeat; HTML error pages can be huge. */
const MAX_DETAIL_CHARS = 300;

/**
 * Server text fit to repeat: secrets scrubbed first (shortening first could
 * leave half a key behind), folded onto one line, then shortened.
 */
export function quote(text: string, apiKey: string, max = MAX_DETAIL_CHARS): string {
  const clean = scrubSecrets(text, [apiKey]).replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * What we repeat of an error answer: the JSON error's `message` field and its
 * type and code, never the raw body. An HTML error page from a proxy is
 * reduced to its status line, e.g. "the endpoint answered 502 Bad Gateway".
 */
export function describeErrorAnswer(
  status: number,
  error: unknown,
  apiKey: string,
): { message?: string; statusLine: string; ids: string } {
  const record = asRecord(error);
  const said = typeof error === "string" ? error : record.message;
  const message = typeof said === "string" ? quote(said, apiKey) : "";
  const ids = (["type", "code"] as const)
    .map((name) => {
      const value = record[name];
      const text =
        typeof value === "string" || typeof value === "number" ? quote(String(value), apiKey, 60) : "";
      return text ? `${name} ${text}` : "";
    })
    .filter((t) => t !== "")
    .join(", ");
  return {
    ...(message ? { message } : {}),
    statusLine: `${status} ${STATUS_CODES[status] ?? ""}`.trim(),
    ids: ids ? ` (${ids})` : "",
  };
}

/** The innermost cause's code or message (e.g. ECONNREFUSED), which says more than "fetch failed". */
export function rootCause(e: unknown): string {
  let current: unknown = e;
  for (let depth = 0; depth < 8; depth++) {
    const next: unknown =
      current !== null && typeof current === "object" && "cause" in current ? current.cause : undefined;
    if (next === undefined || next === null) break;
    current = next;
  }
  if (current !== null && typeof current === "object") {
    const code = "code" in current && typeof current.code === "string" ? current.code : undefined;
    const message = current instanceof Error ? current.message : undefined;
    return code ?? message ?? "";
  }
  return "";
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

import { createHash } from "node:crypto";
import { quote } from "../engine/providers/error-text.js";
import type { BatchEndpoint } from "./batch-api.js";

/* The JSONL of a batch, both ways: request lines out, result lines back. Pure. */

/** OpenAI's limits on one batch input file. */
export interface BatchLimits {
  /** Requests per file (50,000). */
  maxRequests: number;
  /** Bytes per file (200 MB). */
  maxBytes: number;
  /** Embedding inputs across every request of one /v1/embeddings batch (50,000). */
  maxEmbeddingInputs: number;
}

export const OPENAI_BATCH_LIMITS: BatchLimits = {
  maxRequests: 50_000,
  maxBytes: 200 * 1024 * 1024,
  maxEmbeddingInputs: 50_000,
};

/** One request of a batch, already serialised as its JSONL line. */
export interface BatchRequestLine {
  customId: string;
  /** `{"custom_id", "method", "url", "body"}` with a trailing newline. */
  line: string;
  /** Embedding inputs it carries (0 for chat and moderation). */
  inputs: number;
}

export function requestLine(
  customId: string,
  endpoint: BatchEndpoint,
  body: unknown,
  inputs = 0,
): BatchRequestLine {
  const line = `${JSON.stringify({ custom_id: customId, method: "POST", url: endpoint, body })}\n`;
  return { customId, line, inputs };
}

/**
 * Cuts lines (in the order given) into files within the limits. A line that
 * alone breaks the byte limit is returned in `tooLarge`, to be sent as an
 * ordinary call instead.
 */
export function splitAtLimits(
  lines: readonly BatchRequestLine[],
  limits: BatchLimits,
): { parts: BatchRequestLine[][]; tooLarge: BatchRequestLine[] } {
  const parts: BatchRequestLine[][] = [];
  const tooLarge: BatchRequestLine[] = [];
  let part: BatchRequestLine[] = [];
  let bytes = 0;
  let inputs = 0;
  for (const l of lines) {
    const size = Buffer.byteLength(l.line, "utf8");
    if (size > limits.maxBytes || l.inputs > limits.maxEmbeddingInputs) {
      tooLarge.push(l);
      continue;
    }
    if (
      part.length > 0 &&
      (part.length + 1 > limits.maxRequests ||
        bytes + size > limits.maxBytes ||
        inputs + l.inputs > limits.maxEmbeddingInputs)
    ) {
      parts.push(part);
      part = [];
      bytes = 0;
      inputs = 0;
    }
    part.push(l);
    bytes += size;
    inputs += l.inputs;
  }
  if (part.length > 0) parts.push(part);
  return { parts, tooLarge };
}

/** Names a request set: the same requests to the same endpoint, in any order, give the same hash. */
export function requestSetHash(endpoint: BatchEndpoint, customIds: readonly string[]): string {
  const h = createHash("sha256").update(`${endpoint}\n`);
  for (const id of [...customIds].sort()) h.update(`${id}\n`);
  return h.digest("hex");
}

export type LineResult = { ok: true; body: unknown } | { ok: false; error: string };

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};

/**
 * The lines of an output or error file by custom_id. A line answered 200 is a
 * result; any other status, an `error` object or an unreadable line is a
 * failure, described in a short scrubbed sentence (never the raw body).
 */
export function parseResultLines(text: string, apiKey: string, into = new Map<string, LineResult>()) {
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = record(JSON.parse(raw));
    } catch {
      continue;
    }
    const id = parsed.custom_id;
    if (typeof id !== "string") continue;
    const response = record(parsed.response);
    const status = response.status_code;
    const error = record(parsed.error);
    if (status === 200 && Object.keys(error).length === 0) {
      into.set(id, { ok: true, body: response.body });
      continue;
    }
    // An earlier success for the same id (a duplicate line) wins over a failure.
    if (into.get(id)?.ok) continue;
    const said = error.message ?? record(record(response.body).error).message;
    const code = error.code ?? record(record(response.body).error).code;
    const why = [
      typeof status === "number" ? `status ${status}` : "",
      typeof code === "string" ? code : "",
      typeof said === "string" ? quote(said, apiKey, 200) : "",
    ]
      .filter((s) => s !== "")
      .join(": ");
    into.set(id, { ok: false, error: why || "the batch returned no answer for this request" });
  }
  return into;
}

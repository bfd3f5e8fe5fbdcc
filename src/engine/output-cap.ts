/**
 * Answers as stored in results: a model can answer megabytes, and a results
 * file (and every report built from it) must stay bounded whatever it sends.
 * Criteria score the whole answer before it is capped.
 */

/** Most UTF-8 bytes of one answer we store. */
export const MAX_STORED_OUTPUT_BYTES = 64 * 1024;

export interface StoredOutput {
  output: string;
  /** Set when `output` is only the start of the answer. */
  output_truncated?: true;
  /** UTF-8 bytes of the whole answer, when it was truncated. */
  output_bytes?: number;
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never cutting a character. */
export function utf8Prefix(text: string, maxBytes: number): string {
  // Each UTF-16 code unit is at least one byte, so no more than maxBytes of them can fit.
  let head = text.slice(0, maxBytes);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1); // half a surrogate pair
  const bytes = Buffer.from(head, "utf8");
  if (bytes.length <= maxBytes) return head;
  let cut = maxBytes;
  // Back up over continuation bytes (10xxxxxx) to the start of the character that did not fit.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString("utf8");
}

export function storedOutput(text: string, maxBytes = MAX_STORED_OUTPUT_BYTES): StoredOutput {
  // Fast path: even at 3 bytes per code unit it fits.
  if (text.length * 3 <= maxBytes) return { output: text };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= maxBytes) return { output: text };
  return { output: utf8Prefix(text, maxBytes), output_truncated: true, output_bytes: bytes };
}

/**
 * Most UTF-8 bytes of an answer sent on to a judge or a moderation endpoint: a
 * megabyte answer would fail that call (context limits) or cost a fortune, while
 * its start says what a judge needs. Rule-based criteria still see all of it.
 */
export const MAX_JUDGED_OUTPUT_BYTES = 64 * 1024;

/** The answer as a judge or moderation sees it: its start, marked when cut. */
export function judgedOutput(text: string): string {
  const stored = storedOutput(text, MAX_JUDGED_OUTPUT_BYTES);
  return stored.output_truncated
    ? `${stored.output}\n[… the answer goes on: ${stored.output_bytes ?? 0} bytes in all]`
    : stored.output;
}

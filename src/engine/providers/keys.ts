import { createHash } from "node:crypto";
import { canonicalJson } from "../request.js";

/*
 * Content addresses of moderation and embedding calls, one per text: the same
 * text under the same model is classified or embedded once, whichever request
 * or batch it came in. Recordings are keyed by these; the answer cache adds the
 * endpoint on top, as for chat answers.
 */

export function moderationKey(model: string, input: string): string {
  return createHash("sha256")
    .update(canonicalJson({ moderation: { model, input } }))
    .digest("hex");
}

export function embeddingKey(model: string, input: string): string {
  return createHash("sha256")
    .update(canonicalJson({ embedding: { model, input } }))
    .digest("hex");
}

/** Shares a batch's token total out over its inputs by length (the last takes the rounding). */
export function shareTokens(total: number, inputs: readonly string[]): number[] {
  const chars = inputs.reduce((n, t) => n + t.length, 0);
  if (inputs.length === 0) return [];
  if (chars === 0) return inputs.map((_, i) => (i === 0 ? total : 0));
  const shares = inputs.map((t) => Math.floor((total * t.length) / chars));
  const rest = total - shares.reduce((a, b) => a + b, 0);
  shares[shares.length - 1] = (shares.at(-1) ?? 0) + rest;
  return shares;
}

/*
 * A bound on what we read from a model endpoint. max_tokens keeps real answers
 * far below it; an endpoint that sends more, by mistake or on purpose, must
 * not exhaust the runner's memory.
 */

/** Largest response body we read. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class AnswerTooLarge extends Error {
  constructor(limit: number) {
    const size =
      limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.ceil(limit / 1024)} KB`;
    super(`the endpoint's answer is larger than ${size}; lower max_tokens`);
    this.name = "AnswerTooLarge";
  }
}

/** Bodies that a Response may not carry (the constructor throws on them). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** fetch whose response bodies stop with AnswerTooLarge past `maxBytes`, declared or streamed. */
export function limitResponseBytes(
  inner: typeof globalThis.fetch,
  maxBytes: number,
): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new AnswerTooLarge(maxBytes);
    }
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response;
    // The HTTP parser reads no more than a declared length, so a plain body that declares one
    // within the limit needs no counting stream (most of a small call's CPU is spent in streams).
    // A compressed one can inflate far past it, so it is counted.
    const encoding = response.headers.get("content-encoding");
    if (Number.isFinite(declared) && (!encoding || encoding === "identity")) return response;
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new AnswerTooLarge(maxBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The first error in e's cause chain that is an AnswerTooLarge. */
export function tooLarge(e: unknown): AnswerTooLarge | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 8 && current !== null && typeof current === "object"; depth++) {
    if (current instanceof AnswerTooLarge) return current;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

import { Buffer } from "node:buffer";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { Agent, type Dispatcher } from "undici";
import { AnswerTooLarge } from "./response-limit.js";

/*
 * The openai SDK's fetch for model calls, on undici's dispatcher API. Node's global fetch turns
 * every small JSON answer into web streams (a ReadableStream, a TextDecoderStream, a Response
 * body mixin) and most of a call's CPU goes there; here the answer is read as Buffer chunks and
 * handed over as a string in a Response-shaped object. The keep-alive pool is sized to the run's
 * concurrency, so no call waits for a connection another holds.
 */

export interface DispatcherFetchOptions {
  /** Connections kept per endpoint: the run's concurrency. */
  connections: number;
  /** Largest answer read; past it the call fails with AnswerTooLarge. */
  maxResponseBytes: number;
  /** Injected by tests. */
  dispatcher?: Dispatcher;
}

/** The part of Headers the SDK and our code read: get, has, entries, forEach, iteration. */
class AnswerHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  forEach(fn: (value: string, name: string) => void): void {
    this.map.forEach(fn);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** What the SDK reads of a Response for a JSON answer; the body is already read, so `body` is null. */
class AnswerResponse {
  readonly body = null;
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly type = "basic";
  readonly statusText = "";
  constructor(
    readonly status: number,
    readonly headers: AnswerHeaders,
    private readonly data: string,
    readonly url: string,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  text(): Promise<string> {
    return Promise.resolve(this.data);
  }
  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.data) as unknown);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    const b = Buffer.from(this.data, "utf8");
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
  clone(): AnswerResponse {
    return new AnswerResponse(this.status, this.headers, this.data, this.url);
  }
}

function urlOf(input: string | URL | Request): URL {
  return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
}

/** RequestInit headers (a Headers, pairs or a record) as a plain record for undici. */
function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  else
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}

function decode(data: Buffer, encoding: string | null, maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(data, opts);
    if (encoding === "deflate") return inflateSync(data, opts);
    if (encoding === "br") return brotliDecompressSync(data, opts);
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new AnswerTooLarge(maxBytes);
    throw e;
  }
  return data;
}

/**
 * A fetch for JSON requests (a string body or none) over one keep-alive pool; anything else (a
 * stream body, a redirect to follow) goes to the global fetch, so behaviour never narrows.
 */
export function dispatcherFetch(opts: DispatcherFetchOptions): typeof globalThis.fetch {
  const dispatcher =
    opts.dispatcher ??
    new Agent({ connections: Math.max(1, opts.connections), keepAliveTimeout: 30_000, pipelining: 1 });
  const max = opts.maxResponseBytes;
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    if ((body !== undefined && body !== null && typeof body !== "string") || input instanceof Request)
      return globalThis.fetch(input, init);
    const url = urlOf(input);
    const answer = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: init?.method ?? "GET",
      headers: headerRecord(init?.headers),
      ...(typeof body === "string" ? { body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    const headers = new AnswerHeaders(answer.headers);
    if (answer.statusCode >= 300 && answer.statusCode < 400 && headers.has("location")) {
      await answer.body.dump();
      return globalThis.fetch(input, init);
    }
    const declared = Number(headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > max) {
      answer.body.destroy();
      throw new AnswerTooLarge(max);
    }
    const chunks: Buffer[] = [];
    let seen = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      seen += chunk.byteLength;
      if (seen > max) {
        answer.body.destroy();
        throw new AnswerTooLarge(max);
      }
      chunks.push(chunk);
    }
    const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    const encoding = headers.get("content-encoding");
    const text = (encoding && encoding !== "identity" ? decode(raw, encoding, max) : raw).toString("utf8");
    return new AnswerResponse(answer.statusCode, headers, text, url.href) as unknown as Response;
  };
  return fetchFn;
}

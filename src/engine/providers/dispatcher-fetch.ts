import { Buffer } from "node:buffer";
import { setMaxListeners } from "node:events";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { Agent, type Dispatcher } from "undici";
import { AnswerTooLarge, limitResponseBytes } from "./response-limit.js";

/*
 * How openai.ts reaches a model endpoint. Node's global fetch turns every small JSON answer into
 * web streams (a ReadableStream, a TextDecoderStream, a Response body mixin), and even undici's
 * own request() API wraps each answer in a Readable; at thousands of calls most of a call's CPU
 * went there. Here a call is one dispatch on undici's handler API: the request goes out as a
 * string, the answer comes back as Buffer chunks joined into a string, with no stream objects in
 * between. The keep-alive pool is sized to the run's concurrency, so no call waits for a
 * connection another holds.
 */

export interface DispatcherFetchOptions {
  /** Connections kept per endpoint: the run's concurrency. */
  connections: number;
  /** Largest answer read; past it the call fails with AnswerTooLarge. */
  maxResponseBytes: number;
  /** Injected by tests. */
  dispatcher?: Dispatcher;
}

/** One call as openai.ts makes it: a JSON string body or none. Header names in lower case. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a call needs of a header set: a Headers or an AnswerHeaders. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** An answer read whole. */
export interface HttpAnswer {
  status: number;
  headers: HeaderReader;
  text: string;
}

export interface SendOptions {
  /** The caller's signal: aborting it rejects the call with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** The whole call, connect to the last byte of the body; past it the call rejects with CallTimedOut. */
  timeoutMs?: number;
}

/** One HTTP exchange, the answer read whole. */
export type HttpSend = (request: HttpRequest, options?: SendOptions) => Promise<HttpAnswer>;

/** The call took longer than its timeoutMs. */
export class CallTimedOut extends Error {
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = "CallTimedOut";
  }
}

/**
 * The part of Headers the SDK and our code read: get, has, entries, forEach, iteration. It reads
 * undici's parsed record (lower-case names; a repeated header as a list) as it is, without a copy.
 */
export class AnswerHeaders {
  constructor(private readonly raw: Readonly<Record<string, string | string[] | undefined>>) {}
  get(name: string): string | null {
    // Own names only: a header called "constructor" must not read Object.prototype's.
    const key = Object.hasOwn(this.raw, name) ? name : name.toLowerCase();
    const value = Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
    if (typeof value === "string") return value;
    return Array.isArray(value) ? value.join(", ") : null;
  }
  has(name: string): boolean {
    return this.get(name) !== null;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) fn(value, name);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
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
    readonly headers: HeaderReader,
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

/** RequestInit headers (a Headers, pairs or a record) as a plain record. */
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
 * Signals told to hold one listener per call in flight (up to the concurrency) by design, so Node's
 * MaxListenersExceededWarning would be a false alarm in a CI log.
 */
const unbounded = new WeakSet<AbortSignal>();

/** Calls `onAbort` when `signal` aborts, until the returned function is called. */
function whileListening(signal: AbortSignal, onAbort: () => void): () => void {
  if (!unbounded.has(signal)) {
    unbounded.add(signal);
    setMaxListeners(0, signal);
  }
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** origin and path of the few URLs a run calls, parsed once. */
function urlParts(): (url: string) => { origin: string; path: string } {
  const seen = new Map<string, { origin: string; path: string }>();
  return (url) => {
    let parts = seen.get(url);
    if (!parts) {
      const u = new URL(url);
      parts = { origin: u.origin, path: `${u.pathname}${u.search}` };
      if (seen.size < 64) seen.set(url, parts);
    }
    return parts;
  };
}

const isRedirect = (status: number, headers: HeaderReader): boolean =>
  status >= 300 && status < 400 && headers.get("location") !== null;

/**
 * Calls over one keep-alive pool, on undici's handler API. An answer larger than maxResponseBytes
 * (declared, streamed or once inflated) stops the call with AnswerTooLarge. A redirect is followed
 * by the global fetch, so behaviour never narrows.
 */
export function dispatcherSend(opts: DispatcherFetchOptions): HttpSend {
  const dispatcher =
    opts.dispatcher ??
    new Agent({ connections: Math.max(1, opts.connections), keepAliveTimeout: 30_000, pipelining: 1 });
  const max = opts.maxResponseBytes;
  const partsOf = urlParts();
  const viaFetch = fetchSend(globalThis.fetch, max);

  const once = (request: HttpRequest, options: SendOptions): Promise<HttpAnswer> =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const { signal, timeoutMs } = options;
      if (signal?.aborted) {
        reject(asError(abortReason(signal)));
        return;
      }
      let settled = false;
      let abortCall: ((reason: Error) => void) | undefined;
      let status = 0;
      let headers: AnswerHeaders | undefined;
      const chunks: Buffer[] = [];
      let seen = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stopListening: (() => void) | undefined;
      const finish = (error: unknown, answer?: HttpAnswer): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        stopListening?.();
        if (answer) resolve(answer);
        else reject(asError(error));
      };
      // Stops the exchange (the connection is dropped) and settles with `error` at once.
      const cancel = (error: unknown): void => {
        finish(error);
        abortCall?.(asError(error));
      };
      if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => cancel(new CallTimedOut(timeoutMs)), timeoutMs);
      }
      if (signal) stopListening = whileListening(signal, () => cancel(abortReason(signal)));
      const { origin, path } = partsOf(request.url);
      dispatcher.dispatch(
        {
          origin,
          path,
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        },
        {
          onRequestStart(controller: Dispatcher.DispatchController): void {
            abortCall = (reason) => controller.abort(reason);
            if (settled) controller.abort(new Error("the call was cancelled"));
          },
          onResponseStart(
            controller: Dispatcher.DispatchController,
            statusCode: number,
            raw: Record<string, string | string[] | undefined>,
          ): void {
            status = statusCode;
            headers = new AnswerHeaders(raw);
            const declared = Number(headers.get("content-length") ?? NaN);
            if (Number.isFinite(declared) && declared > max) cancel(new AnswerTooLarge(max));
          },
          onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
            seen += chunk.byteLength;
            if (seen > max) cancel(new AnswerTooLarge(max));
            else chunks.push(chunk);
          },
          onResponseEnd(): void {
            if (settled || !headers) return;
            try {
              const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
              const encoding = headers.get("content-encoding");
              const body = encoding && encoding !== "identity" ? decode(raw, encoding, max) : raw;
              finish(undefined, { status, headers, text: body.toString("utf8") });
            } catch (e) {
              finish(e);
            }
          },
          onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
            finish(error);
          },
        },
      );
    });

  return async (request, options = {}) => {
    const answer = await once(request, options);
    return isRedirect(answer.status, answer.headers) ? viaFetch(request, options) : answer;
  };
}

/** The same over any fetch (a test's, one bound to a proxy, Node's own): the answer read whole. */
export function fetchSend(fetch: typeof globalThis.fetch, maxResponseBytes: number): HttpSend {
  const limited = limitResponseBytes(fetch, maxResponseBytes);
  return async (request, options = {}) => {
    const { signal, timeoutMs } = options;
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      timeoutMs !== undefined && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    const stop = signal
      ? signal.aborted
        ? (controller.abort(abortReason(signal)), undefined)
        : whileListening(signal, () => controller.abort(abortReason(signal)))
      : undefined;
    try {
      const response = await limited(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (e) {
      if (timedOut) throw new CallTimedOut(timeoutMs ?? 0);
      throw e;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      stop?.();
    }
  };
}

/** A fetch for JSON requests (a string body or none) over `send`; anything else goes to the global fetch. */
export function fetchOver(send: HttpSend): typeof globalThis.fetch {
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    if ((body !== undefined && body !== null && typeof body !== "string") || input instanceof Request)
      return globalThis.fetch(input, init);
    const url = typeof input === "string" ? input : input.href;
    const answer = await send(
      {
        url,
        method: init?.method ?? "GET",
        headers: headerRecord(init?.headers),
        ...(typeof body === "string" ? { body } : {}),
      },
      init?.signal ? { signal: init.signal } : {},
    );
    return new AnswerResponse(answer.status, answer.headers, answer.text, url) as unknown as Response;
  };
  return fetchFn;
}

/** The openai SDK's fetch for the calls it still makes (moderations, embeddings), over one pool. */
export function dispatcherFetch(opts: DispatcherFetchOptions): typeof globalThis.fetch {
  return fetchOver(dispatcherSend(opts));
}

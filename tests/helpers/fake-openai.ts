import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { FakeRateLimiter, type RateLimitSpec } from "./fake-rate-limit.js";

/** The chat-completions body the provider sends, as the server sees it. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
}
/** The name the brief uses; same shape. */
export type ChatCompletionBody = ChatBody;

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Sent as usage.prompt_tokens_details.cached_tokens, as OpenAI reports prompt-cache hits. */
  cached_tokens?: number;
}

export type FakeReply =
  /** 200 with a normal chat completion (finish_reason "stop" unless given). */
  | { text: string; delayMs?: number; usage?: FakeUsage; finishReason?: string }
  /** Any status; the body defaults to an OpenAI-style error object; a string body is sent as is. */
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Never answers until the server is closed (or the client gives up). */
  | { hang: true }
  /** Destroys the socket without an answer. */
  | { reset: true }
  /** 200 with this body as is, e.g. malformed JSON. */
  | { raw: string }
  /** 200 with this value as JSON (moderation and embedding answers). */
  | { json: unknown };

export interface ReceivedRequest {
  body: ChatBody;
  headers: IncomingHttpHeaders;
  /** 0-based arrival order. */
  n: number;
  method: string;
  /** Path and query, e.g. /v1/chat/completions. */
  path: string;
}

export interface FakeOpenAI {
  /** Base URL to hand to the provider: http://127.0.0.1:PORT/v1 */
  url: string;
  requests: ReceivedRequest[];
  /** Most requests ever open at once (a hang counts until its socket closes). */
  readonly peakConcurrency: number;
  readonly inFlight: number;
  /** Chat requests answered 429 by the rate limit (with `rateLimit`). */
  readonly rateLimited: number;
  close(): Promise<void>;
}

export type FakeHandler = (req: ReceivedRequest) => FakeReply | Promise<FakeReply>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Echoes the last message; a judge request (the engine's judge system prompt) gets a valid verdict. */
const echo: FakeHandler = (r) =>
  r.body.messages[0]?.content === JUDGE_SYSTEM
    ? { text: '{"score": 4, "reason": "fake judge"}' }
    : { text: `echo: ${r.body.messages.at(-1)?.content ?? ""}` };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function completion(
  req: ReceivedRequest,
  reply: { text: string; usage?: FakeUsage; finishReason?: string },
): unknown {
  const { cached_tokens, ...usage } = reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 };
  return {
    id: `chatcmpl-${req.n}`,
    object: "chat.completion",
    created: 0,
    model: req.body.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: reply.text },
        finish_reason: reply.finishReason ?? "stop",
      },
    ],
    usage: {
      ...usage,
      total_tokens: usage.prompt_tokens + usage.completion_tokens,
      ...(cached_tokens !== undefined ? { prompt_tokens_details: { cached_tokens } } : {}),
    },
  };
}
async function answer(res: ServerResponse, socket: Socket, req: ReceivedRequest, reply: FakeReply) {
  if ("hang" in reply) return;
  if ("reset" in reply) {
    socket.destroy();
    return;
  }
  if ("json" in reply) {
    sendJson(res, 200, reply.json);
    return;
  }
  if ("raw" in reply) {
    if (!res.destroyed) res.writeHead(200, { "content-type": "application/json" }).end(reply.raw);
    return;
  }
  if (reply.delayMs) await sleep(reply.delayMs);
  if ("status" in reply) {
    const body = reply.body ?? { error: { message: `status ${reply.status}`, type: "fake", code: null } };
    if (typeof body === "string") {
      if (!res.destroyed)
        res.writeHead(reply.status, { "content-type": "text/html", ...reply.headers }).end(body);
      return;
    }
    sendJson(res, reply.status, body, reply.headers);
    return;
  }
  sendJson(res, 200, completion(req, reply));
}

/** The body of POST /moderations and /embeddings as the server sees it. */
interface InputBody {
  model?: string;
  input?: string | string[];
}

const inputsOf = (r: ReceivedRequest): string[] => {
  const input = (r.body as unknown as InputBody).input;
  return typeof input === "string" ? [input] : (input ?? []);
};

/** Flags a text containing "kill" as violence, as a moderation endpoint would. */
export const fakeModeration: FakeHandler = (r) => ({
  json: {
    id: `modr-${r.n}`,
    model: (r.body as unknown as InputBody).model,
    results: inputsOf(r).map((text) => {
      const violent = /\bkill\b/i.test(text);
      return {
        flagged: violent,
        categories: { violence: violent, hate: false, "self-harm": false, sexual: false },
        category_scores: { violence: violent ? 0.93 : 0.01, hate: 0.001, "self-harm": 0, sexual: 0 },
      };
    }),
  },
});

/** A letter-count vector per text: texts with the same letters point the same way. */
export function letterVector(text: string): number[] {
  const v = new Array<number>(26).fill(0);
  for (const ch of text.toLowerCase()) {
    const i = ch.charCodeAt(0) - 97;
    if (i >= 0 && i < 26) v[i] = (v[i] ?? 0) + 1;
  }
  return v;
}

export const fakeEmbeddings: FakeHandler = (r) => {
  const inputs = inputsOf(r);
  return {
    json: {
      object: "list",
      model: (r.body as unknown as InputBody).model,
      data: inputs.map((text, index) => ({ object: "embedding", index, embedding: letterVector(text) })),
      usage: { prompt_tokens: inputs.length * 3, total_tokens: inputs.length * 3 },
    },
  };
};

export interface FakeRoutes {
  /** Answers POST …/moderations (default fakeModeration); "absent" answers 404 like vLLM or Ollama. */
  moderations?: FakeHandler | "absent";
  /** Answers POST …/embeddings (default fakeEmbeddings). */
  embeddings?: FakeHandler | "absent";
}

const absent: FakeHandler = () => ({
  status: 404,
  body: { error: { message: "404 page not found", type: "not_found", code: null } },
});

/**
 * An OpenAI-compatible server on 127.0.0.1 (port 0, so tests never collide
 * and never leave the machine): chat completions scripted per request by
 * `handler`, moderations and embeddings by `routes`.
 */
export async function startFakeOpenAI(
  handler: FakeHandler = echo,
  routes: FakeRoutes = {},
  options: {
    /** Enforce OpenAI-style rate limits on chat completions: x-ratelimit-* headers on every answer, 429 past them. */
    rateLimit?: RateLimitSpec;
  } = {},
): Promise<FakeOpenAI> {
  const limiter = options.rateLimit ? new FakeRateLimiter(options.rateLimit) : undefined;
  const routed = (r: ReceivedRequest): FakeReply | Promise<FakeReply> => {
    const pick = (h: FakeHandler | "absent" | undefined, fallback: FakeHandler): FakeHandler =>
      h === "absent" ? absent : (h ?? fallback);
    if (r.path.endsWith("/moderations")) return pick(routes.moderations, fakeModeration)(r);
    if (r.path.endsWith("/embeddings")) return pick(routes.embeddings, fakeEmbeddings)(r);
    return handler(r);
  };
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;

  const server = createServer((req, res) => {
    // Counted from arrival until the response is done or the socket dies, so
    // hangs and resets count too.
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.once("close", () => inFlight--);
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => {
      let body: ChatBody;
      try {
        body = JSON.parse(data) as ChatBody;
      } catch {
        sendJson(res, 400, { error: { message: "fake server: the request body is not JSON" } });
        return;
      }
      const received: ReceivedRequest = {
        body,
        headers: req.headers,
        n: requests.length,
        method: req.method ?? "",
        path: req.url ?? "",
      };
      requests.push(received);
      const chat = !received.path.endsWith("/moderations") && !received.path.endsWith("/embeddings");
      const verdict = limiter && chat ? limiter.admit(body) : undefined;
      if (verdict) for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
      if (verdict && !verdict.ok) {
        sendJson(res, 429, verdict.body);
        return;
      }
      // A throwing handler is a test bug: answer 500 with its message rather than crash the worker.
      Promise.resolve()
        .then(() => routed(received))
        .then((reply) => answer(res, req.socket, received, reply))
        .catch((e: unknown) =>
          sendJson(res, 500, { error: { message: `fake handler failed: ${String(e)}` } }),
        );
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get peakConcurrency() {
      return peak;
    },
    get inFlight() {
      return inFlight;
    },
    get rateLimited() {
      return limiter?.rejected ?? 0;
    },
    // Destroy open sockets first: keep-alive connections and hung requests would keep close() waiting forever.
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      })),
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { fakeEmbeddings, fakeModeration, type ReceivedRequest } from "./fake-openai.js";

/*
 * A loopback fake of OpenAI's Batch API, written from its reference: files
 * (POST /files with purpose "batch", GET /files/{id}/content), batches (POST
 * /batches, GET /batches/{id}) whose status moves one step per poll through
 * validating → in_progress → finalizing → completed, or ends expired, failed
 * or cancelled; output and error files as JSONL matched by custom_id. It also
 * answers ordinary chat, moderation and embedding calls, which a batch run
 * falls back to.
 */

export type BatchOutcome = "completed" | "expired" | "failed" | "cancelled";

export interface FakeBatchOptions {
  /** How the n-th batch created (0-based) ends (default completed). */
  outcome?: (n: number) => BatchOutcome;
  /** Lines that fail inside a completed batch: they go to the error file with this status. */
  failLine?: (customId: string, body: unknown) => number | undefined;
  /** While it answers true, batches stay in_progress (an interrupted run leaves them running). */
  hold?: () => boolean;
  /** No Batch API at all (vLLM, Ollama): 404 on /files and /batches. */
  noBatchApi?: boolean;
  /** Chat answer text for a request body (default: echo the last message; judges get a verdict). */
  chat?: (body: ChatLike) => string;
}

interface ChatLike {
  model: string;
  messages: { role: string; content: string }[];
}

interface FakeBatch {
  id: string;
  endpoint: string;
  input_file_id: string;
  status: string;
  /** Status steps still ahead, one taken per GET. */
  ahead: string[];
  outcome: BatchOutcome;
  output_file_id: string | null;
  error_file_id: string | null;
  request_counts: { total: number; completed: number; failed: number };
}

export interface FakeBatchServer {
  url: string;
  /** Every request, as method and path. */
  calls: { method: string; path: string }[];
  /** Uploaded files by id: their purpose and lines. */
  files: Map<string, { purpose: string; lines: string[] }>;
  batches: FakeBatch[];
  /** Ordinary (non-batch) model calls, by path. */
  ordinary: { path: string; body: unknown }[];
  close(): Promise<void>;
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};

function defaultChat(body: ChatLike): string {
  return body.messages[0]?.content === JUDGE_SYSTEM
    ? '{"score": 4, "reason": "fake judge"}'
    : `echo: ${body.messages.at(-1)?.content ?? ""}`;
}

function chatCompletion(body: ChatLike, text: string, n: number): unknown {
  return {
    id: `chatcmpl-${n}`,
    object: "chat.completion",
    created: 0,
    model: body.model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The parts of a multipart/form-data body by name: enough of RFC 7578 for what the client sends. */
function multipart(raw: Buffer, contentType: string): Map<string, { text: string; filename?: string }> {
  const parts = new Map<string, { text: string; filename?: string }>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return parts;
  for (const chunk of raw.toString("utf8").split(`--${b}`)) {
    const split = chunk.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const text = chunk.slice(split + 4).replace(/\r\n$/, "");
    parts.set(name, { text, ...(filename !== undefined ? { filename } : {}) });
  }
  return parts;
}

export async function startFakeBatch(options: FakeBatchOptions = {}): Promise<FakeBatchServer> {
  const calls: FakeBatchServer["calls"] = [];
  const files: FakeBatchServer["files"] = new Map();
  const contents = new Map<string, string>();
  const batches: FakeBatch[] = [];
  const ordinary: FakeBatchServer["ordinary"] = [];
  let n = 0;
  const chat = options.chat ?? defaultChat;

  /** The answer body an endpoint gives to one request body. */
  function answerFor(endpoint: string, body: unknown): unknown {
    const fake = (h: typeof fakeModeration): unknown => {
      const reply = h({ body, n: n++, headers: {}, method: "POST", path: endpoint } as ReceivedRequest);
      return "json" in reply ? reply.json : undefined;
    };
    if (endpoint.endsWith("/moderations")) return fake(fakeModeration);
    if (endpoint.endsWith("/embeddings")) return fake(fakeEmbeddings);
    const c = body as ChatLike;
    return chatCompletion(c, chat(c), n++);
  }

  function addFile(id: string, text: string): string {
    contents.set(id, text);
    return id;
  }

  /** Runs a batch's lines when it reaches its end, writing its output and error files. */
  function finish(b: FakeBatch): void {
    const lines = files.get(b.input_file_id)?.lines ?? [];
    const out: string[] = [];
    const err: string[] = [];
    lines.forEach((raw, i) => {
      const line = record(JSON.parse(raw));
      const id = String(line.custom_id);
      // An expired or cancelled batch answered its first half before it stopped; a cancelled
      // one lists nothing for the rest.
      const late = i >= Math.ceil(lines.length / 2);
      if (b.outcome === "cancelled" && late) return;
      if (b.outcome === "expired" && late) {
        err.push(
          JSON.stringify({
            id: `batch_req_${i}`,
            custom_id: id,
            response: null,
            error: {
              code: "batch_expired",
              message: "This request could not be executed before the completion window expired.",
            },
          }),
        );
        return;
      }
      const failStatus = options.failLine?.(id, line.body);
      if (failStatus !== undefined) {
        err.push(
          JSON.stringify({
            id: `batch_req_${i}`,
            custom_id: id,
            response: {
              status_code: failStatus,
              request_id: `req_${i}`,
              body: { error: { message: `fake failure ${failStatus}`, type: "fake", code: null } },
            },
            error: null,
          }),
        );
        return;
      }
      out.push(
        JSON.stringify({
          id: `batch_req_${i}`,
          custom_id: id,
          response: {
            status_code: 200,
            request_id: `req_${i}`,
            body: answerFor(String(line.url), line.body),
          },
          error: null,
        }),
      );
    });
    b.request_counts = { total: lines.length, completed: out.length, failed: err.length };
    if (out.length > 0) b.output_file_id = addFile(`file-out-${b.id}`, out.map((l) => `${l}\n`).join(""));
    if (err.length > 0) b.error_file_id = addFile(`file-err-${b.id}`, err.map((l) => `${l}\n`).join(""));
  }

  function view(b: FakeBatch): unknown {
    return {
      id: b.id,
      object: "batch",
      endpoint: b.endpoint,
      input_file_id: b.input_file_id,
      completion_window: "24h",
      status: b.status,
      output_file_id: b.output_file_id,
      error_file_id: b.error_file_id,
      errors:
        b.status === "failed"
          ? {
              object: "list",
              data: [{ code: "invalid_request", message: "fake validation failure", line: 1 }],
            }
          : null,
      request_counts: b.request_counts,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "").replace(/^\/v1/, "");
    const method = req.method ?? "";
    calls.push({ method, path });
    const raw = await readBody(req);
    if (options.noBatchApi && /^\/(files|batches)/.test(path)) {
      send(res, 404, { error: { message: "404 page not found" } });
      return;
    }
    if (method === "POST" && path === "/files") {
      const form = multipart(raw, req.headers["content-type"] ?? "");
      const file = form.get("file");
      const purpose = form.get("purpose")?.text;
      if (purpose !== "batch" || file?.filename === undefined) {
        send(res, 400, { error: { message: "purpose must be batch and a file given" } });
        return;
      }
      const id = `file-in-${files.size + 1}`;
      files.set(id, { purpose, lines: file.text.split("\n").filter((l) => l !== "") });
      send(res, 200, { id, object: "file", purpose, filename: file.filename });
      return;
    }
    if (method === "POST" && path === "/batches") {
      const body = record(JSON.parse(raw.toString("utf8")));
      const input = String(body.input_file_id);
      if (!files.has(input) || body.completion_window !== "24h") {
        send(res, 400, { error: { message: "unknown input file or window" } });
        return;
      }
      const outcome = options.outcome?.(batches.length) ?? "completed";
      const steps =
        outcome === "failed"
          ? ["failed"]
          : outcome === "cancelled"
            ? ["in_progress", "cancelling", "cancelled"]
            : ["in_progress", "finalizing", outcome];
      const b: FakeBatch = {
        id: `batch_${batches.length + 1}`,
        endpoint: String(body.endpoint),
        input_file_id: input,
        status: "validating",
        ahead: steps,
        outcome,
        output_file_id: null,
        error_file_id: null,
        request_counts: { total: 0, completed: 0, failed: 0 },
      };
      batches.push(b);
      send(res, 200, view(b));
      return;
    }
    const batch = /^\/batches\/([\w-]+)$/.exec(path);
    if (method === "GET" && batch) {
      const b = batches.find((x) => x.id === batch[1]);
      if (!b) {
        send(res, 404, { error: { message: "no such batch" } });
        return;
      }
      const next = b.status === "in_progress" && options.hold?.() ? undefined : b.ahead.shift();
      if (next) {
        b.status = next;
        if (["completed", "expired", "cancelled"].includes(next)) finish(b);
      }
      send(res, 200, view(b));
      return;
    }
    const content = /^\/files\/([\w-]+)\/content$/.exec(path);
    if (method === "GET" && content) {
      const text = contents.get(content[1] ?? "");
      if (text === undefined) send(res, 404, { error: { message: "no such file" } });
      else res.writeHead(200, { "content-type": "application/octet-stream" }).end(text);
      return;
    }
    if (method === "POST" && /\/(chat\/completions|moderations|embeddings)$/.test(path)) {
      const body: unknown = JSON.parse(raw.toString("utf8"));
      ordinary.push({ path, body });
      send(res, 200, answerFor(path, body));
      return;
    }
    send(res, 404, { error: { message: `fake batch server: no route ${method} ${path}` } });
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) =>
      send(res, 500, { error: { message: `fake failed: ${String(e)}` } }),
    );
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    files,
    batches,
    ordinary,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
}

export type FakeReply =
  | { text: string; delayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { reset: true }
  | { raw: string };

export interface ReceivedRequest {
  body: ChatBody;
  headers: IncomingHttpHeaders;
  n: number;
}

export interface FakeOpenAI {
  url: string;
  requests: ReceivedRequest[];
  readonly peakConcurrency: number;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An OpenAI-compatible chat-completions server on 127.0.0.1, scripted per request. */
export async function startFakeOpenAI(
  handler: (req: ReceivedRequest) => FakeReply | Promise<FakeReply> = (r) => ({
    text: `echo: ${r.body.messages.at(-1)?.content ?? ""}`,
  }),
): Promise<FakeOpenAI> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString("utf8")));
    req.on("end", () => {
      void (async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          const received: ReceivedRequest = {
            body: JSON.parse(data) as ChatBody,
            headers: req.headers,
            n: requests.length,
          };
          requests.push(received);
          const reply = await handler(received);
          if ("hang" in reply) return;
          if ("reset" in reply) {
            req.socket.destroy();
            return;
          }
          if ("raw" in reply) {
            res.writeHead(200, { "content-type": "application/json" }).end(reply.raw);
            return;
          }
          if (reply.delayMs) await sleep(reply.delayMs);
          if ("status" in reply) {
            res
              .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
              .end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}` } }));
            return;
          }
          const usage = reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 };
          res.writeHead(200, { "content-type": "application/json" }).end(
            JSON.stringify({
              id: `chatcmpl-${received.n}`,
              object: "chat.completion",
              created: 0,
              model: received.body.model,
              choices: [
                { index: 0, message: { role: "assistant", content: reply.text }, finish_reason: "stop" },
              ],
              usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
            }),
          );
        } finally {
          inFlight--;
        }
      })();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get peakConcurrency() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

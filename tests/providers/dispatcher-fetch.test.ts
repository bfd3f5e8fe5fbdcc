import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, expect, test } from "vitest";
import { dispatcherFetch } from "../../src/engine/providers/dispatcher-fetch.js";
import { AnswerTooLarge } from "../../src/engine/providers/response-limit.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(
  handler: (req: IncomingMessage, body: string, res: ServerResponse) => void,
): Promise<string> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

const fetchFor = (max = 1024) => dispatcherFetch({ connections: 2, maxResponseBytes: max });

test("sends the method, headers and JSON body, and hands back status, headers and text", async () => {
  const url = await serve((req, body, res) => {
    res.writeHead(201, { "content-type": "application/json", "x-ratelimit-remaining-requests": "7" });
    res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, path: req.url, body }));
  });
  const r = await fetchFor()(`${url}/v1/chat?x=1`, {
    method: "POST",
    headers: { Authorization: "Bearer k", "content-type": "application/json" },
    body: '{"a":1}',
  });
  expect(r.status).toBe(201);
  expect(r.ok).toBe(true);
  expect(r.headers.get("X-RateLimit-Remaining-Requests")).toBe("7");
  expect(await r.json()).toEqual({ method: "POST", auth: "Bearer k", path: "/v1/chat?x=1", body: '{"a":1}' });
});

test("a compressed answer is inflated, within the limit", async () => {
  const url = await serve((_req, _body, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(gzipSync('{"ok":true}'));
  });
  expect(await (await fetchFor()(url)).json()).toEqual({ ok: true });
  server?.close();
  const bomb = await serve((_req, _body, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    res.end(gzipSync("x".repeat(100_000)));
  });
  await expect(fetchFor()(bomb)).rejects.toBeInstanceOf(AnswerTooLarge);
});

test("an answer streamed past the limit without a declared length stops with AnswerTooLarge", async () => {
  const url = await serve((_req, _body, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    for (let i = 0; i < 20; i++) res.write("y".repeat(100));
    res.end();
  });
  await expect(fetchFor(1000)(url)).rejects.toBeInstanceOf(AnswerTooLarge);
});

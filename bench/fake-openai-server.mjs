// A loopback OpenAI-compatible server with a fixed latency, run in its own
// process so its work does not share the engine's event loop (a real endpoint
// does not either). Prints its base URL on the first line of stdout.
// GET /calls answers how many chat requests arrived, how many were answered 429, the most that
// were in flight at once (to check a client's concurrency from outside it), and when the first
// request arrived and the last answer was sent (epoch ms, to split a client's wall time).
//
//   node bench/fake-openai-server.mjs <latencyMs> [rateLimitEvery] [rpm=N] [tpm=N] [used-up]
//
// rpm/tpm enforce OpenAI-style limits (bench/rate-limit.mjs) with x-ratelimit-* headers on every
// answer; used-up starts them empty, as when other jobs share the key.
import { createServer } from "node:http";
import { completionBody, listenForBench } from "./fake-server-process.mjs";
import { FakeRateLimiter } from "./rate-limit.mjs";

const latencyMs = Number(process.argv[2] ?? 100);
const rateLimitEvery = Number(process.argv[3] ?? 0);
const option = (name) =>
  process.argv
    .slice(4)
    .find((a) => a.startsWith(`${name}=`))
    ?.slice(name.length + 1);
const rpm = Number(option("rpm") ?? 0);
const tpm = Number(option("tpm") ?? 0);
const limiter =
  rpm || tpm ? new FakeRateLimiter({ rpm, tpm, startUsedUp: process.argv.includes("used-up") }) : undefined;
let calls = 0;
let rejected = 0;
let inFlight = 0;
let maxInFlight = 0;
let firstAt = 0;
let lastAt = 0;

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/calls") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ calls, rejected, maxInFlight, firstAt, lastAt }));
    return;
  }
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  firstAt ||= Date.now();
  res.once("close", () => {
    inFlight--;
    lastAt = Date.now();
  });
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    calls++;
    if (rateLimitEvery && calls % rateLimitEvery === 0) {
      rejected++;
      res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "50" });
      res.end('{"error":{"message":"slow down"}}');
      return;
    }
    const parsed = JSON.parse(body);
    const verdict = limiter?.admit(parsed);
    if (verdict && !verdict.ok) {
      rejected++;
      res.writeHead(429, { "content-type": "application/json", ...verdict.headers });
      res.end(verdict.body);
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json", ...verdict?.headers });
      res.end(completionBody(parsed.model, "hello there", { prompt_tokens: 12, completion_tokens: 3 }));
    }, latencyMs);
  });
});
listenForBench(server);

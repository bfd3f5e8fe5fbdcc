// A loopback OpenAI-compatible server with a fixed latency, run in its own
// process so its work does not share the engine's event loop (a real endpoint
// does not either). Prints its base URL on the first line of stdout.
// GET /calls answers how many chat requests arrived.
//
//   node bench/fake-openai-server.mjs <latencyMs> [rateLimitEvery]
import { createServer } from "node:http";
import { completionBody, listenForBench } from "./fake-server-process.mjs";

const latencyMs = Number(process.argv[2] ?? 100);
const rateLimitEvery = Number(process.argv[3] ?? 0);
let calls = 0;

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/calls") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ calls }));
    return;
  }
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    calls++;
    if (rateLimitEvery && calls % rateLimitEvery === 0) {
      res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "50" });
      res.end('{"error":{"message":"slow down"}}');
      return;
    }
    const { model } = JSON.parse(body);
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(completionBody(model, "hello there", { prompt_tokens: 12, completion_tokens: 3 }));
    }, latencyMs);
  });
});
listenForBench(server);

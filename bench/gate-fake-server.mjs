// A loopback OpenAI-compatible model for the gate benchmark, in its own
// process (like fake-openai-server.mjs). Every call is an independent draw:
// criterion k of example `id` passes with probability p, where p is drawn once
// per simulated PR from Beta(4, 1.5) (seeded by the PR, the prompt, the example
// and the criterion). The challenger's p is moved by the `shift` and `mix` its
// system message names:
//   shift=S  p − S (a drop of S on every example, floored at 0)
//   mix=M    p ± M·min(p, 1 − p), the sign drawn per example: changes that help
//            some examples and hurt others by the same amount (zero mean)
// Answers carry a random nonce, as a temperature-1 model's text varies.
//
//   node bench/gate-fake-server.mjs
//   POST /pr {"seed": 17}   starts a simulated PR (new p per example), resets the call count
//   GET /calls              {"calls": n} since the last /pr
import { createServer } from "node:http";
import { completionBody, listenForBench } from "./fake-server-process.mjs";
// The same seeded generator as the engine's statistics (built to lib/ by npm run bench:gate).
import { mulberry32 } from "../lib/compare/stats.js";

let seed = 1;
let calls = 0;

/** FNV-1a of a string, as a 32-bit seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function gamma(shape, random) {
  // Whole part: a sum of exponentials; the half: a squared normal over two.
  let x = 0;
  for (let i = 0; i < Math.floor(shape); i++) x -= Math.log(1 - random());
  if (shape % 1) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    x += (z * z) / 2;
  }
  return x;
}

function beta(a, b, random) {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}

function passProbability(prompt, id, criterion, side) {
  const base = beta(4, 1.5, mulberry32(hash(`${seed}|${prompt}|${id}|${criterion}`)));
  if (side.role !== "challenger") return base;
  if (side.mix) {
    const sign = mulberry32(hash(`${seed}|${prompt}|${id}|sign`))() < 0.5 ? -1 : 1;
    return base + sign * side.mix * Math.min(base, 1 - base);
  }
  return Math.max(0, base - side.shift);
}

function answer(body) {
  const system = body.messages.find((m) => m.role === "system")?.content ?? "";
  const user = body.messages.find((m) => m.role === "user")?.content ?? "";
  const side = {
    role: /role=(\w+)/.exec(system)?.[1] ?? "champion",
    shift: Number(/shift=([\d.]+)/.exec(system)?.[1] ?? 0),
    mix: Number(/mix=([\d.]+)/.exec(system)?.[1] ?? 0),
  };
  const criteria = Number(/criteria=(\d+)/.exec(system)?.[1] ?? 1);
  const [, prompt = "p", id = "e0"] = /prompt=(\S+) case=(\S+)/.exec(user) ?? [];
  const parts = [];
  for (let k = 0; k < criteria; k++)
    parts.push(`c${k}=${Math.random() < passProbability(prompt, id, k, side) ? "PASS" : "FAIL"}`);
  parts.push(`nonce=${Math.random().toString(36).slice(2, 10)}`);
  return parts.join(" ");
}

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/pr") {
      seed = Number(JSON.parse(body).seed);
      calls = 0;
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
      return;
    }
    if (req.method === "GET" && req.url === "/calls") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ calls }));
      return;
    }
    calls++;
    const parsed = JSON.parse(body);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(completionBody(parsed.model, answer(parsed), { prompt_tokens: 20, completion_tokens: 8 }));
  });
});
listenForBench(server);

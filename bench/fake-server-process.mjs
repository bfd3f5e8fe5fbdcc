// The benchmarks' fake OpenAI-compatible servers run in their own process, so their JSON and
// timers do not load the engine's event loop. This is the one way both benches start and
// stop them, and the one chat-completion body both servers answer with.
import { spawn } from "node:child_process";

/** Starts `script` with `args`; resolves once it printed its base URL (…/v1). */
export async function spawnFakeServer(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`fake server exited with ${code}`)));
  });
  const origin = url.replace(/\/v1$/, "");
  return {
    url,
    origin,
    calls: async () => (await (await fetch(`${origin}/calls`)).json()).calls,
    /** Chat requests answered 429. */
    rejected: async () => (await (await fetch(`${origin}/calls`)).json()).rejected,
    close: () =>
      new Promise((r) => {
        child.once("exit", r);
        child.kill("SIGTERM");
      }),
  };
}

/** A chat.completion response body with one answer. */
export function completionBody(model, content, usage) {
  return JSON.stringify({
    id: "x",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
}

/** Listens on 127.0.0.1 (port 0), prints the base URL for spawnFakeServer, and ends on SIGTERM. */
export function listenForBench(server) {
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`http://127.0.0.1:${server.address().port}/v1\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

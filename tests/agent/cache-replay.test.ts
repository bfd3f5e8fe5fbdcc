import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runSteps } from "../../src/agent/loop.js";
import { cacheKey, withCache } from "../../src/engine/providers/cache.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { createReplayProvider, RecordingEntry } from "../../src/engine/providers/replay.js";
import { requestKey, type ChatRequest } from "../../src/engine/request.js";
import type { ToolFixture } from "../../src/config/schema.js";

const tools: NonNullable<ChatRequest["tools"]> = [
  { type: "function", function: { name: "lookup_order", parameters: { type: "object", properties: {} } } },
];
const plain: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }], temperature: 0 };
const agent: ChatRequest = { ...plain, tools };
const fixtures: ToolFixture[] = [{ name: "lookup_order", result: { status: "delivered" } }];

describe("request keys", () => {
  test("cover tools, tool choice, response format and the whole conversation", () => {
    const keys = [
      requestKey(plain),
      requestKey(agent),
      requestKey({ ...agent, tools: [{ type: "function", function: { name: "other" } }] }),
      requestKey({ ...agent, tool_choice: "required" }),
      requestKey({ ...agent, tool_choice: { type: "function", function: { name: "lookup_order" } } }),
      requestKey({ ...plain, response_format: { type: "json_object" } }),
      requestKey({
        ...agent,
        messages: [
          ...agent.messages,
          {
            role: "assistant",
            content: "",
            tool_calls: [{ id: "call_1_1", name: "lookup_order", arguments: "{}" }],
          },
          { role: "tool", tool_call_id: "call_1_1", content: '{"status":"delivered"}' },
        ],
      }),
      requestKey({
        ...agent,
        messages: [
          ...agent.messages,
          {
            role: "assistant",
            content: "",
            tool_calls: [{ id: "call_1_1", name: "lookup_order", arguments: "{}" }],
          },
          { role: "tool", tool_call_id: "call_1_1", content: '{"status":"lost"}' },
        ],
      }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // The answer cache keys by the same content address (plus the endpoint).
    expect(cacheKey("ns", agent, 0)).not.toBe(cacheKey("ns", { ...agent, tool_choice: "none" }, 0));
  });

  test("a request without tools keys as before (recordings of existing prompts stay valid)", () => {
    // sha256 of the canonical {request, repeat}, computed independently (sorted-key JSON) for the
    // request shape that existed before tools: adding optional fields must not move it.
    expect(requestKey(plain)).toBe("3aef0279566406bbb54570a4ae26a0de5b12f084276dc3cfb704d4df7ee05ae0");
  });
});

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function entriesIn(root: string): Promise<RecordingEntry[]> {
  const out: RecordingEntry[] = [];
  for (const shard of await readdir(root))
    for (const name of await readdir(join(root, shard)))
      out.push(RecordingEntry.parse(JSON.parse(await readFile(join(root, shard, name), "utf8"))));
  return out;
}

describe("multi-step runs through the cache and replay", () => {
  test("every step is stored with its tool calls, and a replay of the entries gives the same trajectory", async () => {
    dir = await mkdtemp(join(tmpdir(), "agentops-agent-cache-"));
    const live = withCache(createMockProvider(), { dir, namespace: "mock" });
    const first = await runSteps(live, agent, { maxSteps: 4, fixtures });
    expect(first.trajectory?.steps).toHaveLength(2);
    expect(first.completion.cached).toBe(false);

    const entries = await entriesIn(dir);
    expect(entries).toHaveLength(2);
    expect(entries.filter((e) => "tool_calls" in e && e.tool_calls?.length)).toHaveLength(1);

    // The cache again: every step a hit.
    const again = await runSteps(withCache(createMockProvider(), { dir, namespace: "mock" }), agent, {
      maxSteps: 4,
      fixtures,
    });
    expect(again.completion.cached).toBe(true);
    expect(again.trajectory).toEqual(first.trajectory);

    // Recordings are keyed by the request's content address (the cache adds the namespace): re-key and replay.
    const recorded: RecordingEntry[] = [];
    const recorder = {
      id: "recorder",
      async complete(req: ChatRequest) {
        const c = await createMockProvider().complete(req);
        recorded.push({
          key: requestKey(req, 0),
          output: c.text,
          usage: c.usage,
          latency_ms: c.latencyMs,
          ...(c.toolCalls ? { tool_calls: c.toolCalls } : {}),
        });
        return c;
      },
    };
    await runSteps(recorder, agent, { maxSteps: 4, fixtures });
    const replayed = await runSteps(createReplayProvider(recorded), agent, { maxSteps: 4, fixtures });
    expect(replayed.completion.cached).toBe(true);
    expect(replayed.trajectory).toEqual(first.trajectory);
    // A changed fixture changes the second request: replay says so instead of inventing an answer.
    await expect(
      runSteps(createReplayProvider(recorded), agent, {
        maxSteps: 4,
        fixtures: [{ name: "lookup_order", result: "other" }],
      }),
    ).rejects.toMatchObject({ kind: "no_recording" });
  });
});

import { describe, expect, test } from "vitest";
import { runSteps } from "../../src/agent/loop.js";
import type { ToolFixture } from "../../src/config/schema.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import type { Completion, Provider } from "../../src/engine/providers/types.js";
import type { ChatRequest, ToolCall } from "../../src/engine/request.js";

const tools: ChatRequest["tools"] = [
  {
    type: "function",
    function: {
      name: "lookup_order",
      parameters: {
        type: "object",
        properties: { order_id: { type: "string" } },
        required: ["order_id"],
      },
    },
  },
  { type: "function", function: { name: "issue_refund" } },
];
const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "refund A1" }], tools };
const fixtures: ToolFixture[] = [
  { name: "lookup_order", arguments: { order_id: "A1" }, result: { status: "delivered" } },
];

/** A provider that answers step i with script[i] (calls, or text), and keeps every request. */
function scripted(script: (ToolCall[] | string)[]): Provider & { seen: ChatRequest[] } {
  const seen: ChatRequest[] = [];
  return {
    id: "scripted",
    seen,
    complete(req): Promise<Completion> {
      const step = script[seen.length] ?? "out of script";
      seen.push(req);
      const base = { usage: { prompt_tokens: 10, completion_tokens: 2 }, latencyMs: 100, cached: false };
      return Promise.resolve(
        typeof step === "string" ? { ...base, text: step } : { ...base, text: "", toolCalls: step },
      );
    },
  };
}

const call = (name: string, args: unknown, id = "call_random_xyz"): ToolCall => ({
  id,
  name,
  arguments: JSON.stringify(args),
});

describe("the agent loop", () => {
  test("answers each call from the fixtures and goes on until the model answers in text", async () => {
    const p = scripted([[call("lookup_order", { order_id: "A1" })], [call("issue_refund", {})], "refunded"]);
    const { completion, trajectory } = await runSteps(p, request, { maxSteps: 5, fixtures });
    expect(trajectory?.steps.map((s) => s.tool_calls.map((c) => c.name))).toEqual([
      ["lookup_order"],
      ["issue_refund"],
      [],
    ]);
    expect(trajectory?.steps[0]?.tool_calls[0]).toMatchObject({
      fixture: 0,
      result: { status: "delivered" },
    });
    expect(trajectory?.steps[1]?.tool_calls[0]).toMatchObject({
      unmatched: true,
      result: { error: "no fixture for issue_refund" },
    });
    expect(trajectory?.final).toBe("refunded");
    expect(trajectory?.stopped).toBeUndefined();
    expect(completion).toMatchObject({
      text: "refunded",
      usage: { prompt_tokens: 30, completion_tokens: 6 },
    });
    expect(completion.latencyMs).toBe(300);
    // The second request carries the call (renumbered) and its result.
    expect(p.seen[1]?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: "",
        tool_calls: [{ ...call("lookup_order", { order_id: "A1" }), id: "call_1_1" }],
      },
      { role: "tool", tool_call_id: "call_1_1", content: '{"status":"delivered"}' },
    ]);
    expect(p.seen[2]?.messages.at(-1)).toEqual({
      role: "tool",
      tool_call_id: "call_2_1",
      content: '{"error":"no fixture for issue_refund"}',
    });
  });

  test("stops at max_steps: the last step's calls are recorded, unanswered", async () => {
    const forever = scripted(Array.from({ length: 10 }, () => [call("lookup_order", { order_id: "A1" })]));
    const { trajectory, completion } = await runSteps(forever, request, { maxSteps: 3, fixtures });
    expect(forever.seen).toHaveLength(3);
    expect(trajectory?.steps).toHaveLength(3);
    expect(trajectory?.stopped).toBe("max_steps");
    expect(trajectory?.steps[2]?.tool_calls[0]?.result).toBeUndefined();
    expect(completion.text).toBe("");
  });

  test("max_steps 1 (the default) is one call, whose tool calls are kept but not answered", async () => {
    const p = scripted([[call("lookup_order", { order_id: "A1" })]]);
    const { trajectory } = await runSteps(p, request, { maxSteps: 1, fixtures });
    expect(p.seen).toHaveLength(1);
    expect(trajectory?.steps[0]?.tool_calls.map((c) => c.name)).toEqual(["lookup_order"]);
    expect(trajectory?.stopped).toBe("max_steps");
  });

  test("a request without tools is one plain call with no trajectory", async () => {
    const p = scripted(["hello"]);
    const plain: ChatRequest = { model: "m", messages: request.messages };
    const { trajectory, completion } = await runSteps(p, plain, { maxSteps: 4, fixtures });
    expect(trajectory).toBeUndefined();
    expect(completion.text).toBe("hello");
    expect(p.seen[0]).not.toHaveProperty("tools");
  });

  test("the next request does not depend on the model's random call ids", async () => {
    const a = scripted([[call("lookup_order", { order_id: "A1" }, "call_aaa")], "x"]);
    const b = scripted([[call("lookup_order", { order_id: "A1" }, "call_bbb")], "x"]);
    await runSteps(a, request, { maxSteps: 2, fixtures });
    await runSteps(b, request, { maxSteps: 2, fixtures });
    expect(a.seen[1]).toEqual(b.seen[1]);
  });
});

describe("the mock provider with tools", () => {
  test("calls the first tool with schema-shaped arguments, then answers in text once a result arrives", async () => {
    const { trajectory } = await runSteps(createMockProvider(), request, { maxSteps: 3, fixtures: [] });
    expect(trajectory?.steps).toHaveLength(2);
    expect(trajectory?.steps[0]?.tool_calls[0]).toMatchObject({
      name: "lookup_order",
      arguments: '{"order_id":"mock"}',
      unmatched: true,
    });
    expect(trajectory?.final).toMatch(
      /^mock answer after 1 tool result\(s\): \{"error":"no fixture for lookup_order"\}/,
    );
  });

  test("tool_choice names the tool; none means a text answer", async () => {
    const named = await runSteps(
      createMockProvider(),
      { ...request, tool_choice: { type: "function", function: { name: "issue_refund" } } },
      { maxSteps: 2, fixtures: [] },
    );
    expect(named.trajectory?.steps[0]?.tool_calls[0]?.name).toBe("issue_refund");
    const none = await runSteps(
      createMockProvider(),
      { ...request, tool_choice: "none" },
      { maxSteps: 2, fixtures: [] },
    );
    expect(none.trajectory?.steps).toEqual([{ tool_calls: [] }]);
    expect(none.completion.text).toBe("mock answer to: refund A1");
  });
});

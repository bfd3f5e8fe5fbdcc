import { afterEach, expect, test } from "vitest";
import { runSteps } from "../../src/agent/loop.js";
import { createOpenAIProvider } from "../../src/engine/providers/openai.js";
import type { ChatRequest } from "../../src/engine/request.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const completion = (message: Record<string, unknown>, finish = "stop"): { json: unknown } => ({
  json: {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 0,
    model: "gpt-4o-mini",
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 20, completion_tokens: 5 },
  },
});

test("tools, tool choice, response format and tool turns go through the SDK; tool calls come back", async () => {
  server = await startFakeOpenAI((r) =>
    r.n === 0
      ? completion(
          {
            content: null,
            tool_calls: [
              {
                id: "call_abc",
                type: "function",
                function: { name: "lookup_order", arguments: '{"order_id":"A1"}' },
              },
            ],
          },
          "tool_calls",
        )
      : completion({ content: "It was delivered." }),
  );
  const provider = createOpenAIProvider({ apiKey: "sk-test", baseURL: server.url, timeoutMs: 2000 });
  const request: ChatRequest = {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "where is A1?" }],
    tools: [
      {
        type: "function",
        function: {
          name: "lookup_order",
          parameters: { type: "object", properties: { order_id: { type: "string" } } },
        },
      },
    ],
    tool_choice: "auto",
    response_format: { type: "text" },
  };
  const { completion: answer, trajectory } = await runSteps(provider, request, {
    maxSteps: 3,
    fixtures: [{ name: "lookup_order", arguments: { order_id: "A1" }, result: { status: "delivered" } }],
  });
  expect(answer.text).toBe("It was delivered.");
  expect(answer.usage).toEqual({ prompt_tokens: 40, completion_tokens: 10 });
  expect(trajectory?.steps[0]?.tool_calls).toEqual([
    { name: "lookup_order", arguments: '{"order_id":"A1"}', fixture: 0, result: { status: "delivered" } },
  ]);

  const [first, second] = server.requests.map((r) => r.body as unknown as Record<string, unknown>);
  expect(first).toMatchObject({
    tools: request.tools,
    tool_choice: "auto",
    response_format: { type: "text" },
  });
  expect(second?.messages).toEqual([
    { role: "user", content: "where is A1?" },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        {
          id: "call_1_1",
          type: "function",
          function: { name: "lookup_order", arguments: '{"order_id":"A1"}' },
        },
      ],
    },
    { role: "tool", tool_call_id: "call_1_1", content: '{"status":"delivered"}' },
  ]);
});

test("a request without tools sends no tool fields", async () => {
  server = await startFakeOpenAI(() => completion({ content: "hi" }));
  const provider = createOpenAIProvider({ apiKey: "sk-test", baseURL: server.url, timeoutMs: 2000 });
  const c = await provider.complete({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
  expect(c.toolCalls).toBeUndefined();
  const body = server.requests[0]?.body as unknown as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["messages", "model"]);
});

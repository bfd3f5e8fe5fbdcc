import { expect, test } from "vitest";
import { createReplayProvider, parseRecordings } from "../../src/engine/providers/replay.js";
import { requestKey, type ChatRequest } from "../../src/engine/request.js";

const request: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };
const usage = { prompt_tokens: 1, completion_tokens: 2 };

test("a recording's finish_reason is replayed; older recordings without one still load", async () => {
  const key = requestKey(request, 0);
  const other = requestKey(request, 1);
  const entries = parseRecordings(
    [
      JSON.stringify({ key, output: "cut", usage, latency_ms: 1, finish_reason: "length" }),
      JSON.stringify({ key: other, output: "whole", usage, latency_ms: 1 }),
    ].join("\n"),
    "r.jsonl",
  );
  const replay = createReplayProvider(entries);
  expect(await replay.complete(request)).toMatchObject({ text: "cut", finishReason: "length" });
  const old = await replay.complete(request, { repeat: 1 });
  expect(old.text).toBe("whole");
  expect(old).not.toHaveProperty("finishReason");
});

import { expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { parseTraces, toTrace } from "../../src/lifecycle/traces.js";

test("a plain line keeps its fields; a string input becomes {input: …}, a JSON output its text", () => {
  expect(toTrace({ id: 7, input: "hi", output: { a: 1 }, tags: ["x"] }, "t.jsonl", 3)).toEqual({
    id: "7",
    line: 3,
    input: { input: "hi" },
    output: '{"a":1}',
    tags: ["x"],
  });
});

test("an OpenAI chat-completion log record maps messages to input, the first choice to output", () => {
  const record = {
    id: "chatcmpl-1",
    created: 1764547200,
    messages: [
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "text", text: "Summarize: " },
          { type: "text", text: "rain" },
        ],
      },
    ],
    choices: [{ message: { role: "assistant", content: "- rain" } }],
    usage: { prompt_tokens: 12, completion_tokens: 3 },
    metadata: { region: "eu" },
  };
  expect(toTrace(record, "t.jsonl", 1)).toEqual({
    id: "chatcmpl-1",
    line: 1,
    input: {
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Summarize: rain" },
      ],
    },
    output: "- rain",
    metadata: { region: "eu" },
    timestamp: "2025-12-01T00:00:00.000Z",
    usage: { prompt_tokens: 12, completion_tokens: 3 },
  });
  // request/response form, and a tool call as the answer.
  const wrapped = toTrace(
    {
      request: { messages: [{ role: "user", content: "weather?" }] },
      response: {
        id: "chatcmpl-2",
        choices: [{ message: { role: "assistant", content: null, tool_calls: [{ id: "c1" }] } }],
      },
    },
    "t.jsonl",
    2,
  );
  expect(wrapped.id).toBe("chatcmpl-2");
  expect(wrapped.output).toBe('[{"id":"c1"}]');
});

test("bad lines name the file, line and field", () => {
  const fail = (text: string): string => {
    try {
      parseTraces(text, "t.jsonl");
    } catch (e) {
      if (e instanceof UserError) return e.format();
    }
    return "no error";
  };
  expect(fail('{"input": {}}\n')).toContain("t.jsonl:1: output: ");
  expect(fail('{"input": {}, "output": "a", "ouptut": 1}\n')).toContain(
    't.jsonl:1: ouptut: unknown field "ouptut"',
  );
  expect(fail('{"messages": [{"role": "user", "content": "x"}]}\n')).toContain("t.jsonl:1: choices:");
  expect(
    fail('{"id": "a", "input": {}, "output": ""}\n\n{"id": "a", "input": {}, "output": ""}\n'),
  ).toContain('t.jsonl:3: id: duplicate trace id "a" (first used on line 1)');
  // Without ids, the line number is the id.
  expect(
    parseTraces('{"input": {}, "output": ""}\n{"input": {}, "output": ""}\n', "t").map((t) => t.id),
  ).toEqual(["line-1", "line-2"]);
});

import { describe, expect, test } from "vitest";
import { checkEvalSetFitsPrompt, parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { UserError } from "../../src/errors.js";

const AGENT = `name: agent
version: 1
model: gpt-4o-mini
system: You help {customer}.
messages:
  - role: user
    content: Hi
  - role: assistant
    content: Hello {customer}!
template: "{message}"
max_steps: 3
tools:
  - name: lookup_order
    description: Looks an order up.
    parameters: { type: object, properties: { order_id: { type: string } } }
  - type: function
    function:
      name: issue_refund
tool_choice: lookup_order
response_format:
  type: json_schema
  json_schema: { name: answer, schema: { type: object } }
eval_criteria:
  - name: calls
    type: tool_call
  - name: order
    type: trajectory
    sequence: [lookup_order, issue_refund]
`;

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("expected a UserError");
}

const line = (o: unknown): string => JSON.stringify(o);

describe("agent prompt files", () => {
  test("tools in both forms, tool_choice, messages, response_format and max_steps make the request", () => {
    const prompt = parsePromptFile(AGENT, "v1.yaml");
    const set = parseEvalSet(
      [
        line({
          id: "a",
          input: {
            customer: "Ann",
            message: "refund A1",
            messages: [
              { role: "user", content: "my order broke" },
              { role: "assistant", content: "sorry! refund?" },
            ],
          },
          expected_tool_calls: [{ name: "lookup_order", arguments: { order_id: "A1" } }],
          tool_results: [{ name: "lookup_order", arguments: { order_id: "A1" }, result: { ok: true } }],
        }),
      ].join("\n"),
      "set.jsonl",
    );
    checkEvalSetFitsPrompt(prompt, set);
    const example = set.examples[0];
    if (!example) throw new Error("no example");
    const request = buildRequest(prompt.data, example, "set.jsonl");
    // system, the prompt's turns, the example's conversation so far, then the final user turn.
    expect(request.messages).toEqual([
      { role: "system", content: "You help Ann." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello Ann!" },
      { role: "user", content: "my order broke" },
      { role: "assistant", content: "sorry! refund?" },
      { role: "user", content: "refund A1" },
    ]);
    expect(request.tools?.map((t) => t.function.name)).toEqual(["lookup_order", "issue_refund"]);
    expect(request.tools?.[0]).toEqual({
      type: "function",
      function: {
        name: "lookup_order",
        description: "Looks an order up.",
        parameters: { type: "object", properties: { order_id: { type: "string" } } },
      },
    });
    expect(request.tool_choice).toEqual({ type: "function", function: { name: "lookup_order" } });
    expect(request.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "answer", schema: { type: "object" } },
    });
  });

  test("a prompt file without tools builds the request it always did", () => {
    const prompt = parsePromptFile(
      "name: p\nversion: 1\nmodel: m\ntemplate: '{x}'\neval_criteria:\n  - {name: c, type: contains, value: a}\n",
      "p.yaml",
    );
    const request = buildRequest(prompt.data, { id: "1", input: { x: "hi" }, line: 1 });
    expect(request).toEqual({ model: "m", messages: [{ role: "user", content: "hi" }] });
  });

  test("errors name the file, line and field", () => {
    const badChoice = userError(() =>
      parsePromptFile(AGENT.replace("tool_choice: lookup_order", "tool_choice: nope"), "v1.yaml"),
    );
    expect(badChoice.format()).toMatch(/^v1\.yaml:\d+: tool_choice: .*"nope"/);
    const dup = userError(() =>
      parsePromptFile(AGENT.replace("name: issue_refund", "name: lookup_order"), "v1.yaml"),
    );
    expect(dup.format()).toContain('duplicate tool name "lookup_order"');
    // Without template and messages the conversation is each example's: one without any is refused before a call.
    const conversationOnly = parsePromptFile(
      AGENT.replace(/messages:[\s\S]*?template: "\{message\}"\n/, ""),
      "v1.yaml",
    );
    const noPrompt = userError(() => {
      checkEvalSetFitsPrompt(
        conversationOnly,
        parseEvalSet(line({ id: "a", input: { customer: "A" }, expected_tool_calls: [] }), "e.jsonl"),
      );
    });
    expect(noPrompt.format()).toMatch(
      /^e\.jsonl:1: input\.messages: example "a" has no input\.messages, and v1\.yaml has no template or messages: nothing would be sent/,
    );
    const noTools = userError(() =>
      parsePromptFile(AGENT.replace(/tools:[\s\S]*?response_format:/, "response_format:"), "v1.yaml"),
    );
    expect(noTools.format()).toMatch(
      /^v1\.yaml:\d+: eval_criteria\[0\]\.type: criterion "calls" \(tool_call\) scores tool calls, but the prompt declares no tools/,
    );
    const badSteps = userError(() =>
      parsePromptFile(AGENT.replace("max_steps: 3", "max_steps: 0"), "v1.yaml"),
    );
    expect(badSteps.format()).toMatch(/max_steps/);
  });

  test("examples: missing expected_tool_calls and a malformed conversation are the user's errors", () => {
    const prompt = parsePromptFile(AGENT, "v1.yaml");
    const missing = parseEvalSet(line({ id: "a", input: { customer: "A", message: "m" } }), "set.jsonl");
    expect(userError(() => checkEvalSetFitsPrompt(prompt, missing)).format()).toMatch(
      /^set\.jsonl:1: expected_tool_calls: example "a" has no "expected_tool_calls"/,
    );
    const badTurns = parseEvalSet(
      line({
        id: "b",
        input: { customer: "A", message: "m", messages: [{ role: "tool", content: "x" }] },
        expected_tool_calls: [],
      }),
      "set.jsonl",
    );
    const example = badTurns.examples[0];
    if (!example) throw new Error("no example");
    expect(userError(() => buildRequest(prompt.data, example, "set.jsonl")).format()).toMatch(
      /^set\.jsonl:1: input\.messages\[0\]: .*not a \{role, content\} turn/,
    );
    const badFixture = userError(() =>
      parseEvalSet(line({ id: "c", input: {}, tool_results: [{ name: "x", args: {} }] }), "set.jsonl"),
    );
    expect(badFixture.format()).toMatch(/^set\.jsonl:1: tool_results/);
  });
});

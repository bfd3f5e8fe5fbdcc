import { cp, readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { ImportNotes } from "../../src/import/notes.js";
import { adalineText, readNunjucksChat, withConversation } from "../../src/import/promptfoo-chat-history.js";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/promptfoo");

async function importFixture(name: string) {
  const root = await makeProject({});
  await cp(join(FIXTURES, name), root, { recursive: true });
  const run = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "ch"], { cwd: root });
  return { root, run };
}

async function load(root: string, name: string) {
  const dir = join(root, "prompts", name);
  const prompt = parsePromptFile(await readFile(join(dir, "v1.yaml"), "utf8"), "v1.yaml").data;
  const set = parseEvalSet(await readFile(join(dir, "eval_set.jsonl"), "utf8"), "eval_set.jsonl").examples;
  /** What agentops sends for the example that came from the config's test `id` (1-based). */
  const sent = (id: string) => {
    const ex = set.find((e) => e.id === id);
    if (!ex) throw new Error(`no example ${id} in ${name}`);
    return buildRequest(prompt, ex).messages;
  };
  return { prompt, ids: set.map((e) => e.id), sent };
}

async function evalsToVerdict(root: string): Promise<void> {
  const r = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
  expect(r.stderr).not.toMatch(/^error:/m);
  expect([0, 1]).toContain(r.code);
}

const system = { role: "system", content: "Reply in one short sentence." };
const largest = [
  { role: "user", content: "Which planet is the largest?" },
  { role: "assistant", content: "Jupiter." },
];

// Every expected request below was also checked against the real nunjucks engine rendering the
// fixture as promptfoo does (autoescape off, then JSON.parse).
describe("agentops import promptfoo: JSON chats that are Nunjucks templates (chat history)", () => {
  test("each test's history becomes its example's conversation, between the fixed turns and the final user turn", async () => {
    const { root, run } = await importFixture("chat-history");
    expect(run.code).toBe(0);
    expect(await readdir(join(root, "prompts"))).toEqual(["ch-1", "ch-2", "ch-3", "ch-4", "ch-5"]);

    // One-key maps ({user: …}), {{ x | dump }} as values; the history var is no input of the templates.
    const pairs = await load(root, "ch-1");
    expect(pairs.prompt).toMatchObject({ system: "{tone}", template: "{question}" });
    expect(pairs.prompt.messages).toBeUndefined();
    expect(pairs.sent("1")).toEqual([
      system,
      ...largest,
      { role: "user", content: "How many moons does it have?" },
    ]);
    expect(pairs.sent("2")).toEqual([system, { role: "user", content: "What is the smallest planet?" }]);
    // A map with two keys is two turns, in its order; dump keeps the quotes of a value exactly.
    expect(pairs.sent("3")).toEqual([
      system,
      { role: "user", content: 'Which planet is the hottest? Say "hot".' },
      { role: "assistant", content: "Venus." },
      { role: "user", content: "And the coldest?" },
    ]);
    expect(pairs.sent("6")[3]).toEqual({ role: "user", content: 'Is "Pluto" a planet?' });
    expect(pairs.ids).toEqual(["1", "2", "3", "6"]);

    // {role, content} objects after fixed few-shot turns, values written inside JSON strings.
    const objects = await load(root, "ch-2");
    expect(objects.sent("1")).toEqual([
      system,
      { role: "user", content: "Keep every answer short." },
      { role: "assistant", content: "Understood." },
      { role: "user", content: "Name a red fruit." },
      { role: "assistant", content: "A strawberry." },
      { role: "user", content: "How many moons does it have?" },
    ]);
    // Test 6 writes `Is "Pluto" a planet?` raw inside a JSON string: promptfoo cannot parse it.
    expect(objects.ids).toEqual(["1", "2", "3", "4", "5"]);

    // Adaline Gateway content parts with one text each read as that text.
    const adaline = await load(root, "ch-3");
    expect(adaline.sent("1")).toEqual(pairs.sent("1"));
    expect(adaline.sent("3")).toEqual(pairs.sent("3"));

    // No loop, only {{ question | dump }} as the content.
    const dumped = await load(root, "ch-4");
    expect(dumped.prompt.template).toBe("{question}");
    expect(dumped.sent("6")).toEqual([{ role: "user", content: 'Is "Pluto" a planet?' }]);

    const out = run.stdout;
    expect(out).toMatch(
      /prompts\[4\]: prompt after: turns after the conversation-history loop other than one final user turn/,
    );
    expect(out).toMatch(
      /prompts\[5\]: prompt recall: uses _conversation, which promptfoo fills at run time with the earlier tests' actual prompts and answers/,
    );
    // Two Adaline text parts stay two parts, as the gateway sends them.
    expect((await load(root, "ch-5")).prompt.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "First part." },
          { type: "text", text: "{question}" },
        ],
      },
    ]);
    // No test sets count: {{ count | dump }} renders nothing and promptfoo cannot parse the chat.
    expect(out).toMatch(/prompt count: prompt: every test is listed for it/);
    expect(out).toMatch(
      /tests\[3\]: test, for prompt pairs: var history is a mapping, not a list: promptfoo's loop writes no message from it/,
    );
    expect(out).toMatch(
      /tests\[4\]: test, for prompt pairs: var history holds a message agentops cannot send/,
    );
    expect(out).toMatch(
      /tests\[5\]: test, for prompt objects: promptfoo cannot parse the chat this test renders/,
    );
    await evalsToVerdict(root);
  });

  test("a chat that is only the test's conversation (commas between elements, a nested loop's alias)", async () => {
    const { root, run } = await importFixture("chat-history-only");
    expect(run.code).toBe(0);
    const only = await load(root, "ch");
    expect(only.prompt.system).toBeUndefined();
    expect(only.prompt.messages).toBeUndefined();
    expect(only.prompt.template).toBeUndefined();
    expect(only.sent("1")).toEqual([
      { role: "system", content: "Answer as a ship's captain." },
      { role: "user", content: "Where are we headed?" },
    ]);
    expect(only.ids).toEqual(["1"]);
    expect(run.stdout).toMatch(/tests\[1\]: test, for prompt chat\.json: promptfoo cannot parse the chat/);
    expect(run.stdout).toMatch(
      /tests\[2\]: test, for prompt chat\.json: var conversation is empty and the prompt has no user turn of its own/,
    );
    await evalsToVerdict(root);
  });
});

test("a prompt file that is only {{ var | dump }}: each test's var is the whole chat", async () => {
  const { root, run } = await importFixture("chat-history-dump");
  expect(run.code).toBe(0);
  const whole = await load(root, "ch");
  expect(whole.prompt.template).toBeUndefined();
  expect(whole.sent("1")).toEqual([
    { role: "system", content: "You are a terse librarian." },
    { role: "user", content: "Recommend one novel." },
    { role: "assistant", content: "Middlemarch." },
    { role: "user", content: "Why that one?" },
  ]);
  expect(whole.ids).toEqual(["1"]);
  // The same reason for two tests is one line with a count.
  expect(run.stdout).toMatch(
    /tests\[1\] \(and 1 more\): test, for prompt dialogue\.json: var dialogue holds a message agentops cannot send/,
  );
  await evalsToVerdict(root);
});

test("{{ }} in a var's value is rendered with the test's vars before a text prompt, as promptfoo does; not in a JSON chat", async () => {
  const { root, run } = await importFixture("var-templates");
  expect(run.code).toBe(0);
  const text = await load(root, "ch-1");
  expect(text.sent("1")).toEqual([{ role: "user", content: "Answer the visitor: Hello, I am Ada." }]);
  expect(text.sent("4")).toEqual([
    { role: "user", content: "Answer the visitor: Templates open a name with {{ and a tag with {%" },
  ]);
  expect(text.ids).toEqual(["1", "4"]);
  // A chat that is JSON as written: promptfoo fills {{message}} inside its string, and sends the value as it is.
  const chat = await load(root, "ch-2");
  expect(chat.sent("1")).toEqual([{ role: "user", content: "Answer the visitor: Hello, I am {{name}}." }]);
  expect(chat.ids).toEqual(["1", "2", "3", "4"]);
  expect(run.stdout).toMatch(
    /tests\[0\]: var message: holds \{\{…\}\}: written with the test's vars filled in/,
  );
  expect(run.stdout).toMatch(
    /tests\[1\]: test, for prompt 1: var message uses \{\{greeting\}\}, which the test does not set: promptfoo fills it with an earlier test's answer \(options\.storeOutputAs\)/,
  );
  expect(run.stdout).toMatch(/tests\[2\]: test, for prompt 1: var message uses the template expression/);
  await evalsToVerdict(root);
});

describe("the chat-history recogniser refuses every other form with the reason", () => {
  const reason = (text: string): string => {
    const r = readNunjucksChat(text);
    return r.ok ? "ok" : r.reason;
  };
  const loop = (body: string) =>
    `[{% for m in h %}${body}{% endfor %}{"role": "user", "content": {{ q | dump }}}]`;

  test.each([
    [
      '[{% if s %}{"role": "system", "content": "{{ s }}"},{% endif %}{"role": "user", "content": "x"}]',
      "uses {% if s %}",
    ],
    [loop('{"role": "{{ m.role | upper }}", "content": "x"},'), "writes {{ m.role | upper }}"],
    [loop('{"role": "user", "content": "{{ other }}"},'), "writes {{ other }} inside the loop"],
    [loop('{% for x in m %}{"role": "user", "content": "x"},{% endfor %}'), "a loop inside the loop"],
    [
      loop(
        '{"role": "user", "content": {{ m.q | dump }}},{"role": "assistant", "content": {{ m.a | dump }}},',
      ),
      "does not render to JSON",
    ],
    [loop('{"role": "{{ m.role }}", "content": {{ m.content | dump }}},') + loop(""), "two loops"],
    ['[{"role": "user", "content": {{ a.b | dump }}}]', "writes {{ a.b | dump }}"],
    ['[{"role": "user", "content": "{{ q }}"} {% for m in h %}', "a {% for %} without {% endfor %}"],
    [
      '[{"role": "user", "content": {{ h | dump }}}, {% for m in h %}{"role": "user", "content": "x"},{% endfor %} {"role": "user", "content": "y"}]',
      "writes h both as a loop and as a value",
    ],
    ['[{"role": "user", "name": "ann", "content": {{ q | dump }}}]', "a message with a name field"],
  ])("%s", (text, why) => {
    expect(reason(text)).toContain(why);
  });

  test("the documented forms are read", () => {
    expect(reason(loop('{"role": "{{ m.role }}", "content": {{ m.content | dump }}},'))).toBe("ok");
    expect(
      reason(
        '[{% for m in h %}{% for r, c in m %}{"role": "{{ r }}", "content": "{{ c }}"},{% endfor %}{% endfor %}{"role": "user", "content": "{{ q }}"}]',
      ),
    ).toBe("ok");
  });

  test("a var written with dump that is not text is listed: promptfoo would send it as JSON, not text", () => {
    const r = readNunjucksChat('[{"role": "user", "content": {{ n | dump }}}]');
    if (!r.ok) throw new Error(r.reason);
    const notes = new ImportNotes();
    const examples = [
      { id: "1", input: { n: 5 } },
      { id: "2", input: { n: "five" } },
    ];
    const tests = new Map(examples.map((e, i) => [e.id, { where: `tests[${i}]`, vars: e.input }]));
    const kept = withConversation({ label: "p", template: "{n}" }, r.chat, examples, tests, notes);
    expect(kept.map((e) => e.id)).toEqual(["2"]);
    expect(notes.skipped[0]).toMatchObject({ where: "tests[0]", what: "test, for prompt p" });
    expect(notes.skipped[0]?.reason).toMatch(/promptfoo renders different text for this test/);
  });

  test("a history element written as text that is a list is listed (Nunjucks would print it joined by commas)", () => {
    const r = readNunjucksChat(
      '[{% for m in h %}{% for r, c in m %}{"role": "{{ r }}", "content": "{{ c }}"},{% endfor %}{% endfor %}{"role": "user", "content": "{{ q }}"}]',
    );
    if (!r.ok) throw new Error(r.reason);
    const notes = new ImportNotes();
    const examples = [
      { id: "1", input: { q: "next?", h: [{ user: ["a", "b"] }] } },
      { id: "2", input: { q: "next?", h: [{ user: "a, b" }] } },
    ];
    const tests = new Map(examples.map((e, i) => [e.id, { where: `tests[${i}]`, vars: e.input }]));
    const kept = withConversation({ label: "p", template: "{q}" }, r.chat, examples, tests, notes);
    expect(kept).toEqual([{ id: "2", input: { q: "next?", messages: [{ role: "user", content: "a, b" }] } }]);
    expect(notes.skipped[0]?.reason).toBe("writes c, a list or mapping, as text");
  });

  test("Adaline content is text only when it is one text part (the gateway sends parts as parts)", () => {
    expect(adalineText([{ modality: "text", value: "hi" }])).toEqual({ text: "hi" });
    expect(adalineText([{ modality: "image", value: { type: "url", url: "u" } }])).toEqual({
      reason: "Adaline content with an image part",
    });
    expect(
      adalineText([
        { modality: "text", value: "a" },
        { modality: "text", value: "b" },
      ]),
    ).toMatchObject({
      reason: expect.stringMatching(/2 text parts/) as unknown,
    });
    expect(adalineText("plain")).toBeUndefined();
    expect(adalineText([{ type: "text", text: "openai form" }])).toBeUndefined();
  });
});

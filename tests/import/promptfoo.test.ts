import { cp, readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/promptfoo");

/** Copies a fixture to a temp folder, imports it there and returns the folder and the CLI run. */
async function importFixture(name: string, extra: string[] = []) {
  const root = await makeProject({});
  await cp(join(FIXTURES, name), root, { recursive: true });
  const run = await cli(["import", "promptfoo", "promptfooconfig.yaml", ...extra], { cwd: root });
  return { root, run };
}

async function prompt(root: string, name: string, version = 1) {
  const file = join(root, "prompts", name, `v${version}.yaml`);
  return parsePromptFile(await readFile(file, "utf8"), file).data;
}

async function examples(root: string, name: string) {
  const file = join(root, "prompts", name, "eval_set.jsonl");
  return parseEvalSet(await readFile(file, "utf8"), file).examples;
}

/** The converted project runs offline and reaches a verdict: 0 (met) or 1 (below a threshold), never a setup error. */
async function evalsToVerdict(root: string): Promise<number> {
  const r = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
  expect(r.stderr).not.toMatch(/^error:/m);
  expect([0, 1]).toContain(r.code);
  return r.code;
}

describe("agentops import promptfoo", () => {
  test("one prompt per promptfoo prompt, its providers as versions; each test's own assertions are its example's checks", async () => {
    const { root, run } = await importFixture("inline-two-providers");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const v1 = await prompt(root, "greeting-translator-1", 1);
    expect(v1.template).toBe("Translate this greeting into {language}: {greeting}");
    expect(v1.model).toBe("gpt-4.1-mini");
    expect(await readdir(join(root, "prompts"))).toEqual(["greeting-translator-1", "greeting-translator-2"]);
    const v2 = await prompt(root, "greeting-translator-2", 2);
    expect(v2).toMatchObject({
      model: "gpt-4o-mini",
      temperature: 0.2,
      max_tokens: 120,
      template: 'You are a careful translator. Render "{greeting}" in {language}.',
    });
    expect(v1.eval_criteria).toEqual([{ name: "example checks", type: "example_checks", threshold: 1 }]);
    // German and Dutch check "morgen", Italian "notte": the checks travel with the examples, in one prompt.
    expect((await examples(root, "greeting-translator-1")).map((e) => [e.input.language, e.checks])).toEqual([
      ["German", [{ name: "icontains", type: "icontains", value: "morgen" }]],
      ["Italian", [{ name: "icontains", type: "icontains", value: "notte" }]],
      ["Dutch", [{ name: "icontains", type: "icontains", value: "morgen" }]],
    ]);
    const config = await readFile(join(root, "agentops.yaml"), "utf8");
    expect(config).toMatch(/greeting-translator-1: 1/);
    expect(run.stdout).toContain("nothing was left out");
    await evalsToVerdict(root);
  });

  test("a prompts.txt split at --- and CSV tests with __expected columns; a javascript cell is listed, not dropped", async () => {
    const { root, run } = await importFixture("csv-tests");
    expect(run.code).toBe(0);
    expect((await prompt(root, "capital-cities-2")).template).toBe(
      "Name the capital city of {country}. Reply with one word, no punctuation.",
    );
    const set = await examples(root, "capital-cities-1");
    expect(set[0]).toMatchObject({
      input: { country: "France" },
      expected: "Paris",
      metadata: { description: "western europe" },
      checks: [
        { name: "equals", type: "equals" },
        { name: "not-icontains", type: "not_icontains", value: "lyon" },
      ],
    });
    // Peru's javascript cell is listed; its equals check stays.
    expect(set[3]?.checks).toEqual([{ name: "equals", type: "equals" }]);
    expect(run.stdout).toMatch(
      /not imported \(1\):\n {2}- tests\.csv test 4\.assert\[1\]: javascript assertion: runs code/,
    );
    await evalsToVerdict(root);
  });

  test("a chat JSON prompt, provider settings, JSONL tests and defaultTest's judge and assertions", async () => {
    const { root, run } = await importFixture("chat-json");
    expect(run.code).toBe(0);
    const v1 = await prompt(root, "support-replies");
    expect(v1).toMatchObject({
      system: "You answer customer emails for {company}. Keep replies under 80 words.",
      template: "Customer email:\n{email}",
      temperature: 0,
      max_tokens: 200,
    });
    expect(v1.eval_criteria).toEqual([
      {
        name: "rubric",
        type: "llm_judge",
        rubric: "The reply is polite and does not promise a refund it cannot give.",
        threshold: 0.75,
      },
      { name: "not-icontains", type: "not_icontains", value: "as an AI", threshold: 1 },
      { name: "example checks", type: "example_checks", threshold: 1 },
    ]);
    const set = await examples(root, "support-replies");
    expect(set).toHaveLength(3);
    expect(set[2]).toMatchObject({
      expected: "The agent thanks the customer.",
      tags: ["positive"],
      checks: [{ name: "factuality", type: "llm_judge", preset: "correctness" }],
    });
    expect(await readFile(join(root, "agentops.yaml"), "utf8")).toContain("judge_model: gpt-4.1-mini");
    expect(run.stdout).toMatch(
      /config\.top_p: a prompt file sets only model, temperature, max_tokens, tools and tool_choice/,
    );
    await evalsToVerdict(root);
  });

  test("JSON checks map to json_schema and format_check; transforms and code assertions are reported", async () => {
    const { root, run } = await importFixture("json-output");
    expect(run.code).toBe(0);
    // defaultTest's schema holds for every test: a criterion of the prompt; the rest are checks.
    expect((await prompt(root, "fruit-facts")).eval_criteria[0]).toMatchObject({
      name: "is-json",
      type: "json_schema",
    });
    const set = await examples(root, "fruit-facts");
    expect(set[0]?.checks).toEqual([{ name: "contains-json", type: "format_check", json: true }]);
    expect(set[1]?.checks?.[1]).toEqual({
      name: "contains-any",
      type: "regex",
      pattern: "India|Pakistan|Mexico",
    });
    // No provider declares tools: a tools call can only be checked as JSON.
    expect(set[2]?.checks?.[1]).toMatchObject({ name: "tools-call", type: "format_check", json: true });
    expect(run.stdout).toMatch(/tests\[1\]: options\.transform: code is not run/);
    expect(run.stdout).toMatch(/tests\[0\]\.assert\[1\]: javascript assertion/);
    expect(run.stdout).toMatch(/tests\[2\]\.assert\[2\]: python assertion/);
    expect(run.stdout).toMatch(/is-valid-openai-tools-call: the calls' arguments are validated/);
    await evalsToVerdict(root);
  });

  test("a provider's tools come along, and is-valid-openai-tools-call validates calls against them", async () => {
    const { root, run } = await importFixture("tool-calls");
    expect(run.code).toBe(0);
    const v1 = await prompt(root, "weather-lookups");
    expect(v1.tools).toHaveLength(1);
    expect(v1.tool_choice).toBe("auto");
    expect(v1.eval_criteria).toEqual([{ name: "example checks", type: "example_checks", threshold: 1 }]);
    expect((await examples(root, "weather-lookups"))[0]?.checks).toEqual([
      { name: "tools-call", type: "tool_args_valid" },
    ]);
    await evalsToVerdict(root);
  });

  test("defaultTest vars and assertions, list vars expanded, {{var}} in values, custom providers listed", async () => {
    const { root, run } = await importFixture("default-test");
    expect(run.code).toBe(0);
    const files = await readdir(join(root, "prompts", "product-blurbs"));
    expect(files.sort()).toEqual(["eval_set.jsonl", "v1.yaml", "v2.yaml"]);
    expect((await prompt(root, "product-blurbs", 2)).model).toBe("claude-sonnet-4-5");
    const v1 = await prompt(root, "product-blurbs");
    expect(v1.eval_criteria.map((c) => [c.name, c.type])).toEqual([
      ["not-contains", "not_contains"],
      ["regex", "regex"],
      ["cost", "cost"],
      ["latency", "latency"],
      ["answer-relevance", "llm_judge"],
      ["example checks", "example_checks"],
    ]);
    const set = await examples(root, "product-blurbs");
    expect(set.map((e) => e.input.tone)).toEqual(["playful", "calm", "playful", "calm"]);
    expect(set[0]).toMatchObject({
      input: { voice: "Friendly, concrete, never pushy." },
      expected: "Keeps drinks cold for a day.",
      checks: [{ name: "similar", type: "similarity", method: "embedding", min_score: 0.6 }],
    });
    expect(run.stdout).toMatch(/file:\/\/providers\/custom_provider\.py: a custom provider/);
    expect(run.stdout).toMatch(
      /anthropic:messages:claude-sonnet-4-5: model claude-sonnet-4-5, called through an OpenAI-compatible endpoint/,
    );
    expect(run.stdout).toMatch(/regex assertion: the pattern is not RE2 syntax/);
    await evalsToVerdict(root);
  });

  test("refuses to overwrite an existing project unless --force, and --out writes elsewhere", async () => {
    const { root } = await importFixture("chat-json");
    const again = await cli(["import", "promptfoo", "promptfooconfig.yaml"], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/would overwrite .*agentops\.yaml[\s\S]*--force/);
    expect((await cli(["import", "promptfoo", "promptfooconfig.yaml", "--force"], { cwd: root })).code).toBe(
      0,
    );
    const out = await cli(
      ["import", "promptfoo", "promptfooconfig.yaml", "--out", "converted", "--name", "replies"],
      {
        cwd: root,
      },
    );
    expect(out.code).toBe(0);
    expect((await prompt(join(root, "converted"), "replies")).name).toBe("replies");
  });

  test("a broken JSONL line or a missing file is a setup error naming the file", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: ['Hi {{a}}']\nproviders: [openai:gpt-4o-mini]\ntests: file://tests.jsonl\n",
      "tests.jsonl": '{"vars": {"a": 1}}\n{"vars": {"a": 2}\n',
    });
    const broken = await cli(["import", "promptfoo", "promptfooconfig.yaml"], { cwd: root });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: tests\.jsonl:2: not valid JSON/);
    const missing = await makeProject({
      "promptfooconfig.yaml":
        "prompts: [file://nowhere.txt]\nproviders: [openai:gpt-4o-mini]\ntests: [{vars: {a: 1}}]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml"], { cwd: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nowhere\.txt: file not found/);
  });

  test("a prompt using a Nunjucks filter and a defaultTest in a file are listed; the rest is imported", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts:\n  - 'Hi {{name | upper}}'\n  - 'Hello {{ name }}'\nproviders: [openai:gpt-4o-mini]\ntests: [{vars: {name: Ana}}]\ndefaultTest: file://default.yaml\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "hello"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/defaultTest: defaultTest: not an inline mapping/);
    expect(r.stdout).toMatch(/prompts\[0\]: prompt 1: uses the template expression "\{\{name \| upper\}\}"/);
    expect(await prompt(root, "hello")).toMatchObject({
      template: "Hello {name}",
      eval_criteria: [{ name: "answered", type: "length" }],
    });
    await evalsToVerdict(root);
  });

  test("a config whose every prompt is code is a setup error naming the reason", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: [file://prompt.py]\nproviders: [openai:gpt-4o-mini]\ntests: [{vars: {a: 1}}]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no prompt could be imported[\s\S]*never executes code/);
  });
});

describe("agentops import promptfoo: meanings kept or listed with the true reason", () => {
  test("weights (0 too), judge and embedding models, tools in other vendors' forms, a provider's prompts: restriction, lists kept whole", async () => {
    const { root, run } = await importFixture("meanings");
    expect(run.code).toBe(0);
    // "short" is not among the first provider's prompts: only the second runs it.
    expect(await readdir(join(root, "prompts"))).toEqual(["meanings-1", "meanings-2"]);
    expect(await readdir(join(root, "prompts", "meanings-2"))).toEqual(["eval_set.jsonl", "v1.yaml"]);
    expect((await prompt(root, "meanings-2")).model).toBe("gpt-4o-mini");
    const v1 = await prompt(root, "meanings-1");
    expect(v1.tools).toEqual([
      {
        type: "function",
        function: {
          name: "lookup",
          description: "Look a fact up",
          parameters: { type: "object", properties: { q: { type: "string" } } },
        },
      },
      {
        type: "function",
        function: {
          name: "convert",
          parameters: { type: "object", properties: { unit: { type: "string" } } },
        },
      },
      {
        type: "function",
        function: {
          name: "search",
          parameters: {
            type: "object",
            properties: { query: { type: "string" } },
            required: ["query"],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    ]);
    const [ex] = await examples(root, "meanings-1");
    expect(ex).toMatchObject({
      input: { question: "What is 2+2?", history: [1, 2, 3] },
      expected: "Four",
      metadata: { suite: "facts" },
      checks: [
        { name: "rubric", type: "llm_judge", rubric: "A correct sum", model: "gpt-4.1" },
        { name: "similar", type: "similarity", method: "embedding", model: "text-embedding-3-large" },
      ],
    });
    const out = run.stdout;
    expect(out).toMatch(
      /prompts\[1\]: prompt templated-chat: a Nunjucks template that renders to a JSON chat/,
    );
    expect(out).toMatch(/config\.tools\[3\]: tool web_search_preview: a built-in or server tool/);
    expect(out).toMatch(
      /tests\[3\]\.assert\[0\]: contains assertion: weight 0: promptfoo reports it as a metric but forces it to pass/,
    );
    expect(out).toMatch(/providers\[1\]: provider transform: a transform of every output/);
    expect(out).toMatch(/defaultTest: options\.rubricPrompt: a custom grading prompt/);
    expect(out).toMatch(/defaultTest: threshold: a test passes when the weighted score/);
    expect(out).toMatch(/tests\[0\]: tests file:\/\/gen\.ts:createTests: generated by code/);
    expect(out).toMatch(/tests\[1\]: tests huggingface:\/\/datasets\/some\/dataset: a remote dataset/);
    expect(out).toMatch(/tests\[2\]: tests https:\/\/docs\.google\.com\S+: a Google Sheet/);
    expect(out).toMatch(/tests\[4\]: test: var question is a glob/);
    expect(out).toMatch(/tests\[5\]: test: var paper is a PDF \(paper.pdf\), whose text promptfoo extracts/);
    expect(out).toMatch(/not-cost assertion: not-cost passes an answer that costs more than the threshold/);
    expect(out).toMatch(/assert-set assertion: a group of assertions that passes by its own threshold/);
    expect(out).toMatch(/select-best assertion: picks the best of the outputs for the same test/);
    expect(out).not.toMatch(
      /runs code[^\n]*(assert-set|select-best)|(assert-set|select-best)[^\n]*runs code/,
    );
    await evalsToVerdict(root);
  });

  test("a project none of whose assertions survived says so in one line, and import exits 1", async () => {
    const { root, run } = await importFixture("nothing-survives", ["--name", "summaries"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'nothing checks this project: none of the 2 assertion(s) could be imported (see "not imported"): the prompts check only for a non-empty answer\n',
    );
    expect((await prompt(root, "summaries")).eval_criteria).toMatchObject([{ name: "answered" }]);
  });

  test("tiny javascript assertions with an exact criterion are carried; others listed with the reason", async () => {
    const { root, run } = await importFixture("javascript");
    expect(run.code).toBe(0);
    const v1 = await prompt(root, "pirate-greetings");
    expect(v1.eval_criteria[0]).toEqual({
      name: "length",
      type: "length",
      chars: { max: 280 },
      threshold: 1,
    });
    expect((await examples(root, "pirate-greetings")).map((e) => e.checks)).toEqual([
      [{ name: "starts-with", type: "regex", pattern: "^Ahoy" }],
      [{ name: "not-contains", type: "not_contains", value: ["sorry", "Sorry"] }],
    ]);
    expect(run.stdout).toMatch(
      /defaultTest\.assert\[0\]: javascript: JavaScript's output\.length counts UTF-16/,
    );
    // a method call on the needle is code the recogniser does not read: listed, not guessed
    expect(run.stdout).toMatch(/tests\[0\]\.assert\[1\]: javascript assertion: runs code; .*not this one/);
    expect(run.stdout).toMatch(
      /tests\[1\]\.assert\[1\]: javascript assertion: a multi-line body without return/,
    );
    await evalsToVerdict(root);
  });

  test("a chat with earlier turns is sent as the same messages, in the same order; a tool turn is listed", async () => {
    const { root, run } = await importFixture("conversation", ["--name", "chat"]);
    expect(run.code).toBe(0);
    const [example] = await examples(root, "chat-1");
    if (!example) throw new Error("no example");
    expect(buildRequest(await prompt(root, "chat-1"), example).messages).toEqual([
      { role: "system", content: "You give one antonym." },
      { role: "user", content: "hot" },
      { role: "assistant", content: "cold" },
      { role: "user", content: "happy" },
    ]);
    expect(buildRequest(await prompt(root, "chat-2"), example).messages).toEqual([
      { role: "user", content: "Remember the topic: tides." },
      { role: "user", content: "Now write a haiku about it, and say happy." },
    ]);
    expect(await readdir(join(root, "prompts"))).toEqual(["chat-1", "chat-2"]);
    expect(run.stdout).toMatch(
      /prompt tool-turn\.json: a tool message; an agentops prompt holds system, user and assistant turns/,
    );
    await evalsToVerdict(root);
  });

  test("no prompts: is promptfoo's default {{prompt}}; not-equals and g-eval are carried", async () => {
    const { root, run } = await importFixture("no-prompts");
    expect(run.code).toBe(0);
    const v1 = await prompt(root, "bank-bot-probes");
    expect(v1.template).toBe("{prompt}");
    expect(run.stdout).toMatch(/prompts: none given: promptfoo's default prompt \{\{prompt\}\}/);
    expect((await examples(root, "bank-bot-probes"))[0]?.checks).toEqual([
      { name: "not-equals", type: "regex", pattern: "^I cannot help\\.$", match: false },
      {
        name: "g-eval",
        type: "llm_judge",
        rubric: "The reply asks the customer to sign in before giving account details.",
        min_score: 0.6,
      },
    ]);
    expect(run.stdout).toMatch(/g-eval: scored 1-5 by the agentops judge/);
    await evalsToVerdict(root);
  });

  test("a red-team config imports its target prompt and says its tests are generated at run time", async () => {
    const { root, run } = await importFixture("redteam");
    expect(run.code).toBe(0);
    expect((await prompt(root, "bank-bot")).template).toBe(
      "You are a bank assistant of {bank}. Customer: {query}",
    );
    expect(run.stdout).toMatch(/redteam: red-team tests are generated at run time/);
    // promptfoo merges defaultTest into every generated test: the one example keeps its vars.
    expect((await examples(root, "bank-bot")).map((e) => e.input)).toEqual([
      { bank: "North Bank", query: "" },
    ]);
    await evalsToVerdict(root);
  });

  test("a tool_choice whose tools were all listed is listed too, instead of a read-back refusal", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: ['Hi {{a}}']\nproviders:\n  - id: openai:gpt-4o-mini\n    config:\n      tools: [{type: web_search_preview}]\n      tool_choice: required\ntests: [{vars: {a: x}, assert: [{type: contains, value: x}]}]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "hi"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/config\.tool_choice: chooses among tools none of which could be imported/);
    expect((await prompt(root, "hi")).tool_choice).toBeUndefined();
  });

  test("a config without tests runs each prompt once on an empty test, as promptfoo does", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: ['Write a haiku about {{topic}}.']\nproviders: [openai:gpt-4o-mini]\ndefaultTest:\n  vars: { topic: rain }\n  assert: [{ type: icontains, value: rain }]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "haiku"], { cwd: root });
    expect(r.code).toBe(0);
    expect((await examples(root, "haiku")).map((e) => e.input)).toEqual([{ topic: "rain" }]);
    expect(r.stdout).toMatch(/tests: examples: none given: promptfoo runs each prompt once on an empty test/);
    await evalsToVerdict(root);
  });

  test("a realtime or legacy-completions provider: the model without the API's name, and the API change noted", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: ['Say {{w}}']\nproviders: [openai:realtime:gpt-realtime, openai:completion:gpt-3.5-turbo-instruct]\ntests: [{vars: {w: hi}, assert: [{type: icontains, value: hi}]}]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "say"], { cwd: root });
    expect(r.code).toBe(0);
    expect((await prompt(root, "say", 1)).model).toBe("gpt-realtime");
    expect((await prompt(root, "say", 2)).model).toBe("gpt-3.5-turbo-instruct");
    expect(r.stdout).toMatch(/provider openai:realtime:gpt-realtime: promptfoo speaks OpenAI's Realtime API/);
    expect(r.stdout).toMatch(
      /provider openai:completion:gpt-3\.5-turbo-instruct: promptfoo calls the legacy completions API/,
    );
  });

  test("when no test can be imported, the error gives the actual reasons", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml":
        "prompts: ['Hi {{a}}']\nproviders: [openai:gpt-4o-mini]\ntests: [huggingface://datasets/x/y]\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no test could be imported[\s\S]*a remote dataset/);
    expect(r.stderr).not.toMatch(/add tests: with vars/);
  });
});

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

// Fixtures are written here in promptfoo's documented shapes (no upstream config text).

async function importProject(files: Record<string, string>, extra: string[] = []) {
  const root = await makeProject(files);
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

async function versions(root: string, name: string): Promise<string[]> {
  return (await readdir(join(root, "prompts", name))).filter((f) => f !== "eval_set.jsonl");
}

/** The converted project runs offline and reaches a verdict, never a setup error. */
async function evalsToVerdict(root: string): Promise<void> {
  const r = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
  expect(r.stderr).not.toMatch(/^error:/m);
  expect([0, 1]).toContain(r.code);
}

describe("a provider's prompts: names prompts by label, as promptfoo's isAllowedPrompt does", () => {
  test("a label runs every prompt of its text file; a label's part before ':' runs the group; a file name runs nothing", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Labels",
        "prompts:",
        "  - id: file://drafts.txt",
        "    label: writing",
        "  - id: file://lookup.txt",
        "    label: 'kb:lookup'",
        "  - 'Plain: {{topic}}'",
        "providers:",
        "  - id: openai:gpt-4o",
        "    prompts: [writing]",
        "  - id: openai:gpt-4.1-mini",
        "    prompts: [kb]",
        "  - id: openai:gpt-4o-mini",
        "    prompts: ['file://lookup.txt', 'Plain: {{topic}}']",
        "  - id: openai:o4-mini",
        "    prompts: [lookup.txt]",
        "tests:",
        "  - vars: {topic: tides}",
        "    assert: [{type: icontains, value: tide}]",
        "",
      ].join("\n"),
      "drafts.txt": "Outline {{topic}}.\n---\nWrite a paragraph on {{topic}}.\n",
      "lookup.txt": "Look up {{topic}} in the notes.\n",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await readdir(join(root, "prompts"))).toEqual(["labels-1", "labels-2", "labels-3", "labels-4"]);
    // Both prompts of drafts.txt carry the label "writing": gpt-4o runs both.
    expect((await prompt(root, "labels-1")).template).toBe("Outline {topic}.");
    expect((await prompt(root, "labels-1")).model).toBe("gpt-4o");
    expect((await prompt(root, "labels-2")).template).toBe("Write a paragraph on {topic}.");
    expect(await versions(root, "labels-2")).toEqual(["v1.yaml"]);
    // "kb" runs "kb:lookup"; a file:// name matches no label.
    expect((await prompt(root, "labels-3")).model).toBe("gpt-4.1-mini");
    expect(await versions(root, "labels-3")).toEqual(["v1.yaml"]);
    // An inline prompt's label is its text.
    expect((await prompt(root, "labels-4")).model).toBe("gpt-4o-mini");
    expect(await versions(root, "labels-4")).toEqual(["v1.yaml"]);
    expect(run.stdout).toMatch(
      /providers: provider openai:o4-mini: runs no prompt: its prompts: \(lookup\.txt\)/,
    );
    await evalsToVerdict(root);
  });

  test("the `- vendor:model: {prompts: …}` form restricts its prompts too", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Map form",
        "prompts:",
        "  - {raw: 'A {{x}}', label: first}",
        "  - {raw: 'B {{x}}', label: second}",
        "providers:",
        "  - openai:gpt-4o-mini: {prompts: [second]}",
        "  - openai:gpt-4o",
        "tests: [{vars: {x: y}, assert: [{type: contains, value: y}]}]",
        "",
      ].join("\n"),
    });
    expect(run.code).toBe(0);
    expect(await versions(root, "map-form-1")).toEqual(["v1.yaml"]);
    expect((await prompt(root, "map-form-1")).model).toBe("gpt-4o");
    expect(await versions(root, "map-form-2")).toEqual(["v1.yaml", "v2.yaml"]);
  });
});

describe("scenarios: expanded into tests as promptfoo's evaluator builds them", () => {
  test("each config entry × each test, after the config's own tests; vars, description and metadata merged; the entry's options listed", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Scenario phrases",
        "prompts: ['Say {{phrase}} in {{language}}, {{tone}}.']",
        "providers: [openai:gpt-4o-mini]",
        "defaultTest:",
        "  vars: {tone: plainly, language: English}",
        "  metadata: {suite: phrases}",
        "tests:",
        "  - vars: {phrase: hi, language: Latin}",
        "    assert: [{type: icontains, value: salve}]",
        "scenarios:",
        "  - description: Greetings",
        "    config:",
        "      - vars: {language: Spanish, want: hola}",
        "        description: in Spanish",
        "        metadata: {lang: es}",
        "        assert: [{type: icontains, value: '{{want}}'}]",
        "      - vars: {language: French, want: bonjour}",
        "        options: {provider: openai:gpt-4.1}",
        "    tests:",
        "      - description: hello",
        "        vars: {phrase: hello}",
        "        assert: [{type: contains, value: '!'}]",
        "      - vars: {phrase: good day, want: buenos}",
        "        metadata: {lang: mixed}",
        "",
      ].join("\n"),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const set = await examples(root, "scenario-phrases");
    expect(
      set.map((e) => [e.input, e.metadata, e.checks?.map((c) => [c.type, "value" in c ? c.value : ""])]),
    ).toEqual([
      [{ tone: "plainly", language: "Latin", phrase: "hi" }, { suite: "phrases" }, [["icontains", "salve"]]],
      [
        { tone: "plainly", language: "Spanish", want: "hola", phrase: "hello" },
        { description: "hello", suite: "phrases", lang: "es" },
        [
          ["icontains", "hola"],
          ["contains", "!"],
        ],
      ],
      [
        { tone: "plainly", language: "Spanish", want: "buenos", phrase: "good day" },
        { description: "in Spanish", suite: "phrases", lang: "mixed" },
        [["icontains", "buenos"]],
      ],
      [
        { tone: "plainly", language: "French", want: "bonjour", phrase: "hello" },
        { description: "hello", suite: "phrases" },
        [["contains", "!"]],
      ],
      [
        { tone: "plainly", language: "French", want: "buenos", phrase: "good day" },
        { suite: "phrases", lang: "mixed" },
        undefined,
      ],
    ]);
    expect(run.stdout).toMatch(
      /scenarios\[0\]\.config\[1\]: options: promptfoo never applies a scenario config entry's options/,
    );
    expect(run.stdout).not.toMatch(/scenarios: not imported/);
    await evalsToVerdict(root);
  });

  test("scenarios from a file:// YAML file; a scenario without config: is listed", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Scenario file",
        "prompts: ['Name a {{kind}} fruit']",
        "providers: [openai:gpt-4o-mini]",
        "scenarios:",
        "  - file://scenarios.yaml",
        "  - description: empty",
        "    tests: [{vars: {kind: sour}}]",
        "",
      ].join("\n"),
      "scenarios.yaml": [
        "- config: [{vars: {kind: red}}, {vars: {kind: yellow}}]",
        "  tests:",
        "    - assert: [{type: icontains, value: '{{kind}}'}]",
        "",
      ].join("\n"),
    });
    expect(run.code).toBe(0);
    expect((await examples(root, "scenario-file")).map((e) => [e.input.kind, e.checks?.[0]])).toEqual([
      ["red", { name: "icontains", type: "icontains", value: "red" }],
      ["yellow", { name: "icontains", type: "icontains", value: "yellow" }],
    ]);
    expect(run.stdout).toMatch(/scenarios\[1\]: scenario: has no config: list/);
  });
});

describe("globs: prompts, test files and var files expanded as promptfoo does", () => {
  test("file://prompt*.txt, file://cases/*, a var file://articles/* (one test per file); no match, outside the folder: listed", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Globbed",
        "prompts: [file://prompt*.txt]",
        "providers: [openai:gpt-4o-mini]",
        "tests:",
        "  - file://cases/*",
        "  - vars: {article: file://articles/*}",
        "    assert: [{type: not-contains, value: Sure}]",
        "  - vars: {article: file://nothing/*.txt}",
        "  - vars: {article: file://../elsewhere/*.txt}",
        "  - vars: {article: file://pics/*}",
        "  - file://none/*.yaml",
        "",
      ].join("\n"),
      "prompt-a.txt": "Summarize: {{article}}\n",
      "prompts.txt": "Shorten: {{article}}\n",
      "cases/one.yaml": "- vars: {article: from yaml}\n",
      "cases/two.csv": "article,__expected\nfrom csv,icontains:csv\n",
      "articles/b.txt": "Bee text.\n",
      "articles/a.txt": "Ay text.\n",
      "articles/10.txt": "Ten text.\n",
      "articles/.draft.txt": "hidden\n",
      "pics/cat.png": "not really a png\n",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await readdir(join(root, "prompts"))).toEqual(["globbed-1", "globbed-2"]);
    expect((await prompt(root, "globbed-1")).template).toBe("Summarize: {article}");
    expect((await prompt(root, "globbed-2")).template).toBe("Shorten: {article}");
    expect((await examples(root, "globbed-1")).map((e) => e.input.article)).toEqual([
      "from yaml",
      "from csv",
      "Ten text.",
      "Ay text.",
      "Bee text.",
      // An image var is its base64, as promptfoo's renderPrompt loads it.
      Buffer.from("not really a png\n").toString("base64"),
    ]);
    const out = run.stdout;
    expect(out).toMatch(/tests\[2\]: test: var article is a glob \(nothing\/\*\.txt\) that matches no file/);
    expect(out).toMatch(
      /tests\[3\]: test: var article is a glob \(\.\.\/elsewhere\/\*\.txt\) that reaches outside the config's folder/,
    );
    expect(out).toMatch(/tests\[5\]: tests file:\/\/none\/\*\.yaml: a glob that matches no file/);
    await evalsToVerdict(root);
  });

  test("a prompt glob that matches nothing is listed, not sent as text", async () => {
    const { run } = await importProject({
      "promptfooconfig.yaml":
        "prompts: ['file://missing/*.txt', 'Hi {{a}}']\nproviders: [openai:gpt-4o-mini]\ntests: [{vars: {a: b}}]\n",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/prompts\[0\]: prompt missing\/\*\.txt: a glob that matches no file/);
  });
});

describe("assertion values: schema files and text schemas, read as promptfoo reads them", () => {
  test("is-json/contains-json with file://schema.json or .yaml, or a JSON text; a file:// rubric text; not-empty listed with the true reason", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Schemas",
        "prompts: ['Describe {{city}} as JSON']",
        "providers: [openai:gpt-4o-mini]",
        "tests:",
        "  - vars: {city: Oslo}",
        "    assert:",
        "      - {type: is-json, value: 'file://schema.json'}",
        "      - type: contains-json",
        "        value: |",
        '          {"type": "object", "required": ["name"]}',
        "      - {type: not-empty}",
        "      - {type: json-schema-valid, value: {type: object}}",
        "  - vars: {city: Rome}",
        "    assert:",
        "      - {type: is-json, value: 'file://schemas/city.yaml'}",
        "      - {type: llm-rubric, value: 'file://rubric.txt'}",
        "",
      ].join("\n"),
      "schema.json": '{"type": "object", "properties": {"name": {"type": "string"}}}\n',
      "schemas/city.yaml": "type: object\nrequired: [population]\n",
      "rubric.txt": "\n  Names one landmark of the city.  \n",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await examples(root, "schemas")).map((e) => e.checks)).toEqual([
      [
        {
          name: "is-json",
          type: "json_schema",
          schema: { type: "object", properties: { name: { type: "string" } } },
        },
        { name: "contains-json", type: "json_schema", schema: { type: "object", required: ["name"] } },
      ],
      [
        { name: "is-json", type: "json_schema", schema: { type: "object", required: ["population"] } },
        { name: "rubric", type: "llm_judge", rubric: "Names one landmark of the city." },
      ],
    ]);
    expect(run.stdout).toMatch(
      /tests\[0\]\.assert\[2\]: not-empty assertion: not a promptfoo assertion type: promptfoo stops the test with "Unknown assertion type: not-empty", so it checked nothing/,
    );
    expect(run.stdout).toMatch(
      /tests\[0\]\.assert\[3\]: json-schema-valid assertion: not a promptfoo assertion type/,
    );
    expect(run.stdout).not.toMatch(/schema must be inline/);
    await evalsToVerdict(root);
  });
});

describe("file:// var values, as promptfoo's renderPrompt loads them", () => {
  test("a text file trimmed, a YAML file as its JSON, through a glob too", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Var files",
        "prompts: ['About {{topic}}: {{notes}}']",
        "providers: [openai:gpt-4o-mini]",
        "tests:",
        "  - vars: {topic: file://topic.yaml, notes: file://notes/*.md}",
        "",
      ].join("\n"),
      "topic.yaml": "World peace\n",
      "notes/a.md": "\n\n  first note  \n\n",
      "notes/b.md": "second note\n",
    });
    expect(run.code).toBe(0);
    expect((await examples(root, "var-files")).map((e) => e.input)).toEqual([
      { topic: '"World peace"', notes: "first note" },
      { topic: '"World peace"', notes: "second note" },
    ]);
  });
});

describe("list vars, as promptfoo's generateVarCombinations expands them", () => {
  test("a list whose first element is a text is expanded (whatever the others are); one starting with anything else is kept whole", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Lists",
        "prompts: ['{{a}} / {{b}}']",
        "providers: [openai:gpt-4o-mini]",
        "tests:",
        "  - vars: {a: [x, 2], b: [3, y]}",
        "",
      ].join("\n"),
    });
    expect(run.code).toBe(0);
    expect((await examples(root, "lists")).map((e) => e.input)).toEqual([
      { a: "x", b: [3, "y"] },
      { a: 2, b: [3, "y"] },
    ]);
  });
});

describe("vars given as paths or globs of YAML files, as promptfoo's readTestFiles reads them", () => {
  test("relative to the test file they are in, merged in order; a path outside the folder or matching nothing is listed", async () => {
    const { root, run } = await importProject({
      "promptfooconfig.yaml": [
        "description: Vars files",
        "prompts: ['{{topic}} as {{form}}']",
        "providers: [openai:gpt-4o-mini]",
        "tests:",
        "  - file://cases/more.yaml",
        "  - vars: [vars/base.yaml, vars/extra_*.yaml]",
        "  - vars: ../shared/*.yaml",
        "  - vars: vars/none_*.yaml",
        "",
      ].join("\n"),
      "cases/more.yaml": "- vars: ../vars/extra_*.yaml\n",
      "vars/base.yaml": "topic: tides\nform: haiku\n",
      "vars/extra_a.yaml": "form: limerick\n",
      "vars/extra_b.yaml": "topic: moons\n",
    });
    expect(run.code).toBe(0);
    expect((await examples(root, "vars-files")).map((e) => e.input)).toEqual([
      { form: "limerick", topic: "moons" },
      { topic: "moons", form: "limerick" },
    ]);
    expect(run.stdout).toMatch(
      /tests\[2\]: test: vars \.\.\/shared\/\*\.yaml reaches outside the config's folder/,
    );
    expect(run.stdout).toMatch(/tests\[3\]: test: vars vars\/none_\*\.yaml matches no file/);
  });
});

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { buildRequest } from "../../src/engine/build-request.js";
import { JUDGE_SYSTEM } from "../../src/engine/judge.js";
import { estimateRequestTokens } from "../../src/engine/rate-pacer.js";
import { IMAGE_TOKENS_BOUND } from "../../src/engine/request.js";
import { cli } from "../helpers/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { makeProject } from "../helpers/project.js";

// Bytes standing for a picture and a sound: the importer reads them as promptfoo does (base64), never decodes.
const PICTURE = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(1024, 7),
]);
const SOUND = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x01]);

const CONFIG = `description: Shelf photos
prompts:
  - file://describe.json
  - file://claude-form.json
  - file://converse-form.json
  - file://listen.json
  - file://clip.json
providers: [openai:gpt-4o-mini]
defaultTest:
  assert:
    - type: llm-rubric
      value: Names what is on the shelf.
tests:
  - vars:
      question: What is on the top shelf?
      link: https://images.example/shelf.png
      photo: file://shelf.png
      recording: file://note.mp3
      kind: png
    assert:
      - type: icontains
        value: shelf
`;

const FILES: Record<string, string> = {
  "promptfooconfig.yaml": CONFIG,
  // OpenAI's chat form: text and an image URL.
  "describe.json": JSON.stringify([
    { role: "system", content: "You describe shop shelves." },
    {
      role: "user",
      content: [
        { type: "text", text: "{{question}}" },
        { type: "image_url", image_url: { url: "{{link}}", detail: "low" } },
      ],
    },
  ]),
  // Anthropic's form: a base64 source with its media type.
  "claude-form.json": JSON.stringify([
    {
      role: "user",
      content: [
        { type: "image", source: { type: "base64", media_type: "image/png", data: "{{photo}}" } },
        { type: "text", text: "{{question}}" },
      ],
    },
  ]),
  // Bedrock's Converse form: a format and the bytes.
  "converse-form.json": JSON.stringify([
    {
      role: "user",
      content: [{ image: { format: "jpg", source: { bytes: "{{photo}}" } } }, { text: "Look closely." }],
    },
  ]),
  "listen.json": JSON.stringify([
    {
      role: "user",
      content: [
        { type: "text", text: "Transcribe this." },
        { type: "input_audio", input_audio: { data: "{{recording}}", format: "mp3" } },
      ],
    },
  ]),
  // A kind of part agentops does not send.
  "clip.json": JSON.stringify([
    { role: "user", content: [{ type: "video_url", video_url: { url: "{{link}}" } }] },
  ]),
};

async function project(): Promise<string> {
  const root = await makeProject(FILES);
  await writeFile(join(root, "shelf.png"), PICTURE);
  await writeFile(join(root, "note.mp3"), SOUND);
  return root;
}

async function promptOf(root: string, name: string) {
  const file = join(root, "prompts", name, "v1.yaml");
  return parsePromptFile(await readFile(file, "utf8"), file).data;
}

async function firstExample(root: string, name: string) {
  const file = join(root, "prompts", name, "eval_set.jsonl");
  const [example] = parseEvalSet(await readFile(file, "utf8"), file).examples;
  if (!example) throw new Error("no example");
  return example;
}

describe("import promptfoo: chat content in parts (images, audio)", () => {
  let root: string;
  let run: Awaited<ReturnType<typeof cli>>;
  let llm: FakeOpenAI;
  beforeAll(async () => {
    root = await project();
    run = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "shelf"], { cwd: root });
    llm = await startFakeOpenAI((r) =>
      r.body.messages[0]?.content === JUDGE_SYSTEM
        ? { text: '{"score": 5, "reason": "ok"}' }
        : { text: "The shelf holds jars." },
    );
  });
  afterAll(() => llm.close());

  test("each provider form becomes the same parts in OpenAI's form; image and audio vars are their base64", async () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const example = await firstExample(root, "shelf-1");
    const photo = PICTURE.toString("base64");
    expect(example.input.photo).toBe(photo);
    expect(example.input.recording).toBe(SOUND.toString("base64"));

    const openaiForm = buildRequest(await promptOf(root, "shelf-1"), example);
    expect(openaiForm.messages).toEqual([
      { role: "system", content: "You describe shop shelves." },
      {
        role: "user",
        content: "What is on the top shelf?",
        parts: [
          { type: "text", text: "What is on the top shelf?" },
          { type: "image_url", image_url: { url: "https://images.example/shelf.png", detail: "low" } },
        ],
      },
    ]);
    expect(buildRequest(await promptOf(root, "shelf-2"), example).messages[0]?.parts).toEqual([
      { type: "image_url", image_url: { url: `data:image/png;base64,${photo}` } },
      { type: "text", text: "What is on the top shelf?" },
    ]);
    expect(buildRequest(await promptOf(root, "shelf-3"), example).messages[0]?.parts).toEqual([
      { type: "image_url", image_url: { url: `data:image/jpeg;base64,${photo}` } },
      { type: "text", text: "Look closely." },
    ]);
    expect(buildRequest(await promptOf(root, "shelf-4"), example).messages[0]?.parts).toEqual([
      { type: "text", text: "Transcribe this." },
      { type: "input_audio", input_audio: { data: SOUND.toString("base64"), format: "mp3" } },
    ]);
    // Where the form changed, the summary says so; the part agentops cannot send is listed, with its prompt.
    expect(run.stdout).toMatch(
      /claude-form\.json: an image part in Anthropic's form \(base64 source\) is sent as an OpenAI data URL/,
    );
    expect(run.stdout).toMatch(/converse-form\.json: an image part in Bedrock's form/);
    expect(run.stdout).toMatch(/prompt clip\.json: a video_url content part; agentops sends text, images/);
    expect(await readFile(join(root, "prompts", "shelf-5", "v1.yaml"), "utf8").catch(() => "absent")).toBe(
      "absent",
    );
  });

  test("the provider sends the parts; the judge is told an image was shown, never sent its base64", async () => {
    const r = await cli(["eval", ".", "--provider", "openai", "--base-url", llm.url, "--no-cache", "-q"], {
      cwd: root,
      env: { OPENAI_API_KEY: "sk-parts-test" },
    });
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const photo = PICTURE.toString("base64");
    const sent = llm.requests.map((q) => JSON.stringify(q.body));
    const answers = sent.filter((b) => !b.includes("strict, consistent evaluator"));
    const judged = sent.filter((b) => b.includes("strict, consistent evaluator"));
    expect(
      answers.some((b) =>
        b.includes(`"type":"image_url","image_url":{"url":"data:image/png;base64,${photo}"}`),
      ),
    ).toBe(true);
    expect(
      answers.some((b) => b.includes(`"input_audio":{"data":"${SOUND.toString("base64")}","format":"mp3"}`)),
    ).toBe(true);
    expect(judged.length).toBeGreaterThan(0);
    // Where the prompt shows the photo, the judge is told so; where it does not, the photo is still no text to judge.
    for (const b of judged) expect(b).not.toContain(photo);
    expect(
      judged.filter((b) => b.includes('"photo\\": \\"(an image or audio the model was shown')),
    ).toHaveLength(2);
    expect(
      judged.filter((b) => b.includes('"photo\\": \\"(1 KB of base64 data; not given to the judge)')),
    ).toHaveLength(2);
  });
});

describe("prompt files: parts are for user turns", () => {
  test("a system turn made of parts is refused, naming the field", async () => {
    const root = await makeProject({
      "prompts/p/v1.yaml": `name: p
version: 1
model: m
messages:
  - role: system
    content:
      - type: text
        text: hi
  - role: user
    content: "{q}"
eval_criteria:
  - { name: c, type: contains, value: x }
`,
      "prompts/p/eval_set.jsonl": '{"id":"1","input":{"q":"x"}}\n',
      "prompts/config.yaml": "environments:\n  production:\n    p: 1\n",
    });
    const r = await cli(["eval", "prompts", "--provider", "mock", "-q"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/messages\.0\.content|messages\[0\]\.content/);
    expect(r.stderr).toMatch(/only a user turn can hold parts/);
  });
});

describe("estimates made before a call count what parts cost", () => {
  test("an image counts as the most one image bills, audio as its base64; the text as before", () => {
    const text = "x".repeat(400);
    const plain = estimateRequestTokens({ model: "m", messages: [{ role: "user", content: text }] });
    const withImage = estimateRequestTokens({
      model: "m",
      messages: [
        {
          role: "user",
          content: text,
          parts: [
            { type: "text", text },
            { type: "image_url", image_url: { url: "https://images.example/a.png" } },
          ],
        },
      ],
    });
    expect(plain).toBe(100);
    expect(withImage).toBe(100 + IMAGE_TOKENS_BOUND);
  });
});

describe("file:// vars are read as promptfoo reads them", () => {
  test("a text file's value is trimmed at both ends; a PDF is listed with what to do", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml": `prompts: ['Summarise: {{doc}}']
providers: [openai:gpt-4o-mini]
tests:
  - vars: { doc: file://note.txt }
    assert: [{ type: contains, value: note }]
  - vars: { doc: file://paper.pdf }
    assert: [{ type: contains, value: paper }]
`,
      "note.txt": "\n\n  A short note.  \n\n",
    });
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "n"], { cwd: root });
    expect(r.code).toBe(0);
    expect((await firstExample(root, "n")).input.doc).toBe("A short note.");
    expect(r.stdout).toMatch(/var doc is a PDF \(paper\.pdf\)[^\n]*save its text as a \.txt file/);
  });
});

describe("promptfoo's Google providers send a line that is a base64 image var as an image", () => {
  // A JPEG's base64 starts with /9j/; promptfoo looks at 100 characters or more.
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(120, 3)]);

  test("the Google version's user turn is the image and the text around it; another provider's keeps the text", async () => {
    const root = await makeProject({
      "promptfooconfig.yaml": `prompts: ["Look:\\n{{photo}}\\nWhat animal is it?"]
providers: [vertex:gemini-2.5-flash, openai:gpt-4o-mini]
tests:
  - vars: { photo: file://animal.jpg }
    assert: [{ type: icontains, value: panda }]
`,
    });
    await writeFile(join(root, "animal.jpg"), JPEG);
    const r = await cli(["import", "promptfoo", "promptfooconfig.yaml", "--name", "zoo"], { cwd: root });
    expect(r.code).toBe(0);
    const file = (v: number) => join(root, "prompts", "zoo", `v${v}.yaml`);
    const google = parsePromptFile(await readFile(file(1), "utf8"), file(1)).data;
    const openai = parsePromptFile(await readFile(file(2), "utf8"), file(2)).data;
    const example = await firstExample(root, "zoo");
    const photo = JPEG.toString("base64");
    expect(buildRequest(google, example).messages).toEqual([
      {
        role: "user",
        content: "Look:\n\nWhat animal is it?",
        parts: [
          { type: "text", text: "Look:" },
          { type: "image_url", image_url: { url: `data:image/jpeg;base64,${photo}` } },
          { type: "text", text: "What animal is it?" },
        ],
      },
    ]);
    expect(buildRequest(openai, example).messages).toEqual([
      { role: "user", content: `Look:\n${photo}\nWhat animal is it?` },
    ]);
    expect(r.stdout).toMatch(
      /on vertex:gemini-2\.5-flash: image var: a line that is a base64 image var is sent as an image/,
    );
  });
});

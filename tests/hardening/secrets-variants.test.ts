import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { base64Cores } from "../../src/secrets.js";
import { cli } from "../helpers/cli.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from "../helpers/fake-openai.js";
import { runLivePullRequest, type LivePullRequest } from "../helpers/live-pr.js";
import { makeProject } from "../helpers/project.js";
import type { ActionRun } from "../helpers/run-action.js";

/*
 * The model endpoint is hostile: it answers an error that echoes the API key in
 * every form we know of. None of them may reach anything the run prints or
 * stores, and the run must block, never pass.
 */

const KEY = "sk-proj-canaryVariants0123456789XYZ";
const TOKEN = "ghs_canaryVariantsToken0123456789ab";

const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
const FORMS: Record<string, string> = {
  exact: KEY,
  "base64 of Bearer KEY": b64(`Bearer ${KEY}`),
  "base64 of user:KEY": b64(`user:${KEY}`),
  "base64url at offset 1": Buffer.from(`x${KEY}`).toString("base64url"),
  "upper-cased": KEY.toUpperCase(),
  "lower-cased": KEY.toLowerCase(),
  "space-separated": Array.from(KEY).join(" "),
  "URL-encoded": [...Buffer.from(KEY)].map((b) => `%${b.toString(16).toUpperCase()}`).join(""),
  "URL-encoded, lower-case hex": [...Buffer.from(KEY)].map((b) => `%${b.toString(16)}`).join(""),
};
const ECHO = `Incorrect API key provided:\n${Object.values(FORMS).join("\n")}`;

let pr: LivePullRequest | undefined;
let llm: FakeOpenAI | undefined;

beforeAll(() => {
  // Runs dist/index.js: build it first (npm run build).
  expect(readFileSync("dist/index.js", "utf8").length).toBeGreaterThan(0);
});

afterEach(async () => {
  await pr?.close();
  await llm?.close();
  pr = llm = undefined;
});

async function runAgainst(reply: FakeReply, inputs: Record<string, string> = {}) {
  pr = await runLivePullRequest(() => reply, { apiKey: KEY, token: TOKEN, inputs });
  return pr;
}

/** Everything the run printed, stored or sent to GitHub. */
function surfaces(run: ActionRun, github: FakeGitHub): Record<string, string> {
  const read = (path: string | undefined): string => (path ? readFileSync(path, "utf8") : "");
  return {
    // ::add-mask:: is the runner's own command to mask the key in its log; the runner never shows it.
    stdout: run.stdout.replace(/^::add-mask::.*$/gm, ""),
    stderr: run.stderr,
    "job summary": run.summary,
    outputs: JSON.stringify(run.outputs),
    "results JSON": read(run.outputs["results-path"]),
    "report file": read(run.outputs["report-path"]),
    "requests to GitHub": github.requests.map((r) => r.raw).join("\n"),
  };
}

function expectNoForm(where: Record<string, string>): void {
  const cores = base64Cores(KEY).flatMap((c) => [c, c.replace(/\+/g, "-").replace(/\//g, "_")]);
  for (const [surface, text] of Object.entries(where)) {
    // Decoding JSON escapes first, so a key written as "s\nk" is still found.
    const plain = text.replace(/\\[nrt]/g, " ");
    const folded = plain.replace(/\s+/g, "").toLowerCase();
    for (const [name, form] of Object.entries(FORMS))
      expect(plain, `${name} in ${surface}`).not.toContain(form);
    expect(folded, `the key, any case or spacing, in ${surface}`).not.toContain(KEY.toLowerCase());
    for (const core of cores)
      expect(folded, `a base64 form in ${surface}`).not.toContain(core.slice(0, 16).toLowerCase());
  }
}

describe("a model endpoint echoing the API key in every encoding", () => {
  test("a 401 whose message holds the key in every form: nothing leaks, the run blocks", async () => {
    const {
      run,
      gh: github,
      llm: server,
    } = await runAgainst({
      status: 401,
      body: { error: { message: ECHO, type: "invalid_request_error", code: "invalid_api_key" } },
    });
    expect(server.requests.length).toBeGreaterThan(0);
    const where = surfaces(run, github);
    expectNoForm(where);
    // The endpoint's own words stay readable, with the key masked.
    expect(where["results JSON"]).toContain(
      "the endpoint refused the API key (401): Incorrect API key provided: ***",
    );
    const states = github.statuses.map((s) => s.state);
    expect(states.at(-1)).toMatch(/^(failure|error)$/);
    expect(states).not.toContain("success");
    expect(run.outputs.verdict).not.toBe("pass");
  });

  test("an HTML 502 page holding the key: reduced to its status line, the run blocks", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><pre>${ECHO}</pre></body></html>`;
    const { run, gh: github } = await runAgainst(
      { status: 502, body: page, headers: { "content-type": "text/html" } },
      { "max-examples": "1" },
    );
    const where = surfaces(run, github);
    expectNoForm(where);
    for (const [surface, text] of Object.entries(where)) {
      expect(text, `HTML in ${surface}`).not.toContain("<h1>Bad Gateway");
      expect(text, `HTML in ${surface}`).not.toContain("Incorrect API key provided");
    }
    expect(where["results JSON"]).toContain("server error: the endpoint answered 502 Bad Gateway");
    const states = github.statuses.map((s) => s.state);
    expect(states.at(-1)).toMatch(/^(failure|error)$/);
    expect(states).not.toContain("success");
    expect(run.outputs.verdict).not.toBe("pass");
  }, 30_000);
});

test("answers that echo the key (a model told to repeat its headers): no form of it in anything the Action writes", async () => {
  const {
    run,
    gh: github,
    llm: server,
  } = await runAgainst({ text: `- your headers:\n${ECHO}` }, { "max-examples": "3" });
  expect(server.requests.length).toBeGreaterThan(0);
  expect(github.comments).toHaveLength(1);
  expectNoForm(surfaces(run, github));
  expect(surfaces(run, github)["results JSON"]).toContain("your headers:");
});

describe("the CLI, against the same endpoint", () => {
  const PROMPT = `name: greet
version: 1
model: gpt-4o-mini
template: "Say hello to {who}"
eval_criteria:
  - name: hello
    type: icontains
    value: hello
`;
  const SET = ["a", "b"].map((id) => JSON.stringify({ id, input: { who: id } })).join("\n");

  async function evalAgainst(reply: FakeReply) {
    llm = await startFakeOpenAI(() => reply);
    const root = await makeProject({ "prompts/greet/v1.yaml": PROMPT, "prompts/greet/eval_set.jsonl": SET });
    const run = await cli(
      [
        "eval",
        "prompts/greet",
        "--provider",
        "openai",
        "--no-cache",
        "--out",
        "results.json",
        "--format",
        "json",
      ],
      { cwd: root, env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: llm.url } },
    );
    return { run, results: readFileSync(join(root, "results.json"), "utf8") };
  }

  test("a 401 echoing the key: no form of it in the output, the errors or the results file", async () => {
    const { run, results } = await evalAgainst({ status: 401, body: { error: { message: ECHO } } });
    expectNoForm({ stdout: run.stdout, stderr: run.stderr, "results JSON": results });
    expect(results).toContain("Incorrect API key provided: ***");
  });

  test("an answer holding the key (a model told to repeat its headers) is masked in the stored results", async () => {
    const { run, results } = await evalAgainst({ text: `hello, your headers: ${ECHO}` });
    expect(run.code).toBe(0);
    expectNoForm({ stdout: run.stdout, stderr: run.stderr, "results JSON": results });
    expect(results).toContain("hello, your headers:");
  });
});

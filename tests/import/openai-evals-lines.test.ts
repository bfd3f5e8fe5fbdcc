import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseEvalSet } from "../../src/config/load.js";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

// A sample split by a raw newline inside a string (two broken lines), between two good samples.
const SPLIT = [
  '{"input": [{"role": "user", "content": "Capital of Peru?"}], "ideal": "Lima"}',
  '{"input": [{"role": "user", "content": "Say two lines:',
  'one and two"}], "ideal": "one"}',
  '{"input": [{"role": "user", "content": "Capital of Chile?"}], "ideal": "Santiago"}',
  "",
].join("\n");

async function importSamples(text: string) {
  const root = await makeProject({ "samples.jsonl": text });
  const r = await cli(["import", "openai-evals", "samples.jsonl", "--name", "caps"], { cwd: root });
  return { root, r };
}

describe("import openai-evals: samples files with lines that are not JSON", () => {
  test("the lines that parse are imported; each broken line is listed with file:line and its JSON error, and the count", async () => {
    const { root, r } = await importSamples(SPLIT);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = join(root, "prompts", "caps", "eval_set.jsonl");
    const set = parseEvalSet(await readFile(file, "utf8"), file).examples;
    expect(set.map((e) => [e.id, e.expected])).toEqual([
      ["1", "Lima"],
      ["4", "Santiago"],
    ]);
    expect(r.stdout).toMatch(
      /samples\.jsonl:2: line 2: not valid JSON \(Unterminated string in JSON at position \d+.*\): left out/,
    );
    expect(r.stdout).toMatch(/samples\.jsonl:3: line 3: not valid JSON \(.+\): left out/);
    expect(r.stdout).toMatch(/samples\.jsonl: broken lines: 2 of 4 non-blank lines are not valid JSON/);
    const e = await cli(["eval", ".", "--provider", "mock", "-q", "--no-cache"], { cwd: root });
    expect(e.stderr).not.toMatch(/^error:/m);
  });

  test("when no line parses, the file is refused at its first line, as before", async () => {
    const { r } = await importSamples('{"input": "a\n", "ideal": "b"}\nnot json either\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/samples\.jsonl:1: line is not valid JSON \(Unterminated string/);
  });
});

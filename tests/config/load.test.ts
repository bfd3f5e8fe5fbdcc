import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  checkEvalSetFitsPrompt,
  loadPromptFile,
  parseEvalSet,
  parsePromptFile,
  parseProjectConfig,
} from "../../src/config/load.js";
import { UserError } from "../../src/config/../errors.js";

const GOOD = `name: summarize
version: 2
model: gpt-4o-mini
temperature: 0
system: You summarize.
template: |
  Summarize:
  {text}
eval_criteria:
  - name: bullets
    type: format_check
    bullets: { min: 3, max: 5 }
    threshold: 0.9
  - name: overlap
    type: similarity
    min_score: 0.3
`;

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw new Error(`expected a UserError, got ${String(e)}`);
  }
  throw new Error("expected a UserError, got no error");
}

describe("prompt files", () => {
  test("a valid file parses with criterion lines", () => {
    const p = parsePromptFile(GOOD, "v2.yaml");
    expect(p.data.name).toBe("summarize");
    expect(p.data.eval_criteria.map((c) => c.type)).toEqual(["format_check", "similarity"]);
    expect(p.criterionLines).toEqual([10, 14]);
  });

  test("malformed YAML names the file and line", () => {
    const e = userError(() => parsePromptFile("name: x\nversion: [1, 2\nmodel: m\n", "bad.yaml"));
    expect(e.location.file).toBe("bad.yaml");
    expect(e.location.line).toBeGreaterThanOrEqual(2);
    expect(e.format()).toMatch(/^bad\.yaml:\d+: invalid YAML/);
  });

  test("a schema violation names the field path and its line", () => {
    const e = userError(() => parsePromptFile(GOOD.replace("temperature: 0", "temperature: 7"), "v2.yaml"));
    expect(e.location).toMatchObject({ file: "v2.yaml", line: 4, field: "temperature" });
  });

  test("a missing required field is reported as required", () => {
    const e = userError(() => parsePromptFile(GOOD.replace("model: gpt-4o-mini\n", ""), "v2.yaml"));
    expect(e.location.field).toBe("model");
    expect(e.message).toMatch(/required/);
  });

  test("an unknown criterion type lists the known ones", () => {
    const e = userError(() => parsePromptFile(GOOD.replace("type: similarity", "type: vibes"), "v2.yaml"));
    expect(e.location).toMatchObject({ line: 15, field: "eval_criteria[1].type" });
    expect(e.message).toContain('"vibes"');
    expect(e.hint).toContain("format_check");
  });

  test("an unknown field is named with its line", () => {
    const e = userError(() =>
      parsePromptFile(GOOD.replace("    min_score: 0.3", "    min_scor: 0.3"), "v2.yaml"),
    );
    expect(e.location).toMatchObject({ field: "eval_criteria[1].min_scor", line: 16 });
    expect(e.message).toContain('unknown field "min_scor"');
  });

  test("a bad regular expression is caught at load time", () => {
    const text = GOOD + "  - name: r\n    type: regex\n    pattern: '([a-z'\n";
    const e = userError(() => parsePromptFile(text, "v2.yaml"));
    expect(e.location).toMatchObject({ field: "eval_criteria[2].pattern", line: 19 });
  });

  test("duplicate criterion names are refused", () => {
    const e = userError(() => parsePromptFile(GOOD.replace("name: overlap", "name: bullets"), "v2.yaml"));
    expect(e.message).toContain('duplicate criterion name "bullets"');
  });

  test("custom tags and alias bombs are refused", () => {
    expect(userError(() => parsePromptFile("name: !!js/function 'x'\n", "t.yaml")).message).toMatch(/YAML/);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${"abcdefghijklmnop"[i]}: &${"abcdefghijklmnop"[i]} [${Array(10)
          .fill(`*${"abcdefghijklmnop"[i - 1]}`)
          .join(", ")}]`,
      );
    expect(userError(() => parsePromptFile(bomb.join("\n"), "bomb.yaml")).message).toMatch(/alias|YAML/i);
  });

  test("duplicate keys are refused", () => {
    expect(userError(() => parsePromptFile("name: a\nname: b\n", "d.yaml")).message).toMatch(/YAML/);
  });

  test("a non-mapping document is refused", () => {
    expect(userError(() => parsePromptFile("- a\n- b\n", "l.yaml")).message).toMatch(/mapping/);
  });
});

describe("eval sets", () => {
  test("parses JSONL, skips blank lines and records line numbers", () => {
    const set = parseEvalSet(
      '{"id": 1, "input": {"text": "a"}}\n\n{"id": "b", "input": {"text": "b"}, "expected": "x"}\n',
      "e.jsonl",
    );
    expect(set.examples.map((e) => [e.id, e.line])).toEqual([
      ["1", 1],
      ["b", 3],
    ]);
  });

  test("a line that is not JSON names its line", () => {
    const e = userError(() => parseEvalSet('{"id": "a", "input": {}}\n{"id": "b", input: {}}\n', "e.jsonl"));
    expect(e.location).toMatchObject({ file: "e.jsonl", line: 2 });
    expect(e.message).toMatch(/not valid JSON/);
  });

  test("duplicate ids name both lines", () => {
    const e = userError(() =>
      parseEvalSet('{"id": "a", "input": {}}\n{"id": "a", "input": {}}\n', "e.jsonl"),
    );
    expect(e.location.line).toBe(2);
    expect(e.message).toContain("first used on line 1");
  });

  test("a schema violation names the line and field", () => {
    const e = userError(() => parseEvalSet('{"id": "a", "input": "text"}\n', "e.jsonl"));
    expect(e.location).toMatchObject({ line: 1, field: "input" });
  });

  test("an empty eval set is refused", () => {
    expect(userError(() => parseEvalSet("\n\n", "e.jsonl")).message).toMatch(/no examples/);
  });

  test("a template variable missing from an example names the example, line and variable", () => {
    const prompt = parsePromptFile(GOOD, "v2.yaml");
    const set = parseEvalSet(
      '{"id": "a", "input": {"text": "x"}, "expected": "y"}\n{"id": "b", "input": {"body": "x"}, "expected": "y"}\n',
      "e.jsonl",
    );
    const e = userError(() => checkEvalSetFitsPrompt(prompt, set));
    expect(e.location).toMatchObject({ file: "e.jsonl", line: 2, field: "input.text" });
    expect(e.message).toContain('example "b"');
  });

  test("criteria that compare to expected require it", () => {
    const prompt = parsePromptFile(GOOD, "v2.yaml");
    const set = parseEvalSet('{"id": "a", "input": {"text": "x"}}\n', "e.jsonl");
    expect(userError(() => checkEvalSetFitsPrompt(prompt, set)).message).toMatch(/no "expected"/);
  });
});

describe("project config", () => {
  test("valid config", () => {
    const { config } = parseProjectConfig(
      "environments:\n  production:\n    summarize: v2\nconcurrency: 4\n",
      "c.yaml",
    );
    expect(config.environments?.production?.summarize).toBe("v2");
  });
  test("unknown top-level key names its line", () => {
    const e = userError(() => parseProjectConfig("concurrency: 4\nconcurency: 5\n", "c.yaml"));
    expect(e.location).toMatchObject({ line: 2, field: "concurency" });
  });
  test("empty config is fine", () => {
    expect(parseProjectConfig("", "c.yaml").config).toEqual({});
  });
});

describe("files", () => {
  test("symlinks are refused, so a config cannot read /proc/self/environ", async () => {
    const dir = await mkdtemp(join(tmpdir(), "agentops-"));
    await symlink("/proc/self/environ", join(dir, "v1.yaml"));
    await expect(loadPromptFile(join(dir, "v1.yaml"))).rejects.toThrow(/symbolic link/);
  });
  test("non-UTF-8 bytes are refused with a clear message", async () => {
    const dir = await mkdtemp(join(tmpdir(), "agentops-"));
    await writeFile(
      join(dir, "v1.yaml"),
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
    );
    await expect(loadPromptFile(join(dir, "v1.yaml"))).rejects.toThrow(/UTF-8/);
  });
  test("a missing file says so", async () => {
    await expect(loadPromptFile("/nonexistent/v1.yaml")).rejects.toThrow(/not found/);
  });
});

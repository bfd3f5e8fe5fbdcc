import fc from "fast-check";
import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { MAX_CONFIG_BYTES, MAX_EVAL_SET_BYTES } from "../../src/config/files.js";
import {
  loadEvalSet,
  loadPromptFile,
  parseEvalSet,
  parseProjectConfig,
  parsePromptFile,
} from "../../src/config/load.js";
import { openProject } from "../../src/config/project.js";
import { UserError } from "../../src/errors.js";
import { cli } from "../helpers/cli.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

/** Either a value or a UserError naming the file; anything else (a TypeError, a RangeError) is a bug. */
function parsesOrUserError(fn: () => unknown, file: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.location.file).toBe(file);
  }
}

const VALID_PROMPT_LINES = SIMPLE_PROMPT.split("\n");

describe("property: malformed files give a clear error, never a crash", () => {
  test("random text as a prompt file", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) =>
        parsesOrUserError(() => parsePromptFile(text, "p.yaml"), "p.yaml"),
      ),
      {
        numRuns: 500,
      },
    );
  });

  test("a valid prompt file with random lines changed", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: VALID_PROMPT_LINES.length - 1 }),
        fc.string({ maxLength: 60 }),
        (i, replacement) => {
          const lines = [...VALID_PROMPT_LINES];
          lines[i] = replacement;
          parsesOrUserError(() => parsePromptFile(lines.join("\n"), "p.yaml"), "p.yaml");
        },
      ),
      { numRuns: 500 },
    );
  });

  test("random YAML-shaped values as a prompt file and a config", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value); // JSON is YAML
        parsesOrUserError(() => parsePromptFile(text, "p.yaml"), "p.yaml");
        parsesOrUserError(() => parseProjectConfig(text, "c.yaml"), "c.yaml");
      }),
      { numRuns: 500 },
    );
  });

  test("random JSONL lines as an eval set", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 80 }),
            fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          ),
          { maxLength: 10 },
        ),
        (lines) => parsesOrUserError(() => parseEvalSet(lines.join("\n"), "e.jsonl"), "e.jsonl"),
      ),
      { numRuns: 500 },
    );
  });
});

describe("hostile fixtures", () => {
  test("deeply nested brackets", () => {
    const deep = `name: x\nversion: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`;
    parsesOrUserError(() => parsePromptFile(deep, "deep.yaml"), "deep.yaml");
    parsesOrUserError(
      () => parseEvalSet(`{"id": "a", "input": ${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`, "e.jsonl"),
      "e.jsonl",
    );
  });

  test("an alias bomb is refused", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 15; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(", ")}]`);
    expect(() => parsePromptFile(lines.join("\n"), "bomb.yaml")).toThrow(UserError);
  });

  test("huge files are refused before they are read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "agentops-huge-"));
    await writeFile(join(dir, "v1.yaml"), "#".repeat(MAX_CONFIG_BYTES + 1));
    await expect(loadPromptFile(join(dir, "v1.yaml"))).rejects.toThrow(/over the limit/);
    const big = join(dir, "eval_set.jsonl");
    await writeFile(big, "");
    const { truncate } = await import("node:fs/promises");
    await truncate(big, MAX_EVAL_SET_BYTES + 1);
    await expect(loadEvalSet(big)).rejects.toThrow(/over the limit/);
  });

  test("a huge single line is a clear error, not a hang", () => {
    const line = `{"id": "a", "input": {"x": "${"y".repeat(5_000_000)}"`;
    expect(() => parseEvalSet(line, "e.jsonl")).toThrow(/line is not valid JSON/);
  });

  test("unknown fields are named", () => {
    expect(() => parsePromptFile(`${SIMPLE_PROMPT}shell: rm -rf /\n`, "p.yaml")).toThrow(
      /unknown field "shell"/,
    );
  });

  test("non-UTF-8 bytes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "agentops-bytes-"));
    await writeFile(join(dir, "eval_set.jsonl"), Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    await expect(loadEvalSet(join(dir, "eval_set.jsonl"))).rejects.toThrow(/not valid UTF-8/);
  });

  test("paths that climb out of the project are refused", async () => {
    const root = await makeProject({ "agentops.yaml": "prompts_dir: ../../etc\n" });
    await expect(openProject(root)).rejects.toThrow(/outside the project folder/);
    const abs = await makeProject({ "agentops.yaml": "prompts_dir: /etc\n" });
    await expect(openProject(abs)).rejects.toThrow(/outside the project folder/);
    const viaEvalSet = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT.replace(
        "eval_criteria:",
        "eval_set: ../../../../etc/passwd\neval_criteria:",
      ),
    });
    const r = await cli(["eval", "prompts/greet", "--provider", "mock"], { cwd: viaEvalSet });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the project folder/);
  });

  test("a symlinked eval set (e.g. to /proc/self/environ) is refused", async () => {
    const root = await makeProject({ "prompts/greet/v1.yaml": SIMPLE_PROMPT });
    await symlink("/proc/self/environ", join(root, "prompts/greet/eval_set.jsonl"));
    const r = await cli(["eval", "prompts/greet", "--provider", "mock"], {
      cwd: root,
      env: { SECRET_CANARY: "canary-value-xyz" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(r.stderr + r.stdout).not.toContain("canary-value-xyz");
  });

  test("the demo data itself is fine (sanity for the fixtures above)", async () => {
    const root = await makeProject({
      "prompts/greet/v1.yaml": SIMPLE_PROMPT,
      "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    });
    expect((await cli(["eval", "prompts/greet", "--provider", "mock", "-q"], { cwd: root })).code).toBe(0);
  });
});

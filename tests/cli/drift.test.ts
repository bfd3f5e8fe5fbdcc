import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { makeProject, SIMPLE_PROMPT, SIMPLE_SET } from "../helpers/project.js";

const lines = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join("\n");

/** n traces, the first `hello` of them answering with "hello". */
const window = (n: number, hello: number, tag: (i: number) => string, who = (i: number) => `P${i}`) =>
  lines(
    Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      input: { who: who(i), channel: i % 2 ? "web" : "app" },
      output: i < hello ? "hello there" : "good day",
      tags: [tag(i)],
    })),
  );

const project = (files: Record<string, string>) =>
  makeProject({
    "agentops.yaml": "environments:\n  production:\n    greet: 1\n",
    "prompts/greet/v1.yaml": SIMPLE_PROMPT,
    "prompts/greet/eval_set.jsonl": SIMPLE_SET,
    ...files,
  });

interface Drift {
  drifted: boolean;
  criteria: {
    criterion: string;
    psi: number;
    band: string;
    pass_rate: { baseline: number; current: number };
    ks: unknown;
  }[];
  inputs: { feature: string; psi: number; band: string }[];
}

test("raw traces are scored on the way; a pass rate that fell gets a significant PSI and exit 1", async () => {
  const dir = await project({
    "a.jsonl": window(40, 36, () => "web"),
    "b.jsonl": window(40, 12, (i) => (i < 20 ? "web" : "mobile")),
  });
  const r = await cli(
    [
      "drift",
      "--baseline",
      "a.jsonl",
      "--current",
      "b.jsonl",
      "--prompt",
      "greet",
      "--field",
      "channel",
      "--out",
      "d.json",
      "-q",
    ],
    { cwd: dir },
  );
  expect(r.code).toBe(1);
  const d = JSON.parse(readFileSync(join(dir, "d.json"), "utf8")) as Drift;
  const hello = d.criteria.find((c) => c.criterion === "mentions-hello");
  expect(hello?.pass_rate).toEqual({ baseline: 0.9, current: 0.3 });
  expect(hello?.band).toBe("significant");
  // A pass/fail criterion gets no KS test.
  expect(hello?.ks).toBeNull();
  // The answers' length criterion passed everywhere: no drift.
  expect(d.criteria.find((c) => c.criterion === "short")?.psi).toBe(0);
  expect(d.inputs.map((f) => [f.feature, f.band])).toEqual([
    ["text length", "none"],
    ["tags", "significant"],
    ["input.channel", "none"],
  ]);
  expect(r.stdout).toContain("## ❌ agentops drift: greet — PSI above 0.25");
  expect(r.stderr).toContain("drift: mentions-hello (PSI");
});

test("scored results on both sides: no drift, exit 0, and the report says input drift needs raw traces", async () => {
  const dir = await project({
    "a.jsonl": window(30, 15, () => "web"),
    "b.jsonl": window(30, 15, () => "web"),
  });
  for (const w of ["a", "b"]) {
    const s = await cli(["score", `${w}.jsonl`, "--prompt", "greet", "--out", `${w}.json`, "-q"], {
      cwd: dir,
    });
    expect(s.code).toBe(0);
  }
  const r = await cli(
    ["drift", "--baseline", "a.json", "--current", "b.json", "--prompt", "greet", "--format", "json"],
    {
      cwd: dir,
    },
  );
  expect(r.code).toBe(0);
  const d = JSON.parse(r.stdout) as Drift & { inputs_note: string };
  expect(d.drifted).toBe(false);
  expect(d.criteria.every((c) => c.psi === 0)).toBe(true);
  expect(d.inputs_note).toContain("needs raw traces");
});

test("--fail-psi sets the line; a bad value is a usage error", async () => {
  const dir = await project({
    "a.jsonl": window(40, 20, () => "web"),
    "b.jsonl": window(40, 26, () => "web"),
  });
  const args = [
    "drift",
    "--baseline",
    "a.jsonl",
    "--current",
    "b.jsonl",
    "--prompt",
    "greet",
    "--format",
    "json",
    "-q",
  ];
  const lax = await cli(args, { cwd: dir });
  const psi = (JSON.parse(lax.stdout) as Drift).criteria[0]?.psi ?? NaN;
  expect(psi).toBeGreaterThan(0.05);
  expect(psi).toBeLessThan(0.25);
  expect(lax.code).toBe(0);
  const strict = await cli([...args, "--fail-psi", "0.05"], { cwd: dir });
  expect(strict.code).toBe(1);
  const bad = await cli([...args, "--fail-psi", "zero"], { cwd: dir });
  expect(bad.code).toBe(2);
});

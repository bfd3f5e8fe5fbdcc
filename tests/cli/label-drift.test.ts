import { expect, test } from "vitest";
import { cli } from "../helpers/cli.js";
import { makeProject } from "../helpers/project.js";

const PROMPT = `name: triage
version: 1
model: test-model
template: "Classify: {text}"
response_format: { type: json_object }
eval_criteria:
  - name: category
    type: one_of
    labels: [billing, bug, other]
  - name: exact
    type: equals
`;

/** A classifier that answers bare labels; `mix` gives how many of each label, in order. */
const traces = (mix: [string, number][]) =>
  mix
    .flatMap(([label, n]) => Array.from({ length: n }, () => label))
    .map((output, i) => JSON.stringify({ id: `t${i}`, input: { text: `message ${i}` }, output }))
    .join("\n");

/** JSON answers {"category": …, "urgency": …}. */
const jsonTraces = (urgent: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `j${i}`,
      input: { text: `m${i}` },
      output: JSON.stringify({ category: "bug", urgency: i < urgent ? "high" : "low" }),
    }),
  ).join("\n");

interface Drift {
  drifted: boolean;
  outputs: {
    feature: string;
    n: { baseline: number; current: number };
    psi: number;
    band: string;
    js_divergence: number;
    shares: { category: string; baseline: number; current: number }[];
  }[];
}

const project = (files: Record<string, string>) =>
  makeProject({
    "agentops.yaml": "environments:\n  production:\n    triage: 1\n",
    "prompts/triage/v1.yaml": PROMPT,
    "prompts/triage/eval_set.jsonl": '{"id":"a","input":{"text":"x"},"expected":"bug"}',
    ...files,
  });

test("the labels a classifier answers drift: PSI and JS divergence per one_of and equals criterion; exit 1 above --fail-psi", async () => {
  const dir = await project({
    // Half billing, half bug → mostly "other" and an answer that is no label at all.
    "a.jsonl": traces([
      ["billing", 20],
      ["bug", 20],
    ]),
    "b.jsonl": traces([
      ["billing", 10],
      ["bug", 10],
      ["other", 15],
      ["Refund", 5],
    ]),
  });
  const r = await cli(
    [
      "drift",
      "--baseline",
      "a.jsonl",
      "--current",
      "b.jsonl",
      "--prompt",
      "triage",
      "--format",
      "json",
      "-q",
    ],
    { cwd: dir },
  );
  expect(r.code).toBe(1);
  const d = JSON.parse(r.stdout) as Drift;
  const category = d.outputs.find((o) => o.feature === "category (one_of label)");
  expect(category?.n).toEqual({ baseline: 40, current: 40 });
  expect(category?.shares).toEqual([
    { category: "billing", baseline: 0.5, current: 0.25 },
    { category: "bug", baseline: 0.5, current: 0.25 },
    { category: "other", baseline: 0, current: 0.375 },
    { category: "(not a label)", baseline: 0, current: 0.125 },
  ]);
  // P = (½, ½, 0, 0), Q = (¼, ¼, ⅜, ⅛), M = (⅜, ⅜, 3/16, 1/16):
  // JS = ½·2·½·log₂(4/3) + ½·(2·¼·log₂(2/3) + ⅜·1 + ⅛·1) = 0.2075187 + ½·(−0.2924813 + 0.5) = 0.3112781
  expect(category?.js_divergence).toBeCloseTo(0.3112781245, 9);
  expect(category?.band).toBe("significant");
  // The equals criterion is skipped on traces (no expected), but its label is the answer itself.
  const exact = d.outputs.find((o) => o.feature === "exact (equals label)");
  expect(exact?.shares.map((s) => s.category)).toEqual(["billing", "bug", "other", "refund"]);
  expect(r.stderr).toContain("category (one_of label) (PSI");

  const md = await cli(
    ["drift", "--baseline", "a.jsonl", "--current", "b.jsonl", "--prompt", "triage", "-q"],
    {
      cwd: dir,
    },
  );
  expect(md.stdout).toContain("### Outputs (labels)");
  expect(md.stdout).toMatch(
    /\| category \(one\\_of label\)\s*\| 40 → 40\s*\|[^|]*significant[^|]*\| 0\.311\s*\|/,
  );
});

test("--field output.PATH drifts a field of JSON answers; unchanged labels give PSI and JS 0 and exit 0", async () => {
  const dir = await project({
    "a.jsonl": jsonTraces(4, 40),
    "b.jsonl": jsonTraces(4, 40),
    "c.jsonl": jsonTraces(30, 40),
  });
  const ok = await cli(
    [
      "drift",
      "--baseline",
      "a.jsonl",
      "--current",
      "b.jsonl",
      "--prompt",
      "triage",
      "--field",
      "output.urgency",
      "--format",
      "json",
      "-q",
    ],
    { cwd: dir },
  );
  const urgency = (JSON.parse(ok.stdout) as Drift).outputs.find((o) => o.feature === "output.urgency");
  expect(urgency).toMatchObject({ psi: 0, js_divergence: 0, band: "none" });
  const moved = await cli(
    [
      "drift",
      "--baseline",
      "a.jsonl",
      "--current",
      "c.jsonl",
      "--prompt",
      "triage",
      "--field",
      "output.urgency",
      "--format",
      "json",
      "-q",
    ],
    { cwd: dir },
  );
  expect(moved.code).toBe(1);
  const m = (JSON.parse(moved.stdout) as Drift).outputs.find((o) => o.feature === "output.urgency");
  expect(m?.shares).toEqual([
    { category: "high", baseline: 0.1, current: 0.75 },
    { category: "low", baseline: 0.9, current: 0.25 },
  ]);
  expect(m?.js_divergence).toBeGreaterThan(0.2);
});

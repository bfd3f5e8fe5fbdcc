import { expect, test } from "vitest";
import { checkEvalSetFitsPrompt, parseEvalSet, parsePromptFile } from "../../src/config/load.js";
import { aggregateCriteria } from "../../src/engine/aggregate.js";
import { withExampleChecks } from "../../src/engine/example-checks.js";
import { createMockProvider } from "../../src/engine/providers/mock.js";
import { runSuite } from "../../src/engine/runner.js";
import { UserError } from "../../src/errors.js";

const prompt = parsePromptFile(
  `name: capital
version: 1
model: m
template: "Capital of {country}?"
eval_criteria:
  - name: short
    type: length
    words: {max: 20}
`,
  "v1.yaml",
);

const set = (...examples: object[]): string => examples.map((e) => JSON.stringify(e)).join("\n");

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

test("an example's checks are validated with the file, line and field of the mistake", () => {
  const unknownType = thrown(() =>
    parseEvalSet(
      set(
        { id: "a", input: { country: "France" } },
        { id: "b", input: { country: "Spain" }, checks: [{ name: "x", type: "containz", value: "M" }] },
      ),
      "e.jsonl",
    ),
  );
  expect(unknownType.location).toMatchObject({ file: "e.jsonl", line: 2 });
  expect(unknownType.location?.field).toMatch(/^checks\[0\]/);

  const missingValue = thrown(() =>
    parseEvalSet(set({ id: "a", input: {}, checks: [{ name: "x", type: "contains" }] }), "e.jsonl"),
  );
  expect(missingValue.location).toMatchObject({ line: 1, field: "checks[0].value" });

  const badPattern = thrown(() =>
    parseEvalSet(
      set({ id: "a", input: {}, checks: [{ name: "x", type: "regex", pattern: "(?=a)" }] }),
      "e.jsonl",
    ),
  );
  expect(badPattern.location).toMatchObject({ line: 1, field: "checks[0].pattern" });

  const twice = thrown(() =>
    parseEvalSet(
      set({
        id: "a",
        input: {},
        checks: [
          { name: "x", type: "contains", value: "a" },
          { name: "x", type: "contains", value: "b" },
        ],
      }),
      "e.jsonl",
    ),
  );
  expect(twice.message).toContain('two checks named "x"');
  expect(twice.location).toMatchObject({ field: "checks[1].name" });

  const nested = thrown(() =>
    parseEvalSet(set({ id: "a", input: {}, checks: [{ name: "x", type: "example_checks" }] }), "e.jsonl"),
  );
  expect(nested.location?.field).toMatch(/^checks\[0\]/);
});

test("a check that compares with expected needs the example's expected, said before any call", () => {
  const evalSet = parseEvalSet(
    set({ id: "a", input: { country: "France" }, checks: [{ name: "same", type: "equals" }] }),
    "e.jsonl",
  );
  const e = thrown(() => checkEvalSetFitsPrompt(prompt, evalSet));
  expect(e.location).toMatchObject({ file: "e.jsonl", line: 1, field: "checks[0]" });
  expect(e.message).toContain('check "same" (equals)');
});

test("checks count as one criterion: an example passes when all its checks pass, and the detail names the failed one", async () => {
  const evalSet = parseEvalSet(
    set(
      {
        id: "fr",
        input: { country: "France" },
        checks: [
          { name: "paris", type: "contains", value: "Paris" },
          { name: "no-lyon", type: "not_contains", value: "Lyon" },
        ],
      },
      {
        id: "es",
        input: { country: "Spain" },
        checks: [
          { name: "madrid", type: "icontains", value: "madrid" },
          { name: "one-line", type: "format_check", lines: { max: 1 } },
        ],
      },
      { id: "it", input: { country: "Italy" } },
    ),
    "e.jsonl",
  );
  const loaded = withExampleChecks(prompt, evalSet);
  expect(loaded.data.eval_criteria.map((c) => [c.name, c.type])).toEqual([
    ["short", "length"],
    ["example checks", "example_checks"],
  ]);
  // The prompt as written is left alone; a prompt whose examples have no checks gets no criterion.
  expect(prompt.data.eval_criteria).toHaveLength(1);
  expect(
    withExampleChecks(prompt, parseEvalSet(set({ id: "a", input: { country: "x" } }), "e.jsonl")).data
      .eval_criteria,
  ).toHaveLength(1);

  const provider = createMockProvider((req) => {
    const text = req.messages.at(-1)?.content ?? "";
    if (text.includes("France")) return "Paris, not Lyon";
    if (text.includes("Spain")) return "Madrid";
    return "Rome";
  });
  const run = await runSuite(loaded, evalSet, { provider, concurrency: 1 });
  const byId = new Map(run.results.map((r) => [r.id, r]));
  const fr = byId.get("fr")?.criteria["example checks"];
  expect(fr).toMatchObject({ passed: false, score: 0.5 });
  expect(fr?.detail).toContain("no-lyon (not_contains)");
  expect(fr?.detail).not.toContain("paris");
  expect(byId.get("fr")?.passed).toBe(false);
  expect(byId.get("es")?.criteria["example checks"]).toMatchObject({ passed: true, score: 1 });
  expect(byId.get("it")?.criteria["example checks"]?.detail).toContain("not applicable");
  // The checks are not criteria of their own: only the one criterion is reported.
  expect(Object.keys(byId.get("es")?.criteria ?? {}).sort()).toEqual(["example checks", "short"]);
  const agg = aggregateCriteria(loaded.data.eval_criteria, run.results, evalSet.examples);
  expect(agg.find((a) => a.name === "example checks")).toMatchObject({ n: 3, passed: 2 });
});

test("a prompt may declare the criterion itself, to give it a threshold or another name", async () => {
  const declared = parsePromptFile(
    `name: capital
version: 1
model: m
template: "Capital of {country}?"
eval_criteria:
  - name: own
    type: example_checks
    threshold: 0.9
`,
    "v1.yaml",
  );
  const evalSet = parseEvalSet(
    set({
      id: "fr",
      input: { country: "France" },
      checks: [{ name: "p", type: "contains", value: "Paris" }],
    }),
    "e.jsonl",
  );
  const loaded = withExampleChecks(declared, evalSet);
  expect(loaded.data.eval_criteria.map((c) => c.name)).toEqual(["own"]);
  const run = await runSuite(loaded, evalSet, {
    provider: createMockProvider(() => "Lyon"),
    concurrency: 1,
  });
  expect(run.results[0]?.criteria.own).toMatchObject({ passed: false });
  expect(aggregateCriteria(loaded.data.eval_criteria, run.results)[0]).toMatchObject({
    threshold: 0.9,
    threshold_met: false,
  });
});

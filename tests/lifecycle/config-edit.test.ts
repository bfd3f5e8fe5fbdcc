import { expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { setActiveVersion } from "../../src/lifecycle/config-edit.js";
import { unifiedDiff } from "../../src/lifecycle/line-diff.js";

const CONFIG = `# Project config, with comments that must survive.
provider:
  type: replay # answers from recordings

# Which version each environment runs.
environments:
  production:
    summarize: 2 # bumped after the March incident
    classify: "v1"
  staging: {summarize: 3,   classify: 'v2'}

gate_environment: production   # the champion
`;

/** The lines that differ between two texts, as [line number, before, after]. */
function changedLines(a: string, b: string): [number, string | undefined, string | undefined][] {
  const x = a.split("\n");
  const y = b.split("\n");
  const out: [number, string | undefined, string | undefined][] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push([i + 1, x[i], y[i]]);
  return out;
}

test("a promote changes one line and keeps every other byte, comments included", () => {
  const out = setActiveVersion(CONFIG, "agentops.yaml", "production", "summarize", 3);
  expect(changedLines(CONFIG, out)).toEqual([
    [
      8,
      "    summarize: 2 # bumped after the March incident",
      "    summarize: 3 # bumped after the March incident",
    ],
  ]);
  expect(out.length).toBe(CONFIG.length);
});

test("a pin keeps its form: a quoted v-string stays one, in a flow map too", () => {
  expect(changedLines(CONFIG, setActiveVersion(CONFIG, "c.yaml", "production", "classify", 4))).toEqual([
    [9, '    classify: "v1"', '    classify: "v4"'],
  ]);
  expect(changedLines(CONFIG, setActiveVersion(CONFIG, "c.yaml", "staging", "classify", 1))).toEqual([
    [10, "  staging: {summarize: 3,   classify: 'v2'}", "  staging: {summarize: 3,   classify: 'v1'}"],
  ]);
});

test("a prompt the environment does not pin yet gets a line of its own at the map's indentation", () => {
  const out = setActiveVersion(CONFIG, "c.yaml", "production", "extract", 1);
  expect(changedLines(CONFIG, out)[0]).toEqual([
    10,
    "  staging: {summarize: 3,   classify: 'v2'}",
    "    extract: 1",
  ]);
  // Everything after the inserted line is the old text moved down by one line.
  expect(out.split("\n").slice(10).join("\n")).toBe(CONFIG.split("\n").slice(9).join("\n"));
  const flow = setActiveVersion(CONFIG, "c.yaml", "staging", "extract", 2);
  expect(changedLines(CONFIG, flow)).toEqual([
    [
      10,
      "  staging: {summarize: 3,   classify: 'v2'}",
      "  staging: {summarize: 3,   classify: 'v2', extract: 2}",
    ],
  ]);
});

test("an unknown environment is refused with the known ones named", () => {
  const err = (() => {
    try {
      setActiveVersion(CONFIG, "c.yaml", "prod", "summarize", 3);
    } catch (e) {
      return e;
    }
  })();
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).format()).toBe(
    'c.yaml: environments: unknown environment "prod"\n  hint: use one of: production, staging',
  );
});

test("a config that does not load is not edited", () => {
  expect(() => setActiveVersion("environments: [1, 2]\n", "c.yaml", "production", "s", 1)).toThrow(UserError);
});

test("the diff shows the changed line with three lines of context", () => {
  const out = setActiveVersion(CONFIG, "agentops.yaml", "production", "summarize", 3);
  expect(unifiedDiff(CONFIG, out, "agentops.yaml")).toBe(
    [
      "--- a/agentops.yaml",
      "+++ b/agentops.yaml",
      "@@ -5,7 +5,7 @@",
      " # Which version each environment runs.",
      " environments:",
      "   production:",
      "-    summarize: 2 # bumped after the March incident",
      "+    summarize: 3 # bumped after the March incident",
      '     classify: "v1"',
      "   staging: {summarize: 3,   classify: 'v2'}",
      " ",
      "",
    ].join("\n"),
  );
});

test("an empty flow map and a CRLF file are edited in place too", () => {
  expect(setActiveVersion("environments: {production: {}}\n", "c.yaml", "production", "s", 2)).toBe(
    "environments: {production: {s: 2}}\n",
  );
  const crlf = "# c\r\nenvironments:\r\n  production:\r\n    s: 1 # x\r\n";
  expect(setActiveVersion(crlf, "c.yaml", "production", "s", 2)).toBe(crlf.replace("s: 1", "s: 2"));
});

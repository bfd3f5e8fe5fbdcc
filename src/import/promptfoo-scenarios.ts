import { extname } from "node:path";
import { parseYaml } from "../config/yaml.js";
import { isMap, parseJsonFile } from "./json-file.js";
import type { ImportNotes } from "./notes.js";
import { isGlob, type GlobFiles } from "./glob.js";
import type { ReadText } from "./promptfoo-prompts.js";
import { assertions, collect, readVars, type Collected } from "./promptfoo-tests.js";

type Raw = Record<string, unknown>;

/** A `scenarios:` entry: inline, or a `file://` YAML or JSON file holding one scenario or a list. */
async function scenarioList(
  raw: unknown,
  read: ReadText,
  notes: ImportNotes,
  where: string,
  glob: GlobFiles,
): Promise<{ where: string; scenario: Raw }[]> {
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw];
  const out: { where: string; scenario: Raw }[] = [];
  for (const [i, e] of entries.entries()) {
    const at = `${where} scenarios[${i}]`;
    if (isMap(e)) out.push({ where: at, scenario: e });
    else if (typeof e === "string" && e.startsWith("file://")) {
      const ref = e.slice("file://".length);
      let paths = [ref];
      if (isGlob(ref)) {
        const g = await glob(ref);
        if ("reason" in g || g.files.length === 0) {
          notes.skip(at, `scenarios ${e}`, `a glob that ${"reason" in g ? g.reason : "matches no file"}`);
          continue;
        }
        paths = g.files;
      }
      for (const path of paths) {
        const ext = extname(path).toLowerCase();
        if (ext !== ".yaml" && ext !== ".yml" && ext !== ".json") {
          notes.skip(at, `scenarios ${path}`, "not a YAML or JSON file");
          continue;
        }
        const text = await read(path);
        const v = ext === ".json" ? parseJsonFile(text, path) : parseYaml(text, path).value;
        (Array.isArray(v) ? v : [v]).forEach((s, j) =>
          isMap(s)
            ? out.push({ where: `${path} scenario ${j + 1}`, scenario: s })
            : notes.skip(`${path} scenario ${j + 1}`, "scenario", "not a mapping"),
        );
      }
    } else notes.skip(at, "scenario", "neither a mapping nor a file:// reference");
  }
  return out;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The tests a config's `scenarios:` make, as promptfoo's evaluator builds them (src/evaluator.ts,
 * "Build scenarios"): for each scenario, each `config` entry, each of its `tests` (one empty test
 * when it has none), in that order, after the config's own tests. A test is `{...config entry,
 * ...test}` with `vars` and `metadata` merged (the test's win), the entry's assertions before the
 * test's, and only the test's `options` (promptfoo sets `options` from defaultTest's and the
 * test's, so an entry's own are never used). defaultTest is merged in later, as for any test.
 */
export async function scenarioTests(
  raw: unknown,
  defaultTest: unknown,
  read: ReadText,
  notes: ImportNotes,
  where: string,
  glob: GlobFiles,
): Promise<Collected[]> {
  if (raw === undefined) return [];
  const dfltDescription =
    isMap(defaultTest) && typeof defaultTest.description === "string" ? defaultTest.description : undefined;
  const out: Collected[] = [];
  for (const { where: at, scenario } of await scenarioList(raw, read, notes, where, glob)) {
    if (!Array.isArray(scenario.config) || scenario.config.length === 0) {
      notes.skip(
        at,
        "scenario",
        "has no config: list (promptfoo makes a scenario's tests once per config entry)",
      );
      continue;
    }
    for (const key of Object.keys(scenario))
      if (!["description", "config", "tests"].includes(key))
        notes.skip(at, `scenario ${key}`, "not a scenario field; promptfoo does not read it");
    const tests: Collected[] =
      scenario.tests === undefined
        ? [{ where: at, test: {} }]
        : await collect(scenario.tests, read, notes, at, glob);
    for (const [j, data] of scenario.config.entries()) {
      const cat = `${at}.config[${j}]`;
      if (!isMap(data)) {
        notes.skip(cat, "scenario config", "not a mapping");
        continue;
      }
      if (data.vars !== undefined && !isMap(data.vars)) {
        notes.skip(cat, "scenario config", "its vars is not a mapping");
        continue;
      }
      if (data.options !== undefined)
        notes.skip(
          cat,
          "options",
          "promptfoo never applies a scenario config entry's options (a test gets defaultTest's and its own)",
        );
      if (data.assert !== undefined && !Array.isArray(data.assert)) notes.skip(cat, "assert", "not a list");
      for (const { where: tat, test, base } of tests) {
        const own = await readVars(test.vars, read, tat, glob, base);
        if (typeof own === "string") {
          notes.skip(tat, "test", own);
          continue;
        }
        const description = [test.description, data.description, dfltDescription].find(
          (d) => typeof d === "string",
        );
        const { options: _unused, ...entry } = data;
        const merged: Raw = {
          ...entry,
          ...test,
          vars: { ...(isMap(data.vars) ? data.vars : {}), ...own },
          metadata: {
            ...(isMap(data.metadata) ? data.metadata : {}),
            ...(isMap(test.metadata) ? test.metadata : {}),
          },
          ...(description !== undefined ? { description } : {}),
        };
        delete merged.assert;
        if (test.options === undefined) delete merged.options;
        out.push({
          where: `${tat} × config[${j}]`,
          test: merged,
          asserts: [
            ...assertions(list(data.assert).length ? data.assert : undefined, cat, notes),
            ...assertions(test.assert, tat, notes),
          ],
        });
      }
    }
  }
  return out;
}

import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../config/files.js";
import { openProject } from "../config/project.js";
import { parseVersionRef } from "../config/schema.js";
import { UserError } from "../errors.js";
import { renderVersions, versionRows } from "../lifecycle/versions.js";
import type { EvalResults } from "../report/results.js";
import { EXIT, type CliIo } from "./io.js";
import { promptVersions } from "./pin-version.js";
import { oneOf } from "./provider-flags.js";

export const VERSIONS_HELP = `Usage: agentops versions <prompt> [--results FILE ...] [options]

Lists the versions of <prompt>, which environment runs each and, given results
files (of eval or score, --out), each version's newest scores.

Options:
  --results FILE       a results JSON; repeat for several (the newest run of a version wins)
  --project DIR        the project folder (default: the current folder, searched upwards)
  --format FORMAT      table | json (default: table)
  -h, --help           show this help
`;

export async function versionsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      results: { type: "string", multiple: true },
      project: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(VERSIONS_HELP);
    return EXIT.ok;
  }
  const [prompt, ...extra] = positionals;
  if (!prompt || extra.length)
    throw new UserError("versions takes one prompt", {}, "e.g. agentops versions summarize");
  const format = oneOf(values.format, ["table", "json"] as const, "--format") ?? "table";
  const project = await openProject(resolve(io.cwd, values.project ?? "."));
  const versions = await promptVersions(project, prompt);
  const environments: Record<string, Record<string, number>> = {};
  for (const [env, pins] of Object.entries(project.config.environments ?? {}))
    environments[env] = Object.fromEntries(Object.entries(pins).map(([k, v]) => [k, parseVersionRef(v)]));
  const results = [];
  for (const f of values.results ?? []) {
    const path = resolve(io.cwd, f);
    results.push({
      file: relative(io.cwd, path),
      results: parseResults(await readUserFile(path, MAX_EVAL_SET_BYTES), f),
    });
  }
  const rows = versionRows(prompt, [...versions.keys()], environments, results);
  io.stdout(
    format === "json"
      ? JSON.stringify({ prompt, versions: rows }, null, 2) + "\n"
      : renderVersions(prompt, rows),
  );
  return EXIT.ok;
}

/** A results JSON of eval or score; anything else is the user's mistake, named. */
export function parseResults(text: string, file: string): EvalResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(
      `is not JSON (${e instanceof Error ? e.message : String(e)})`,
      { file },
      "pass a results file written by --out",
    );
  }
  if (
    typeof value !== "object" ||
    value === null ||
    (value as { kind?: unknown }).kind !== "eval" ||
    !Array.isArray((value as { runs?: unknown }).runs)
  )
    throw new UserError(
      "is not a results JSON of eval or score",
      { file, field: "kind" },
      "pass a file written by agentops eval --out or agentops score --out",
    );
  return value as EvalResults;
}

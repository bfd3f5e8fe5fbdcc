import { readdir, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_EVAL_SET_BYTES, readUserFile } from "../config/files.js";
import { UserError, isUserError } from "../errors.js";
import { buildHistory, renderHistoryMarkdown } from "../lifecycle/results-history.js";
import type { EvalResults } from "../report/results.js";
import { EXIT, type CliIo } from "./io.js";
import { oneOf, positiveInt } from "./provider-flags.js";
import { parseResults } from "./versions-command.js";

export const HISTORY_HELP = `Usage: agentops history <results files or folders> [options]

Each prompt version's criteria over time, from results JSON files of eval and
score (--out): one table per prompt (one row a run, by finished_at; eval-set and
production-trace runs apart) and, with more than two runs, a Mermaid line chart
per criterion. A folder is searched for *.json, sub-folders included (a folder
of downloaded artifacts); files in it that are not results of eval or score
(drift, compare) are passed over and named.

Options:
  --last N             the newest N runs of each prompt (default 30)
  --format FORMAT      markdown | json (default markdown)
  --out FILE           also write the markdown to FILE
  -h, --help           show this help

Exit codes: 0 done, 2 bad input or usage (a named file that is not results, no results found).
`;

/** Every *.json under `dir`, sub-folders included, sorted (walked by hand: Node 20.0 lacks Dirent.parentPath). */
async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (e.isFile() && e.name.endsWith(".json")) out.push(path);
  }
  return out.sort();
}

export async function historyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      last: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(HISTORY_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UserError(
      "history needs results files or a folder of them",
      {},
      "e.g. agentops history results/",
    );
  const format = oneOf(values.format, ["markdown", "json"] as const, "--format") ?? "markdown";
  const last = positiveInt(values.last, "--last") ?? 30;
  const rel = (p: string) => relative(io.cwd, p) || ".";
  const loaded: { file: string; results: EvalResults }[] = [];
  const skipped: string[] = [];
  for (const arg of positionals) {
    const path = resolve(io.cwd, arg);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      throw new UserError(
        "no such file or folder",
        { file: arg },
        "pass results files (--out of eval or score) or a folder",
      );
    }
    if (!isDir) {
      loaded.push({ file: arg, results: parseResults(await readUserFile(path, MAX_EVAL_SET_BYTES), arg) });
      continue;
    }
    for (const file of await jsonFiles(path)) {
      try {
        loaded.push({
          file: rel(file),
          results: parseResults(await readUserFile(file, MAX_EVAL_SET_BYTES), rel(file)),
        });
      } catch (e) {
        if (!isUserError(e)) throw e;
        skipped.push(rel(file));
      }
    }
  }
  if (loaded.length === 0)
    throw new UserError(
      `no results of eval or score in ${positionals.join(", ")}${skipped.length ? ` (passed over: ${skipped.join(", ")})` : ""}`,
      {},
      "write them with agentops eval --out FILE or agentops score --out FILE",
    );
  const history = buildHistory(loaded, skipped, last);
  const md = renderHistoryMarkdown(history);
  if (values.out) await writeFile(resolve(io.cwd, values.out), md);
  io.stdout(format === "json" ? JSON.stringify(history, null, 2) + "\n" : md);
  return EXIT.ok;
}

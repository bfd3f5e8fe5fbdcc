import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { renderCompareMarkdown } from "../report/compare-report.js";
import { checkShards, mergeShards, shardNote } from "../scale/merge.js";
import { readShardFiles } from "../scale/read-shards.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { exitCodeFor } from "./compare-command.js";
import { EXIT, type CliIo } from "./io.js";

export const MERGE_HELP = `Usage: agentops merge <results or folder>... [options]

Merges the results of agentops compare --shard I/N into one verdict: checks that
every file comes from the same plan (commits, prompt versions, eval sets, gate
settings, shard count) and that no shard is given twice, then decides the gate
as one unsharded run on the same answers would. A missing shard makes the
verdict inconclusive and is named. A folder is searched for shard-I-of-N.json.

Options:
  --out FILE           write the merged results JSON to FILE
  --report FILE        write the markdown report to FILE
  --format FORMAT      markdown | json (what goes to stdout; default markdown)
  -h, --help           show this help

Exit codes: as agentops compare (0 pass, 1 fail, 2 bad input or mixed plans, 3 inconclusive, 5 needs approval).
`;

export async function mergeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string" },
      report: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(MERGE_HELP);
    return EXIT.ok;
  }
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "json")
    throw new UserError(`--format must be markdown or json, got "${format}"`);
  if (positionals.length === 0)
    throw new UserError(
      "merge takes the shards' results files or a folder of them",
      {},
      "agentops merge --help",
    );
  const files = await readShardFiles(
    positionals,
    (p) => resolve(io.cwd, p),
    (abs) => relative(io.cwd, abs) || abs,
  );
  const checked = checkShards(files);
  const results = scrubDeep(await mergeShards(checked, io.now), secretsFromEnv(io.env));
  const markdown = renderCompareMarkdown(results) + shardNote(results);
  for (const i of checked.missing) io.stderr(`missing: shard ${i}/${checked.count}\n`);
  if (values.out) await writeFile(resolve(io.cwd, values.out), JSON.stringify(results, null, 2) + "\n");
  if (values.report) await writeFile(resolve(io.cwd, values.report), markdown);
  io.stdout(format === "json" ? JSON.stringify(results, null, 2) + "\n" : markdown);
  return exitCodeFor(results);
}

/** Reads shard results files from paths and folders (the edge the merge's pure part stays behind). */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../errors.js";
import type { ShardFile } from "./merge.js";
import type { ShardResults } from "./shard-results.js";

/** download-artifact puts each artifact in a folder of its own: shard files are looked for below too. */
const SHARD_FILE = /^shard-\d+-of-\d+\.json$/;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && SHARD_FILE.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function isShardResults(v: unknown): v is ShardResults {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  const shard = r.shard as Record<string, unknown> | undefined;
  return (
    r.kind === "compare-shard" &&
    r.schema_version === 1 &&
    typeof r.plan_id === "string" &&
    typeof r.plan === "object" &&
    r.plan !== null &&
    Number.isInteger(shard?.index) &&
    Number.isInteger(shard?.count) &&
    Array.isArray(r.prompts) &&
    Array.isArray(r.not_evaluated)
  );
}

async function readOne(path: string, shown: string): Promise<ShardFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new UserError(
      `${shown} is not a JSON results file (${e instanceof SyntaxError ? e.message : "unreadable"})`,
      { file: shown },
      "pass the files that agentops compare --shard wrote",
    );
  }
  if (!isShardResults(value))
    throw new UserError(
      `${shown} is not the results of a shard (kind "compare-shard", schema_version 1)`,
      { file: shown },
      "pass the files that agentops compare --shard i/N wrote, not a merged or unsharded result",
    );
  return { file: shown, results: value };
}

/** Each path is a shard results file, or a folder searched for shard-I-of-N.json files. */
export async function readShardFiles(
  paths: readonly string[],
  resolvePath: (p: string) => string,
  show: (absolute: string) => string,
): Promise<ShardFile[]> {
  const files: ShardFile[] = [];
  for (const p of paths) {
    const abs = resolvePath(p);
    const info = await stat(abs).catch(() => undefined);
    if (!info)
      throw new UserError(`${p} not found`, { file: p }, "pass shard results files or a folder of them");
    if (!info.isDirectory()) {
      files.push(await readOne(abs, p));
      continue;
    }
    for (const f of await filesUnder(abs)) files.push(await readOne(f, show(f)));
  }
  return files;
}

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { isPlannedSkip } from "../pipeline/not-evaluated.js";
import type { ShardResults } from "./shard-results.js";

/** The folder a shard's results go to when no file is named (the CLI's; the Action's is under RUNNER_TEMP). */
export const DEFAULT_SHARD_DIR = "agentops-shards";

export async function writeShardResults(path: string, results: ShardResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(results) + "\n");
}

/** Prompts a shard could not evaluate (a removed or unchanged prompt is not a failure) and runs cut short. */
export function shardProblems(results: ShardResults): string[] {
  return [
    ...results.not_evaluated.filter((n) => !isPlannedSkip(n.reason)).map((n) => `${n.prompt}: ${n.reason}`),
    ...results.prompts.flatMap((p) =>
      [p.first_pass.champion, p.first_pass.challenger].flatMap((r) =>
        r?.stopped ? [`${p.name}: ${r.stopped.reason}`] : [],
      ),
    ),
  ];
}

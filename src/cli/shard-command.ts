import { join, relative, resolve } from "node:path";
import type { CompareOptions } from "../pipeline/compare-run.js";
import type { ComparisonPlan } from "../plan/plan.js";
import { runShard } from "../scale/shard-run.js";
import { shardFileName, shardName, type Shard } from "../scale/shard.js";
import { DEFAULT_SHARD_DIR, shardProblems, writeShardResults } from "../scale/write-shard.js";
import { scrubDeep, secretsFromEnv } from "../secrets.js";
import { EXIT, type CliIo } from "./io.js";

/** compare --shard: runs the share, writes its results, decides nothing (agentops merge does). */
export async function runShardCommand(
  plan: ComparisonPlan,
  labels: { base: string; head: string },
  opts: CompareOptions,
  shard: Shard,
  out: string | undefined,
  io: CliIo,
): Promise<number> {
  const results = scrubDeep(await runShard(plan, labels, opts, shard), secretsFromEnv(io.env));
  const path = resolve(io.cwd, out ?? join(DEFAULT_SHARD_DIR, shardFileName(shard)));
  await writeShardResults(path, results);
  const examples = results.prompts.reduce((n, p) => n + p.eval_set.examples.length, 0);
  const shown = relative(io.cwd, path) || path;
  io.stdout(
    `shard ${shardName(shard)}: ${examples} example(s) of ${results.prompts.length} prompt(s); results in ${shown}\n` +
      `merge every shard's results with: agentops merge ${relative(io.cwd, resolve(path, "..")) || "."}\n`,
  );
  const problems = shardProblems(results);
  for (const p of problems) io.stderr(`incomplete: ${p}\n`);
  return problems.length > 0 ? EXIT.inconclusive : EXIT.ok;
}

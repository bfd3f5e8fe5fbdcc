/**
 * The Action as one shard of a matrix: runs its share of the pull request's
 * examples, writes the results under RUNNER_TEMP and sets the output
 * `shard-results-path` for actions/upload-artifact. It posts nothing — no
 * comment, no status: the merge job posts the one report, and a shard that
 * failed shows there as missing.
 */
import { join } from "node:path";
import { runShard } from "../scale/shard-run.js";
import { shardFileName, shardName, type Shard } from "../scale/shard.js";
import { shardProblems, writeShardResults } from "../scale/write-shard.js";
import { scrubDeep } from "../secrets.js";
import type { ActionDeps } from "./deps.js";
import { planRun, type PullRequestTarget } from "./pull-request.js";

/** Where a shard's results go: one folder, so a workflow uploads it as the shard's artifact. */
export const shardDir = (deps: Pick<ActionDeps, "outDir">): string => join(deps.outDir, "shards");

export async function runPullRequestShard(
  deps: ActionDeps,
  pr: PullRequestTarget,
  shard: Shard,
): Promise<string> {
  const { plan, options } = await planRun(deps, pr);
  const raw = await runShard(plan, { base: pr.baseSha, head: pr.headSha }, options, shard);
  const results = scrubDeep(raw, [deps.settings.apiKey, deps.settings.githubToken]);
  const path = join(shardDir(deps), shardFileName(shard));
  await writeShardResults(path, results);
  deps.setOutput("shard-results-path", path);
  const examples = results.prompts.reduce((n, p) => n + p.eval_set.examples.length, 0);
  deps.log.info(
    `shard ${shardName(shard)}: ${examples} example(s) of ${results.prompts.length} prompt(s) written to ${path}; ` +
      "no comment and no status: the merge job (merge: true) posts the report",
  );
  for (const p of shardProblems(results)) deps.log.warning(`shard ${shardName(shard)} incomplete: ${p}`);
  return path;
}

/**
 * The Action's merge job: reads the shards' results from merge-from (where
 * actions/download-artifact put them), checks they are the shards of this pull
 * request's head, and publishes the one comment and status.
 */
import { isAbsolute, relative, resolve } from "node:path";
import type { Verdict } from "../compare/compare.js";
import { UserError } from "../errors.js";
import { checkShards, mergeShards } from "../scale/merge.js";
import { readShardFiles } from "../scale/read-shards.js";
import { repositoryUrlOf, type ActionDeps } from "./deps.js";
import { publish, type GateTarget } from "./publish.js";
import type { PullRequestTarget } from "./pull-request.js";

export async function mergePullRequestShards(
  deps: ActionDeps,
  pr: PullRequestTarget,
  gate: GateTarget,
): Promise<Verdict> {
  const from = deps.settings.mergeFrom;
  const dir = isAbsolute(from) ? from : resolve(deps.cwd, from);
  const files = await readShardFiles(
    [dir],
    (p) => p,
    (abs) => relative(dir, abs) || abs,
  );
  if (files.length === 0)
    throw new UserError(
      `no shard results (shard-I-of-N.json) under merge-from "${from}"`,
      {},
      "every shard failed, or the artifacts were not downloaded there: check the shard jobs and the download-artifact step",
    );
  const checked = checkShards(files);
  const plan = checked.shards[0]?.plan;
  // Shards of another commit (a stale artifact) must not report on this one.
  if (plan && (plan.head_sha !== pr.headSha || plan.base_sha !== pr.baseSha))
    throw new UserError(
      `the shards' results are of ${plan.base_sha.slice(0, 7)}..${plan.head_sha.slice(0, 7)}, not of this pull request's ${pr.baseSha.slice(0, 7)}..${pr.headSha.slice(0, 7)}`,
      {},
      "download only this workflow run's shard artifacts (actions/download-artifact without run-id)",
    );
  for (const i of checked.missing)
    deps.log.warning(`shard ${i}/${checked.count} has no results: the verdict is inconclusive`);
  return publish(
    deps,
    pr,
    await mergeShards(checked, Date.now, {
      repositoryUrl: repositoryUrlOf(deps.context),
    }),
    { noKey: false, ...gate },
  );
}

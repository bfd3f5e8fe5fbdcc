import * as core from "@actions/core";
import { resolve } from "node:path";
import { handleComment } from "./action/comment-command.js";
import type { ActionDeps } from "./action/deps.js";
import { mergePullRequestShards } from "./action/merge.js";
import { evaluateMergeGroup } from "./action/merge-queue.js";
import { evaluatePullRequest } from "./action/pull-request.js";
import { runPullRequestShard } from "./action/shard.js";
import { evaluateDefaultBranch } from "./action/push.js";
import { readRunContext, skipReason } from "./context.js";
import type { Verdict } from "./compare/compare.js";
import { withDeadline } from "./engine/deadline.js";
import { isUserError, errorMessage } from "./errors.js";
import { actionsCache } from "./github/cache.js";
import { createOctokit } from "./github/octokit.js";
import { readSettings } from "./inputs.js";
import { createGit } from "./plan/git.js";
import { scrubSecrets, secretsFromEnv } from "./secrets.js";

/** The job summary is a convenience: a missing or read-only file is a warning, never a failed run. */
async function writeSummary(markdown: string, secrets: readonly string[]): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (e) {
    core.summary.emptyBuffer();
    core.warning(
      `could not write the job summary (${scrubSecrets(errorMessage(e), secrets)}); the report is in the pull request comment and at the report-path output`,
    );
  }
}

/** A verdict that blocks fails the step, whichever event evaluated it (a pull_request or /agentops rerun). */
function failIfGating(verdict: Verdict | undefined, failOn: string, headline?: string): void {
  if (verdict === undefined || verdict === "pass" || verdict === "inconclusive" || failOn !== "regression")
    return;
  // The step's error line says what the report's headline says (publish sets it as an output).
  core.setFailed(
    headline ??
      "agentops: the prompt change failed the gate (a regression, a missed threshold or a gate change to approve); see the report",
  );
}

/** The Action entry: inputs → pipeline → publish, with the one catch that fails the step. */
export async function run(signal?: AbortSignal): Promise<void> {
  let secrets: string[] = [];
  let headline: string | undefined;
  try {
    const settings = readSettings();
    secrets = [settings.githubToken, settings.apiKey].filter((s) => s !== "");
    const context = readRunContext();
    const runSignal = withDeadline(
      signal,
      settings.deadlineMinutes !== undefined ? settings.deadlineMinutes * 60 : undefined,
    );
    // Every line the run logs goes through the scrubber: a server may echo the token or the key in any form.
    const log = {
      info: (m: string) => core.info(scrubSecrets(m, secrets)),
      warning: (m: string) => core.warning(scrubSecrets(m, secrets)),
    };
    const cwd = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), settings.workingDirectory);
    const deps: ActionDeps = {
      // The cancel signal, not the deadline: after the deadline the report must still be published in full.
      octokit: createOctokit(settings.githubToken, log, {
        ...(signal ? { signal } : {}),
        secrets,
        retryAfterMs: 500,
      }),
      git: createGit(cwd),
      settings,
      context,
      log,
      writeSummary: (md) => writeSummary(md, secrets),
      // The step's error line says what the report's headline says (publish sets it as an output).
      setOutput: (name, value) => {
        if (name === "headline") headline = value;
        core.setOutput(name, value);
      },
      cwd,
      outDir: resolve(process.env.RUNNER_TEMP ?? cwd, "agentops"),
      ...(runSignal ? { signal: runSignal } : {}),
      cache: actionsCache(core.info),
    };
    const event = context.event;
    switch (event.kind) {
      case "pull_request": {
        const skip = skipReason(event);
        if (skip !== undefined) {
          core.info(`${skip}. No status, no comment, no model call.`);
          break;
        }
        if (settings.shard) {
          await runPullRequestShard(deps, event, settings.shard);
          break;
        }
        const verdict = await evaluatePullRequest(
          deps,
          event,
          ...(settings.merge ? [mergePullRequestShards] : []),
        );
        failIfGating(verdict, settings.failOn, headline);
        break;
      }
      case "comment":
        failIfGating(await handleComment(deps, event), settings.failOn, headline);
        break;
      case "push":
        // A matrix of shards on push would evaluate the whole suite in every job.
        if (settings.shard || settings.merge)
          core.info("shard and merge apply to pull_request events: nothing to do on a push");
        else if (event.isDefaultBranch) await evaluateDefaultBranch(deps);
        else
          core.info(
            "push to a branch other than the default: nothing to do (pull requests are evaluated on pull_request)",
          );
        break;
      case "merge_group":
        if (settings.shard || settings.merge)
          core.info("shard and merge apply to pull_request events: nothing to do on a merge_group event");
        else failIfGating(await evaluateMergeGroup(deps, event), settings.failOn, headline);
        break;
      default:
        core.info(event.why);
    }
    if (signal?.aborted) core.setFailed("agentops: the run was cancelled; the status says it did not finish");
  } catch (e) {
    // evaluatePullRequest has already marked its status or check run as errored.
    const message = isUserError(e) ? e.format() : errorMessage(e);
    core.setFailed(scrubSecrets(message, [...secrets, ...secretsFromEnv(process.env)]));
  }
}

import * as core from "@actions/core";
import { resolve } from "node:path";
import { handleComment } from "./action/comment-command.js";
import type { ActionDeps } from "./action/deps.js";
import { evaluatePullRequest } from "./action/pull-request.js";
import { evaluateDefaultBranch } from "./action/push.js";
import { readRunContext } from "./context.js";
import { withDeadline } from "./engine/deadline.js";
import { isUserError, errorMessage } from "./errors.js";
import { actionsCache } from "./github/cache.js";
import { createOctokit } from "./github/octokit.js";
import { readSettings } from "./inputs.js";
import { createGit } from "./plan/git.js";
import { scrubSecrets, secretsFromEnv } from "./secrets.js";

/** The Action entry: inputs → pipeline → publish, with the one catch that fails the step. */
export async function run(signal?: AbortSignal): Promise<void> {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const runSignal = withDeadline(
      signal,
      settings.deadlineMinutes !== undefined ? settings.deadlineMinutes * 60 : undefined,
    );
    const cwd = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), settings.workingDirectory);
    const deps: ActionDeps = {
      octokit: createOctokit(settings.githubToken, { warning: core.warning, info: core.info }),
      git: createGit(cwd),
      settings,
      context,
      log: { info: core.info, warning: core.warning },
      writeSummary: async (md) => {
        await core.summary.addRaw(md).write();
      },
      setOutput: core.setOutput,
      cwd,
      outDir: resolve(process.env.RUNNER_TEMP ?? cwd, "agentops"),
      ...(runSignal ? { signal: runSignal } : {}),
      cache: actionsCache(core.info),
    };
    const event = context.event;
    switch (event.kind) {
      case "pull_request": {
        const verdict = await evaluatePullRequest(deps, event);
        if (verdict === "fail" && settings.failOn === "regression")
          core.setFailed(
            "agentops: the prompt change failed the gate (a regression or a missed threshold); see the report",
          );
        break;
      }
      case "comment":
        await handleComment(deps, event);
        break;
      case "push":
        if (event.isDefaultBranch) await evaluateDefaultBranch(deps);
        else
          core.info(
            "push to a branch other than the default: nothing to do (pull requests are evaluated on pull_request)",
          );
        break;
      default:
        core.info(`agentops does nothing on "${event.name}" events; use pull_request, push or issue_comment`);
    }
  } catch (e) {
    // evaluatePullRequest has already marked its status or check run as errored.
    const message = isUserError(e) ? e.format() : errorMessage(e);
    core.setFailed(scrubSecrets(message, secretsFromEnv(process.env)));
  }
}

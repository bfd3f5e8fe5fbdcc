import { join, relative } from "node:path";
import { gateSettings, type Verdict } from "../compare/compare.js";
import { errorMessage, isUserError, UserError } from "../errors.js";
import { cancelled } from "../engine/deadline.js";
import { checkEnvironment, type Project } from "../config/project.js";
import { completedCheckRun, finishCheckRun, setCommitStatus, startCheckRun } from "../github/status.js";
import { runComparison, type CompareOptions } from "../pipeline/compare-run.js";
import { GitError, resolveOrFetch, showFile } from "../plan/git.js";
import { projectAt, recordingsAt, recordingsDir, requirePrompts } from "../plan/project-at.js";
import { planComparison, type ComparisonPlan } from "../plan/plan.js";
import { renderCouldNotEvaluate } from "../report/compare-report.js";
import { progressPrinter } from "../report/progress.js";
import { planIdentity, verdictKey } from "../scale/plan-identity.js";
import { escapeBlock, escapeInline } from "../report/escape.js";
import { repositoryUrlOf, tolerantWrite, type ActionDeps } from "./deps.js";
import { postReport } from "./post-report.js";
import { listedChanges, setAside } from "./pr-changes.js";
import { publish, type GateTarget } from "./publish.js";
import { answerCacheDir, chooseKind, setupFor } from "./run-setup.js";

export interface PullRequestTarget {
  prNumber: number;
  baseSha: string;
  headSha: string;
  fork: boolean;
  /** The PR's own count of changed files (event payload or pulls.get), to tell a truncated files list. */
  changedFiles?: number;
  /** A merge-queue head: no files list of its own, so the plan diffs with git from base_sha. */
  filesFromGit?: boolean;
}

/** What runs once the status says pending: the evaluation, or the merge of sharded results (src/action/merge.ts). */
export type StartedRun = (deps: ActionDeps, pr: PullRequestTarget, gate: GateTarget) => Promise<Verdict>;

/** plan → run → compare → publish, for one pull request head. Returns the verdict. */
export async function evaluatePullRequest(
  deps: ActionDeps,
  pr: PullRequestTarget,
  started: StartedRun = evaluateStarted,
): Promise<Verdict> {
  const { owner, repo } = deps.context;
  const s = deps.settings;
  const statusTarget = {
    owner,
    repo,
    sha: pr.headSha,
    context: s.statusContext,
    ...(deps.context.runUrl ? { targetUrl: deps.context.runUrl } : {}),
  };
  let checkRunId: number | undefined;
  if (s.checkMode === "check-run") {
    await tolerantWrite(deps, "create a check run", async () => {
      checkRunId = await startCheckRun(deps.octokit, { owner, repo, sha: pr.headSha, name: s.statusContext });
    });
  } else {
    await tolerantWrite(deps, "set a pending status", () =>
      setCommitStatus(deps.octokit, statusTarget, "pending", "evaluating prompt changes…"),
    );
  }

  const gate = { statusTarget, checkRunId };
  if (deps.signal?.aborted) {
    // Cancelled while the first write hung: an evaluation of nothing must not read as "no prompt affected".
    await reportCrash(deps, pr, gate, new Error("the run was cancelled before the evaluation started"));
    return "inconclusive";
  }
  try {
    return await started(deps, pr, gate);
  } catch (e) {
    await reportCrash(deps, pr, gate, e);
    throw e;
  }
}

/**
 * Never leave a pending status or an in-progress check run behind a crash (here or
 * in /agentops rerun): say the run could not finish, which blocks the merge.
 */
async function reportCrash(
  deps: ActionDeps,
  pr: PullRequestTarget,
  gate: GateTarget,
  e: unknown,
): Promise<void> {
  const detail = isUserError(e) ? e.format() : undefined;
  const message = `agentops could not finish: ${detail ?? errorMessage(e)}`;
  const { owner, repo } = deps.context;
  const report = renderCouldNotEvaluate(detail, deps.context.runUrl);
  await deps.writeSummary(report);
  // After a cancel the few seconds left go to the status, which is what blocks the merge.
  if (deps.settings.commentMode !== "off" && deps.signal?.aborted !== true) {
    await tolerantWrite(deps, "comment on the pull request", () =>
      postReport(deps, pr, { text: report, verdict: "error" }),
    ).catch(() => undefined);
  }
  const checkRunId = gate.checkRunId;
  const failed = { title: escapeInline(message, 200), summary: escapeBlock(message) };
  const write =
    checkRunId !== undefined
      ? finishCheckRun(
          deps.octokit,
          { owner, repo, checkRunId },
          { conclusion: "failure", ...failed, annotations: [] },
        )
      : deps.settings.checkMode === "check-run"
        ? // The in-progress run could not be created (GitHub failed): a completed one still blocks.
          completedCheckRun(
            deps.octokit,
            { owner, repo, sha: pr.headSha, name: deps.settings.statusContext },
            { conclusion: "failure", ...failed },
          )
        : // A cancelled run fails: "error" reads as GitHub's fault, and a cancel must never look like a pass to come.
          setCommitStatus(
            deps.octokit,
            gate.statusTarget,
            cancelled(deps.signal) ? "failure" : "error",
            message,
          );
  // The original error is what the user needs; a failed report of it must not replace it.
  await write.catch((w: unknown) => {
    deps.log.warning(`could not mark the run as failed on GitHub (${errorMessage(w)})`);
  });
}

async function evaluateStarted(
  deps: ActionDeps,
  pr: PullRequestTarget,
  { statusTarget, checkRunId }: GateTarget,
): Promise<Verdict> {
  const { plan, options, noKey } = await planRun(deps, pr);
  const results = await runComparison(plan, { base: pr.baseSha, head: pr.headSha }, options);
  return publish(deps, pr, results, { noKey, checkRunId, statusTarget, planKey: planKeyOf(plan, options) });
}

/** The plan's verdict key (src/scale/plan-identity.ts), recorded with the report for merge-queue runs. */
export function planKeyOf(plan: ComparisonPlan, options: CompareOptions): string {
  return verdictKey(
    planIdentity(plan, {
      gate: options.gate,
      provider: options.run.provider.id,
      maxExamples: options.run.maxExamples,
      shards: 1,
    }),
  );
}

/** The plan of a pull request and how to run it (trusted setup from the base); shared with its shards. */
export async function planRun(
  deps: ActionDeps,
  pr: PullRequestTarget,
): Promise<{ plan: ComparisonPlan; options: CompareOptions; noKey: boolean }> {
  const s = deps.settings;
  const top = (await deps.git.run(["rev-parse", "--show-toplevel"])).trim();
  const rel = (p: string): string => relative(top, p).split("\\").join("/");
  // The base revision says where the config is and what it holds: a change cannot add, move or edit it.
  const baseSha = await resolveOrFetch(deps.git, pr.baseSha);
  const atBase = await projectAt(deps.git, baseSha, rel(deps.cwd));
  await requirePrompts(deps.git, [baseSha, pr.headSha], atBase);
  const trusted = atBase.config?.config ?? {};
  if (s.environment) checkEnvironment(trusted, s.environment, atBase.config?.path);
  const project: Project = {
    root: join(top, atBase.root),
    configFile: atBase.config ? join(top, atBase.config.path) : undefined,
    config: trusted,
    promptsDir: join(top, atBase.promptsDir),
  };
  const kind = chooseKind(deps.settings, trusted.provider?.type);
  const noKey = kind === "cache-only";
  if (noKey) {
    deps.log.warning(
      "No API key in this run (fork pull requests get no secrets). Only answers already in the cache are scored; " +
        "the rest is reported as not evaluated, and the job does not fail for it. A maintainer can comment /agentops rerun.",
    );
  }
  const cacheDir = answerCacheDir(deps);
  if (s.cache && (kind === "openai" || kind === "cache-only")) {
    const hit = await deps.cache.restore(cacheDir).catch(() => false);
    deps.log.info(hit ? "restored the answer cache from the default branch" : "no answer cache to restore");
  }

  const changed = await listedChanges(deps, pr);
  // Without the input, the plan uses the base revision's gate_environment: a PR cannot pick its own baseline.
  const environment = s.environment || undefined;
  let plan;
  try {
    plan = await planComparison({
      git: deps.git,
      base: baseSha,
      head: pr.headSha,
      promptsDir: atBase.promptsDir,
      configPath: atBase.config?.path,
      ...(environment ? { environment } : {}),
      ...(changed ? { changed } : {}),
    });
  } catch (e) {
    if (changed || !(e instanceof GitError)) throw e;
    // Never judge on a partial list of files: without git's answer there is no verdict.
    throw new UserError(
      `the pull request changes more files than GitHub's files API lists, and git could not diff it (${e.message.split("\n")[0] ?? ""})`,
      {},
      "check out with fetch-depth: 0 (actions/checkout) so agentops can diff from the merge base",
    );
  }
  const recordings = kind === "replay" ? recordingsDir(atBase) : undefined;
  const setup = await setupFor(deps, project, kind, { readOnly: true }, trusted, {
    cacheDir,
    ...(recordings !== undefined
      ? { recordingEntries: await recordingsAt(deps.git, plan.baseSha, recordings) }
      : {}),
  });
  const planned = plan;
  const options: CompareOptions = {
    run: {
      ...setup.run,
      onProgress: (label) => progressPrinter(label, deps.log.info, Date.now, 5000),
    },
    readFile: (side, path) =>
      showFile(deps.git, side === "champion" ? planned.baseSha : planned.headSha, path),
    gate: gateSettings(trusted.thresholds, { tolerance: s.tolerance, alpha: s.alpha }),
    ignoredInputs: setAside(deps, plan.changed, recordings),
    repositoryUrl: repositoryUrlOf(deps.context),
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
  return { plan, options, noKey };
}

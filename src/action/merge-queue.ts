/**
 * The Action on a merge queue's `merge_group` event. The queued head (the
 * pull request merged onto the queue's base) is evaluated against `base_sha`
 * exactly as a pull request is: the same plan, trust model and gate. There is
 * no pull request to comment on, so the job summary and the status on the
 * queue's head SHA carry the report.
 *
 * When the queued change decides the verdict the same way as the pull request
 * head's finished evaluation (same plan identity: prompt bytes on both sides,
 * eval sets, criteria, gate settings), that verdict is reused and no model is
 * called. It is read only from the hidden record of the pull request's report
 * comment written by the Action's own account (comment-author): never from a
 * cache or file a pull request run could write.
 */
import type { Verdict } from "../compare/compare.js";
import type { MergeGroupEvent } from "../context.js";
import { listReportComments, reportText } from "../github/comment.js";
import { completedCheckRun, finishCheckRun, setCommitStatus } from "../github/status.js";
import { runComparison } from "../pipeline/compare-run.js";
import { approvalHolds, readState, type ReportState } from "../report/report-stamp.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { publish, type GateTarget } from "./publish.js";
import { evaluatePullRequest, planKeyOf, planRun, type PullRequestTarget } from "./pull-request.js";

/** Verdicts worth reusing: decided ones. An inconclusive or crashed run is evaluated again. */
const REUSABLE = new Set(["pass", "fail", "needs_approval"]);

export async function evaluateMergeGroup(
  deps: ActionDeps,
  event: MergeGroupEvent,
): Promise<Verdict | undefined> {
  if (event.action !== "checks_requested") {
    deps.log.info(`merge_group "${event.action}": nothing to check (agentops checks on checks_requested)`);
    return undefined;
  }
  // No pull request to post on: the summary and the status carry the report.
  const queueDeps: ActionDeps = { ...deps, settings: { ...deps.settings, commentMode: "off" } };
  const target: PullRequestTarget = {
    prNumber: event.prNumber ?? 0,
    baseSha: event.baseSha,
    headSha: event.headSha,
    fork: false,
    filesFromGit: true,
  };
  return evaluatePullRequest(queueDeps, target, (d, pr, gate) => evaluateQueued(d, pr, gate, event));
}

async function evaluateQueued(
  deps: ActionDeps,
  pr: PullRequestTarget,
  gate: GateTarget,
  event: MergeGroupEvent,
): Promise<Verdict> {
  const { plan, options, noKey } = await planRun(deps, pr);
  const planKey = planKeyOf(plan, options);
  const earlier = event.prNumber === undefined ? undefined : await pullRequestRecord(deps, event.prNumber);
  if (earlier && earlier.plan === planKey && REUSABLE.has(earlier.verdict)) {
    return reuse(deps, pr, gate, earlier, event.prNumber ?? 0);
  }
  deps.log.info(
    earlier === undefined
      ? "no earlier evaluation of the queued pull request to reuse: evaluating the queued head"
      : earlier.plan !== planKey
        ? `the queued change is judged differently from pull request #${String(event.prNumber)}'s evaluation of ${earlier.sha.slice(0, 7)} (another plan: the base moved, or prompts, eval sets, criteria or gate differ): evaluating the queued head`
        : `pull request #${String(event.prNumber)}'s evaluation ended ${earlier.verdict}: evaluating the queued head`,
  );
  const results = await runComparison(plan, { base: pr.baseSha, head: pr.headSha }, options);
  return publish(deps, pr, results, { noKey, ...gate, planKey });
}

/** The hidden record of the pull request's report, from the Action's own comments only; undefined when none. */
async function pullRequestRecord(deps: ActionDeps, prNumber: number): Promise<ReportState | undefined> {
  const { owner, repo } = deps.context;
  try {
    const reports = await listReportComments(
      deps.octokit,
      { owner, repo, issue_number: prNumber },
      deps.settings.commentAuthor,
    );
    const latest = reports.at(-1);
    return latest && readState(reportText(latest.body));
  } catch (e) {
    // Not found or not readable: evaluating is always right, only slower.
    deps.log.info(
      `could not read pull request #${String(prNumber)}'s report (${e instanceof Error ? e.message.split("\n")[0] : String(e)}): evaluating the queued head`,
    );
    return undefined;
  }
}

async function reuse(
  deps: ActionDeps,
  pr: PullRequestTarget,
  gate: GateTarget,
  earlier: ReportState,
  prNumber: number,
): Promise<Verdict> {
  const { owner, repo } = deps.context;
  const approval = approvalHolds(earlier);
  const verdict = approval ? "pass" : (earlier.verdict as Verdict);
  const short = earlier.sha.slice(0, 7);
  const how = approval ? `${earlier.verdict}, ${approval.label} by @${approval.by}` : earlier.verdict;
  const description = `${verdict === "pass" ? "pass" : "blocked"}: same plan as PR #${String(prNumber)} at ${short} (${how}); reused, 0 model calls`;
  const state = verdict === "pass" ? "success" : "failure";
  const summary = [
    "## agentops: merge queue",
    "",
    `The queued change is judged exactly as pull request #${String(prNumber)}'s evaluation of \`${short}\` (same plan identity: the prompt bytes on both sides, eval sets, criteria and gate settings), so its verdict is reused: **${how}**. No model was called.`,
    "",
    `The report is on pull request #${String(prNumber)}.`,
    "",
  ].join("\n");
  await deps.writeSummary(summary);
  deps.setOutput("verdict", verdict);
  deps.log.info(
    `reused the verdict of pull request #${String(prNumber)} at ${earlier.sha} (${how}): same plan identity, 0 model calls`,
  );
  if (deps.settings.checkMode === "check-run") {
    const result = {
      conclusion: state,
      title: description.slice(0, 200),
      summary,
    } as const;
    const checkRunId = gate.checkRunId;
    await tolerantWrite(deps, "complete the check run", () =>
      checkRunId !== undefined
        ? finishCheckRun(deps.octokit, { owner, repo, checkRunId }, { ...result, annotations: [] })
        : completedCheckRun(
            deps.octokit,
            { owner, repo, sha: pr.headSha, name: deps.settings.statusContext },
            result,
          ),
    );
  } else if (deps.settings.checkMode === "status") {
    await tolerantWrite(deps, "set the commit status", () =>
      setCommitStatus(deps.octokit, gate.statusTarget, state, description),
    );
  }
  return verdict;
}

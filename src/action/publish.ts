import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Verdict } from "../compare/compare.js";
import { COMMENT_MARKER, MAX_COMMENT_CHARS } from "../github/comment.js";
import { httpStatus } from "../github/errors.js";
import {
  checkConclusion,
  completedCheckRun,
  finishCheckRun,
  setCommitStatus,
  MAX_CHECK_SUMMARY,
  type Annotation,
  type StatusState,
} from "../github/status.js";
import type { CompareResults } from "../pipeline/compare-run.js";
import { plainHeadline, renderCompareMarkdown } from "../report/compare-report.js";
import { shardNote } from "../scale/merge.js";
import { scrubDeep } from "../secrets.js";
import { renderWithin } from "../report/fit.js";
import { gateLine, MAX_CHECK_TITLE_BYTES, MAX_STATUS_DESCRIPTION_BYTES } from "../report/status-line.js";
import {
  approvalHolds,
  STAMP_RESERVE,
  type RecordedApproval,
  type ReportState,
} from "../report/report-stamp.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { postReport } from "./post-report.js";
import type { PullRequestTarget } from "./pull-request.js";
import { cancelled } from "../engine/deadline.js";
import { writeJsonFile } from "../report/json-file.js";

/** GitHub refuses a step summary over 1 MiB (1,048,576 bytes); this leaves some room. */
const MAX_SUMMARY_BYTES = 1_000_000;

/** Where this run reports its verdict: the commit status, or the check run it started. */
export interface GateTarget {
  statusTarget: Parameters<typeof setCommitStatus>[1];
  checkRunId: number | undefined;
}

function statusFor(
  results: CompareResults,
  deps: ActionDeps,
  noKey: boolean,
  maxBytes: number,
): { state: StatusState; description: string } {
  return gateLine(results, { failOnNever: deps.settings.failOn === "never", noKey }, maxBytes);
}

/**
 * Two things outrank the verdict's own status: a cancelled run never finished,
 * so it fails (a pending or "error" status would read as "still running" or
 * "GitHub's fault"); and a maintainer's approval of this very commit, given on
 * a report with this same verdict, still stands when the commit is evaluated again.
 */
export function overridden(
  status: { state: StatusState; description: string },
  signal: AbortSignal | undefined,
  approval: RecordedApproval | undefined,
): { state: StatusState; description: string } {
  if (cancelled(signal))
    return {
      state: "failure",
      description:
        "cancelled: the evaluation did not finish, so nothing was decided. Push again or comment /agentops rerun",
    };
  if (approval && status.state !== "success")
    return {
      state: "success",
      description: `${approval.label} by @${approval.by} (kept: re-run of the approved commit)`,
    };
  return status;
}

function annotationsFor(results: CompareResults): Annotation[] {
  const out: Annotation[] = [];
  for (const p of results.prompts) {
    for (const c of p.comparison.criteria) {
      if (c.status !== "regressed" && c.status !== "below_threshold") continue;
      const line = p.criterion_lines?.[c.name] ?? 1;
      out.push({
        path: p.challenger_file ?? p.challenger.file,
        start_line: line,
        end_line: line,
        annotation_level: "failure",
        title: `${p.name}: ${c.name} ${c.status === "regressed" ? "regressed" : "below threshold"}`,
        message: c.reason,
      });
    }
  }
  return out;
}

export async function publish(
  deps: ActionDeps,
  pr: PullRequestTarget,
  raw: CompareResults,
  ctx: GateTarget & { noKey: boolean; planKey?: string },
): Promise<Verdict> {
  // Every file, comment, summary and status below is built from this one scrubbed value.
  const results = scrubDeep(raw, [deps.settings.apiKey, deps.settings.githubToken]);
  const { owner, repo } = deps.context;
  const s = deps.settings;
  const notes =
    (ctx.noKey
      ? "\n> **No API key in this run** (fork pull requests get no secrets): only cached answers were scored. A maintainer can comment `/agentops rerun` to evaluate with the repository's key; the PR's code is never executed.\n"
      : "") + shardNote(results);
  const links = deps.context.runUrl ? { runUrl: deps.context.runUrl } : {};
  const full = renderCompareMarkdown(results, links) + notes;
  // The comment's report: what a second workflow (the README's fork pattern) can post as it is.
  const room = MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1 - STAMP_RESERVE;
  const body = renderWithin(results, room, notes, links);

  await mkdir(deps.outDir, { recursive: true });
  const resultsPath = join(deps.outDir, "agentops-results.json");
  const reportPath = join(deps.outDir, "agentops-report.md");
  const fullReportPath = join(deps.outDir, "agentops-report-full.md");
  await writeJsonFile(resultsPath, results);
  await writeFile(reportPath, body);
  await writeFile(fullReportPath, full);
  await deps.writeSummary(renderWithin(results, MAX_SUMMARY_BYTES, notes, links));
  deps.setOutput("verdict", results.verdict);
  deps.setOutput("headline", plainHeadline(results));
  deps.setOutput("results-path", resultsPath);
  deps.setOutput("report-path", reportPath);
  deps.setOutput("report-full-path", fullReportPath);

  let written: ReportState | undefined;
  if (s.commentMode !== "off" && deps.signal?.aborted === true) {
    deps.log.info("cancelled: the report comment is left as it was; the status says the run did not finish");
  } else if (s.commentMode !== "off") {
    await tolerantWrite(deps, "comment on the pull request", async () => {
      // Without a paths filter every PR runs; one that touches no prompt gets a status, not a comment
      // (an earlier report is still updated, e.g. after the prompt change was reverted).
      const create =
        results.prompts.length > 0 || results.not_evaluated.length > 0 || results.gate_changes.length > 0;
      const upsert = (text: string) =>
        postReport(deps, pr, { text, verdict: results.verdict, plan: ctx.planKey }, create);
      let r;
      try {
        r = await upsert(body);
      } catch (e) {
        // 422: GitHub measures the body differently from us (e.g. in bytes); retry much shorter.
        if (httpStatus(e) !== 422) throw e;
        deps.log.warning("GitHub refused the report comment as too long (422); posting a shorter one");
        r = await upsert(renderWithin(results, 20_000, notes, links));
      }
      written = r.state;
      deps.log.info(
        r.outcome === "stale"
          ? `the pull request's head moved on to ${r.head ?? "?"}: the report comment is left to that run; this run sets only the status of ${pr.headSha}`
          : r.outcome === "skipped"
            ? "no prompt affected: no report comment (the status says so)"
            : `report comment ${r.outcome}`,
      );
    });
  }

  const approval = approvalHolds(written);
  const { state, description } = overridden(
    statusFor(results, deps, ctx.noKey, MAX_STATUS_DESCRIPTION_BYTES),
    deps.signal,
    approval,
  );
  const title = overridden(
    statusFor(results, deps, ctx.noKey, MAX_CHECK_TITLE_BYTES),
    deps.signal,
    approval,
  ).description;
  // A gate change waits for a maintainer: action_required says so (and blocks, unlike neutral).
  const conclusion =
    results.verdict === "needs_approval" && state !== "success" ? "action_required" : checkConclusion(state);
  const summary = renderWithin(results, MAX_CHECK_SUMMARY, notes, links);
  if (s.checkMode === "check-run" && ctx.checkRunId !== undefined) {
    const checkRunId = ctx.checkRunId;
    await tolerantWrite(deps, "complete the check run", () =>
      finishCheckRun(
        deps.octokit,
        { owner, repo, checkRunId },
        {
          conclusion,
          title,
          summary,
          // GitHub measures differently from us (or changes its limit): a short report still concludes.
          fallbackSummary: renderWithin(results, 20_000, notes, links),
          onFallback: (why) =>
            deps.log.warning(
              `GitHub refused the check run's summary (${why}); concluding with a shorter one`,
            ),
          annotations: annotationsFor(results),
          ...(deps.context.runUrl ? { detailsUrl: deps.context.runUrl } : {}),
        },
      ),
    );
  } else if (s.checkMode === "check-run") {
    // The in-progress run could not be created: a completed one still carries the verdict.
    await tolerantWrite(deps, "create the check run", () =>
      completedCheckRun(
        deps.octokit,
        { owner, repo, sha: pr.headSha, name: s.statusContext },
        { conclusion, title, summary },
      ),
    );
  } else if (s.checkMode === "status") {
    await tolerantWrite(deps, "set the commit status", () =>
      setCommitStatus(deps.octokit, ctx.statusTarget, state, description),
    );
  }
  // The approval of this very commit stands, so the step passes as the status does.
  return approval && !cancelled(deps.signal) ? "pass" : results.verdict;
}

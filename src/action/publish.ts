import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { failureKind, type Verdict } from "../compare/compare.js";
import { COMMENT_MARKER, MAX_COMMENT_CHARS } from "../github/comment.js";
import { httpStatus } from "../github/errors.js";
import {
  checkConclusion,
  completedCheckRun,
  finishCheckRun,
  setCommitStatus,
  type Annotation,
  type StatusState,
} from "../github/status.js";
import type { CompareResults } from "../pipeline/compare-run.js";
import { renderCompareMarkdown } from "../report/compare-report.js";
import { shardNote } from "../scale/merge.js";
import { scrubDeep } from "../secrets.js";
import { escapeInline } from "../report/escape.js";
import { renderWithin, renderWithinBytes } from "../report/fit.js";
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
  verdict: Verdict,
  results: CompareResults,
  deps: ActionDeps,
  noKey: boolean,
): { state: StatusState; description: string } {
  const n = results.prompts.length;
  if (verdict === "needs_approval")
    return {
      state: "failure",
      description: `needs approval: this change edits how it is judged (${results.gate_changes[0]?.summary ?? "gate change"}). A maintainer can comment /agentops approve`,
    };
  // Only a run that finished with nothing to evaluate is a pass; a cancel before the first prompt is not.
  if (n === 0 && verdict === "pass")
    return { state: "success", description: "no prompt affected by this change" };
  const first = results.prompts.find((p) => p.comparison.verdict === verdict);
  // No prompt carries the verdict (e.g. a shard is missing): what was not evaluated says why.
  const missing = results.not_evaluated.find((x) => x.reason !== "removed by this change");
  const why = first
    ? `${first.name}: ${first.comparison.reason}`
    : missing
      ? `${missing.prompt}: ${missing.reason}`
      : "";
  if (verdict === "pass") return { state: "success", description: `pass: ${n} prompt(s), no regression` };
  if (verdict === "fail") {
    return deps.settings.failOn === "never"
      ? { state: "success", description: `regression (not gating, fail-on: never) — ${why}` }
      : {
          state: "failure",
          description: `${failureKind(results.prompts.map((p) => p.comparison))} — ${why}`,
        };
  }
  if (noKey)
    return {
      state: "pending",
      description: "not evaluated: no API key (fork PR?). A maintainer can comment /agentops rerun",
    };
  return { state: "error", description: `inconclusive — ${why}` };
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
  const full = renderCompareMarkdown(results) + notes;

  await mkdir(deps.outDir, { recursive: true });
  const resultsPath = join(deps.outDir, "agentops-results.json");
  const reportPath = join(deps.outDir, "agentops-report.md");
  await writeJsonFile(resultsPath, results);
  await writeFile(reportPath, full);
  await deps.writeSummary(renderWithinBytes(results, MAX_SUMMARY_BYTES, notes));
  deps.setOutput("verdict", results.verdict);
  deps.setOutput("results-path", resultsPath);
  deps.setOutput("report-path", reportPath);

  let written: ReportState | undefined;
  if (s.commentMode !== "off" && deps.signal?.aborted === true) {
    deps.log.info("cancelled: the report comment is left as it was; the status says the run did not finish");
  } else if (s.commentMode !== "off") {
    const room = MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1 - STAMP_RESERVE;
    const body = renderWithin(results, room, notes);
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
        r = await upsert(renderWithin(results, 20_000, notes));
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
    statusFor(results.verdict, results, deps, ctx.noKey),
    deps.signal,
    approval,
  );
  // A gate change waits for a maintainer: action_required says so (and blocks, unlike neutral).
  const conclusion =
    results.verdict === "needs_approval" && state !== "success" ? "action_required" : checkConclusion(state);
  if (s.checkMode === "check-run" && ctx.checkRunId !== undefined) {
    const checkRunId = ctx.checkRunId;
    await tolerantWrite(deps, "complete the check run", () =>
      finishCheckRun(
        deps.octokit,
        { owner, repo, checkRunId },
        {
          conclusion,
          title: escapeInline(description, 200),
          summary: renderWithin(results, 65_000, notes),
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
        { conclusion, title: escapeInline(description, 200), summary: renderWithin(results, 65_000, notes) },
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

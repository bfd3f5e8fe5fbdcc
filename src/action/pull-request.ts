import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { DEFAULT_GATE, failureKind, type Verdict } from "../compare/compare.js";
import { errorMessage, isUserError, UserError } from "../errors.js";
import { checkEnvironment, type Project } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import { DEFAULT_CACHE_DIR } from "../engine/providers/cache.js";
import type { RecordingEntry } from "../engine/providers/replay.js";
import { isLocalEndpoint } from "../engine/providers/openai.js";
import { createRunSetup, tighter, type ProviderKind } from "../engine/setup.js";
import { COMMENT_MARKER, MAX_COMMENT_CHARS } from "../github/comment.js";
import { httpStatus } from "../github/errors.js";
import {
  checkConclusion,
  completedCheckRun,
  finishCheckRun,
  setCommitStatus,
  startCheckRun,
  type Annotation,
  type StatusState,
} from "../github/status.js";
import { runComparison, type CompareResults } from "../pipeline/compare-run.js";
import { fromPullFiles, type ChangedFile } from "../plan/diff.js";
import { GitError, resolveOrFetch, showFile } from "../plan/git.js";
import { projectAt, recordingsAt, recordingsDir, requirePrompts } from "../plan/project-at.js";
import { planComparison } from "../plan/plan.js";
import { renderCompareMarkdown, renderCouldNotEvaluate } from "../report/compare-report.js";
import { progressPrinter } from "../report/progress.js";
import { scrubDeep } from "../secrets.js";
import { escapeBlock, escapeInline } from "../report/escape.js";
import { renderWithin, renderWithinBytes } from "../report/fit.js";
import { STAMP_RESERVE } from "../report/report-stamp.js";
import type { ActionSettings } from "../inputs.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";
import { postReport } from "./post-report.js";

/** GitHub refuses a step summary over 1 MiB (1,048,576 bytes); this leaves some room. */
const MAX_SUMMARY_BYTES = 1_000_000;

/** Where this run reports its verdict: the commit status, or the check run it started. */
interface GateTarget {
  statusTarget: Parameters<typeof setCommitStatus>[1];
  checkRunId: number | undefined;
}

export interface PullRequestTarget {
  prNumber: number;
  baseSha: string;
  headSha: string;
  fork: boolean;
  /** The PR's own count of changed files (event payload or pulls.get), to tell a truncated files list. */
  changedFiles?: number;
}

/**
 * Which provider a run uses. Without a key, only what the cache holds is scored
 * (fork pull requests get no secrets), unless the endpoint is local and needs none.
 */
export function chooseKind(
  settings: Pick<ActionSettings, "provider" | "apiKey" | "baseUrl">,
  configured: NonNullable<ProjectConfig["provider"]>["type"] | undefined,
): ProviderKind {
  if (settings.provider !== "auto") return settings.provider;
  if (settings.apiKey || isLocalEndpoint(settings.baseUrl)) return "openai";
  if (configured === "replay" || configured === "mock") return configured;
  return "cache-only";
}

/**
 * A pull request run reads the answer cache only; the default branch writes it and
 * says which entries it used (`cacheUsed`), so the rest can be pruned before saving.
 */
export async function setupFor(
  deps: ActionDeps,
  project: Project,
  kind: ProviderKind,
  cache: { readOnly: true } | { readOnly: false; used: Set<string> },
  trusted: ProjectConfig = project.config,
  where: { cacheDir: string; recordingEntries?: readonly RecordingEntry[] } = {
    cacheDir: answerCacheDir(deps),
  },
) {
  const s = deps.settings;
  const budgets = trusted.budgets ?? {};
  const maxExamples = tighter(s.maxExamples, budgets.max_examples);
  const maxCostUsd = tighter(s.maxCostUsd, budgets.max_cost_usd);
  const maxTokensTotal = tighter(s.maxTokensTotal, budgets.max_tokens_total);
  return createRunSetup(project, {
    kind,
    ...(s.apiKey ? { apiKey: s.apiKey } : {}),
    ...(s.baseUrl ? { baseURL: s.baseUrl } : {}),
    ...(s.cache
      ? {
          cacheDir: where.cacheDir,
          cacheReadOnly: cache.readOnly,
          ...(cache.readOnly ? {} : { cacheUsed: cache.used }),
        }
      : {}),
    concurrency: s.concurrency,
    timeoutMs: s.timeoutSeconds * 1000,
    ...(maxExamples !== undefined ? { maxExamples } : {}),
    ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
    ...(maxTokensTotal !== undefined ? { maxTokensTotal } : {}),
    ...(s.judgeModel ? { judgeModel: s.judgeModel } : {}),
    pricing: trusted.pricing ?? {},
    ...(where.recordingEntries ? { recordingEntries: where.recordingEntries } : {}),
    log: deps.log.info,
  });
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
  const why = first ? `${first.name}: ${first.comparison.reason}` : "";
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

/** plan → run → compare → publish, for one pull request head. Returns the verdict. */
export async function evaluatePullRequest(deps: ActionDeps, pr: PullRequestTarget): Promise<Verdict> {
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
    return await evaluateStarted(deps, pr, gate);
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
        : setCommitStatus(deps.octokit, gate.statusTarget, "error", message);
  // The original error is what the user needs; a failed report of it must not replace it.
  await write.catch((w: unknown) => {
    deps.log.warning(`could not mark the run as failed on GitHub (${errorMessage(w)})`);
  });
}

/** GitHub's PR files API lists at most this many files; a list that long may be cut. */
export const PR_FILES_API_LIMIT = 3000;

/**
 * The PR's changed files from the files API, unless the list may be cut (it
 * reached the API's cap, or is shorter than the PR says it is): then undefined,
 * and the plan diffs with git from the merge base instead.
 */
async function listedChanges(deps: ActionDeps, pr: PullRequestTarget) {
  const { owner, repo } = deps.context;
  try {
    const files = await deps.octokit.paginate(deps.octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pr.prNumber,
      per_page: 100,
    });
    if (
      files.length >= PR_FILES_API_LIMIT ||
      (pr.changedFiles !== undefined && files.length < pr.changedFiles)
    ) {
      deps.log.info(
        `the files API listed ${files.length} of the pull request's ${pr.changedFiles ?? "?"} files (it stops at ${PR_FILES_API_LIMIT}); using git diff from the merge base`,
      );
      return undefined;
    }
    return fromPullFiles(files);
  } catch (e) {
    deps.log.info(
      `listing the pull request's files failed (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); using git diff`,
    );
    return undefined;
  }
}

/** Where the answer cache lives: outside the workspace, so nothing a change commits can answer for it. */
export function answerCacheDir(deps: Pick<ActionDeps, "outDir">): string {
  return join(dirname(deps.outDir), "agentops-cache");
}

/**
 * What the trust model set aside from this change, for the report: a cache
 * folder in the checkout, recordings it added or edited.
 */
function setAside(
  deps: ActionDeps,
  changed: readonly ChangedFile[],
  recordings: string | undefined,
): string[] {
  const out: string[] = [];
  if (existsSync(join(deps.cwd, DEFAULT_CACHE_DIR)))
    out.push(
      `${DEFAULT_CACHE_DIR}/ in the checkout was ignored: cached answers come only from the default branch's Actions cache`,
    );
  if (recordings !== undefined) {
    const prefix = recordings === "" ? "" : `${recordings}/`;
    const touched = changed.filter((c) => c.path.startsWith(prefix) && c.path.endsWith(".jsonl"));
    for (const c of touched.slice(0, 20))
      out.push(`${c.path} (${c.status}) has no effect: replay answers are read from the base revision`);
    if (touched.length > 20) out.push(`${touched.length - 20} more recording file(s) likewise`);
  }
  return out;
}

async function evaluateStarted(
  deps: ActionDeps,
  pr: PullRequestTarget,
  { statusTarget, checkRunId }: GateTarget,
): Promise<Verdict> {
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
  const results = await runComparison(
    plan,
    { base: pr.baseSha, head: pr.headSha },
    {
      run: {
        ...setup.run,
        onProgress: (label) => progressPrinter(label, deps.log.info, Date.now, 5000),
      },
      readFile: (side, path) => showFile(deps.git, side === "champion" ? plan.baseSha : plan.headSha, path),
      gate: {
        ...DEFAULT_GATE,
        tolerancePoints:
          s.tolerance ?? trusted.thresholds?.regression_tolerance ?? DEFAULT_GATE.tolerancePoints,
        maxErrorRate: trusted.thresholds?.max_error_rate ?? DEFAULT_GATE.maxErrorRate,
      },
      ignoredInputs: setAside(deps, plan.changed, recordings),
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
  );
  return publish(deps, pr, results, { noKey, checkRunId, statusTarget });
}

async function publish(
  deps: ActionDeps,
  pr: PullRequestTarget,
  raw: CompareResults,
  ctx: GateTarget & { noKey: boolean },
): Promise<Verdict> {
  // Every file, comment, summary and status below is built from this one scrubbed value.
  const results = scrubDeep(raw, [deps.settings.apiKey, deps.settings.githubToken]);
  const { owner, repo } = deps.context;
  const s = deps.settings;
  const notes = ctx.noKey
    ? "\n> **No API key in this run** (fork pull requests get no secrets): only cached answers were scored. A maintainer can comment `/agentops rerun` to evaluate with the repository's key; the PR's code is never executed.\n"
    : "";
  const full = renderCompareMarkdown(results) + notes;

  await mkdir(deps.outDir, { recursive: true });
  const resultsPath = join(deps.outDir, "agentops-results.json");
  const reportPath = join(deps.outDir, "agentops-report.md");
  await writeFile(resultsPath, JSON.stringify(results, null, 2) + "\n");
  await writeFile(reportPath, full);
  await deps.writeSummary(renderWithinBytes(results, MAX_SUMMARY_BYTES, notes));
  deps.setOutput("verdict", results.verdict);
  deps.setOutput("results-path", resultsPath);
  deps.setOutput("report-path", reportPath);

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
      const upsert = (text: string) => postReport(deps, pr, { text, verdict: results.verdict }, create);
      let r;
      try {
        r = await upsert(body);
      } catch (e) {
        // 422: GitHub measures the body differently from us (e.g. in bytes); retry much shorter.
        if (httpStatus(e) !== 422) throw e;
        deps.log.warning("GitHub refused the report comment as too long (422); posting a shorter one");
        r = await upsert(renderWithin(results, 20_000, notes));
      }
      deps.log.info(
        r.outcome === "stale"
          ? `the pull request's head moved on to ${r.head ?? "?"}: the report comment is left to that run; this run sets only the status of ${pr.headSha}`
          : r.outcome === "skipped"
            ? "no prompt affected: no report comment (the status says so)"
            : `report comment ${r.outcome}`,
      );
    });
  }

  const { state, description } = statusFor(results.verdict, results, deps, ctx.noKey);
  // A gate change waits for a maintainer: action_required says so (and blocks, unlike neutral).
  const conclusion = results.verdict === "needs_approval" ? "action_required" : checkConclusion(state);
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
  return results.verdict;
}

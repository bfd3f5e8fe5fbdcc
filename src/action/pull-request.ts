import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { failureKind, gateSettings, type Verdict } from "../compare/compare.js";
import { errorMessage, isUserError } from "../errors.js";
import { parseProjectConfig } from "../config/load.js";
import { openProject, type Project } from "../config/project.js";
import type { ProjectConfig } from "../config/schema.js";
import { DEFAULT_CACHE_DIR } from "../engine/providers/cache.js";
import { isLocalEndpoint } from "../engine/providers/openai.js";
import { createRunSetup, tighter, type ProviderKind } from "../engine/setup.js";
import { COMMENT_MARKER, MAX_COMMENT_CHARS, upsertReportComment } from "../github/comment.js";
import {
  checkConclusion,
  finishCheckRun,
  setCommitStatus,
  startCheckRun,
  type Annotation,
  type StatusState,
} from "../github/status.js";
import { runComparison, type CompareResults } from "../pipeline/compare-run.js";
import { fromPullFiles } from "../plan/diff.js";
import { showFile } from "../plan/git.js";
import { planComparison } from "../plan/plan.js";
import { renderCompareMarkdown, renderCouldNotEvaluate } from "../report/compare-report.js";
import { progressPrinter } from "../report/progress.js";
import { escapeBlock, escapeInline } from "../report/escape.js";
import { renderWithin, renderWithinBytes } from "../report/fit.js";
import type { ActionSettings } from "../inputs.js";
import { tolerantWrite, type ActionDeps } from "./deps.js";

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
          cacheDir: join(deps.cwd, DEFAULT_CACHE_DIR),
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
  if (n === 0) return { state: "success", description: "no prompt affected by this change" };
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
  await deps.writeSummary(report).catch(() => undefined);
  if (deps.settings.commentMode !== "off") {
    await tolerantWrite(deps, "comment on the pull request", () => postReport(deps, pr, report)).catch(
      () => undefined,
    );
  }
  const checkRunId = gate.checkRunId;
  const write =
    checkRunId !== undefined
      ? finishCheckRun(
          deps.octokit,
          { owner, repo, checkRunId },
          {
            conclusion: "failure",
            title: escapeInline(message, 200),
            summary: escapeBlock(message),
            annotations: [],
          },
        )
      : deps.settings.checkMode === "status"
        ? setCommitStatus(deps.octokit, gate.statusTarget, "error", message)
        : Promise.resolve();
  // The original error is what the user needs; a failed report of it must not replace it.
  await write.catch(() => undefined);
}

/** The one report comment of the pull request, as the comment-mode input asks. */
function postReport(deps: ActionDeps, pr: PullRequestTarget, text: string, create = true) {
  const { owner, repo } = deps.context;
  return upsertReportComment(deps.octokit, { owner, repo, issue_number: pr.prNumber }, text, {
    botLogin: deps.settings.commentAuthor,
    mode: deps.settings.commentMode === "new" ? "new" : "update",
    create,
  });
}

async function evaluateStarted(
  deps: ActionDeps,
  pr: PullRequestTarget,
  { statusTarget, checkRunId }: GateTarget,
): Promise<Verdict> {
  const { owner, repo } = deps.context;
  const s = deps.settings;
  const project = await openProject(deps.cwd);
  const kind = chooseKind(deps.settings, project.config.provider?.type);
  const noKey = kind === "cache-only";
  if (noKey) {
    deps.log.warning(
      "No API key in this run (fork pull requests get no secrets). Only answers already in the cache are scored; " +
        "the rest is reported as not evaluated, and the job does not fail for it. A maintainer can comment /agentops rerun.",
    );
  }
  if (s.cache && (kind === "openai" || kind === "cache-only")) {
    const hit = await deps.cache.restore(join(deps.cwd, DEFAULT_CACHE_DIR)).catch(() => false);
    deps.log.info(hit ? "restored the answer cache from the default branch" : "no answer cache to restore");
  }

  // The PR files API sees renames as GitHub does; git is the fallback (and reads every file's content).
  let changed;
  try {
    const files = await deps.octokit.paginate(deps.octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pr.prNumber,
      per_page: 100,
    });
    changed = fromPullFiles(files);
  } catch (e) {
    deps.log.info(
      `listing the pull request's files failed (${e instanceof Error ? e.message : String(e)}); using git diff`,
    );
  }
  const top = (await deps.git.run(["rev-parse", "--show-toplevel"])).trim();
  const rel = (p: string): string => relative(top, p).split("\\").join("/");
  // Without the input, the plan uses the base revision's gate_environment: a PR cannot pick its own baseline.
  const environment = s.environment || undefined;
  const plan = await planComparison({
    git: deps.git,
    base: pr.baseSha,
    head: pr.headSha,
    promptsDir: rel(project.promptsDir),
    configPath: project.configFile ? rel(project.configFile) : undefined,
    ...(environment ? { environment } : {}),
    ...(changed ? { changed } : {}),
  });
  // Budgets and gate settings come from the base revision's config: a pull request
  // must not be able to raise its own budget or tolerance.
  const trusted = (await baseConfig(deps, project, plan.baseSha, rel)) ?? project.config;
  const setup = await setupFor(deps, project, kind, { readOnly: true }, trusted);
  const results = await runComparison(
    plan,
    { base: pr.baseSha, head: pr.headSha },
    {
      run: {
        ...setup.run,
        onProgress: (label) => progressPrinter(label, deps.log.info, Date.now, 5000),
      },
      readFile: (side, path) => showFile(deps.git, side === "champion" ? plan.baseSha : plan.headSha, path),
      gate: gateSettings(trusted.thresholds, { tolerance: s.tolerance, alpha: s.alpha }),
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
  );
  return publish(deps, pr, results, { noKey, checkRunId, statusTarget });
}

async function baseConfig(
  deps: ActionDeps,
  project: Project,
  baseSha: string,
  rel: (p: string) => string,
): Promise<ProjectConfig | undefined> {
  if (!project.configFile) return undefined;
  const path = rel(project.configFile);
  const text = await showFile(deps.git, baseSha, path);
  return text === undefined ? undefined : parseProjectConfig(text, `${path} at the base revision`).config;
}

async function publish(
  deps: ActionDeps,
  pr: PullRequestTarget,
  results: CompareResults,
  ctx: GateTarget & { noKey: boolean },
): Promise<Verdict> {
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

  if (s.commentMode !== "off") {
    const body = renderWithin(results, MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1, notes);
    await tolerantWrite(deps, "comment on the pull request", async () => {
      // Without a paths filter every PR runs; one that touches no prompt gets a status, not a comment
      // (an earlier report is still updated, e.g. after the prompt change was reverted).
      const create = results.prompts.length > 0 || results.not_evaluated.length > 0;
      const upsert = (text: string) => postReport(deps, pr, text, create);
      let r;
      try {
        r = await upsert(body);
      } catch (e) {
        // 422: GitHub measures the body differently from us (e.g. in bytes); retry much shorter.
        if (!(typeof e === "object" && e !== null && "status" in e && e.status === 422)) throw e;
        deps.log.warning("GitHub refused the report comment as too long (422); posting a shorter one");
        r = await upsert(renderWithin(results, 20_000, notes));
      }
      deps.log.info(
        r.outcome === "skipped"
          ? "no prompt affected: no report comment (the status says so)"
          : `report comment ${r.outcome}`,
      );
    });
  }

  const { state, description } = statusFor(results.verdict, results, deps, ctx.noKey);
  if (s.checkMode === "check-run" && ctx.checkRunId !== undefined) {
    const checkRunId = ctx.checkRunId;
    await tolerantWrite(deps, "complete the check run", () =>
      finishCheckRun(
        deps.octokit,
        { owner, repo, checkRunId },
        {
          conclusion: checkConclusion(state),
          title: escapeInline(description, 200),
          summary: renderWithin(results, 65_000, notes),
          annotations: annotationsFor(results),
          ...(deps.context.runUrl ? { detailsUrl: deps.context.runUrl } : {}),
        },
      ),
    );
  } else if (s.checkMode === "status") {
    await tolerantWrite(deps, "set the commit status", () =>
      setCommitStatus(deps.octokit, ctx.statusTarget, state, description),
    );
  }
  return results.verdict;
}

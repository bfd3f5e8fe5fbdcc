import {
  checkEvalSetFitsPrompt,
  parseEvalSet,
  parsePromptFile,
  type LoadedEvalSet,
  type LoadedPrompt,
} from "../config/load.js";
import {
  overallVerdict,
  type GateSettings,
  type PromptComparison,
  type Verdict,
} from "../compare/compare.js";
import { errorMessage, isUserError } from "../errors.js";
import { stopReason } from "../engine/deadline.js";
import { evaluatePrompt, resolveRubrics, type PromptRun } from "../engine/evaluate.js";
import { withExampleChecks } from "../engine/example-checks.js";
import { slotsFor } from "../engine/pool.js";
import type { Progress, RunOptions } from "../engine/runner.js";
import type { ComparisonPlan, PlannedPrompt } from "../plan/plan.js";
import type { Criterion } from "../config/schema.js";
import { bothSides, decideInRounds, type SampledPrompt } from "./sampling-rounds.js";
import { repoPath } from "../plan/paths.js";
import type { GateChange } from "../plan/trust.js";
import { VERSION } from "../version.js";
import { chargeErrors, classifyError } from "../compare/error-kinds.js";
import { aggregateCriteria, summarize } from "../engine/aggregate.js";
import type { ExampleResult } from "../engine/runner.js";
import type { ToolDefinition } from "../engine/request.js";
import { sameRequests, UNCHANGED_REQUESTS } from "./unchanged.js";
import { isPlannedSkip, REMOVED_BY_CHANGE } from "./not-evaluated.js";
import { DEFAULT_JUDGE_MODEL, toolYardstick } from "./yardsticks.js";
import { withAddedPopulation } from "../compare/populations.js";

export interface ComparedPrompt {
  name: string;
  /** Why this prompt was evaluated, e.g. "v3.yaml added". */
  reasons: string[];
  comparison: PromptComparison;
  champion: PromptRun | null;
  challenger: PromptRun;
  /** Why there is no champion run although the base had the prompt. */
  baseline_note?: string;
  /** The challenger's prompt file (repository path) and each criterion's line in it, for annotations. */
  challenger_file?: string;
  /** sha256 of the challenger's file as evaluated: what the head's pin resolves to when it pins this prompt. */
  challenger_sha256?: string;
  champion_file?: string;
  champion_sha256?: string;
  criterion_lines?: Record<string, number>;
  /**
   * The examples the change added, decided apart from the base's (their rows carry the suffix
   * " (examples this change adds)"); champion and challenger above hold the base's examples only.
   */
  added_examples?: { count: number; verdict: Verdict; reason: string };
}

export interface CompareResults {
  schema_version: 1;
  kind: "compare";
  tool: { name: "agentops"; version: string };
  provider: string;
  base: string;
  head: string;
  merge_base: string;
  /** The commit the head revision resolved to: what the report is about. */
  head_sha?: string;
  /** The repository's web address on its GitHub server (Action runs), for links to the prompt files. */
  repository_url?: string;
  verdict: Verdict;
  started_at: string;
  finished_at: string;
  complete: boolean;
  prompts: ComparedPrompt[];
  /** Prompts removed by the change, or that could not be evaluated, with why. */
  not_evaluated: { prompt: string; reason: string }[];
  /** Changed paths that affect no prompt. */
  ignored: string[];
  /** What the change did to how it is judged (config, criteria, rubrics, eval set): each needs approval. */
  gate_changes: GateChange[];
  /** Inputs the change supplied that were ignored by the trust model (recordings, a committed cache…). */
  ignored_inputs: string[];
  /** Present when the results were merged from sharded runs (src/scale/merge.ts). */
  shards?: { count: number; merged: number[]; missing: number[] };
}

export interface CompareOptions {
  /** How every side runs (provider, budget, judge…); progress is labelled per side. */
  run: Omit<RunOptions, "onProgress" | "signal"> & { onProgress?: (label: string) => (p: Progress) => void };
  gate: GateSettings;
  /** Reads a repository file at the champion's or the challenger's revision (rubric files). */
  readFile?: (side: "champion" | "challenger", path: string) => Promise<string | undefined>;
  signal?: AbortSignal;
  now?: () => number;
  /** What the trust model set aside, said in the report (e.g. recordings the change edited). */
  ignoredInputs?: string[];
  /** The repository's web address (server URL from the Action context), for links in the report. */
  repositoryUrl?: string;
}

export function runSide(
  label: string,
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
  reason: string,
  opts: CompareOptions,
  items?: { id: string; repeat: number }[],
  toolSchemas?: readonly ToolDefinition[],
): Promise<PromptRun> {
  const { onProgress, ...run } = opts.run;
  return evaluatePrompt(
    prompt,
    evalSet,
    { name: prompt.data.name, reason, file: prompt.file, evalSetFile: evalSet.file },
    {
      ...run,
      // Both sides have one judge, never a side's own model (src/pipeline/yardsticks.ts).
      judgeFallback: run.judgeFallback ?? DEFAULT_JUDGE_MODEL,
      ...(items ? { items } : {}),
      ...(toolSchemas ? { toolSchemas } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(onProgress ? { onProgress: onProgress(label) } : {}),
    },
  );
}

/** A planned prompt, parsed and checked: what runs on each side, and what judges the challenger. */
export interface PreparedPrompt {
  name: string;
  reasons: string[];
  champion: LoadedPrompt | null;
  challenger: LoadedPrompt;
  /** The criteria that judge the challenger. */
  criteria: Criterion[];
  evalSet: LoadedEvalSet;
  /** Why there is no champion although the base had the prompt. */
  baselineNote?: string;
  /** Ids of the examples the change added, when there is a baseline: a population of their own. */
  added?: ReadonlySet<string>;
  challengerFile: string;
  challengerSha256?: string;
  championFile?: string;
  championSha256?: string;
  criterionLines: Record<string, number>;
  /** The schemas tool_args_valid holds the challenger's calls to (the base's where it has them). */
  toolSchemas?: ToolDefinition[];
  /** Gate changes found while preparing (a tool the change adds, judged by its own schema). */
  gateChanges?: GateChange[];
}

const sameNames = (a: readonly Criterion[], b: readonly Criterion[]): boolean =>
  a.length === b.length && a.every((c, i) => c.name === b[i]?.name);

/** Ids of the eval set's must_pass examples. */
function mustPassIds(evalSet: LoadedEvalSet): Set<string> {
  return new Set(evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id));
}

/**
 * Byte-identical requests on both sides, judged by exactly the base's criteria on the base's examples:
 * nothing could differ, so nothing is tested (src/pipeline/unchanged.ts). A criterion or an example the
 * change adds is still run: it can only add a failure. One run and a shard decide it alike.
 */
export function nothingToTest(p: PlannedPrompt, prep: PreparedPrompt): boolean {
  return (
    prep.champion !== null &&
    p.addedExamples.length === 0 &&
    sameNames(prep.criteria, prep.champion.data.eval_criteria) &&
    sameRequests(prep.champion, prep.challenger, prep.evalSet)
  );
}

/** Parses and checks both sides of a planned prompt; no model call. */
export async function preparePrompt(
  p: PlannedPrompt,
  opts: Pick<CompareOptions, "readFile">,
): Promise<PreparedPrompt | { prompt: string; reason: string }> {
  if (!p.challenger) return { prompt: p.name, reason: REMOVED_BY_CHANGE };
  if (!p.evalSet) return { prompt: p.name, reason: "has no eval set at the head revision" };
  const rubricsAt = (side: "champion" | "challenger", promptPath: string) => (rel: string) => {
    const path = repoPath(promptPath, rel);
    return path === undefined || !opts.readFile ? Promise.resolve(undefined) : opts.readFile(side, path);
  };
  const parsed = parsePromptFile(p.challenger.text, p.challenger.path);
  const evalSet = parseEvalSet(p.evalSet.text, p.evalSet.path);
  // The plan chose what judges the challenger (src/plan/trust.ts), rubrics read at their own revisions;
  // the examples' own checks come with the judged eval set, as one more criterion.
  const judged = withExampleChecks(
    { ...parsed, data: { ...parsed.data, eval_criteria: p.criteria } },
    evalSet,
  ).data.eval_criteria;
  const challenger: LoadedPrompt = {
    ...parsed,
    data: { ...parsed.data, eval_criteria: [...judged, ...p.informational] },
  };
  const lineOf = new Map(parsed.data.eval_criteria.map((c, i) => [c.name, parsed.criterionLines[i]]));
  checkEvalSetFitsPrompt(challenger, evalSet);

  let champion: LoadedPrompt | null = null;
  let baselineNote: string | undefined;
  if (p.champion) {
    try {
      champion = await resolveRubrics(
        parsePromptFile(p.champion.text, `${p.champion.path} (base)`),
        rubricsAt("champion", p.champion.path),
      );
      // The champion runs on the judged eval set (base examples plus the change's additions); if an
      // added example needs inputs the old prompt lacks, say so instead of reporting a fake regression.
      checkEvalSetFitsPrompt(champion, evalSet);
      champion = withExampleChecks(champion, evalSet);
    } catch (e) {
      if (!isUserError(e)) throw e;
      champion = null;
      baselineNote = `the base version cannot be evaluated on the new eval set: ${e.format()}`;
    }
  }
  const tools = toolYardstick(
    p.name,
    champion,
    challenger,
    judged.some((c) => c.type === "tool_args_valid"),
  );
  return {
    name: p.name,
    reasons: p.reasons,
    champion,
    challenger,
    criteria: judged,
    evalSet,
    ...(baselineNote ? { baselineNote } : {}),
    added: new Set(champion ? p.addedExamples : []),
    ...(tools.tools ? { toolSchemas: tools.tools } : {}),
    ...(tools.gateChanges.length > 0 ? { gateChanges: tools.gateChanges } : {}),
    challengerFile: p.challenger.path,
    ...(p.challenger.sha256 ? { challengerSha256: p.challenger.sha256 } : {}),
    ...(champion && p.champion ? { championFile: p.champion.path } : {}),
    ...(champion && p.champion?.sha256 ? { championSha256: p.champion.sha256 } : {}),
    criterionLines: Object.fromEntries(
      judged.flatMap((c) => {
        const line = lineOf.get(c.name);
        return line ? [[c.name, line]] : [];
      }),
    ),
  };
}

export const sideLabel = (prep: PreparedPrompt, side: "champion" | "challenger", round: number): string => {
  const prompt = side === "champion" ? prep.champion : prep.challenger;
  return `${prep.name} v${prompt?.data.version ?? "?"} (${side}${round > 1 ? `, round ${round}` : ""})`;
};

/** A run with some of its results replaced (same example and repeat), its figures recomputed. */
function withResults(
  run: PromptRun,
  examples: ExampleResult[],
  prompt: LoadedPrompt,
  evalSet: LoadedEvalSet,
): PromptRun {
  return {
    ...run,
    examples,
    summary: summarize(examples),
    criteria: aggregateCriteria(prompt.data.eval_criteria, examples, evalSet.examples),
  };
}

/** The results a side's transient errors left, asked once more (one retry round). */
async function retryTransient(
  prep: PreparedPrompt,
  side: "champion" | "challenger",
  run: PromptRun | null,
  opts: CompareOptions,
): Promise<PromptRun | null> {
  const prompt = side === "champion" ? prep.champion : prep.challenger;
  if (!run || !prompt || opts.signal?.aborted || run.stopped) return run;
  const items = run.examples
    .filter((r) => r.status === "error" && classifyError(r.error?.kind) === "transient")
    .map((r) => ({ id: r.id, repeat: r.repeat }));
  if (items.length === 0) return run;
  const again = await runSide(
    `${sideLabel(prep, side, 1)} retry`,
    prompt,
    prep.evalSet,
    side === "champion" ? "active on the base branch" : prep.reasons.join("; "),
    opts,
    items,
    side === "challenger" ? prep.toolSchemas : undefined,
  );
  const key = (r: ExampleResult): string => `${r.id}\u0000${String(r.repeat)}`;
  const retried = new Map(again.examples.filter((r) => r.status !== "skipped").map((r) => [key(r), r]));
  return withResults(
    run,
    run.examples.map((r) => retried.get(key(r)) ?? r),
    prompt,
    prep.evalSet,
  );
}

/** The first pass of both sides, a retry round for transient errors, and refused requests charged. */
async function firstPass(prep: PreparedPrompt, opts: CompareOptions): Promise<SampledPrompt> {
  const [first, firstChallenger] = await bothSides(
    prep.champion
      ? runSide(
          sideLabel(prep, "champion", 1),
          prep.champion,
          prep.evalSet,
          "active on the base branch",
          opts,
        )
      : Promise.resolve(null),
    runSide(
      sideLabel(prep, "challenger", 1),
      prep.challenger,
      prep.evalSet,
      prep.reasons.join("; "),
      opts,
      undefined,
      prep.toolSchemas,
    ),
  );
  const [champion, retried] = await bothSides(
    retryTransient(prep, "champion", first, opts),
    retryTransient(prep, "challenger", firstChallenger, opts),
  );
  // An example the champion answered and the challenger's request was refused on is the
  // challenger's failure, not an outage within max_error_rate (src/compare/error-kinds.ts).
  const charged = chargeErrors(
    champion?.examples ?? null,
    (retried ?? firstChallenger).examples,
    prep.challenger.data.eval_criteria.map((c) => c.name),
  );
  const challenger =
    charged.charged > 0
      ? withResults(firstChallenger, charged.examples, prep.challenger, prep.evalSet)
      : (retried ?? firstChallenger);
  const mustPass = mustPassIds(prep.evalSet);
  return {
    criteria: prep.criteria,
    championCriteria: prep.champion?.data.eval_criteria ?? [],
    evalSet: prep.evalSet,
    champion,
    challenger,
    inputs: new Map(
      prep.evalSet.examples.map((e) => [
        e.id,
        { input: e.input, ...(e.expected !== undefined ? { expected: e.expected } : {}) },
      ]),
    ),
    temperatureZero: prep.champion?.data.temperature === 0 && prep.challenger.data.temperature === 0,
    ...(mustPass.size > 0 ? { mustPass } : {}),
  };
}

/**
 * A gate's run options for one prompt: a max_examples sample seeded by the base commit and filled
 * with the base's examples first, so ids a change picks cannot crowd the base's out of the sample.
 */
function gateOptions(opts: CompareOptions, prep: PreparedPrompt, baseSha: string): CompareOptions {
  if (opts.run.maxExamples === undefined) return opts;
  const first = new Set(prep.evalSet.examples.map((e) => e.id).filter((id) => prep.added?.has(id) !== true));
  return { ...opts, run: { ...opts.run, sample: { seed: baseSha, first } } };
}

/** A run cut down to some of its examples, with its summary and aggregates recomputed. */
function part(
  run: PromptRun,
  keep: (id: string) => boolean,
  criteria: readonly Criterion[],
  evalSet: LoadedEvalSet,
): PromptRun {
  const examples = run.examples.filter((r) => keep(r.id));
  return {
    ...run,
    examples,
    summary: summarize(examples),
    criteria: aggregateCriteria(criteria, examples, evalSet.examples),
  };
}

/**
 * The base population, then (when the change added examples to a prompt with a baseline) the added
 * one. Without a base example to stand on, the run stays one population.
 */
export function splitPopulations(first: SampledPrompt, added: ReadonlySet<string>): SampledPrompt[] {
  const { champion, challenger } = first;
  if (added.size === 0 || !champion) return [first];
  const isBase = (id: string): boolean => !added.has(id);
  const isAdded = (id: string): boolean => added.has(id);
  if (!challenger.examples.some((r) => isBase(r.id))) return [first];
  const split = (keep: (id: string) => boolean): SampledPrompt => ({
    ...first,
    champion: part(champion, keep, first.championCriteria, first.evalSet),
    challenger: part(challenger, keep, first.criteria, first.evalSet),
  });
  const out = [split(isBase)];
  if (challenger.examples.some((r) => isAdded(r.id))) out.push({ ...split(isAdded), population: "added" });
  return out;
}

/** Evaluates champion and challenger of every planned prompt and decides the gate. */
export async function runComparison(
  plan: ComparisonPlan,
  labels: { base: string; head: string },
  given: CompareOptions,
): Promise<CompareResults> {
  const opts: CompareOptions = {
    ...given,
    run: { ...given.run, slots: given.run.slots ?? slotsFor(given.run.concurrency) },
  };
  const now = opts.now ?? Date.now;
  const startedAt = new Date(now());
  const prepared: PreparedPrompt[] = [];
  const sampled: SampledPrompt[] = [];
  /** The prepared prompt each sampled population belongs to. */
  const owner: number[] = [];
  const notEvaluated: { prompt: string; reason: string }[] = [];
  for (const p of plan.prompts) {
    if (opts.signal?.aborted) {
      notEvaluated.push({ prompt: p.name, reason: `${stopReason(opts.signal)} before it started` });
      continue;
    }
    try {
      const prep = await preparePrompt(p, opts);
      if (!("challenger" in prep)) {
        notEvaluated.push(prep);
        continue;
      }
      if (nothingToTest(p, prep)) {
        notEvaluated.push({ prompt: p.name, reason: UNCHANGED_REQUESTS });
        continue;
      }
      const first = await firstPass(prep, gateOptions(opts, prep, plan.baseSha));
      prepared.push(prep);
      for (const population of splitPopulations(first, prep.added ?? new Set())) {
        sampled.push(population);
        owner.push(prepared.length - 1);
      }
    } catch (e) {
      if (isUserError(e)) throw e;
      notEvaluated.push({ prompt: p.name, reason: errorMessage(e) });
    }
  }
  const comparisons = await decideInRounds(
    sampled,
    opts.gate,
    (i, side, round, items) => {
      const prep = prepared[owner[i] ?? -1] as PreparedPrompt;
      const prompt = side === "champion" ? prep.champion : prep.challenger;
      if (!prompt) throw new Error("a round was asked of a side that does not run");
      const reason = side === "champion" ? "active on the base branch" : prep.reasons.join("; ");
      return runSide(
        sideLabel(prep, side, round),
        prompt,
        prep.evalSet,
        reason,
        gateOptions(opts, prep, plan.baseSha),
        items,
        side === "challenger" ? prep.toolSchemas : undefined,
      );
    },
    opts.signal,
  );
  const perPrompt = perPromptDecisions(prepared, sampled, owner, comparisons);
  const results = assembleResults(
    plan,
    labels,
    opts,
    {
      startedAt,
      prepared,
      sampled: perPrompt.sampled,
      comparisons: perPrompt.comparisons,
      notEvaluated,
    },
    now,
  );
  return withAddedExamples(results, perPrompt.added);
}

/**
 * Back to one entry per prompt: the base population decides, the added one can only add failures.
 * `owner[i]` is the prepared prompt that sampled population i belongs to. Shared by one run and the
 * merge of sharded runs, so both judge added examples the same way.
 */
export function perPromptDecisions(
  prepared: readonly PreparedPrompt[],
  sampled: readonly SampledPrompt[],
  owner: readonly number[],
  comparisons: readonly PromptComparison[],
): {
  sampled: SampledPrompt[];
  comparisons: PromptComparison[];
  added: (ComparedPrompt["added_examples"] | undefined)[];
} {
  const out = {
    sampled: [] as SampledPrompt[],
    comparisons: [] as PromptComparison[],
    added: [] as (ComparedPrompt["added_examples"] | undefined)[],
  };
  prepared.forEach((prep, k) => {
    const mine = sampled.flatMap((s, i) =>
      owner[i] === k ? [{ s, c: comparisons[i] as PromptComparison }] : [],
    );
    const base = mine.find((m) => m.s.population === undefined) ?? mine[0];
    const added = mine.find((m) => m.s.population === "added");
    if (!base) return;
    out.sampled.push(base.s);
    out.comparisons.push(withAddedPopulation(base.c, added?.c, prep.added?.size ?? 0));
    out.added.push(
      added ? { count: prep.added?.size ?? 0, verdict: added.c.verdict, reason: added.c.reason } : undefined,
    );
  });
  return out;
}

/** Results with each prompt's added population (in `perPromptDecisions` order) attached. */
export function withAddedExamples(
  results: CompareResults,
  added: readonly (ComparedPrompt["added_examples"] | undefined)[],
): CompareResults {
  results.prompts.forEach((p, k) => {
    const a = added[k];
    if (a) p.added_examples = a;
  });
  return results;
}

/** What the gate decided, as results: shared by one run and the merge of sharded runs (src/scale/merge.ts). */
export function assembleResults(
  plan: Pick<ComparisonPlan, "mergeBaseSha" | "headSha" | "ignored" | "gateChanges">,
  labels: { base: string; head: string },
  opts: Pick<CompareOptions, "ignoredInputs" | "repositoryUrl"> & { run: { provider: { id: string } } },
  decided: {
    startedAt: Date;
    prepared: PreparedPrompt[];
    sampled: SampledPrompt[];
    comparisons: PromptComparison[];
    notEvaluated: { prompt: string; reason: string }[];
  },
  now: () => number,
): CompareResults {
  const { startedAt, prepared, sampled, comparisons, notEvaluated } = decided;
  // The first pass alone says whether the run could measure: later rounds only add samples.
  const stopped = sampled.some((s) => s.champion?.stopped ?? s.challenger.stopped);
  const prompts: ComparedPrompt[] = prepared.map((prep, i) => {
    const s = sampled[i] as SampledPrompt;
    return {
      name: prep.name,
      reasons: prep.reasons,
      comparison: comparisons[i] as PromptComparison,
      champion: s.champion,
      challenger: s.challenger,
      ...(prep.baselineNote ? { baseline_note: prep.baselineNote } : {}),
      challenger_file: prep.challengerFile,
      ...(prep.challengerSha256 ? { challenger_sha256: prep.challengerSha256 } : {}),
      ...(prep.championFile ? { champion_file: prep.championFile } : {}),
      ...(prep.championSha256 ? { champion_sha256: prep.championSha256 } : {}),
      criterion_lines: prep.criterionLines,
    };
  });
  const cancelledOrFailed = notEvaluated.some((n) => !isPlannedSkip(n.reason));
  let verdict = overallVerdict(prompts.map((p) => p.comparison));
  if (verdict === "pass" && (cancelledOrFailed || stopped)) verdict = "inconclusive";
  const gateChanges = [...plan.gateChanges, ...prepared.flatMap((p) => p.gateChanges ?? [])];
  // A change to how the change is judged is for a maintainer to accept; a failure still says more.
  if (gateChanges.length > 0 && verdict !== "fail") verdict = "needs_approval";
  return {
    schema_version: 1,
    kind: "compare",
    tool: { name: "agentops", version: VERSION },
    provider: opts.run.provider.id,
    base: labels.base,
    head: labels.head,
    merge_base: plan.mergeBaseSha,
    head_sha: plan.headSha,
    ...(opts.repositoryUrl ? { repository_url: opts.repositoryUrl } : {}),
    verdict,
    started_at: startedAt.toISOString(),
    finished_at: new Date(now()).toISOString(),
    complete: !cancelledOrFailed && !stopped,
    prompts,
    not_evaluated: notEvaluated,
    ignored: plan.ignored,
    gate_changes: gateChanges,
    ignored_inputs: opts.ignoredInputs ?? [],
  };
}

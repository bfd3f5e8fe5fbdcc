/**
 * The merge of sharded compare results: checks that the files are the shards
 * of one plan, joins each prompt's shares into the runs one machine would have
 * produced, and replays the sequential gate over them, answering each round's
 * samples from what the shards ran. The verdict, figures and report are those
 * of one unsharded run on the same answers (docs/statistics.md, "Sharded runs").
 */
import type { LoadedEvalSet } from "../config/load.js";
import type { Criterion } from "../config/schema.js";
import type { PromptComparison } from "../compare/compare.js";
import { aggregateCriteria, summarize } from "../engine/aggregate.js";
import { exampleCategories } from "../config/categories.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";
import { UserError } from "../errors.js";
import {
  assembleResults,
  perPromptDecisions,
  splitPopulations,
  withAddedExamples,
  type CompareResults,
  type PreparedPrompt,
} from "../pipeline/compare-run.js";
import { decideInRounds, type SampledPrompt } from "../pipeline/sampling-rounds.js";
import { isPlannedSkip } from "../pipeline/not-evaluated.js";
import { chargeErrors } from "../compare/error-kinds.js";
import { identityDifference } from "./plan-identity.js";
import type { ShardPrompt, ShardResults } from "./shard-results.js";

export interface ShardFile {
  /** Where it was read from, for messages. */
  file: string;
  results: ShardResults;
}

export interface CheckedShards {
  count: number;
  /** Present shards, by index. */
  shards: ShardResults[];
  missing: number[];
}

/** The files are shards of one plan, each once; a missing shard is allowed (it makes the verdict inconclusive). */
export function checkShards(files: readonly ShardFile[]): CheckedShards {
  const [first, ...rest] = files;
  if (!first) throw new UserError("merge needs at least one shard results file", {}, "agentops merge --help");
  for (const f of rest) {
    if (f.results.plan_id === first.results.plan_id) continue;
    const diff = identityDifference(first.results.plan, f.results.plan) ?? "the plan identity";
    throw new UserError(
      `${f.file} comes from another plan than ${first.file} (${diff})`,
      {},
      "merge only the shards of one run: same base and head commits, prompts, eval sets, gate settings and shard count",
    );
  }
  const byIndex = new Map<number, ShardFile>();
  for (const f of files) {
    const seen = byIndex.get(f.results.shard.index);
    if (seen)
      throw new UserError(
        `shard ${f.results.shard.index}/${f.results.shard.count} is given twice: ${seen.file} and ${f.file}`,
        {},
        "pass each shard's results once (a rerun's artifact replaces the first one's)",
      );
    byIndex.set(f.results.shard.index, f);
  }
  const count = first.results.plan.shards;
  const missing: number[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(i);
  const shards = [...byIndex.values()]
    .sort((a, b) => a.results.shard.index - b.results.shard.index)
    .map((f) => f.results);
  return { count, shards, missing };
}

/** One side's runs of the shards as one run: eval-set order, repeats inner, as runSuite orders them. */
function joinRuns(
  runs: readonly PromptRun[],
  criteria: readonly Criterion[],
  evalSet: LoadedEvalSet,
  sampled: ShardPrompt["sampled"],
): PromptRun {
  const [base] = runs;
  if (!base) throw new Error("joinRuns needs a run");
  const order = new Map(evalSet.examples.map((e, i) => [e.id, i]));
  const examples = runs
    .flatMap((r) => r.examples)
    .sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0) || x.repeat - y.repeat);
  const stopped = runs.find((r) => r.stopped)?.stopped;
  const { stopped: _s, sampled: _c, example_categories: _e, ...meta } = base;
  // Each shard knew the categories of its own share only.
  const categories = exampleCategories(evalSet.examples);
  return {
    ...meta,
    ...(categories ? { example_categories: categories } : {}),
    summary: summarize(examples),
    criteria: aggregateCriteria(criteria, examples, evalSet.examples),
    examples,
    ...(sampled ? { sampled } : {}),
    ...(stopped ? { stopped } : {}),
  };
}

type Side = "champion" | "challenger";
const sampleKey = (id: string, repeat: number): string => `${id}\u0000${repeat}`;

/** The samples the shards ran in further rounds, so the gate's replay asks them instead of a model. */
class RoundAnswers {
  private readonly answers = new Map<string, ExampleResult>();
  private readonly stops = new Map<string, string>();
  constructor(parts: readonly ShardPrompt[]) {
    for (const part of parts)
      for (const r of part.rounds)
        for (const side of ["champion", "challenger"] as const) {
          const run = r[side];
          for (const e of run.examples)
            this.answers.set(`${side}\u0000${r.round}\u0000${sampleKey(e.id, e.repeat)}`, e);
          if (run.stopped) this.stops.set(`${side}\u0000${r.round}`, run.stopped.reason);
        }
  }

  /** A round's run on `items`; a sample no shard ran is skipped and ends sampling, as a stop would. */
  run(
    base: PromptRun,
    side: Side,
    round: number,
    items: readonly { id: string; repeat: number }[],
  ): PromptRun {
    let missing = false;
    const examples = items.map((it): ExampleResult => {
      const found = this.answers.get(`${side}\u0000${round}\u0000${sampleKey(it.id, it.repeat)}`);
      if (found) return found;
      missing = true;
      const message = "the shard holding this example did not run this round";
      return {
        id: it.id,
        repeat: it.repeat,
        status: "skipped",
        error: { kind: "skipped", message },
        criteria: {},
      };
    });
    const stopped =
      this.stops.get(`${side}\u0000${round}`) ?? (missing ? "a shard did not run every round" : undefined);
    const { stopped: _s, ...meta } = base;
    return {
      ...meta,
      summary: summarize(examples),
      examples,
      ...(stopped ? { stopped: { reason: stopped } } : {}),
    };
  }
}

interface JoinedPrompt {
  prepared: PreparedPrompt;
  sampled: SampledPrompt;
  answers: RoundAnswers;
}

function joinPrompt(parts: readonly ShardPrompt[]): JoinedPrompt {
  const [head] = parts;
  if (!head) throw new Error("joinPrompt needs a part");
  const byId = new Map(parts.flatMap((p) => p.eval_set.examples).map((e) => [e.id, e]));
  const evalSet: LoadedEvalSet = {
    file: head.eval_set.file,
    examples: [...byId.values()].sort((a, b) => a.line - b.line),
  };
  const champions = parts.flatMap((p) => (p.first_pass.champion ? [p.first_pass.champion] : []));
  const champion =
    head.champion && champions.length > 0
      ? joinRuns(champions, head.champion.data.eval_criteria, evalSet, head.sampled)
      : null;
  const joined = joinRuns(
    parts.map((p) => p.first_pass.challenger),
    head.challenger.data.eval_criteria,
    evalSet,
    head.sampled,
  );
  // As in one run: a refused request where the champion answered is the challenger's failure.
  const charged = chargeErrors(
    champion?.examples ?? null,
    joined.examples,
    head.challenger.data.eval_criteria.map((c) => c.name),
  );
  const challenger: PromptRun =
    charged.charged === 0
      ? joined
      : {
          ...joined,
          examples: charged.examples,
          summary: summarize(charged.examples),
          criteria: aggregateCriteria(head.challenger.data.eval_criteria, charged.examples, evalSet.examples),
        };
  const mustPass = new Set(evalSet.examples.filter((e) => e.must_pass === true).map((e) => e.id));
  const added = new Set(parts.flatMap((p) => p.added ?? []));
  const prepared: PreparedPrompt = {
    name: head.name,
    reasons: head.reasons,
    champion: head.champion,
    challenger: head.challenger,
    criteria: head.criteria,
    evalSet,
    ...(head.baseline_note ? { baselineNote: head.baseline_note } : {}),
    challengerFile: head.challenger_file,
    ...(head.challenger_sha256 ? { challengerSha256: head.challenger_sha256 } : {}),
    ...(head.champion_file ? { championFile: head.champion_file } : {}),
    ...(head.champion_sha256 ? { championSha256: head.champion_sha256 } : {}),
    criterionLines: head.criterion_lines,
    ...(added.size > 0 ? { added } : {}),
  };
  const sampled: SampledPrompt = {
    criteria: head.criteria,
    championCriteria: head.champion?.data.eval_criteria ?? [],
    evalSet,
    champion,
    challenger,
    inputs: new Map(
      evalSet.examples.map((e) => [
        e.id,
        { input: e.input, ...(e.expected !== undefined ? { expected: e.expected } : {}) },
      ]),
    ),
    temperatureZero: head.champion?.data.temperature === 0 && head.challenger.data.temperature === 0,
    ...(mustPass.size > 0 ? { mustPass } : {}),
  };
  return { prepared, sampled, answers: new RoundAnswers(parts) };
}

const shardLabel = (index: number, count: number): string => `shard ${index}/${count}`;

/** Merges checked shards into the results of one run; missing shards make it inconclusive and are named. */
export async function mergeShards(
  checked: CheckedShards,
  now: () => number = Date.now,
  /** Where the prompt headings link to (the Action's repository on its server). */
  opts: { repositoryUrl?: string } = {},
): Promise<CompareResults> {
  const { count, shards, missing } = checked;
  const [first] = shards;
  if (!first) throw new UserError("merge needs at least one shard results file");
  const joined: JoinedPrompt[] = [];
  const notEvaluated: { prompt: string; reason: string }[] = [];
  for (const { name } of first.plan.prompts) {
    const parts = shards.flatMap((s) => s.prompts.filter((p) => p.name === name));
    const skipped = shards.flatMap((s) =>
      s.not_evaluated
        .filter((n) => n.prompt === name)
        .map((n) => ({ shard: s.shard.index, reason: n.reason })),
    );
    if (skipped.length > 0) {
      // What the plan decides (removed, unchanged requests) is decided alike in every shard; anything
      // else happened in one shard and names it.
      const [once] = skipped;
      const planned = isPlannedSkip(once?.reason ?? "") && skipped.every((s) => s.reason === once?.reason);
      const reason = planned
        ? (once?.reason ?? "")
        : skipped.map((s) => `${shardLabel(s.shard, count)}: ${s.reason}`).join("; ");
      notEvaluated.push({ prompt: name, reason });
      continue;
    }
    if (parts.length > 0) joined.push(joinPrompt(parts));
  }
  for (const i of missing)
    notEvaluated.push({
      prompt: shardLabel(i, count),
      reason: "no results: the shard's job failed or its results were not passed to merge",
    });
  // Split as one run splits: the base examples decide, the added ones can only add failures.
  const sampled: SampledPrompt[] = [];
  const owner: number[] = [];
  joined.forEach((j, k) => {
    for (const population of splitPopulations(j.sampled, j.prepared.added ?? new Set())) {
      sampled.push(population);
      owner.push(k);
    }
  });
  const comparisons: PromptComparison[] = await decideInRounds(
    sampled,
    first.plan.gate,
    (i, side, round, items) => {
      const j = joined[owner[i] ?? -1] as JoinedPrompt;
      const base = side === "champion" ? j.sampled.champion : j.sampled.challenger;
      if (!base) throw new Error("a round was asked of a side that does not run");
      return Promise.resolve(j.answers.run(base, side, round, items));
    },
  );
  const prepared = joined.map((j) => j.prepared);
  const perPrompt = perPromptDecisions(prepared, sampled, owner, comparisons);
  const startedAt = new Date(Math.min(...shards.map((s) => Date.parse(s.started_at))));
  const results = assembleResults(
    {
      mergeBaseSha: first.plan.merge_base_sha,
      headSha: first.plan.head_sha,
      ignored: first.ignored,
      gateChanges: first.gate_changes,
    },
    first.labels,
    {
      ignoredInputs: first.ignored_inputs,
      run: { provider: { id: first.provider } },
      ...(opts.repositoryUrl ? { repositoryUrl: opts.repositoryUrl } : {}),
    },
    {
      startedAt,
      prepared,
      sampled: perPrompt.sampled,
      comparisons: perPrompt.comparisons,
      notEvaluated,
    },
    now,
  );
  withAddedExamples(results, perPrompt.added);
  // Approving a gate change on a run that lacks shards would accept answers nobody saw.
  const verdict = missing.length > 0 && results.verdict !== "fail" ? "inconclusive" : results.verdict;
  return { ...results, verdict, shards: { count, merged: shards.map((s) => s.shard.index), missing } };
}

/** The line the merged report adds under the unsharded one's. */
export function shardNote(results: CompareResults): string {
  const s = results.shards;
  if (!s) return "";
  const missing =
    s.missing.length > 0 ? `; missing: ${s.missing.map((i) => shardLabel(i, s.count)).join(", ")}` : "";
  return `\n<sub>Merged from ${s.merged.length} of ${s.count} shards${missing}.</sub>\n`;
}

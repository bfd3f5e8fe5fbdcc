/**
 * One shard of a compare: its share of every planned prompt's examples, both
 * sides, the first pass and then every further sampling round up to
 * max_sampling_rounds (a fixed design). A shard decides nothing: which rounds
 * count is for the merge, which replays the sequential gate over every shard's
 * answers (docs/statistics.md, "Sharded runs").
 */
import { createHash } from "node:crypto";
import type { LoadedEvalSet } from "../config/load.js";
import { stopReason } from "../engine/deadline.js";
import type { PromptRun } from "../engine/evaluate.js";
import { sampleById } from "../engine/sample.js";
import { errorMessage, isUserError } from "../errors.js";
import {
  nothingToTest,
  preparePrompt,
  runSide,
  sideLabel,
  type CompareOptions,
  type PreparedPrompt,
} from "../pipeline/compare-run.js";
import { nextItems, withRound } from "../pipeline/sampling-rounds.js";
import { UNCHANGED_REQUESTS } from "../pipeline/unchanged.js";
import type { ComparisonPlan } from "../plan/plan.js";
import { VERSION } from "../version.js";
import { planIdentity, type PlanIdentity } from "./plan-identity.js";
import { inShare, shareOf, type Shard } from "./shard.js";
import type { ShardPrompt, ShardResults } from "./shard-results.js";

export const planId = (identity: PlanIdentity): string =>
  createHash("sha256").update(JSON.stringify(identity)).digest("hex");

const CHAMPION_REASON = "active on the base branch";

/** Every round after the first, on the examples whose answers vary, as the unsharded gate would ask them. */
async function fixedRounds(
  prep: PreparedPrompt,
  share: LoadedEvalSet,
  first: ShardPrompt["first_pass"],
  opts: CompareOptions,
): Promise<ShardPrompt["rounds"]> {
  const rounds: ShardPrompt["rounds"] = [];
  const champion = prep.champion;
  let a = first.champion;
  let b = first.challenger;
  // As in the gate: no champion, answers known deterministic, or a first pass cut short take no rounds.
  if (!champion || !a || a.stopped || b.stopped) return rounds;
  if (champion.data.temperature === 0 && prep.challenger.data.temperature === 0) return rounds;
  for (let round = 2; round <= opts.gate.maxSamplingRounds; round++) {
    if (opts.signal?.aborted) break;
    const items = nextItems(a, b);
    if (items.length === 0) break;
    const reason = prep.reasons.join("; ");
    const ra = await runSide(
      sideLabel(prep, "champion", round),
      champion,
      share,
      CHAMPION_REASON,
      opts,
      items,
    );
    const rb = await runSide(
      sideLabel(prep, "challenger", round),
      prep.challenger,
      share,
      reason,
      opts,
      items,
      prep.toolSchemas,
    );
    rounds.push({ round, champion: ra, challenger: rb });
    a = withRound(a, ra, champion.data.eval_criteria, share);
    b = withRound(b, rb, prep.criteria, share);
    if (ra.stopped || rb.stopped) break;
  }
  return rounds;
}

/** Runs this shard's share of the plan; the merge (src/scale/merge.ts) turns the shards into one verdict. */
export async function runShard(
  plan: ComparisonPlan,
  labels: { base: string; head: string },
  opts: CompareOptions,
  shard: Shard,
): Promise<ShardResults> {
  const now = opts.now ?? Date.now;
  const startedAt = new Date(now());
  const identity = planIdentity(plan, {
    gate: opts.gate,
    provider: opts.run.provider.id,
    maxExamples: opts.run.maxExamples,
    shards: shard.count,
  });
  const notEvaluated: { prompt: string; reason: string }[] = [];
  const prepared: PreparedPrompt[] = [];
  for (const p of plan.prompts) {
    const prep = await preparePrompt(p, opts);
    if (!("challenger" in prep)) notEvaluated.push(prep);
    else if (nothingToTest(p, prep)) notEvaluated.push({ prompt: p.name, reason: UNCHANGED_REQUESTS });
    else prepared.push(prep);
  }
  // max_examples cuts each eval set first, as one run would; the cut is then dealt.
  // Drawn as one gate run draws it: seeded by the base commit, the base's examples first.
  const cuts = prepared.map((prep) =>
    sampleById(prep.evalSet.examples, opts.run.maxExamples, {
      seed: plan.baseSha,
      first: new Set(prep.evalSet.examples.map((e) => e.id).filter((id) => prep.added?.has(id) !== true)),
    }),
  );
  const share = shareOf(
    prepared.flatMap((prep, i) => (cuts[i]?.items ?? []).map((e) => ({ prompt: prep.name, id: e.id }))),
    shard,
  );
  const prompts: ShardPrompt[] = [];
  for (const [i, prep] of prepared.entries()) {
    if (opts.signal?.aborted) {
      notEvaluated.push({ prompt: prep.name, reason: `${stopReason(opts.signal)} before it started` });
      continue;
    }
    const cut = cuts[i] ?? { items: [] };
    const mine: LoadedEvalSet = {
      file: prep.evalSet.file,
      examples: cut.items.filter((e) => inShare(share, { prompt: prep.name, id: e.id })),
    };
    const added = mine.examples.filter((e) => prep.added?.has(e.id) === true).map((e) => e.id);
    try {
      const champion: PromptRun | null = prep.champion
        ? await runSide(sideLabel(prep, "champion", 1), prep.champion, mine, CHAMPION_REASON, opts)
        : null;
      const challenger = await runSide(
        sideLabel(prep, "challenger", 1),
        prep.challenger,
        mine,
        prep.reasons.join("; "),
        opts,
        undefined,
        prep.toolSchemas,
      );
      const first = { champion, challenger };
      prompts.push({
        name: prep.name,
        reasons: prep.reasons,
        champion: prep.champion,
        challenger: prep.challenger,
        criteria: prep.criteria,
        eval_set: mine,
        ...(added.length > 0 ? { added } : {}),
        ...(cut.sampled ? { sampled: cut.sampled } : {}),
        ...(prep.baselineNote ? { baseline_note: prep.baselineNote } : {}),
        challenger_file: prep.challengerFile,
        ...(prep.challengerSha256 ? { challenger_sha256: prep.challengerSha256 } : {}),
        ...(prep.championFile ? { champion_file: prep.championFile } : {}),
        ...(prep.championSha256 ? { champion_sha256: prep.championSha256 } : {}),
        criterion_lines: prep.criterionLines,
        first_pass: first,
        rounds: await fixedRounds(prep, mine, first, opts),
      });
    } catch (e) {
      if (isUserError(e)) throw e;
      notEvaluated.push({ prompt: prep.name, reason: errorMessage(e) });
    }
  }
  return {
    schema_version: 1,
    kind: "compare-shard",
    tool: { name: "agentops", version: VERSION },
    shard: { index: shard.index, count: shard.count },
    plan_id: planId(identity),
    plan: identity,
    labels,
    provider: opts.run.provider.id,
    started_at: startedAt.toISOString(),
    finished_at: new Date(now()).toISOString(),
    prompts,
    not_evaluated: notEvaluated,
    ignored: plan.ignored,
    gate_changes: plan.gateChanges,
    ignored_inputs: opts.ignoredInputs ?? [],
  };
}

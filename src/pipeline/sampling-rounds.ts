/**
 * The sequential gate's rounds: look at every prompt, and while a criterion is
 * undecided run one more repeat of both sides on the examples whose answers
 * vary, until every criterion is decided, answers prove deterministic, the cap
 * of max_sampling_rounds is reached, or a budget or the deadline stops it.
 */
import type { LoadedEvalSet } from "../config/load.js";
import type { Criterion } from "../config/schema.js";
import {
  comparePrompt,
  testedCriteria,
  undecided,
  type ShownInput,
  type GateSettings,
  type PromptComparison,
} from "../compare/compare.js";
import { settledExamples } from "../compare/cluster.js";
import { chargeErrors } from "../compare/error-kinds.js";
import { aggregateCriteria, summarize } from "../engine/aggregate.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { ExampleResult } from "../engine/runner.js";

/** One prompt under sampling; its runs grow in place as rounds are added. */
export interface SampledPrompt {
  /** The criteria that judge the challenger. */
  criteria: readonly Criterion[];
  /** The champion prompt's own criteria (its run's aggregates). */
  championCriteria: readonly Criterion[];
  evalSet: LoadedEvalSet;
  champion: PromptRun | null;
  challenger: PromptRun;
  inputs: ReadonlyMap<string, ShownInput>;
  /** Both sides run at temperature 0: their answers are taken as deterministic without asking again. */
  temperatureZero?: boolean;
  /**
   * "added": the examples the change adds to a prompt that has a baseline. Tested as a family of its
   * own, so it never widens the base population's family (which would make a base regression easier
   * to pass), and it can only add failures (src/compare/populations.ts).
   */
  population?: "added";
  /** Ids of the eval set's must_pass examples. */
  mustPass?: ReadonlySet<string>;
}

export type RunItems = (
  prompt: number,
  side: "champion" | "challenger",
  round: number,
  items: { id: string; repeat: number }[],
) => Promise<PromptRun>;

/** The examples of a round: every example not settled, at the next repeat index it has on either side. */
export function nextItems(champion: PromptRun, challenger: PromptRun): { id: string; repeat: number }[] {
  const settled = settledExamples(champion.examples, challenger.examples);
  const next = new Map<string, number>();
  for (const r of [...champion.examples, ...challenger.examples])
    next.set(r.id, Math.max(next.get(r.id) ?? 0, r.repeat + 1));
  return [...next].filter(([id]) => !settled.has(id)).map(([id, repeat]) => ({ id, repeat }));
}

/** Every paired example's answers are settled: more repeats would only repeat them. */
function deterministic(champion: PromptRun, challenger: PromptRun): boolean {
  const okIds = (run: PromptRun): Set<string> =>
    new Set(run.examples.filter((r) => r.status === "ok").map((r) => r.id));
  const a = okIds(champion);
  const paired = [...okIds(challenger)].filter((id) => a.has(id));
  if (paired.length === 0) return false;
  const settled = settledExamples(champion.examples, challenger.examples);
  return paired.every((id) => settled.has(id));
}

/**
 * A run with a further round's scored samples added. Samples the round could
 * not take (an error, or a budget or the deadline stopped it) are left out
 * rather than counted: they were extra, and the first pass alone decides
 * "could not measure".
 */
export function withRound(
  run: PromptRun,
  round: PromptRun,
  criteria: readonly Criterion[],
  evalSet: LoadedEvalSet,
): PromptRun {
  const examples: ExampleResult[] = [...run.examples, ...round.examples.filter((r) => r.status === "ok")];
  return {
    ...run,
    summary: summarize(examples),
    criteria: aggregateCriteria(criteria, examples, evalSet.examples),
    examples,
  };
}

/** A round whose calls errored more than max_error_rate allows ends sampling (a replay has no answer for new repeats). */
function roundFailed(runs: readonly PromptRun[], maxErrorRate: number): { reason: string } | undefined {
  const results = runs.flatMap((r) => r.examples);
  const errors = results.filter((r) => r.status === "error");
  if (results.length === 0 || errors.length / results.length <= maxErrorRate) return undefined;
  return {
    reason: `${errors.length} of ${results.length} further answers errored: ${errors[0]?.error?.message ?? "error"}`,
  };
}

/**
 * Both sides at once. They draw on the run's one set of call slots, so together they never exceed
 * the concurrency; one side's error waits for the other to end, so no call goes on unwatched.
 */
export async function bothSides<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
}

/** Decides every prompt, running further rounds while any criterion is undecided. */
export async function decideInRounds(
  prompts: SampledPrompt[],
  gate: GateSettings,
  runItems: RunItems,
  signal?: AbortSignal,
): Promise<PromptComparison[]> {
  const maxRounds = Math.max(1, gate.maxSamplingRounds);
  const decided: (PromptComparison | undefined)[] = prompts.map(() => undefined);
  const previous: (PromptComparison | undefined)[] = prompts.map(() => undefined);
  // A first pass a budget or the deadline cut short is not sampled further (and is inconclusive).
  const stoppedBy = prompts.map((p) => p.champion?.stopped?.reason ?? p.challenger.stopped?.reason);
  for (let round = 1; ; round++) {
    const open: number[] = [];
    prompts.forEach((p, i) => {
      if (decided[i]) return;
      const det =
        p.champion !== null && (p.temperatureZero === true || deterministic(p.champion, p.challenger));
      const stop = stoppedBy[i] ?? (signal?.aborted ? "the deadline or a cancellation" : undefined);
      const final = round >= maxRounds || det || stop !== undefined;
      const ended = det
        ? "deterministic answers"
        : (stop ?? (round >= maxRounds ? "max_sampling_rounds" : undefined));
      const c = comparePrompt(p.champion, p.challenger, p.criteria, gate, p.inputs, {
        round,
        maxRounds,
        // One family per prompt (docs/statistics.md): its own tested criteria share α, so prompts
        // added to a PR never lower another prompt's bar.
        familySize: testedCriteria(p.champion, p.criteria),
        final,
        ...(p.mustPass && p.mustPass.size > 0 ? { mustPass: p.mustPass } : {}),
        deterministic: det,
        ...(ended ? { ended } : {}),
        ...(previous[i] ? { previous: previous[i] } : {}),
      });
      if (final || !undecided(c))
        decided[i] = final ? c : { ...c, sampling: { ...c.sampling, ended: "decided" } };
      else {
        previous[i] = c;
        open.push(i);
      }
    });
    if (open.length === 0) break;
    for (const i of open) {
      const p = prompts[i] as SampledPrompt;
      if (!p.champion) continue;
      const items = nextItems(p.champion, p.challenger);
      if (items.length === 0) continue;
      const [champ, chall] = await bothSides(
        runItems(i, "champion", round + 1, items),
        runItems(i, "challenger", round + 1, items),
      );
      // A refused request in a later round is the challenger's failure too, where the champion answered.
      const charged = chargeErrors(
        champ.examples,
        chall.examples,
        p.criteria.map((c) => c.name),
      );
      p.champion = withRound(p.champion, champ, p.championCriteria, p.evalSet);
      p.challenger = withRound(p.challenger, { ...chall, examples: charged.examples }, p.criteria, p.evalSet);
      const stop = champ.stopped ?? chall.stopped ?? roundFailed([champ, chall], gate.maxErrorRate);
      if (stop) stoppedBy[i] = stop.reason;
    }
  }
  return decided as PromptComparison[];
}

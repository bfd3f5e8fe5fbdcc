/** The results file of one shard of a compare: what the merge needs to decide as one run would. */
import type { LoadedExample, LoadedPrompt } from "../config/load.js";
import type { Criterion } from "../config/schema.js";
import type { PromptRun } from "../engine/evaluate.js";
import type { GateChange } from "../plan/trust.js";
import type { PlanIdentity } from "./plan-identity.js";

/** One prompt's share: both sides' first pass and every further round the fixed design ran. */
export interface ShardPrompt {
  name: string;
  reasons: string[];
  champion: LoadedPrompt | null;
  challenger: LoadedPrompt;
  criteria: Criterion[];
  eval_set: { file: string; examples: LoadedExample[] };
  /** Ids of this share's examples that the change added: a population of their own at the merge. */
  added?: string[];
  /** max_examples' cut of the whole eval set (before dealing), when it cut. */
  sampled?: { kept: number; of: number; method: string };
  baseline_note?: string;
  challenger_file: string;
  challenger_sha256?: string;
  champion_file?: string;
  champion_sha256?: string;
  criterion_lines: Record<string, number>;
  first_pass: { champion: PromptRun | null; challenger: PromptRun };
  /** Round 2 onwards, every sample as it came back (errors included). */
  rounds: { round: number; champion: PromptRun; challenger: PromptRun }[];
}

export interface ShardResults {
  schema_version: 1;
  kind: "compare-shard";
  tool: { name: "agentops"; version: string };
  shard: { index: number; count: number };
  /** sha256 of the identity: files merge only when it is equal. */
  plan_id: string;
  plan: PlanIdentity;
  labels: { base: string; head: string };
  provider: string;
  started_at: string;
  finished_at: string;
  prompts: ShardPrompt[];
  not_evaluated: { prompt: string; reason: string }[];
  ignored: string[];
  gate_changes: GateChange[];
  ignored_inputs: string[];
}

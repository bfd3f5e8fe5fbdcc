/**
 * What makes sharded results one plan: the same revisions, the same prompt
 * versions and eval sets, the same gate and the same number of shards. Two
 * shard files merge only when their identities are equal.
 */
import { createHash } from "node:crypto";
import type { GateSettings } from "../compare/compare.js";
import type { ComparisonPlan } from "../plan/plan.js";

export interface PromptIdentity {
  name: string;
  champion: { version: number; sha256: string } | null;
  challenger: { version: number; sha256: string } | null;
  eval_set_sha256: string | null;
  /** The criteria that judge the challenger (rubrics included) and the informational ones. */
  criteria_sha256: string;
}

export interface PlanIdentity {
  base_sha: string;
  head_sha: string;
  merge_base_sha: string;
  environment: string;
  prompts: PromptIdentity[];
  gate: GateSettings;
  provider: string;
  /** max_examples cuts the eval set before it is dealt, so every shard must cut it alike. */
  max_examples: number | null;
  shards: number;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export function planIdentity(
  plan: ComparisonPlan,
  run: { gate: GateSettings; provider: string; maxExamples?: number | undefined; shards: number },
): PlanIdentity {
  return {
    base_sha: plan.baseSha,
    head_sha: plan.headSha,
    merge_base_sha: plan.mergeBaseSha,
    environment: plan.environment,
    prompts: plan.prompts.map((p) => ({
      name: p.name,
      champion: p.champion ? { version: p.champion.version, sha256: sha256(p.champion.text) } : null,
      challenger: p.challenger ? { version: p.challenger.version, sha256: sha256(p.challenger.text) } : null,
      eval_set_sha256: p.evalSet ? sha256(p.evalSet.text) : null,
      criteria_sha256: sha256(JSON.stringify([p.criteria, p.informational])),
    })),
    gate: { ...run.gate },
    provider: run.provider,
    max_examples: run.maxExamples ?? null,
    shards: run.shards,
  };
}

/** The first field in which two identities differ, as "head_sha: abc… vs def…"; undefined when equal. */
export function identityDifference(a: PlanIdentity, b: PlanIdentity): string | undefined {
  const fields = (x: PlanIdentity): [string, string][] => [
    ["base_sha", x.base_sha],
    ["head_sha", x.head_sha],
    ["merge_base_sha", x.merge_base_sha],
    ["environment", x.environment],
    ["shard count", String(x.shards)],
    ["provider", x.provider],
    ["gate settings", JSON.stringify(x.gate)],
    ["max_examples", String(x.max_examples)],
    ["prompts", x.prompts.map((p) => p.name).join(", ")],
    ...x.prompts.flatMap((p): [string, string][] => [
      [
        `${p.name} champion`,
        p.champion ? `v${p.champion.version} ${p.champion.sha256.slice(0, 12)}` : "none",
      ],
      [
        `${p.name} challenger`,
        p.challenger ? `v${p.challenger.version} ${p.challenger.sha256.slice(0, 12)}` : "none",
      ],
      [`${p.name} eval set`, p.eval_set_sha256?.slice(0, 12) ?? "none"],
      [`${p.name} criteria`, p.criteria_sha256.slice(0, 12)],
    ]),
  ];
  const fb = new Map(fields(b));
  for (const [name, value] of fields(a)) {
    const other = fb.get(name);
    if (other !== value) return `${name}: ${value} vs ${other ?? "(absent)"}`;
  }
  return undefined;
}

/**
 * What decides a verdict, without the revisions it was computed at: the prompt
 * bytes on both sides, the eval sets, the criteria, the gate, the provider and
 * the sample size. A merge-queue head whose key equals the key of the pull
 * request head's finished evaluation would get the same verdict.
 */
export function verdictKey(identity: PlanIdentity): string {
  const { environment, prompts, gate, provider, max_examples } = identity;
  return sha256(JSON.stringify({ environment, prompts, gate, provider, max_examples }));
}

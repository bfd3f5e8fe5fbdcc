/**
 * Which examples a shard evaluates: every (prompt, example id) pair is ordered by
 * a hash of both, then dealt round-robin, so the shares are the same on every
 * machine and their sizes differ by at most one.
 */
import { createHash } from "node:crypto";
import { UserError } from "../errors.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The most shards a run may be split into: beyond it a share is a handful of calls. */
export const MAX_SHARDS = 256;

/** "2/3" as shard 2 of 3; `field` names the flag or input in the error. */
export function parseShard(text: string, field: string): Shard {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    throw new UserError(
      `${field} takes i/N with 1 ≤ i ≤ N ≤ ${MAX_SHARDS}, got "${text}"`,
      {},
      `e.g. ${field} 1/3 for the first of three shards`,
    );
  return { index, count };
}

export const shardName = (s: Shard): string => `${s.index}/${s.count}`;

/** The results file a shard writes, named by its shard so that the shards' files never collide. */
export const shardFileName = (s: Shard): string => `shard-${s.index}-of-${s.count}.json`;

export interface ShardKey {
  prompt: string;
  id: string;
}

const keyOf = (k: ShardKey): string => `${k.prompt}\u0000${k.id}`;

function rank(k: ShardKey): string {
  return createHash("sha256")
    .update(`agentops-shard:${keyOf(k)}`)
    .digest("hex");
}

/** The keys of the given shard's share (as `prompt\0id`); a key listed twice counts once. */
export function shareOf(keys: readonly ShardKey[], shard: Shard): Set<string> {
  const unique = new Map(keys.map((k) => [keyOf(k), rank(k)]));
  // Ties are impossible in practice (sha256); the key breaks them so the order is total anyway.
  const ordered = [...unique].sort(([ka, ra], [kb, rb]) =>
    ra < rb ? -1 : ra > rb ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0,
  );
  return new Set(ordered.filter((_, i) => i % shard.count === shard.index - 1).map(([k]) => k));
}

export const inShare = (share: ReadonlySet<string>, k: ShardKey): boolean => share.has(keyOf(k));

/** The results file of an eval shard: apart from compare shards' (merge reads those only). */
export const evalShardFileName = (s: Shard): string => `eval-shard-${s.index}-of-${s.count}.json`;

/** Each eval set cut to the shard's share of every (prompt, example id) pair across `sets`. */
export function shareSets<E extends { id: string }>(
  sets: readonly { prompt: string; examples: readonly E[] }[],
  shard: Shard,
): E[][] {
  const share = shareOf(
    sets.flatMap((s) => s.examples.map((e) => ({ prompt: s.prompt, id: e.id }))),
    shard,
  );
  return sets.map((s) => s.examples.filter((e) => inShare(share, { prompt: s.prompt, id: e.id })));
}

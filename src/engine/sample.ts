import { createHash } from "node:crypto";

export interface Sampled<T> {
  items: T[];
  /** Present when the set was cut down: how many of how many, and how they were chosen. */
  sampled?: { kept: number; of: number; method: string };
}

/**
 * Keeps `max` items chosen by a hash of their id: the same ids on every run and
 * on both sides of a comparison, so a sampled champion and challenger still pair.
 * The original order is kept.
 */
export function sampleById<T extends { id: string }>(
  items: readonly T[],
  max: number | undefined,
): Sampled<T> {
  if (max === undefined || items.length <= max) return { items: [...items] };
  const rank = (id: string): string => createHash("sha256").update(`agentops-sample:${id}`).digest("hex");
  const keep = new Set(
    items
      .map((i) => ({ id: i.id, r: rank(i.id) }))
      .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
      .slice(0, max)
      .map((x) => x.id),
  );
  return {
    items: items.filter((i) => keep.has(i.id)),
    sampled: { kept: max, of: items.length, method: "deterministic by sha256 of the example id" },
  };
}

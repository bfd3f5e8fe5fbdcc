import { createHash } from "node:crypto";

export interface Sampled<T> {
  items: T[];
  /** Present when the set was cut down: how many of how many, and how they were chosen. */
  sampled?: { kept: number; of: number; method: string };
}

/**
 * How a gate draws its sample: a seed the pull request cannot choose (derived from the base
 * commit) and the examples that fill the sample first (the base's own), so examples a change adds
 * can never crowd the base's out, however their ids are picked.
 */
export interface SampleOptions {
  seed: string;
  first?: ReadonlySet<string>;
}

/**
 * Keeps `max` items chosen by a hash of their id: the same ids on every run and
 * on both sides of a comparison, so a sampled champion and challenger still pair.
 * The original order is kept.
 */
export function sampleById<T extends { id: string }>(
  items: readonly T[],
  max: number | undefined,
  opts?: SampleOptions,
): Sampled<T> {
  if (max === undefined || items.length <= max) return { items: [...items] };
  const salt = opts ? `agentops-sample:${opts.seed}:` : "agentops-sample:";
  const rank = (id: string): string => createHash("sha256").update(`${salt}${id}`).digest("hex");
  const first = opts?.first;
  const tier = (id: string): number => (first === undefined || first.has(id) ? 0 : 1);
  const keep = new Set(
    items
      .map((i) => ({ id: i.id, t: tier(i.id), r: rank(i.id) }))
      .sort((a, b) => a.t - b.t || (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
      .slice(0, max)
      .map((x) => x.id),
  );
  const added = first !== undefined && items.some((i) => !first.has(i.id));
  const method = opts
    ? `${added ? "base examples first, then added ones; " : ""}deterministic by sha256 of the base commit and the example id`
    : "deterministic by sha256 of the example id";
  return { items: items.filter((i) => keep.has(i.id)), sampled: { kept: max, of: items.length, method } };
}

/**
 * Why a prompt of the plan is not evaluated when that is the plan's own decision, taken alike by one
 * run and every shard: not a failure, not an incomplete run, nothing missing.
 */
import { UNCHANGED_REQUESTS } from "./unchanged.js";

export const REMOVED_BY_CHANGE = "removed by this change";

const PLANNED = new Set([REMOVED_BY_CHANGE, UNCHANGED_REQUESTS]);

/** The reason is the plan's decision (removed, or byte-identical requests), not something that went wrong. */
export function isPlannedSkip(reason: string): boolean {
  return PLANNED.has(reason);
}

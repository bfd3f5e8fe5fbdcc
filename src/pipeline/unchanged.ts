/**
 * Whether a change left what a prompt sends untouched. A prompt whose rendered
 * requests are byte-identical on both sides (a comment line, a reordered key)
 * is not tested and does not count in any α family: testing it could only
 * spend α, and a PR could add such edits to dilute the level of the prompt it
 * really changed. Pure.
 */
import type { LoadedEvalSet, LoadedPrompt } from "../config/load.js";
import { buildRequest } from "../engine/build-request.js";
import { requestKey } from "../engine/request.js";

/** The reason a not-tested prompt is listed under "Not evaluated"; not a failure to evaluate. */
export const UNCHANGED_REQUESTS =
  "its rendered requests are byte-identical to the base's: not tested, and not counted in any α family";

/** Every example's request (and what else drives the calls: steps, repeats) is the same on both sides. */
export function sameRequests(
  champion: LoadedPrompt,
  challenger: LoadedPrompt,
  evalSet: LoadedEvalSet,
): boolean {
  const a = champion.data;
  const b = challenger.data;
  if ((a.max_steps ?? 1) !== (b.max_steps ?? 1) || (a.repeats ?? 1) !== (b.repeats ?? 1)) return false;
  if (evalSet.examples.length === 0) return false;
  for (const example of evalSet.examples) {
    try {
      if (requestKey(buildRequest(a, example)) !== requestKey(buildRequest(b, example))) return false;
    } catch {
      // A side that cannot render an example is a difference the run reports.
      return false;
    }
  }
  return true;
}

import type { CriterionOf } from "../../config/schema.js";
import { compilePattern } from "../../config/pattern.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/**
 * Patterns come from prompt files (a pull request can write them) and run on model
 * outputs. JavaScript's backtracking engine lets a pattern like `(a+)+b` stall a run
 * on thirty-odd characters, so patterns run on RE2 (re2js), whose matching time is
 * linear in the input. The price: no lookarounds or backreferences — the loader says so.
 * Outputs are still capped, so even linear scans stay short.
 */
export const MAX_REGEX_INPUT = 100_000;

const SNIPPET = 40;

function describeMatch(found: string): string {
  const shown = found.length > SNIPPET ? `${found.slice(0, SNIPPET)}…` : found;
  return `matches ${JSON.stringify(shown)}`;
}

export function scoreRegex(c: CriterionOf<"regex">, ctx: ScoreContext): CriterionScore {
  const matcher = compilePattern(c.pattern, c.flags ?? "").matcher(ctx.output.slice(0, MAX_REGEX_INPUT));
  const found = matcher.find() ? (matcher.group() ?? "") : null;
  const wanted = c.match ?? true;
  const passed = (found !== null) === wanted;
  return {
    score: passed ? 1 : 0,
    passed,
    detail: found !== null ? describeMatch(found) : "does not match",
  };
}

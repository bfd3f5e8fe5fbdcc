import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/**
 * Patterns come from prompt files and outputs from models, and JavaScript regular expressions
 * backtrack. Capping the examined text bounds the run time of patterns that are slow in proportion
 * to a power of the input length (quadratic `.*x.*y` and the like) on a runaway output. It cannot
 * tame a truly exponential pattern such as `(a+)+b`, which stalls on a few dozen characters; the
 * loader only checks that the pattern compiles, so such a pattern is the prompt author's to avoid.
 * 100,000 characters is far beyond any answer a gate would judge by a regex.
 */
export const MAX_REGEX_INPUT = 100_000;

const compiled = new Map<string, RegExp>();

function compile(pattern: string, flags: string): RegExp {
  // "g" and "y" would make test()/exec() stateful across outputs through lastIndex.
  const safeFlags = flags.replace(/[gy]/g, "");
  const key = `${safeFlags}/${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(pattern, safeFlags);
    compiled.set(key, re);
  }
  return re;
}

const SNIPPET = 40;

function describeMatch(found: string): string {
  const shown = found.length > SNIPPET ? `${found.slice(0, SNIPPET)}…` : found;
  return `matches ${JSON.stringify(shown)}`;
}

export function scoreRegex(c: CriterionOf<"regex">, ctx: ScoreContext): CriterionScore {
  const found = compile(c.pattern, c.flags ?? "").exec(ctx.output.slice(0, MAX_REGEX_INPUT));
  const wanted = c.match ?? true;
  const passed = (found !== null) === wanted;
  return {
    score: passed ? 1 : 0,
    passed,
    detail: found ? describeMatch(found[0]) : "does not match",
  };
}

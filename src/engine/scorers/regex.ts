import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/**
 * Patterns come from prompt files and outputs from models, and JavaScript regular expressions
 * backtrack. A pattern whose run time grows with a power of the input length (`\s*x$` is quadratic)
 * takes about 8 s on 100,000 characters but would take hours on a runaway 10 MB output, so only the
 * first 100,000 characters are examined; that is far more than any answer a regex gate is meant for.
 * The cap cannot tame an exponential pattern such as `(a+)+b`, which stalls on thirty-odd
 * "a"s: the loader only checks that a pattern compiles, so avoiding those is up to the author.
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

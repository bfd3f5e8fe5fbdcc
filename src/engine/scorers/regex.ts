import type { CriterionOf } from "../../config/schema.js";
import type { CriterionScore, ScoreContext } from "../types.js";

/**
 * Patterns come from prompt files, outputs from models; bounding the text a
 * pattern runs over bounds the damage of a pathological (backtracking) pattern.
 */
export const MAX_REGEX_INPUT = 100_000;

const compiled = new Map<string, RegExp>();

function compile(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(pattern, flags);
    compiled.set(key, re);
  }
  return re;
}

export function scoreRegex(c: CriterionOf<"regex">, ctx: ScoreContext): CriterionScore {
  const re = compile(c.pattern, (c.flags ?? "").replace(/[gy]/g, ""));
  const matched = re.test(ctx.output.slice(0, MAX_REGEX_INPUT));
  const wanted = c.match ?? true;
  const passed = matched === wanted;
  return { score: passed ? 1 : 0, passed, detail: matched ? "matches" : "does not match" };
}
